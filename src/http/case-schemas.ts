// Request and response schemas of the case desk's routes, with examples for /openapi.json.
// Records stay open (additionalProperties) so that fields added later pass through.
import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { ALERT_KINDS, SEVERITIES, TIME_PATTERN } from '../contract/index.js';
import {
  APPEAL_STATUSES, CASE_STATUSES, COMPLAINT_STATUSES, DELIVERY_STATUSES, RESTRICTIONS, SANCTION_KINDS, SANCTION_STATES,
} from '../cases/index.js';
import { MAX_PAGE } from './schemas.js';

const open = { additionalProperties: true } as const;
/** A union of string literals that keeps its literal type for the handlers. */
function literals<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
}
const ID = Type.String({ minLength: 1, maxLength: 256 });
const TEXT = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const withExample = <T extends TSchema>(schema: T, example: unknown): T => ({ ...schema, examples: [example] });

const EXAMPLE_CASE = {
  id: 'case_3f1c0e9a7b2d4c6e8a10', source: 'default', kind: 'reverse_brushing', status: 'open', severity: 'critical',
  alert_ids: ['alr_3f1c0e9a7b2d4c6e8a10'], summary: 'item i_3 of shop s_9 flooded with 512 orders in 30 min; ...',
  opened: '2026-11-02T10:31:00.000Z', updated: '2026-11-02T11:02:00.000Z', shops: ['s_9'], victim_shops: ['s_9'], accused_shops: [],
  accounts: ['u_11', 'u_12'], order_count: 512, at_stake_fen: 1530880,
  protections: [{ kind: 'orders_excluded', shop: 's_9', orders: ['o_1', 'o_2'], since: '2026-11-02T10:31:05.120Z' }],
  complaint_ids: [], attachments: [],
};

export const CaseSchema = withExample(Type.Object({
  id: Type.String(), source: Type.String(), kind: literals(ALERT_KINDS), status: literals(CASE_STATUSES), severity: literals(SEVERITIES),
  alert_ids: Type.Array(Type.String()), summary: Type.String(), opened: Type.String(), updated: Type.String(),
  shops: Type.Array(Type.String()), victim_shops: Type.Array(Type.String()), accused_shops: Type.Array(Type.String()),
  accounts: Type.Array(Type.String()), order_count: Type.Integer(), at_stake_fen: Type.Integer(),
  assignee: Type.Optional(Type.String()), protections: Type.Array(Type.Object({}, open)), complaint_ids: Type.Array(Type.String()),
  attachments: Type.Array(Type.Object({}, open)), resolution: Type.Optional(Type.Object({}, open)),
}, { ...open, description: 'One incident for people to act on (analyst view)' }), EXAMPLE_CASE);

export const MerchantCaseSchema = withExample(Type.Object({
  id: Type.String(), kind: literals(ALERT_KINDS), status: literals(CASE_STATUSES), severity: literals(SEVERITIES), summary: Type.String(),
  opened: Type.String(), updated: Type.String(), role: literals(['victim', 'sanctioned']), order_count: Type.Integer(),
  protections: Type.Array(Type.Object({}, open)), resolution: Type.Optional(Type.Object({}, open)),
}, { ...open, description: "A case as a shop's merchant sees it: no accounts, no analysts' notes" }),
{ id: EXAMPLE_CASE.id, kind: 'reverse_brushing', status: 'confirmed', severity: 'critical', summary: EXAMPLE_CASE.summary, opened: EXAMPLE_CASE.opened,
  updated: EXAMPLE_CASE.updated, role: 'victim', order_count: 512, protections: EXAMPLE_CASE.protections });

export const AnyCaseSchema = Type.Union([CaseSchema, MerchantCaseSchema], { description: 'the analyst view, or the merchant view for a merchant key' });

export const CaseQuerySchema = Type.Object({
  kind: Type.Optional(literals(ALERT_KINDS)),
  status: Type.Optional(literals(CASE_STATUSES)),
  severity: Type.Optional(literals(SEVERITIES)),
  shop: Type.Optional(ID),
  account: Type.Optional(ID),
  assignee: Type.Optional(ID),
  opened_before: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: 'cases first seen at or before this event time (their age)' })),
  order: Type.Union([Type.Literal('queue'), Type.Literal('newest')], { default: 'queue',
    description: 'queue: most severe first, then most money at stake, then oldest; newest: first seen, newest first' }),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
}, { additionalProperties: false });

export const IdParams = Type.Object({ id: ID });
export const ShopParams = Type.Object({ shop_id: ID });

export const SanctionSpecSchema = Type.Object({
  kind: literals(SANCTION_KINDS),
  subject: Type.Object({ type: literals(['shop', 'account']), id: ID }, { additionalProperties: false }),
  points: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  orders: Type.Optional(Type.Array(ID, { maxItems: 100_000 })),
  items: Type.Optional(Type.Array(ID, { maxItems: 10_000 })),
  restrictions: Type.Optional(Type.Array(literals(RESTRICTIONS), { uniqueItems: true })),
  permanent: Type.Optional(Type.Boolean()),
  reason: TEXT(2000, 'why, in words the sanctioned party can read'),
}, { additionalProperties: false });

export const ResolveBodySchema = withExample(Type.Object({
  outcome: literals(['confirmed', 'dismissed']),
  note: TEXT(10_000),
  sanctions: Type.Optional(Type.Array(SanctionSpecSchema, { maxItems: 10_000,
    description: 'confirmed only; without it the sanctions the configuration proposes (GET .../proposed-sanctions) apply' })),
}, { additionalProperties: false }), { outcome: 'confirmed', note: 'flood from one farm; victim protected, farm restricted' });

