// The one schema source of the event contract (../shared/contract/EVENTS.md). TypeScript types,
// the runtime validator and contract/events.schema.json are all derived from the objects here.
// Objects allow extra properties on purpose: the contract may grow, and unknown fields are kept.
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';

/** RFC 3339 UTC time with milliseconds, as the contract requires: 2026-11-02T10:15:00.000Z. */
export const TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';

const Id = (description: string) => Type.String({ minLength: 1, maxLength: 256, description });
const Money = (description: string) =>
  Type.Integer({ minimum: 0, maximum: 1e13, description: `${description}, integer minor units (fen)` });
const Open = <P extends TProperties>(properties: P, description?: string): TObject<P> =>
  Type.Object(properties, { additionalProperties: true, ...(description ? { description } : {}) });

export const AddressSchema = Open({
  province: Type.String({ maxLength: 64 }),
  city: Type.String({ maxLength: 64 }),
  district: Type.Optional(Type.String({ maxLength: 64 })),
  detail: Type.String({ maxLength: 512 }),
  recipient: Type.Optional(Type.String({ maxLength: 128 })),
  phone: Type.Optional(Type.String({ maxLength: 32 })),
}, 'A delivery address');

export const OrderLineSchema = Open({
  item_id: Id('item id'),
  qty: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  unit_price: Money('price of one unit'),
});

