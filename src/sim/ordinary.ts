// What happens to an ordinary order after it is placed: payment, shipping, delivery, and now and
// then a cancellation, a refund of either kind, a review, a claim or a complaint. Shares and
// delays come from benignParams.
import { DAMAGE_REASONS, GENUINE_CLAIMS, ORDINARY_COMPLAINTS, REFUND_REASONS_BEFORE_SHIPPING, RETURN_REASONS } from './corpus/claims.js';
import { POLITE_FOLLOWUPS } from './corpus/messages.js';
import { REVIEWS_BAD, REVIEWS_GOOD, REVIEWS_MIXED } from './corpus/reviews.js';
import type { Address } from '../contract/index.js';
import { cancel, claim, complaint, deliver, message, pay, placeOrder, refund, review, ship, type Actor, type PlacedOrder } from './events.js';
import { priceAt, type Item, type Shop } from './population.js';
import { benignParams as B } from './params.js';
import type { Rng } from './rng.js';
import { say } from './text.js';
import type { TruthRecorder } from './truth.js';
import { HOUR_MS, MINUTE_MS, type World } from './world.js';

/** What the ordinary lifecycle may do; by default everything, at the usual rates. */
export interface LifecycleOptions {
  rec?: TruthRecorder;
  /** Allow unpaid orders, cancellations and refunds. */
  mishaps?: boolean;
  reviews?: boolean;
  /** Force this review rating (and always review). */
  rating?: number;
  claims?: boolean;
  /** Ship within a day and deliver within two (express couriers), so follow-ups fit in short runs. */
  fast?: boolean;
}

/** When the order reached each stage (undefined when it did not). */
export interface Lifecycle { paidAt?: number; shippedAt?: number; deliveredAt?: number }

/** Emits the ordinary lifecycle of a placed order. */
export function ordinaryLifecycle(w: World, rng: Rng, order: PlacedOrder, opts: LifecycleOptions = {}): Lifecycle {
  const { rec } = opts;
  const mishaps = opts.mishaps ?? true;
  if (mishaps && rng.chance(B.unpaidShare)) {
    const byBuyer = rng.chance(0.6);
    cancel(w, { order, at: order.at + (byBuyer ? rng.real(10 * MINUTE_MS, 12 * HOUR_MS) : 30 * MINUTE_MS), by: byBuyer ? 'buyer' : 'platform' }, rec);
    return {};
  }
  const paidAt = order.at + Math.min(20 * MINUTE_MS, 5_000 + rng.exp(2 * MINUTE_MS));
  pay(w, { order, at: paidAt }, rec);
  if (mishaps && rng.chance(B.refundBeforeShipShare)) {
    const at = paidAt + rng.real(5 * MINUTE_MS, 10 * HOUR_MS);
    const approved = rng.chance(0.97);
    refund(w, { order, at, kind: 'refund_only', reason: rng.pick(REFUND_REASONS_BEFORE_SHIPPING), evidence: 0,
      resolveAt: at + rng.real(5 * MINUTE_MS, 4 * HOUR_MS), outcome: approved ? 'approved' : 'rejected' }, rec);
    if (approved) return { paidAt };
  }
  if (mishaps && rng.chance(B.merchantCancelShare)) {
    cancel(w, { order, at: paidAt + rng.real(HOUR_MS, 24 * HOUR_MS), by: 'merchant' }, rec);
    return { paidAt };
  }
  const shippedAt = paidAt + (opts.fast ? rng.real(3, 24) : rng.draw(B.shipAfterPayH)) * HOUR_MS;
  ship(w, rng, { order, at: shippedAt, weightG: order.weightG + rng.draw(B.packagingG) }, rec);
  const deliveredAt = shippedAt + (opts.fast ? rng.real(12, 48) : rng.draw(B.deliverAfterShipH)) * HOUR_MS;
  deliver(w, { order, at: deliveredAt }, rec);

  if (mishaps) afterDelivery(w, rng, order, deliveredAt, rec);
  if (opts.rating !== undefined || ((opts.reviews ?? true) && rng.chance(B.reviewShare))) {
    const rating = opts.rating ?? rng.weighted(B.ratingWeights);
    const at = deliveredAt + Math.min(8 * 24 * HOUR_MS, HOUR_MS + rng.exp(30 * HOUR_MS));
    const texts = rating >= 4 ? REVIEWS_GOOD : rating === 3 ? REVIEWS_MIXED : REVIEWS_BAD;
    review(w, { order, at, rating, ...(rng.chance(0.8) || rating <= 2 ? { text: say(rng, texts) } : {}) }, rec);
    if (rating <= 2 && opts.rating === undefined && rng.chance(B.badReviewFollowupShare)) {
      message(w, { from: order.shop.owner.id, to: order.buyer.id, at: at + rng.real(0.5 * HOUR_MS, 10 * HOUR_MS),
        channel: 'chat', text: say(rng, POLITE_FOLLOWUPS), orderId: order.id }, rec);
    }
  }
  if ((opts.claims ?? true) && rng.chance(B.claimShare)) {
    claim(w, { order, at: deliveredAt + rng.real(HOUR_MS, 5 * 24 * HOUR_MS), amount: order.amount,
      reason: '商品问题', text: say(rng, GENUINE_CLAIMS) }, rec);
  }
  if ((opts.claims ?? true) && rng.chance(B.complaintShare)) {
    const [kind, text] = rng.pick(ORDINARY_COMPLAINTS);
    complaint(w, { by: order.buyer.id, against: order.shop.id, at: deliveredAt + rng.real(HOUR_MS, 4 * 24 * HOUR_MS),
      kind, orderIds: [order.id], text }, rec);
  }
  return { paidAt, shippedAt, deliveredAt };
}

