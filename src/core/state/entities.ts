// The marketplace as the pipeline remembers it: accounts, devices, IPs, shops, items with their
// price history, orders with their lifecycle, refunds, reviews, messages, claims and complaints.
// Every entity is plain JSON under a key, so any StateStore can hold it.
import { DEFAULT_SOURCE, type BulwarkEvent, type EventOf } from '../../contract/index.js';
import type { StateStore } from '../ports.js';
import { clusterAccountsOf, clusterOf, clusterRootOf, sharedBy, type Cluster, type SharedBy } from '../graph/identity-graph.js';
import { detectorNamespace } from '../scoped-state.js';

/** Most ids kept in a bounded list (devices, IPs and payment ids of an account). */
export const MAX_LINKS = 64;
/** Prices kept in an item's history; enough for a robust median, bounded for memory. */
export const PRICE_HISTORY = 32;

export interface AccountState {
  id: string;
  role?: 'buyer' | 'merchant';
  registeredAt?: number;
  firstSeenAt: number;
  lastSeenAt: number;
  phone?: string;
  referrerId?: string;
  devices: string[];
  ips: string[];
  payments: string[];
  shops: string[];
  orders: number;
  orderAmount: number;
  refunds: number;
  refundOnly: number;
  refundAmount: number;
  reviews: number;
  messagesSent: number;
  claims: number;
  complaintsBy: number;
  complaintsAgainst: number;
  couponClaims: number;
  /** The tenant (event `source`) the account was first seen under; absent for the default tenant. */
  source?: string;
}

export interface ShopState {
  id: string;
  ownerId?: string;
  category?: string;
  openedAt?: number;
  items: number;
  orders: number;
  gmv: number;
  refunds: number;
  reviews: number;
  ratingSum: number;
  claims: number;
  complaintsAgainst: number;
}

export interface PricePoint { at: number; price: number }

export interface ItemState {
  id: string;
  shopId: string;
  category?: string;
  title?: string;
  price?: number;
  limited?: boolean;
  perAccountLimit?: number;
  stock?: number;
  /** Listed prices, oldest first, at most PRICE_HISTORY. */
  prices: PricePoint[];
  orders: number;
  units: number;
}

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'delivered' | 'cancelled';

export interface OrderState {
  id: string;
  buyerId: string;
  shopId: string;
  items: string[];
  amount: number;
  placedAt: number;
  status: OrderStatus;
  couponId?: string;
  paymentId?: string;
  deviceId?: string;
  ip?: string;
  paidAt?: number;
  shippedAt?: number;
  weightG?: number;
  deliveredAt?: number;
  cancelledAt?: number;
  refundIds: string[];
  rating?: number;
}

export interface RefundState {
  id: string;
  orderId: string;
  buyerId: string;
  kind: 'refund_only' | 'return_and_refund';
  amount: number;
  requestedAt: number;
  evidence: number;
  outcome?: 'approved' | 'rejected';
  resolvedAt?: number;
}

export interface ClaimState { id: string; orderId: string; buyerId: string; shopId: string; amount: number; filedAt: number }
export interface ComplaintState { id: string; byId: string; againstId: string; kind: string; filedAt: number; orderIds: string[] }

/** The state namespace of each entity kind. One place, so adapters and detectors agree. */
export const NS = {
  account: 'acct', shop: 'shop', item: 'item',
  order: 'order', refund: 'refund', claim: 'claim', complaint: 'complaint',
} as const;

/** The flat key of an entity, as stores persist it and `stateKeys` lists it. */
export const keys = {
  account: (id: string) => `${NS.account}:${id}`,
  shop: (id: string) => `${NS.shop}:${id}`,
  item: (id: string) => `${NS.item}:${id}`,
  order: (id: string) => `${NS.order}:${id}`,
  refund: (id: string) => `${NS.refund}:${id}`,
  claim: (id: string) => `${NS.claim}:${id}`,
  complaint: (id: string) => `${NS.complaint}:${id}`,
} as const;

