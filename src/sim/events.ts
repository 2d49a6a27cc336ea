// One function per thing that happens on the marketplace, each emitting the contract event for
// it. Benign traffic, attacks and look-alikes all go through these, so an attack's events have
// exactly the shape of ordinary ones and differ only in what they say.
import type { Address } from '../contract/index.js';
import { CARRIERS } from './corpus/catalog.js';
import type { Item, Shop } from './population.js';
import type { Rng } from './rng.js';
import type { TruthRecorder } from './truth.js';
import type { World } from './world.js';

/** Who acts, and from which device, network and payment instrument. */
export interface Actor { id: string; device?: string; ip?: string; payment?: string }

/** One line of an order to place. */
export interface LineSpec { item: Item; qty: number; unitPrice: number }

/** An order once placed, with what later events need. */
export interface PlacedOrder {
  id: string;
  at: number;
  buyer: Actor;
  shop: Shop;
  item: Item;
  amount: number;
  /** Weight of the goods, grams. */
  weightG: number;
}

/** Emits order.placed; returns null if the order falls after the end of the run. */
export function placeOrder(w: World, o: {
  at: number; buyer: Actor; shop: Shop; lines: LineSpec[]; address: Address; discount?: number; couponId?: string;
}, rec?: TruthRecorder): PlacedOrder | null {
  const id = w.ids.order();
  const gross = o.lines.reduce((s, l) => s + l.qty * l.unitPrice, 0);
  const discount = Math.min(o.discount ?? 0, gross);
  const data = {
    order_id: id, buyer_id: o.buyer.id, shop_id: o.shop.id,
    lines: o.lines.map((l) => ({ item_id: l.item.id, qty: l.qty, unit_price: l.unitPrice })),
    amount: gross - discount,
    ...(discount > 0 ? { discount } : {}),
    ...(o.couponId ? { coupon_id: o.couponId } : {}),
    address: o.address,
    ...(o.buyer.device ? { device_id: o.buyer.device } : {}),
    ...(o.buyer.ip ? { ip: o.buyer.ip } : {}),
    ...(o.buyer.payment ? { payment_id: o.buyer.payment } : {}),
  };
  // Before the start (warm-up) the order exists but its placement is not in the stream.
  const eventId = w.emit('order.placed', o.at, data, rec);
  if (eventId === null && !(w.isWarmingUp && o.at < w.startMs)) return null;
  if (eventId !== null) rec?.orders.push(id);
  const first = o.lines[0]!;
  return { id, at: o.at, buyer: o.buyer, shop: o.shop, item: first.item, amount: data.amount,
    weightG: o.lines.reduce((s, l) => s + l.qty * l.item.weightG, 0) };
}

/** Emits order.paid. */
export function pay(w: World, o: { order: PlacedOrder; at: number }, rec?: TruthRecorder): string | null {
  return w.emit('order.paid', o.at, { order_id: o.order.id,
    ...(o.order.buyer.payment ? { payment_id: o.order.buyer.payment } : {}) }, rec);
}

/** Emits order.shipped with a random carrier and the parcel weight. */
export function ship(w: World, rng: Rng, o: { order: PlacedOrder; at: number; weightG: number }, rec?: TruthRecorder): string | null {
  const [carrier, prefix] = rng.pick(CARRIERS);
  return w.emit('order.shipped', o.at, { order_id: o.order.id, carrier, tracking_no: w.ids.tracking(prefix),
    weight_g: Math.max(0, Math.round(o.weightG)) }, rec);
}

/** Emits order.delivered. */
export function deliver(w: World, o: { order: PlacedOrder; at: number }, rec?: TruthRecorder): string | null {
  return w.emit('order.delivered', o.at, { order_id: o.order.id }, rec);
}

/** Emits order.cancelled. */
export function cancel(w: World, o: { order: PlacedOrder; at: number; by: 'buyer' | 'merchant' | 'platform' },
  rec?: TruthRecorder): string | null {
  return w.emit('order.cancelled', o.at, { order_id: o.order.id, by: o.by }, rec);
}

/** Emits refund.requested and, if resolveAt is given, refund.resolved. */
export function refund(w: World, o: {
  order: PlacedOrder; at: number; kind: 'refund_only' | 'return_and_refund'; reason?: string; evidence?: number;
  amount?: number; resolveAt?: number; outcome?: 'approved' | 'rejected';
}, rec?: TruthRecorder): string | null {
  const refundId = w.ids.refund();
  const id = w.emit('refund.requested', o.at, { refund_id: refundId, order_id: o.order.id, buyer_id: o.order.buyer.id,
    kind: o.kind, amount: o.amount ?? o.order.amount,
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.evidence !== undefined ? { evidence: o.evidence } : {}) }, rec);
  if (id !== null && o.resolveAt !== undefined) {
    w.emit('refund.resolved', o.resolveAt, { refund_id: refundId, outcome: o.outcome ?? 'approved' }, rec);
  }
  return id;
}

