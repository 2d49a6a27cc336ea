// Request and response schemas of the API that are not the event contract itself. They validate
// query strings, shape responses and are what GET /openapi.json publishes. Objects stay open
// (additionalProperties) so that a field the contract adds later is passed through, not dropped.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  ALERT_KINDS, DECISION_VALUES, EVENT_TYPES, SEVERITIES, TIME_PATTERN, eventsJsonSchema,
  type Alert, type Decision,
} from '../contract/index.js';
import { DECISION_WARNING_KINDS, type Warning } from '../core/index.js';

const open = { additionalProperties: true } as const;
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** The $id the event schema is registered under (components.schemas.Event in /openapi.json). */
export const EVENT_SCHEMA_ID = 'Event';

/** One event of the contract, exactly as contract/events.schema.json states it (minus its document $id). */
export function eventSchema(): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...schema } = eventsJsonSchema();
  return schema;
}

export const ReasonSchema = Type.Object({
  code: Type.String(),
  rule: Type.String({ description: 'the detector kind or rule id that gave this reason' }),
  message: Type.String(),
  score: Type.Optional(Type.Number()),
}, open);

export const DecisionSchema = Type.Object({
  event_id: Type.String(),
  type: literals(EVENT_TYPES),
  decision: literals(DECISION_VALUES),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  reasons: Type.Array(ReasonSchema),
  actions: Type.Array(Type.String()),
}, { ...open, description: 'The answer for one event at a decision point (EVENTS.md, Decisions)' });

export const IngestResultSchema = Type.Object({
  line: Type.Integer({ minimum: 1, description: 'line of the NDJSON body (blank lines get no result), index + 1 in a batch array, 1 for one event' }),
  event_id: Type.Optional(Type.String()),
  status: literals(['accepted', 'duplicate', 'rejected']),
  error: Type.Optional(Type.String({ description: 'why the line was rejected: the field, what was expected, what came' })),
  code: Type.Optional(Type.String({ description: 'stable code of the rejection, ERR_EVENT_... or ERR_AUTH_...' })),
  path: Type.Optional(Type.String({ description: 'the field that was wrong, e.g. data.lines[0].qty' })),
  decision: Type.Optional(DecisionSchema),
}, open);

export const IngestResponseSchema = Type.Object({
  results: Type.Array(IngestResultSchema, { description: 'one result per non-blank line, in order' }),
});

export const AlertSchema = Type.Object({
  id: Type.String(),
  kind: literals(ALERT_KINDS),
  time: Type.String({ description: 'event time the incident was first seen' }),
  updated: Type.String({ description: 'event time of the last update' }),
  status: Type.String(),
  severity: literals(SEVERITIES),
  score: Type.Number(),
  summary: Type.String(),
  subjects: Type.Object({
    accounts: Type.Array(Type.String()),
    shops: Type.Array(Type.String()),
    items: Type.Array(Type.String()),
    orders: Type.Array(Type.String()),
  }, open),
  evidence: Type.Object({}, open),
  source: Type.Optional(Type.String({ description: 'the tenant (event source) of the event that opened the incident; absent for the default tenant' })),
}, { ...open, description: 'One incident found across many events, in its current state' });

/** Every list answers this shape. */
export const PageSchema = <T extends TSchema>(item: T) => Type.Object({
  items: Type.Array(item),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'pass as ?cursor= for the next page; null on the last' }),
});

/** Largest page a list answers. */
export const MAX_PAGE = 500;

export const AlertQuerySchema = Type.Object({
  kind: Type.Optional(literals(ALERT_KINDS)),
  // Alerts are only ever `open` so far; the filter is accepted now so clients need not change
  // when resolved states arrive.
  status: Type.Optional(literals(['open'])),
  since: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: 'only alerts first seen at or after this event time' })),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
}, { additionalProperties: false });

export type AlertQueryString = Static<typeof AlertQuerySchema>;

const warningBase = {
  id: Type.String({ description: 'the event id of a decision warning, the alert id of an alert warning; unique within the shop' }),
  shop_id: Type.String(),
  time: Type.String({ description: 'event time of the decision, or when the alert was first seen; lists are newest first by it' }),
  updated: Type.String({ description: 'event time of the last change (an alert warning is replaced as its alert grows)' }),
  tenant: Type.Optional(Type.String({ description: 'the tenant (event source) of the event or alert; absent for the default tenant' })),
};

export const DecisionWarningSchema = Type.Object({
  ...warningBase,
  source: Type.Literal('decision'),
  kind: literals(DECISION_WARNING_KINDS),
  event_type: literals(EVENT_TYPES),
  decision: literals(DECISION_VALUES.filter((d) => d !== 'allow')),
  actions: Type.Array(Type.String(), { description: 'side effects asked of the platform, e.g. hold_shipment, pause_listing' }),
  reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String() }, open)),
  order_id: Type.Optional(Type.String()),
  item_ids: Type.Optional(Type.Array(Type.String())),
  claim_id: Type.Optional(Type.String()),
  refund_id: Type.Optional(Type.String()),
}, { ...open, description: 'An order held or flagged, a listing paused or flagged, a claim or refund flagged' });

export const AlertWarningSchema = Type.Object({
  ...warningBase,
  source: Type.Literal('alert'),
  kind: literals(ALERT_KINDS),
  severity: literals(SEVERITIES),
  summary: Type.String(),
  item_ids: Type.Array(Type.String()),
  order_count: Type.Integer({ minimum: 0, description: 'orders the alert names' }),
}, { ...open, description: 'An incident that harms the shop (a price error, a launch under attack, fake orders against it, extortionate claims), as it now is' });

export const WarningSchema = Type.Union([DecisionWarningSchema, AlertWarningSchema], {
  description: "A risk warning for a shop; `source` tells which of the two shapes it is",
});

export const ShopParamsSchema = Type.Object({ shop_id: Type.String({ minLength: 1, maxLength: 256 }) });

export const WarningQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
}, { additionalProperties: false });

export const AlertParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }) });

// Compile-time guards: the contract's output types must still fit the schemas that serialise
// them, or fields would be dropped silently from answers.
const _decisionFits = (d: Decision): Static<typeof DecisionSchema> => d;
const _alertFits = (a: Alert): Static<typeof AlertSchema> => a;
const _warningFits = (w: Warning): Static<typeof WarningSchema> => w;
