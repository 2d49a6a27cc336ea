// The one catalogue of features a rule can name: `account.*`, `shop.*`, `item.*`, `order.*` and
// `scores.*`, each typed, with its unit and meaning. docs/rules.md carries the table this file
// renders (features.test.ts checks they agree). Every feature is computed from entity state in
// event time, after the event itself was applied, and only when an active rule names it.
import type { BulwarkEvent } from '../contract/index.js';
import { ALERT_KINDS, DAY_MS, HOUR_MS } from '../contract/index.js';
import {
  ACTIVITY_NS, activityIn, median, type AccountState, type ActivityMeasure, type Entities, type ItemState, type OrderState,
  type ShopState, type SourcedContribution, type StateStore,
} from '../core/index.js';

/** CEL types of features: counts and money are `int`, ages and shares `double`. */
export type FeatureType = 'int' | 'double' | 'bool' | 'string';

/** What a feature is computed from: the event, the entity, and the state around it. */
export interface FeatureInput<S> {
  event: BulwarkEvent;
  at: number;
  subject: S;
  id: string;
  entities: Entities;
  state: StateStore;
  contributions: readonly SourcedContribution[];
}

export interface Feature<S> {
  type: FeatureType;
  /** Unit and meaning, as docs/rules.md shows them. */
  doc: string;
  get(x: FeatureInput<S>): number | boolean | string;
}

type Catalogue<S> = Record<string, Feature<S>>;

const d = (doc: string, get: Feature<never>['get']): Feature<never> => ({ type: 'double', doc, get });
const i = (doc: string, get: Feature<never>['get']): Feature<never> => ({ type: 'int', doc, get });
const b = (doc: string, get: Feature<never>['get']): Feature<never> => ({ type: 'bool', doc, get });
const s = (doc: string, get: Feature<never>['get']): Feature<never> => ({ type: 'string', doc, get });

/** Count (`n`) or sum (`v`) of one activity measure over a window ending at the event. */
function win(ns: string, measure: ActivityMeasure, windowMs: number, what: 'n' | 'v') {
  return (x: FeatureInput<unknown>) => activityIn(x.state, ns, x.id, measure, { at: x.at, windowMs })[what];
}

const ratio = (a: number, c: number) => (c > 0 ? a / c : 0);