/** The `data` schema of every event type, keyed by type. */
export const EventDataSchemas = {
  'account.registered': Open({
    account_id: Id('the new account'),
    role: Type.Union([Type.Literal('buyer'), Type.Literal('merchant')]),
    phone: Type.Optional(Type.String({ maxLength: 32 })),
    email: Type.Optional(Type.String({ maxLength: 256 })),
    device_id: Type.Optional(Id('device')),
    ip: Type.Optional(Type.String({ maxLength: 64 })),
    referrer_id: Type.Optional(Id('referring account')),
  }),
  'account.login': Open({
    account_id: Id('account'),
    device_id: Type.Optional(Id('device')),
    ip: Type.Optional(Type.String({ maxLength: 64 })),
  }),
  'shop.opened': Open({
    shop_id: Id('shop'),
    owner_id: Id('merchant account that owns the shop'),
    name: Type.Optional(Type.String({ maxLength: 256 })),
    category: Type.Optional(Type.String({ maxLength: 64 })),
    // Bulwark's extension of the contract (docs/contract-extensions.md): optional, so every event
    // valid before stays valid. The alliance shares a confirmed abuser's registration as a signal.
    registration_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64,
      description: "the business registration number of the shop's operator (in China the 18-character unified social " +
        'credit code), as registered; separators and case do not matter. Optional extension of the contract' })),
  }),
  'listing.updated': Open({
    item_id: Id('item'),
    shop_id: Id('shop'),
    price: Money('listed price'),
    currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
    stock: Type.Optional(Type.Integer({ minimum: 0 })),
    title: Type.Optional(Type.String({ maxLength: 512 })),
    category: Type.Optional(Type.String({ maxLength: 64 })),
    limited: Type.Optional(Type.Boolean({ description: 'a limited launch' })),
    per_account_limit: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  'coupon.claimed': Open({
    claim_id: Id('claim'),
    coupon_id: Id('coupon'),
    campaign_id: Type.Optional(Id('campaign')),
    account_id: Id('claiming account'),
    value: Money('coupon value'),
    device_id: Type.Optional(Id('device')),
    ip: Type.Optional(Type.String({ maxLength: 64 })),
  }),
  'order.placed': Open({
    order_id: Id('order'),
    buyer_id: Id('buyer account'),
    shop_id: Id('shop'),
    lines: Type.Array(OrderLineSchema, { minItems: 1, maxItems: 1000 }),
    amount: Money('amount paid'),
    discount: Type.Optional(Money('discount applied')),
    coupon_id: Type.Optional(Id('coupon used')),
    address: AddressSchema,
    device_id: Type.Optional(Id('device')),
    ip: Type.Optional(Type.String({ maxLength: 64 })),
    payment_id: Type.Optional(Id('payment instrument')),
  }),
  'order.paid': Open({
    order_id: Id('order'),
    payment_id: Type.Optional(Id('payment instrument')),
  }),
  'order.shipped': Open({
    order_id: Id('order'),
    carrier: Type.Optional(Type.String({ maxLength: 64 })),
    tracking_no: Type.Optional(Type.String({ maxLength: 128 })),
    weight_g: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
  'order.delivered': Open({ order_id: Id('order') }),
  'order.cancelled': Open({
    order_id: Id('order'),
    by: Type.Union([Type.Literal('buyer'), Type.Literal('merchant'), Type.Literal('platform')]),
  }),
  'refund.requested': Open({
    refund_id: Id('refund'),
    order_id: Id('order'),
    buyer_id: Id('buyer account'),
    kind: Type.Union([Type.Literal('refund_only'), Type.Literal('return_and_refund')]),
    amount: Money('amount asked back'),
    reason: Type.Optional(Type.String({ maxLength: 1024 })),
    evidence: Type.Optional(Type.Integer({ minimum: 0, description: 'number of attachments' })),
  }),
  'refund.resolved': Open({
    refund_id: Id('refund'),
    outcome: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  }),
  'review.posted': Open({
    review_id: Id('review'),
    order_id: Id('order'),
    buyer_id: Id('buyer account'),
    shop_id: Id('shop'),
    item_id: Type.Optional(Id('item')),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    text: Type.Optional(Type.String({ maxLength: 8192 })),
  }),
  'message.sent': Open({
    message_id: Id('message'),
    from_id: Id('sender account'),
    to_id: Id('recipient account'),
    channel: Type.Union([Type.Literal('chat'), Type.Literal('phone'), Type.Literal('sms'), Type.Literal('mail')]),
    text: Type.Optional(Type.String({ maxLength: 8192 })),
    order_id: Type.Optional(Id('order the message is about')),
  }),
  'claim.filed': Open({
    claim_id: Id('claim'),
    order_id: Id('order'),
    buyer_id: Id('claimant account'),
    shop_id: Id('shop claimed against'),
    amount: Money('amount claimed'),
    reason: Type.Optional(Type.String({ maxLength: 1024 })),
    text: Type.Optional(Type.String({ maxLength: 8192 })),
  }),
  'complaint.filed': Open({
    complaint_id: Id('complaint'),
    by_id: Id('complaining account'),
    against_id: Id('account or shop complained about'),
    kind: Type.Union(['harassment', 'abnormal_orders', 'malicious_claim', 'extortion', 'counterfeit', 'other']
      .map((k) => Type.Literal(k))),
    order_ids: Type.Optional(Type.Array(Id('order'), { maxItems: 10_000 })),
    text: Type.Optional(Type.String({ maxLength: 8192 })),
  }),
} as const;

export type EventType = keyof typeof EventDataSchemas;
export const EVENT_TYPES = Object.keys(EventDataSchemas) as readonly EventType[];

/** Event types that get a decision back in the same call. */
export const DECISION_POINTS: ReadonlySet<EventType> = new Set<EventType>([
  'account.registered', 'coupon.claimed', 'order.placed', 'refund.requested', 'claim.filed', 'listing.updated',
]);

/** The envelope, without `data` (checked per type). CloudEvents 1.0 structured-mode attributes are accepted. */
export const EnvelopeSchema = Open({
  id: Id('event id; an id seen before is acknowledged and not applied again'),
  type: Type.Union(EVENT_TYPES.map((t) => Type.Literal(t))),
  time: Type.String({ pattern: TIME_PATTERN, description: 'RFC 3339 UTC with milliseconds' }),
  source: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'platform or tenant; default "default"' })),
  specversion: Type.Optional(Type.Literal('1.0')),
  datacontenttype: Type.Optional(Type.String()),
  data: Type.Object({}, { additionalProperties: true }),
});

type DataOf<T extends EventType> = Static<(typeof EventDataSchemas)[T]>;

/** One contract event, discriminated by `type`. */
export type BulwarkEvent = {
  [T in EventType]: {
    id: string;
    type: T;
    time: string;
    source?: string;
    specversion?: '1.0';
    datacontenttype?: string;
    data: DataOf<T>;
    [extra: string]: unknown;
  }
}[EventType];

export type EventOf<T extends EventType> = Extract<BulwarkEvent, { type: T }>;
export type Address = Static<typeof AddressSchema>;
export type OrderLine = Static<typeof OrderLineSchema>;

/** The whole contract as one JSON Schema document (oneOf over the event types). */
export function eventsJsonSchema(): Record<string, unknown> {
  const variants = EVENT_TYPES.map((t) => ({
    title: t,
    type: 'object',
    additionalProperties: true,
    required: ['id', 'type', 'time', 'data'],
    properties: {
      ...EnvelopeSchema.properties,
      type: { const: t },
      data: EventDataSchemas[t],
    },
  }));
  return JSON.parse(JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://bulwark.dev/contract/events.schema.json',
    title: 'Bulwark event',
    description: 'One event of the Bulwark contract (EVENTS.md); a CloudEvents 1.0 structured-mode event.',
    oneOf: variants,
  }));
}