/** Read access to entities for detectors. */
export class Entities {
  /** Full namespaces of plug-in state by kind and namespace, so a read builds no string. */
  readonly #namespaces = new Map<string, Map<string, string>>();
  constructor(private readonly state: StateStore) {}
  account(id: string): AccountState | undefined { return this.state.get(NS.account, id); }
  /** The accounts seen with a device (kept by the identity graph). */
  device(id: string): SharedBy | undefined { return sharedBy(this.state, 'device', id); }
  ip(ip: string): SharedBy | undefined { return sharedBy(this.state, 'ip', ip); }
  payment(id: string): SharedBy | undefined { return sharedBy(this.state, 'payment', id); }
  phone(phone: string): SharedBy | undefined { return sharedBy(this.state, 'phone', phone); }
  /** The accounts seen with a delivery door: `key` is the address key of a non-vague address (`ctx.address.key`). */
  door(key: string): SharedBy | undefined { return sharedBy(this.state, 'address', key); }
  shop(id: string): ShopState | undefined { return this.state.get(NS.shop, id); }
  item(id: string): ItemState | undefined { return this.state.get(NS.item, id); }
  order(id: string): OrderState | undefined { return this.state.get(NS.order, id); }
  refund(id: string): RefundState | undefined { return this.state.get(NS.refund, id); }
  claim(id: string): ClaimState | undefined { return this.state.get(NS.claim, id); }
  complaint(id: string): ComplaintState | undefined { return this.state.get(NS.complaint, id); }
  /** The identity-graph cluster of an account (read only; a cluster of one when it shares nothing). */
  cluster(accountId: string): Cluster { return clusterOf(this.state, accountId); }
  /** The root and size of an account's cluster, without copying it (size 1 when it shares nothing). */
  clusterRoot(accountId: string): { root: string; size: number } { return clusterRootOf(this.state, accountId); }
  /** The accounts of an account's cluster, uncopied and in no stated order (for order-free sums); read only. */
  clusterAccounts(accountId: string): readonly string[] { return clusterAccountsOf(this.state, accountId); }
  /**
   * An entry of a plug-in's own state, read only: for the readers a plug-in exports of what it
   * keeps (price_error's item baseline, read by a merchant's price guard), never to change it.
   */
  pluginState<T>(kind: string, ns: string, id: string): Readonly<T> | undefined {
    let full = this.#namespaces.get(kind)?.get(ns);
    if (full === undefined) {
      full = detectorNamespace(kind, ns);
      let byNs = this.#namespaces.get(kind);
      if (!byNs) this.#namespaces.set(kind, byNs = new Map());
      byNs.set(ns, full);
    }
    return this.state.get<T>(full, id);
  }
}

/** The entity keys an event reads or writes, so a remote store can load them first. */
export function entityKeys(e: BulwarkEvent): string[] {
  switch (e.type) {
    case 'account.registered':
    case 'account.login':
      return [keys.account(e.data.account_id)];
    case 'shop.opened': return [keys.shop(e.data.shop_id), keys.account(e.data.owner_id)];
    case 'listing.updated': return [keys.item(e.data.item_id), keys.shop(e.data.shop_id)];
    case 'coupon.claimed': return [keys.account(e.data.account_id)];
    case 'order.placed':
      return [keys.order(e.data.order_id), keys.account(e.data.buyer_id), keys.shop(e.data.shop_id),
        ...e.data.lines.map((l) => keys.item(l.item_id))];
    case 'order.paid':
    case 'order.shipped':
    case 'order.delivered':
    case 'order.cancelled':
      return [keys.order(e.data.order_id)];
    case 'refund.requested':
      return [keys.refund(e.data.refund_id), keys.order(e.data.order_id), keys.account(e.data.buyer_id)];
    case 'refund.resolved': return [keys.refund(e.data.refund_id)];
    case 'review.posted':
      return [keys.order(e.data.order_id), keys.account(e.data.buyer_id), keys.shop(e.data.shop_id)];
    case 'message.sent': return [keys.account(e.data.from_id)];
    case 'claim.filed':
      return [keys.claim(e.data.claim_id), keys.account(e.data.buyer_id), keys.shop(e.data.shop_id)];
    case 'complaint.filed':
      return [keys.complaint(e.data.complaint_id), keys.account(e.data.by_id), keys.account(e.data.against_id), keys.shop(e.data.against_id)];
  }
}