const ACCOUNT: Catalogue<AccountState> = {
  ageDays: d('days (fractional) from registration (or first sight when never registered) to the event', (x: FeatureInput<AccountState>) =>
    (x.at - (x.subject.registeredAt ?? x.subject.firstSeenAt)) / DAY_MS),
  registered: b('an account.registered event was seen for it', (x: FeatureInput<AccountState>) => x.subject.registeredAt !== undefined),
  role: s('`buyer`, `merchant`, or `` when never registered', (x: FeatureInput<AccountState>) => x.subject.role ?? ''),
  orders: i('orders placed, all time (count)', (x: FeatureInput<AccountState>) => x.subject.orders),
  orderAmount: i('amount of those orders, fen', (x: FeatureInput<AccountState>) => x.subject.orderAmount),
  refunds: i('refund requests, all time (count)', (x: FeatureInput<AccountState>) => x.subject.refunds),
  refundOnly: i('refund-only requests (no return), all time (count)', (x: FeatureInput<AccountState>) => x.subject.refundOnly),
  refundAmount: i('amount asked back in refund requests, all time, fen', (x: FeatureInput<AccountState>) => x.subject.refundAmount),
  refundRate: d('refund requests per order placed (0 without orders; may exceed 1)', (x: FeatureInput<AccountState>) =>
    ratio(x.subject.refunds, x.subject.orders)),
  refundOnlyShare: d('share of its refund requests that are refund-only, 0 to 1 (0 without requests)', (x: FeatureInput<AccountState>) =>
    ratio(x.subject.refundOnly, x.subject.refunds)),
  claims: i('claims filed, all time (count)', (x: FeatureInput<AccountState>) => x.subject.claims),
  couponClaims: i('coupons claimed, all time (count)', (x: FeatureInput<AccountState>) => x.subject.couponClaims),
  reviews: i('reviews posted, all time (count)', (x: FeatureInput<AccountState>) => x.subject.reviews),
  complaintsAgainst: i('complaints filed against it (count)', (x: FeatureInput<AccountState>) => x.subject.complaintsAgainst),
  devices: i('distinct devices seen with it (count, at most 64)', (x: FeatureInput<AccountState>) => x.subject.devices.length),
  ips: i('distinct IPs seen with it (count, at most 64)', (x: FeatureInput<AccountState>) => x.subject.ips.length),
  payments: i('distinct payment ids seen with it (count, at most 64)', (x: FeatureInput<AccountState>) => x.subject.payments.length),
  clusterSize: i('accounts in its identity-graph cluster, itself included (1 when it shares nothing)', (x: FeatureInput<AccountState>) =>
    x.entities.clusterRoot(x.id).size),
  orders1h: i('orders placed in the last hour (count)', win(ACTIVITY_NS.account, 'orders', HOUR_MS, 'n')),
  orders24h: i('orders placed in the last 24 hours (count)', win(ACTIVITY_NS.account, 'orders', DAY_MS, 'n')),
  orders7d: i('orders placed in the last 7 days (count)', win(ACTIVITY_NS.account, 'orders', 7 * DAY_MS, 'n')),
  orderAmount24h: i('amount of orders placed in the last 24 hours, fen', win(ACTIVITY_NS.account, 'orders', DAY_MS, 'v')),
  refunds24h: i('refund requests in the last 24 hours (count)', win(ACTIVITY_NS.account, 'refunds', DAY_MS, 'n')),
  refunds7d: i('refund requests in the last 7 days (count)', win(ACTIVITY_NS.account, 'refunds', 7 * DAY_MS, 'n')),
  refundOnly7d: i('refund-only requests in the last 7 days (count)', win(ACTIVITY_NS.account, 'refundOnly', 7 * DAY_MS, 'n')),
  refundAmount7d: i('amount asked back in the last 7 days, fen', win(ACTIVITY_NS.account, 'refunds', 7 * DAY_MS, 'v')),
  coupons24h: i('coupons claimed in the last 24 hours (count)', win(ACTIVITY_NS.account, 'coupons', DAY_MS, 'n')),
  claims7d: i('claims filed in the last 7 days (count)', win(ACTIVITY_NS.account, 'claims', 7 * DAY_MS, 'n')),
};

const SHOP: Catalogue<ShopState> = {
  ageDays: d('days (fractional) since shop.opened (0 when never seen opening)', (x: FeatureInput<ShopState>) =>
    (x.subject.openedAt === undefined ? 0 : (x.at - x.subject.openedAt) / DAY_MS)),
  items: i('items listed (count)', (x: FeatureInput<ShopState>) => x.subject.items),
  orders: i('orders received, all time (count)', (x: FeatureInput<ShopState>) => x.subject.orders),
  gmv: i('amount of those orders, fen', (x: FeatureInput<ShopState>) => x.subject.gmv),
  refunds: i('refund requests on its orders, all time (count)', (x: FeatureInput<ShopState>) => x.subject.refunds),
  refundRate: d('refund requests per order received (0 without orders)', (x: FeatureInput<ShopState>) => ratio(x.subject.refunds, x.subject.orders)),
  claims: i('claims filed against it (count)', (x: FeatureInput<ShopState>) => x.subject.claims),
  complaintsAgainst: i('complaints filed against it (count)', (x: FeatureInput<ShopState>) => x.subject.complaintsAgainst),
  reviews: i('reviews received (count)', (x: FeatureInput<ShopState>) => x.subject.reviews),
  rating: d('mean review rating, 1 to 5 (0 without reviews)', (x: FeatureInput<ShopState>) => ratio(x.subject.ratingSum, x.subject.reviews)),
  orders1h: i('orders received in the last hour (count)', win(ACTIVITY_NS.shop, 'orders', HOUR_MS, 'n')),
  orders24h: i('orders received in the last 24 hours (count)', win(ACTIVITY_NS.shop, 'orders', DAY_MS, 'n')),
  refunds24h: i('refund requests on its orders in the last 24 hours (count)', win(ACTIVITY_NS.shop, 'refunds', DAY_MS, 'n')),
  claims7d: i('claims filed against it in the last 7 days (count)', win(ACTIVITY_NS.shop, 'claims', 7 * DAY_MS, 'n')),
};