/** Returns and refund-only requests after delivery, at their ordinary rates. */
function afterDelivery(w: World, rng: Rng, order: PlacedOrder, deliveredAt: number, rec?: TruthRecorder): void {
  const r = rng.float();
  if (r < B.returnShare) {
    const at = deliveredAt + rng.real(2 * HOUR_MS, 6 * 24 * HOUR_MS);
    refund(w, { order, at, kind: 'return_and_refund', reason: rng.pick(RETURN_REASONS), evidence: rng.int(0, 3),
      resolveAt: at + rng.real(HOUR_MS, 72 * HOUR_MS), outcome: rng.chance(0.92) ? 'approved' : 'rejected' }, rec);
  } else if (r < B.returnShare + B.damagedRefundShare) {
    const at = deliveredAt + rng.real(HOUR_MS, 48 * HOUR_MS);
    refund(w, { order, at, kind: 'refund_only', reason: rng.pick(DAMAGE_REASONS), evidence: rng.int(1, 4),
      resolveAt: at + rng.real(HOUR_MS, 24 * HOUR_MS), outcome: 'approved' }, rec);
  } else if (r < B.returnShare + B.damagedRefundShare + B.smallDisputeRefundShare) {
    const at = deliveredAt + rng.real(HOUR_MS, 72 * HOUR_MS);
    refund(w, { order, at, kind: 'refund_only', reason: '与描述不符', evidence: 0, amount: Math.ceil(order.amount * rng.real(0.2, 1)),
      resolveAt: at + rng.real(HOUR_MS, 48 * HOUR_MS), outcome: rng.chance(0.7) ? 'approved' : 'rejected' }, rec);
  }
}

/** Runs shorter than this start some stories with an order already on its way (see deliveredInRun). */
export const SHORT_RUN_MS = 4 * 24 * HOUR_MS;

/** True when a run is too short for an order's whole lifecycle and what follows it. */
export function isShortRun(w: World): boolean {
  return w.endMs - w.startMs < SHORT_RUN_MS;
}

/**
 * An order placed, paid and shipped before the run began, delivered at `at`: a stream starts in the
 * middle of things, so in a short run a bad review or a claim can be about such an order. Only
 * order.delivered is emitted; the order id is new.
 */
export function deliveredInRun(w: World, o: { at: number; buyer: Actor; shop: Shop; item: Item; qty?: number }, rec?: TruthRecorder): PlacedOrder {
  const qty = o.qty ?? 1;
  const order: PlacedOrder = { id: w.ids.order(), at: o.at - 3 * 24 * HOUR_MS, buyer: o.buyer, shop: o.shop, item: o.item,
    amount: qty * o.item.priceFen, weightG: qty * o.item.weightG };
  deliver(w, { order, at: o.at }, rec);
  return order;
}

/**
 * An order that reaches the buyer: placed at `at` with the ordinary (fast) lifecycle, or in a
 * short run already on its way and delivered at `at`. Null if it falls after the end of the run.
 */
export function deliveredOrder(w: World, rng: Rng, o: { at: number; buyer: Actor; shop: Shop; item: Item; address: Address },
  rec?: TruthRecorder): { order: PlacedOrder; deliveredAt: number } | null {
  if (isShortRun(w)) return { order: deliveredInRun(w, { at: o.at, buyer: o.buyer, shop: o.shop, item: o.item }, rec), deliveredAt: o.at };
  const order = placeOrder(w, { at: o.at, buyer: o.buyer, shop: o.shop, lines: [{ item: o.item, qty: 1, unitPrice: priceAt(o.item, o.at) }],
    address: o.address }, rec);
  if (!order) return null;
  const life = ordinaryLifecycle(w, rng, order, { ...(rec ? { rec } : {}), mishaps: false, reviews: false, claims: false, fast: true });
  return life.deliveredAt === undefined ? null : { order, deliveredAt: life.deliveredAt };
}