/** Applies one accepted event to the entity state, at event time `at`. */
export function applyToEntities(state: StateStore, e: BulwarkEvent, at: number): void {
  switch (e.type) {
    case 'account.registered': {
      const a = touchAccount(state, e.data.account_id, at, e.source);
      a.role = e.data.role;
      a.registeredAt = a.registeredAt === undefined ? at : Math.min(a.registeredAt, at);
      if (e.data.phone) a.phone = e.data.phone;
      if (e.data.referrer_id) a.referrerId = e.data.referrer_id;
      noteDeviceAndIp(a, e.data.device_id, e.data.ip);
      state.set(NS.account, a.id, a);
      return;
    }
    case 'account.login': {
      const a = touchAccount(state, e.data.account_id, at, e.source);
      noteDeviceAndIp(a, e.data.device_id, e.data.ip);
      state.set(NS.account, a.id, a);
      return;
    }
    case 'shop.opened': return applyShopOpened(state, e, at);
    case 'listing.updated': return applyListing(state, e, at);
    case 'coupon.claimed': {
      const a = touchAccount(state, e.data.account_id, at, e.source);
      a.couponClaims++;
      noteDeviceAndIp(a, e.data.device_id, e.data.ip);
      state.set(NS.account, a.id, a);
      return;
    }
    case 'order.placed': return applyOrderPlaced(state, e, at);
    case 'order.paid':
      return updateOrder(state, e.data.order_id, (o) => {
        o.paidAt = at; if (e.data.payment_id) o.paymentId = e.data.payment_id; advance(o, 'paid');
      });
    case 'order.shipped':
      return updateOrder(state, e.data.order_id, (o) => {
        o.shippedAt = at; if (e.data.weight_g !== undefined) o.weightG = e.data.weight_g; advance(o, 'shipped');
      });
    case 'order.delivered':
      return updateOrder(state, e.data.order_id, (o) => { o.deliveredAt = at; advance(o, 'delivered'); });
    case 'order.cancelled':
      return updateOrder(state, e.data.order_id, (o) => { o.cancelledAt = at; o.status = 'cancelled'; });
    case 'refund.requested': return applyRefundRequested(state, e, at);
    case 'refund.resolved': {
      const r = state.get<RefundState>(NS.refund, e.data.refund_id);
      if (!r) return;
      r.outcome = e.data.outcome; r.resolvedAt = at;
      state.set(NS.refund, r.id, r);
      return;
    }
    case 'review.posted': {
      const a = touchAccount(state, e.data.buyer_id, at, e.source);
      a.reviews++;
      state.set(NS.account, a.id, a);
      const s = touchShop(state, e.data.shop_id);
      s.reviews++; s.ratingSum += e.data.rating;
      state.set(NS.shop, s.id, s);
      updateOrder(state, e.data.order_id, (o) => { o.rating = e.data.rating; });
      return;
    }
    case 'message.sent': {
      const a = touchAccount(state, e.data.from_id, at, e.source);
      a.messagesSent++;
      state.set(NS.account, a.id, a);
      return;
    }
    case 'claim.filed': {
      state.set(NS.claim, e.data.claim_id, {
        id: e.data.claim_id, orderId: e.data.order_id, buyerId: e.data.buyer_id, shopId: e.data.shop_id,
        amount: e.data.amount, filedAt: at,
      } satisfies ClaimState);
      const a = touchAccount(state, e.data.buyer_id, at, e.source);
      a.claims++;
      state.set(NS.account, a.id, a);
      const s = touchShop(state, e.data.shop_id);
      s.claims++;
      state.set(NS.shop, s.id, s);
      return;
    }
    case 'complaint.filed': {
      state.set(NS.complaint, e.data.complaint_id, {
        id: e.data.complaint_id, byId: e.data.by_id, againstId: e.data.against_id, kind: e.data.kind,
        filedAt: at, orderIds: e.data.order_ids ?? [],
      } satisfies ComplaintState);
      const by = touchAccount(state, e.data.by_id, at, e.source);
      by.complaintsBy++;
      state.set(NS.account, by.id, by);
      // `against_id` may name an account or a shop; count it on whichever we know.
      const shop = state.get<ShopState>(NS.shop, e.data.against_id);
      if (shop) { shop.complaintsAgainst++; state.set(NS.shop, shop.id, shop); return; }
      const against = touchAccount(state, e.data.against_id, at, e.source);
      against.complaintsAgainst++;
      state.set(NS.account, against.id, against);
      return;
    }
  }
}