export const ReversalBodySchema = withExample(Type.Object({
  outcome: literals(['reopened', 'dismissed']),
  note: TEXT(10_000),
}, { additionalProperties: false }), { outcome: 'reopened', note: 'the devices were a family\'s; look again at the orders' });

export const SanctionSchema = withExample(Type.Object({
  id: Type.String(), source: Type.String(), case_id: Type.String(), evidence: Type.Object({}, open),
  subject: Type.Object({ type: Type.String(), id: Type.String() }), kind: literals(SANCTION_KINDS), points: Type.Optional(Type.Integer()),
  reason: Type.String(), effective_at: Type.String(), state: literals(SANCTION_STATES), created_by: Type.String(),
}, { ...open, description: 'An entry of the sanctions ledger' }), {
  id: 'snc_0b6d1e2f3a4b5c6d7e8f', source: 'default', case_id: 'case_9a8b7c6d5e4f3a2b1c0d', evidence: { alert_ids: ['alr_9a8b7c6d5e4f3a2b1c0d'] },
  subject: { type: 'shop', id: 's_4' }, kind: 'points', points: 12, reason: '12 points for a confirmed harassment case (1 incident)',
  effective_at: '2026-11-05T09:12:44.301Z', state: 'active', created_by: 'key_5f0c2a9e1b7d3c44' });

export const LedgerSchema = Type.Object({
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  sanctions: Type.Array(SanctionSchema),
  points: Type.Object({ points: Type.Integer(), level: literals(['none', 'warning', 'restricted', 'shop_closed']),
    to_next_level: Type.Union([Type.Integer(), Type.Null()]) }),
}, { description: 'A shop or account ledger: its sanctions, the points that count and the level they reach' });

export const AppealBodySchema = withExample(Type.Object({ reason: TEXT(10_000) }, { additionalProperties: false }),
  { reason: 'the consumer had asked us to call back; the call log is attached to the case' });
export const AppealSchema = Type.Object({
  id: Type.String(), sanction_id: Type.String(), case_id: Type.String(), status: literals(APPEAL_STATUSES), reason: Type.String(),
  filed_at: Type.String(),
}, { ...open, description: 'An appeal of a sanction and its outcome' });
export const AppealDecisionSchema = withExample(Type.Object({ outcome: literals(['upheld', 'reversed']), note: TEXT(10_000) }, { additionalProperties: false }),
  { outcome: 'reversed', note: 'the calls were answers to the consumer' });
export const AppealQuerySchema = Type.Object({
  status: Type.Optional(literals(APPEAL_STATUSES)),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
}, { additionalProperties: false });

export const ComplaintBodySchema = withExample(Type.Object({
  complaint_id: ID,
  against_id: ID,
  kind: literals(['harassment', 'abnormal_orders', 'malicious_claim', 'extortion', 'counterfeit', 'other']),
  order_ids: Type.Optional(Type.Array(ID, { maxItems: 1000 })),
  text: Type.Optional(Type.String({ maxLength: 10_000 })),
  time: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: 'event time of the complaint; the server clock when left out' })),
}, { additionalProperties: false }), { complaint_id: 'cp_77', against_id: 's_4', kind: 'harassment' });
export const ComplaintSchema = withExample(Type.Object({
  id: Type.String(), source: Type.String(), by_id: Type.String(), against_id: Type.String(), kind: Type.String(), order_ids: Type.Array(Type.String()),
  with_proof: Type.Boolean(), filed_at: Type.String(), review_deadline: Type.String(), status: literals(COMPLAINT_STATUSES), case_id: Type.Optional(Type.String()),
}, { ...open, description: 'A complaint or a merchant\'s report, with its status and review deadline' }), {
  id: 'cp_77', source: 'default', by_id: 'u_203', against_id: 's_4', kind: 'harassment', order_ids: [], with_proof: false,
  filed_at: '2026-11-03T08:00:00.000Z', review_deadline: '2026-11-06T08:00:00.000Z', status: 'under_review', case_id: 'case_9a8b7c6d5e4f3a2b1c0d' });
export const ComplaintQuerySchema = Type.Object({
  status: Type.Optional(literals(COMPLAINT_STATUSES)),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
}, { additionalProperties: false });
export const ComplaintDecisionSchema = Type.Object({ outcome: literals(['upheld', 'rejected']), note: TEXT(10_000) }, { additionalProperties: false });

export const QualitySchema = Type.Object({
  current: Type.Object({ shop: Type.String(), at: Type.String(), score: Type.Number({ minimum: 0, maximum: 100 }), components: Type.Object({}, open) }, open),
  history: Type.Array(Type.Object({}, open), { description: 'stored scores, newest first' }),
}, { description: "A shop's quality score (0 to 100) with each component and its history" });

export const DeliverySchema = Type.Object({
  id: Type.String({ description: 'also the Idempotency-Key header of every attempt' }), type: Type.String(), status: literals(DELIVERY_STATUSES),
  attempts: Type.Integer(), next_at: Type.String(), created_at: Type.String(), last_error: Type.Optional(Type.String()),
}, { ...open, description: 'One webhook message and its delivery' });

export const PackageSchema = Type.Object({
  manifest: Type.Object({ case_id: Type.String(), generated_at: Type.String(), personal_data: literals(['raw', 'keyed_hashes']),
    files: Type.Array(Type.Object({ name: Type.String(), bytes: Type.Integer(), sha256: Type.String() })) }),
  manifest_sha256: Type.String(),
  files: Type.Array(Type.Object({ name: Type.String(), content_type: Type.String(), content: Type.String() })),
}, { description: 'The evidence package: every file with its content, and manifest.json listing each SHA-256' });