/** Emits review.posted. */
export function review(w: World, o: { order: PlacedOrder; at: number; rating: number; text?: string },
  rec?: TruthRecorder): string | null {
  return w.emit('review.posted', o.at, { review_id: w.ids.review(), order_id: o.order.id, buyer_id: o.order.buyer.id,
    shop_id: o.order.shop.id, item_id: o.order.item.id, rating: o.rating, ...(o.text ? { text: o.text } : {}) }, rec);
}

/** Emits message.sent. */
export function message(w: World, o: {
  from: string; to: string; at: number; channel: 'chat' | 'phone' | 'sms' | 'mail'; text?: string; orderId?: string;
}, rec?: TruthRecorder): string | null {
  return w.emit('message.sent', o.at, { message_id: w.ids.message(), from_id: o.from, to_id: o.to, channel: o.channel,
    ...(o.text ? { text: o.text } : {}), ...(o.orderId ? { order_id: o.orderId } : {}) }, rec);
}

/** Emits claim.filed against the order's shop. */
export function claim(w: World, o: { order: PlacedOrder; at: number; amount: number; reason?: string; text?: string },
  rec?: TruthRecorder): string | null {
  return w.emit('claim.filed', o.at, { claim_id: w.ids.claim(), order_id: o.order.id, buyer_id: o.order.buyer.id,
    shop_id: o.order.shop.id, amount: o.amount, ...(o.reason ? { reason: o.reason } : {}),
    ...(o.text ? { text: o.text } : {}) }, rec);
}

/** The kinds of complaint of the contract. */
export type ComplaintKind = 'harassment' | 'abnormal_orders' | 'malicious_claim' | 'extortion' | 'counterfeit' | 'other';

/** Emits complaint.filed. */
export function complaint(w: World, o: { by: string; against: string; at: number; kind: ComplaintKind; orderIds?: string[]; text?: string },
  rec?: TruthRecorder): string | null {
  return w.emit('complaint.filed', o.at, { complaint_id: w.ids.complaint(), by_id: o.by, against_id: o.against, kind: o.kind,
    ...(o.orderIds && o.orderIds.length ? { order_ids: o.orderIds } : {}), ...(o.text ? { text: o.text } : {}) }, rec);
}

/** Emits account.login. */
export function login(w: World, o: { actor: Actor; at: number }, rec?: TruthRecorder): string | null {
  return w.emit('account.login', o.at, { account_id: o.actor.id,
    ...(o.actor.device ? { device_id: o.actor.device } : {}), ...(o.actor.ip ? { ip: o.actor.ip } : {}) }, rec);
}

/** Emits account.registered. */
export function register(w: World, o: { actor: Actor; at: number; role: 'buyer' | 'merchant'; phone?: string; referrer?: string },
  rec?: TruthRecorder): string | null {
  return w.emit('account.registered', o.at, { account_id: o.actor.id, role: o.role,
    ...(o.phone ? { phone: o.phone } : {}), ...(o.actor.device ? { device_id: o.actor.device } : {}),
    ...(o.actor.ip ? { ip: o.actor.ip } : {}), ...(o.referrer ? { referrer_id: o.referrer } : {}) }, rec);
}

/** Emits coupon.claimed. */
export function claimCoupon(w: World, o: { actor: Actor; at: number; couponId: string; campaignId?: string; value: number },
  rec?: TruthRecorder): string | null {
  return w.emit('coupon.claimed', o.at, { claim_id: w.ids.couponClaim(), coupon_id: o.couponId,
    ...(o.campaignId ? { campaign_id: o.campaignId } : {}), account_id: o.actor.id, value: o.value,
    ...(o.actor.device ? { device_id: o.actor.device } : {}), ...(o.actor.ip ? { ip: o.actor.ip } : {}) }, rec);
}

/** Emits listing.updated for an item at a price (and any extra fields such as a limited launch). */
export function listItem(w: World, o: { item: Item; at: number; priceFen: number; full?: boolean; limited?: boolean; perAccountLimit?: number },
  rec?: TruthRecorder): string | null {
  const { item } = o;
  return w.emit('listing.updated', o.at, { item_id: item.id, shop_id: item.shopId, price: o.priceFen,
    ...(o.full ? { currency: 'CNY', stock: item.stock, title: item.title, category: item.category.id } : { stock: item.stock }),
    ...(o.limited ? { limited: true } : {}), ...(o.perAccountLimit ? { per_account_limit: o.perAccountLimit } : {}) }, rec);
}

/** Emits shop.opened. */
export function openShop(w: World, o: { shop: Shop; at: number }, rec?: TruthRecorder): string | null {
  return w.emit('shop.opened', o.at, { shop_id: o.shop.id, owner_id: o.shop.owner.id, name: o.shop.name,
    category: o.shop.category.id }, rec);
}