function applyShopOpened(state: StateStore, e: EventOf<'shop.opened'>, at: number): void {
  const s = touchShop(state, e.data.shop_id);
  s.ownerId = e.data.owner_id;
  if (e.data.category) s.category = e.data.category;
  s.openedAt = s.openedAt === undefined ? at : Math.min(s.openedAt, at);
  state.set(NS.shop, s.id, s);
  const owner = touchAccount(state, e.data.owner_id, at, e.source);
  pushBounded(owner.shops, s.id);
  state.set(NS.account, owner.id, owner);
}

function applyListing(state: StateStore, e: EventOf<'listing.updated'>, at: number): void {
  const d = e.data;
  let item = state.get<ItemState>(NS.item, d.item_id);
  if (!item) {
    item = { id: d.item_id, shopId: d.shop_id, prices: [], orders: 0, units: 0 };
    const s = touchShop(state, d.shop_id);
    s.items++;
    state.set(NS.shop, s.id, s);
  }
  item.shopId = d.shop_id;
  if (d.category) item.category = d.category;
  if (d.title) item.title = d.title;
  if (d.limited !== undefined) item.limited = d.limited;
  if (d.per_account_limit !== undefined) item.perAccountLimit = d.per_account_limit;
  if (d.stock !== undefined) item.stock = d.stock;
  // The current price is the one of the newest listing event; a late event only joins the history.
  const newest = item.prices.length === 0 || at >= item.prices[item.prices.length - 1]!.at;
  if (newest) item.price = d.price;
  insertByTime(item.prices, { at, price: d.price });
  if (item.prices.length > PRICE_HISTORY) item.prices.shift();
  state.set(NS.item, item.id, item);
}

function applyOrderPlaced(state: StateStore, e: EventOf<'order.placed'>, at: number): void {
  const d = e.data;
  const order: OrderState = {
    id: d.order_id, buyerId: d.buyer_id, shopId: d.shop_id, items: d.lines.map((l) => l.item_id),
    amount: d.amount, placedAt: at, status: 'placed', refundIds: [],
  };
  if (d.coupon_id) order.couponId = d.coupon_id;
  if (d.payment_id) order.paymentId = d.payment_id;
  if (d.device_id) order.deviceId = d.device_id;
  if (d.ip) order.ip = d.ip;
  // An order event that arrives after its own lifecycle events keeps what they recorded.
  const before = state.get<OrderState>(NS.order, d.order_id);
  state.set(NS.order, d.order_id, before ? { ...order, ...before, ...pickPlaced(order) } : order);

  const buyer = touchAccount(state, d.buyer_id, at, e.source);
  buyer.orders++; buyer.orderAmount += d.amount;
  noteDeviceAndIp(buyer, d.device_id, d.ip);
  if (d.payment_id) pushBounded(buyer.payments, d.payment_id);
  state.set(NS.account, buyer.id, buyer);

  const shop = touchShop(state, d.shop_id);
  shop.orders++; shop.gmv += d.amount;
  state.set(NS.shop, shop.id, shop);

  for (const line of d.lines) {
    const item = state.get<ItemState>(NS.item, line.item_id)
      ?? { id: line.item_id, shopId: d.shop_id, prices: [], orders: 0, units: 0 };
    item.orders++; item.units += line.qty;
    state.set(NS.item, item.id, item);
  }
}