const ITEM: Catalogue<ItemState> = {
  price: i('current listed price, fen (0 when never listed)', (x: FeatureInput<ItemState>) => x.subject.price ?? 0),
  baselinePrice: i('median of its listed prices (the last 32 listings), fen; 0 when never listed', (x: FeatureInput<ItemState>) =>
    (x.subject.prices.length ? Math.round(median(x.subject.prices.map((p) => p.price))) : 0)),
  priceRatio: d('current price over the baseline price (1 when unknown)', (x: FeatureInput<ItemState>) => {
    const base = x.subject.prices.length ? median(x.subject.prices.map((p) => p.price)) : 0;
    return base > 0 && x.subject.price !== undefined ? x.subject.price / base : 1;
  }),
  limited: b('listed as a limited launch', (x: FeatureInput<ItemState>) => x.subject.limited === true),
  perAccountLimit: i('units one account may buy (0: no limit set)', (x: FeatureInput<ItemState>) => x.subject.perAccountLimit ?? 0),
  stock: i('units in stock as last listed (0 when not given)', (x: FeatureInput<ItemState>) => x.subject.stock ?? 0),
  orders: i('orders that include it, all time (count)', (x: FeatureInput<ItemState>) => x.subject.orders),
  units: i('units ordered, all time', (x: FeatureInput<ItemState>) => x.subject.units),
  orders1h: i('orders that include it in the last hour (count)', win(ACTIVITY_NS.item, 'orders', HOUR_MS, 'n')),
  units1h: i('units ordered in the last hour', win(ACTIVITY_NS.item, 'orders', HOUR_MS, 'v')),
  orders24h: i('orders that include it in the last 24 hours (count)', win(ACTIVITY_NS.item, 'orders', DAY_MS, 'n')),
};

const ORDER: Catalogue<OrderState> = {
  amount: i('order amount, fen', (x: FeatureInput<OrderState>) => x.subject.amount),
  status: s('`placed`, `paid`, `shipped`, `delivered` or `cancelled`', (x: FeatureInput<OrderState>) => x.subject.status),
  ageHours: d('hours (fractional) since it was placed', (x: FeatureInput<OrderState>) => (x.at - x.subject.placedAt) / HOUR_MS),
  delivered: b('a delivery was recorded', (x: FeatureInput<OrderState>) => x.subject.deliveredAt !== undefined),
  hoursSinceDelivery: d('hours (fractional) since delivery; -1 when not delivered', (x: FeatureInput<OrderState>) =>
    (x.subject.deliveredAt === undefined ? -1 : (x.at - x.subject.deliveredAt) / HOUR_MS)),
  weightG: i('parcel weight at shipping, grams (0 when not given)', (x: FeatureInput<OrderState>) => x.subject.weightG ?? 0),
  hasCoupon: b('paid with a coupon', (x: FeatureInput<OrderState>) => x.subject.couponId !== undefined),
  refunds: i('refund requests on it, this one included (count)', (x: FeatureInput<OrderState>) => x.subject.refundIds.length),
  rating: i('the review rating given to it, 1 to 5 (0 without one)', (x: FeatureInput<OrderState>) => x.subject.rating ?? 0),
};

/** `scores.<detector kind>`: the strongest contribution of that detector to this event; `scores.total`: all combined. */
function scoreCatalogue(): Catalogue<unknown> {
  const out: Catalogue<unknown> = {
    total: d('the detectors\' combined score for this event (noisy-or), 0 to 1', (x: FeatureInput<unknown>) => {
      let clean = 1;
      for (const c of x.contributions) clean *= 1 - Math.min(1, Math.max(0, c.score));
      return 1 - clean;
    }),
  };
  // Detector kinds are the alert kinds of the contract (a detector is named for the alerts it raises).
  for (const kind of ALERT_KINDS) {
    out[kind] = d(`strongest score the ${kind} detector gave this event, 0 to 1 (0: none)`, (x: FeatureInput<unknown>) => {
      let best = 0;
      for (const c of x.contributions) if (c.source === kind && c.score > best) best = c.score;
      return best;
    });
  }
  return out;
}

