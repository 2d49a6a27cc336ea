// Request and response schemas of the alliance's analyst routes (the feed's own are in
// src/alliance/wire.ts, shared with the client that checks partners' answers).
import { Type } from '@sinclair/typebox';
import { ABUSE_KINDS, FeedSignalSchema, SIGNAL_KINDS } from '../../alliance/index.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const open = { additionalProperties: true } as const;

export const PublishBodySchema = Type.Object({
  case_id: Type.String({ minLength: 1, maxLength: 256, description: 'a confirmed case of this tenant' }),
  kinds: Type.Optional(Type.Array(literals(SIGNAL_KINDS), { minItems: 1, uniqueItems: true,
    description: "signal kinds to share; absent: the policy's defaults for the case's abuse kind" })),
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: "absent: the policy's (0.9 by default)" })),
}, { additionalProperties: false });

export const PublishedSchema = Type.Object({
  ...FeedSignalSchema.properties,
  caseId: Type.String(),
  tenant: Type.String(),
  value: Type.String({ description: 'the normalised value, local to this platform: never on the feed' }),
  publishedBy: Type.String({ description: 'id of the key that published it' }),
  publishedAt: Type.String(),
  revokedAt: Type.Optional(Type.String()),
}, { ...open, description: 'A signal this platform published' });

export const PublishResultSchema = Type.Object({
  case_id: Type.String(),
  published: Type.Array(PublishedSchema, { description: 'one per value and valid alliance key' }),
  skipped: Type.Array(Type.Object({
    kind: literals(SIGNAL_KINDS),
    reason: literals(['victim', 'hub', 'invalid', 'over_limit'] as const),
    count: Type.Integer(),
  }), { description: "values left out: a victim's, a public place's, malformed, or past the policy's limit" }),
});

export const PublishedQuerySchema = Type.Object({
  case_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ pattern: '^\\d{1,15}$' })),
}, { additionalProperties: false });

export const PublishedPageSchema = Type.Object({ items: Type.Array(PublishedSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) });

export const RevokeResultSchema = Type.Object({ case_id: Type.String(), revoked: Type.Integer({ description: 'signals revoked now' }) });

const SpanSchema = Type.Object({ from: Type.Number(), to: Type.Optional(Type.Number()) }, { description: 'event time, epoch ms: from (inclusive) to (exclusive)' });

export const ReceivedSchema = Type.Object({
  id: Type.String({ description: 'partner:remote id' }),
  partner: Type.String(),
  remoteId: Type.String(),
  kind: literals(SIGNAL_KINDS),
  keyId: Type.String(),
  hash: Type.String(),
  abuse: literals(ABUSE_KINDS),
  confidence: Type.Number(),
  firstSeen: Type.String(),
  lastSeen: Type.String(),
  expiresAt: Type.String(),
  caseRef: Type.String(),
  status: literals(['active', 'revoked'] as const),
  inForce: Type.Array(SpanSchema, { description: 'spans of this platform\'s event time in which it counts (received, until revoked)' }),
  suppressed: Type.Array(SpanSchema, { description: 'spans an analyst suppressed it for' }),
  receivedAt: Type.String(),
  inForceNow: Type.Boolean({ description: 'whether it counts for the next event' }),
}, open);

export const ReceivedQuerySchema = Type.Object({
  partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  kind: Type.Optional(literals(SIGNAL_KINDS)),
}, { additionalProperties: false });

export const ReceivedListSchema = Type.Object({ items: Type.Array(ReceivedSchema) });

export const SuppressBodySchema = Type.Object({ suppressed: Type.Boolean() }, { additionalProperties: false });

export const PartnerStatusSchema = Type.Object({
  partner: Type.String(),
  url: Type.String(),
  trust: Type.Number(),
  state: literals(['never', 'ok', 'failing'] as const),
  cursor: Type.Integer(),
  consecutiveFailures: Type.Integer(),
  lastAttemptAt: Type.Optional(Type.String()),
  lastSuccessAt: Type.Optional(Type.String()),
  lastError: Type.Optional(Type.Object({ outcome: Type.String(), message: Type.String(), at: Type.String() })),
  nextAttemptAt: Type.Optional(Type.String()),
  pulls: Type.Record(Type.String(), Type.Integer()),
  applied: Type.Integer(),
}, open);