function pickPlaced(o: OrderState): Partial<OrderState> {
  const { id, buyerId, shopId, items, amount, placedAt, couponId, paymentId, deviceId, ip } = o;
  return { id, buyerId, shopId, items, amount, placedAt, couponId, paymentId, deviceId, ip };
}

function applyRefundRequested(state: StateStore, e: EventOf<'refund.requested'>, at: number): void {
  const d = e.data;
  state.set(NS.refund, d.refund_id, {
    id: d.refund_id, orderId: d.order_id, buyerId: d.buyer_id, kind: d.kind, amount: d.amount,
    requestedAt: at, evidence: d.evidence ?? 0,
  } satisfies RefundState);
  updateOrder(state, d.order_id, (o) => { pushBounded(o.refundIds, d.refund_id); });
  const a = touchAccount(state, d.buyer_id, at, e.source);
  a.refunds++; a.refundAmount += d.amount;
  if (d.kind === 'refund_only') a.refundOnly++;
  state.set(NS.account, a.id, a);
  const order = state.get<OrderState>(NS.order, d.order_id);
  if (order) {
    const s = touchShop(state, order.shopId);
    s.refunds++;
    state.set(NS.shop, s.id, s);
  }
}

const ORDER_PROGRESS: Record<OrderStatus, number> = { placed: 0, paid: 1, shipped: 2, delivered: 3, cancelled: 4 };

/** Moves an order forward; a late event never moves it back (paid after shipped stays shipped). */
function advance(o: OrderState, to: OrderStatus): void {
  if (ORDER_PROGRESS[to] > ORDER_PROGRESS[o.status]) o.status = to;
}

function updateOrder(state: StateStore, orderId: string, fn: (o: OrderState) => void): void {
  const o = state.get<OrderState>(NS.order, orderId);
  if (!o) return;
  fn(o);
  state.set(NS.order, orderId, o);
}

/** `source` is the tenant of the event that names the account; the first one it is seen under owns it. */
function touchAccount(state: StateStore, id: string, at: number, source: string | undefined): AccountState {
  const a = state.get<AccountState>(NS.account, id);
  if (a) {
    if (at > a.lastSeenAt) a.lastSeenAt = at;
    if (at < a.firstSeenAt) a.firstSeenAt = at;
    return a;
  }
  const created: AccountState = {
    id, firstSeenAt: at, lastSeenAt: at, devices: [], ips: [], payments: [], shops: [], orders: 0, orderAmount: 0,
    refunds: 0, refundOnly: 0, refundAmount: 0, reviews: 0, messagesSent: 0, claims: 0, complaintsBy: 0,
    complaintsAgainst: 0, couponClaims: 0,
  };
  // Absent means the default tenant, so single-tenant state and snapshots stay as they were.
  if (source !== undefined && source !== DEFAULT_SOURCE) created.source = source;
  return created;
}

function touchShop(state: StateStore, id: string): ShopState {
  return state.get<ShopState>(NS.shop, id) ?? {
    id, items: 0, orders: 0, gmv: 0, refunds: 0, reviews: 0, ratingSum: 0, claims: 0, complaintsAgainst: 0,
  };
}

/** What an account was seen with; who else was seen with them is the identity graph's. */
function noteDeviceAndIp(a: AccountState, deviceId: string | undefined, ip: string | undefined): void {
  if (deviceId) pushBounded(a.devices, deviceId);
  if (ip) pushBounded(a.ips, ip);
}

function pushBounded(list: string[], id: string): void {
  if (list.includes(id)) return;
  if (list.length < MAX_LINKS) list.push(id);
}

function insertByTime(list: PricePoint[], p: PricePoint): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.at > p.at) i--;
  list.splice(i, 0, p);
}
