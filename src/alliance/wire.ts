// The feed's wire schema: what a partner's answer must be, checked item by item before anything
// of it is applied, and what GET /openapi.json publishes for the feed route.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { TIME_PATTERN } from '../contract/index.js';
import { ABUSE_KINDS, SIGNAL_KINDS } from './model.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Time = (description: string) => Type.String({ pattern: TIME_PATTERN, description });

export const FeedSignalSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: "the publisher's id of the signal; stable across its versions" }),
  seq: Type.Integer({ minimum: 1, description: 'feed position of this version; pass the last one back as `after`' }),
  kind: literals(SIGNAL_KINDS),
  key_id: Type.String({ minLength: 1, maxLength: 64, description: 'the alliance key the value was hashed under' }),
  hash: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'HMAC-SHA256 of "kind:normalised value" under that key, base64url' }),
  abuse: literals(ABUSE_KINDS),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  first_seen: Time('event time the value was first seen in the abuse'),
  last_seen: Time('event time it was last seen'),
  expires_at: Time('event time after which the signal no longer counts'),
  case_ref: Type.String({ minLength: 1, maxLength: 64, description: "an opaque reference to the publisher's case" }),
  status: literals(['active', 'revoked'] as const),
}, { additionalProperties: false, description: 'A shared signal: a keyed hash, never a raw value' });

export const FeedPageSchema = Type.Object({
  items: Type.Array(FeedSignalSchema, { description: 'by seq, ascending' }),
  next_cursor: Type.String({ pattern: '^\\d{1,15}$', description: 'pass it back as `after`; it never goes back, and equals `after` when nothing is new' }),
  has_more: Type.Boolean({ description: 'more items wait after next_cursor: ask again at once' }),
}, { additionalProperties: false });

export type FeedPageWire = Static<typeof FeedPageSchema>;

export const FeedQuerySchema = Type.Object({
  after: Type.Optional(Type.String({ pattern: '^\\d{1,15}$', description: 'the next_cursor of the previous page; 0 or absent from the start' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
}, { additionalProperties: false });

const checkPage = TypeCompiler.Compile(FeedPageSchema);

/** Checks a partner's answer: the schema, then that the positions rise past `after` and the cursor is the last of them. */
export function parseFeedPage(body: unknown, after: number): { ok: true; page: FeedPageWire } | { ok: false; error: string } {
  const first = checkPage.Errors(body).First();
  if (first) return { ok: false, error: `${first.path || '(root)'}: ${first.message}` };
  const page = body as FeedPageWire;
  let last = after;
  for (const [i, item] of page.items.entries()) {
    if (item.seq <= last) return { ok: false, error: `/items/${i}/seq: ${item.seq} does not rise past ${last}` };
    last = item.seq;
  }
  if (Number(page.next_cursor) !== last) return { ok: false, error: `/next_cursor: ${page.next_cursor} is not the last seq given (${last})` };
  return { ok: true, page };
}
