// Merchant strategies: the defences a merchant sets for its own shop (docs/strategies.md). One
// document per shop, as `PUT /v1/shops/{shop_id}/strategies` takes it and as a `--strategies`
// file holds it per shop. Unlike events, these objects refuse unknown fields: a misspelt limit
// silently ignored would leave a launch unguarded while the merchant believes it is guarded.
import { Type, type Static } from '@sinclair/typebox';
import { TIME_PATTERN } from './schema.js';

/** What a scalper guard does with an order that breaks it. */
export const SCALPER_GUARD_ACTIONS = ['deny', 'limit_quantity', 'review'] as const;
export type ScalperGuardAction = (typeof SCALPER_GUARD_ACTIONS)[number];

const ItemId = Type.String({ minLength: 1, maxLength: 256, description: 'an item id of this shop, as in listing.updated' });
const Pct = (description: string) => Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, description });

export const ScalperGuardSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$',
    description: "the merchant's name for this guard (letters, digits, _ . -), unique within the shop; its counts are kept under it" }),
  item_ids: Type.Array(ItemId, { minItems: 1, maxItems: 200, uniqueItems: true,
    description: 'the items of the launch; units of any of them count together (colours and sizes of one drop)' }),
  starts_at: Type.Optional(Type.String({ pattern: TIME_PATTERN,
    description: 'event time from which orders are guarded and counted, RFC 3339 UTC with milliseconds; absent: always' })),
  ends_at: Type.Optional(Type.String({ pattern: TIME_PATTERN,
    description: 'event time from which orders are no longer guarded (exclusive); absent: no end' })),
  per_account_limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000,
    description: 'units one account may buy of the launch; absent: no per-account limit' })),
  per_group_limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000,
    description: 'units one linked group (accounts the identity graph joins by device, payment, phone or door) may buy together; absent: no group limit' })),
  min_account_age_days: Type.Optional(Type.Number({ minimum: 0, maximum: 3650,
    description: 'days an account must have existed (since registration, or since first seen) before it may buy; absent: any age' })),
  no_vague_addresses: Type.Optional(Type.Boolean({
    description: 'refuse delivery addresses without a building and room (a road, a landmark, "see note"); default false' })),
  max_orders_per_address: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000,
    description: 'orders of the launch one delivery door may receive, however its address is written; absent: no limit' })),
  action: Type.Optional(Type.Union(SCALPER_GUARD_ACTIONS.map((a) => Type.Literal(a)), {
    description: 'what an order that breaks the guard gets: deny, limit_quantity (cut to what still fits) or review; default deny' })),
}, { additionalProperties: false, description: 'A scalper guard on one launch (one or more items of the shop)' });
export type ScalperGuard = Static<typeof ScalperGuardSchema>;

export const PriceGuardRuleSchema = Type.Object({
  enabled: Type.Optional(Type.Boolean({ description: 'false turns the price guard off for this item' })),
  warn_below_pct: Type.Optional(Pct('warn when the item is listed below this percentage of its baseline price')),
  stop_loss_below_pct: Type.Optional(Pct('pause the listing, and hold shipment of orders, below this percentage of its baseline price')),
}, { additionalProperties: false, description: "One item's price guard, overriding the shop's" });
export type PriceGuardRule = Static<typeof PriceGuardRuleSchema>;

export const PriceGuardSchema = Type.Object({
  enabled: Type.Optional(Type.Boolean({ description: 'false turns the price guard off for the whole shop; default true' })),
  warn_below_pct: Type.Optional(Pct('warn when an item is listed below this percentage of its baseline price; default the configured guards.price_guard.warnBelowPct (45), shown as price_guard_defaults')),
  stop_loss_below_pct: Type.Optional(Pct('pause the listing, and hold shipment of orders, below this percentage of the baseline; default the configured guards.price_guard.stopLossBelowPct (25), shown as price_guard_defaults')),
  items: Type.Optional(Type.Record(ItemId, PriceGuardRuleSchema, {
    description: 'per-item overrides by item id; fields left out take the shop-wide values' })),
}, { additionalProperties: false, description: "The shop's price guard" });
export type PriceGuard = Static<typeof PriceGuardSchema>;

export const ShopStrategiesSchema = Type.Object({
  scalper_guards: Type.Optional(Type.Array(ScalperGuardSchema, { maxItems: 100, description: 'at most 100 guards; an item belongs to at most one' })),
  price_guard: Type.Optional(PriceGuardSchema),
}, { additionalProperties: false, description: "A shop's merchant strategies; PUT replaces the whole document" });
export type ShopStrategies = Static<typeof ShopStrategiesSchema>;

const ShopsSchema = Type.Record(Type.String({ minLength: 1, maxLength: 256 }), ShopStrategiesSchema, { description: 'strategies by shop id' });

/**
 * A `--strategies` file (JSON or YAML): the strategies of each shop of the default tenant under
 * `shops`, and of other tenants (event `source`) under `tenants.<source>.shops`.
 */
export const StrategiesFileSchema = Type.Object({
  shops: Type.Optional(ShopsSchema),
  tenants: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 256 }),
    Type.Object({ shops: ShopsSchema }, { additionalProperties: false }), { description: 'strategies of other tenants, by event source' })),
}, { additionalProperties: false });
export type StrategiesFile = Static<typeof StrategiesFileSchema>;