/** The feature roots and their catalogues. */
export const FEATURES = {
  account: ACCOUNT as Catalogue<unknown>,
  shop: SHOP as Catalogue<unknown>,
  item: ITEM as Catalogue<unknown>,
  order: ORDER as Catalogue<unknown>,
  scores: scoreCatalogue(),
} as const;

export type FeatureRoot = keyof typeof FEATURES;
export const FEATURE_ROOTS = Object.keys(FEATURES) as FeatureRoot[];

/** What each root means, for docs/rules.md. */
export const ROOT_DOCS: Record<FeatureRoot, string> = {
  account: 'the account acting: `account_id`, `buyer_id` (orders, refunds, claims), the owner of the shop (listings)',
  shop: 'the shop concerned: `shop_id`, or the shop of the order (refunds)',
  item: 'the item: `item_id` (listings), the first line of the order (orders), the first item of the order (refunds, claims)',
  order: 'the order: `order_id` (refunds, claims)',
  scores: 'the detectors\' contributions to this event (always present)',
};

/** The entity a root names for an event, or undefined when the event concerns none (rules naming it are then skipped). */
export function subjectOf(root: FeatureRoot, e: BulwarkEvent, entities: Entities): { id: string; subject: unknown } | undefined {
  const withId = (id: string | undefined, get: (id: string) => unknown) => {
    if (id === undefined) return undefined;
    const subject = get(id);
    return subject === undefined ? undefined : { id, subject };
  };
  switch (root) {
    case 'scores': return { id: '', subject: null };
    case 'account': return withId(accountIdOf(e, entities), (id) => entities.account(id));
    case 'shop': return withId(shopIdOf(e, entities), (id) => entities.shop(id));
    case 'item': return withId(itemIdOf(e, entities), (id) => entities.item(id));
    case 'order': return withId(orderIdOf(e), (id) => entities.order(id));
  }
}

function accountIdOf(e: BulwarkEvent, entities: Entities): string | undefined {
  switch (e.type) {
    case 'account.registered': case 'account.login': case 'coupon.claimed': return e.data.account_id;
    case 'order.placed': case 'refund.requested': case 'claim.filed': case 'review.posted': return e.data.buyer_id;
    case 'shop.opened': return e.data.owner_id;
    case 'listing.updated': return entities.shop(e.data.shop_id)?.ownerId;
    case 'message.sent': return e.data.from_id;
    case 'complaint.filed': return e.data.by_id;
    default: return undefined;
  }
}

function shopIdOf(e: BulwarkEvent, entities: Entities): string | undefined {
  switch (e.type) {
    case 'shop.opened': case 'listing.updated': case 'order.placed': case 'claim.filed': case 'review.posted': return e.data.shop_id;
    case 'refund.requested': case 'order.paid': case 'order.shipped': case 'order.delivered': case 'order.cancelled':
      return entities.order(e.data.order_id)?.shopId;
    default: return undefined;
  }
}

function itemIdOf(e: BulwarkEvent, entities: Entities): string | undefined {
  switch (e.type) {
    case 'listing.updated': return e.data.item_id;
    case 'order.placed': return e.data.lines[0]?.item_id;
    case 'refund.requested': case 'claim.filed': return entities.order(e.data.order_id)?.items[0];
    default: return undefined;
  }
}

function orderIdOf(e: BulwarkEvent): string | undefined {
  switch (e.type) {
    case 'order.placed': case 'order.paid': case 'order.shipped': case 'order.delivered': case 'order.cancelled':
    case 'refund.requested': case 'claim.filed': case 'review.posted':
      return e.data.order_id;
    default: return undefined;
  }
}

/** The catalogue as the Markdown table of docs/rules.md. */
export function featureTable(): string {
  const lines = ['| feature | type | meaning |', '|---|---|---|'];
  for (const root of FEATURE_ROOTS) {
    for (const [name, f] of Object.entries(FEATURES[root])) lines.push(`| \`${root}.${name}\` | ${f.type} | ${f.doc} |`);
  }
  return lines.join('\n');
}
