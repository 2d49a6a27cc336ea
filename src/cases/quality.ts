// The store quality score: 0 to 100 per shop, the weighted mean of five components, each shown
// with its value and what it was made of. Orders excluded to protect the shop (a reverse-brushing
// flood) and orders cleared as fake (brushing) count for none of the components.
import type { OrderState, ShopState } from '../core/index.js';
import type { CasesConfig } from './config.js';
import { pointsSummary } from './sanctions.js';
import { QUALITY_COMPONENTS, type QualityComponent, type QualityScore, type Sanction } from './types.js';

export interface QualityInput {
  source: string;
  shop: ShopState | undefined;
  shopId: string;
  /** Orders kept out of the shop's metrics: excluded to protect it, or cleared as fake. */
  excludedOrders: ReadonlySet<string>;
  order(id: string): OrderState | undefined;
  /** The shop's sanctions, every state. */
  sanctions: readonly Sanction[];
  now: string;
  config: Pick<CasesConfig, 'quality' | 'escalation'>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number) => Math.max(0, Math.min(100, x));

/** The shop's score now. */
export function qualityScore(input: QualityInput): QualityScore {
  const { shop, config } = input;
  // Take the excluded orders out of the shop's counters, with their refunds and ratings.
  let orders = shop?.orders ?? 0;
  let refunds = shop?.refunds ?? 0;
  let reviews = shop?.reviews ?? 0;
  let ratingSum = shop?.ratingSum ?? 0;
  let refundedOrders = 0;
  for (const id of input.excludedOrders) {
    const o = input.order(id);
    if (!o || o.shopId !== input.shopId) continue;
    orders--;
    refunds -= o.refundIds.length;
    if (o.rating !== undefined) { reviews--; ratingSum -= o.rating; }
  }
  orders = Math.max(0, orders);
  refunds = Math.max(0, refunds);
  refundedOrders = Math.min(orders, refunds);
  const q = config.quality;
  const points = pointsSummary(input.sanctions, input.now, config.escalation);
  const top = Math.max(...config.escalation.levels.map((l) => l.points), 1);
  const refundRate = orders > 0 ? refunds / orders : null;
  const complaintRate = orders > 0 ? (shop?.complaintsAgainst ?? 0) / orders : null;
  const rating = reviews > 0 ? ratingSum / reviews : null;
  const verified = orders > 0 ? (orders - refundedOrders) / orders : null;
  const parts: Record<QualityComponent, { score: number | null; value: number | null; basis: string }> = {
    refunds: { value: refundRate, score: refundRate === null ? null : 100 * (1 - refundRate / q.refundRateZero),
      basis: `${refunds} refund request(s) on ${orders} order(s); 0 at a rate of ${q.refundRateZero}` },
    complaints: { value: complaintRate, score: complaintRate === null ? null : 100 * (1 - complaintRate / q.complaintRateZero),
      basis: `${shop?.complaintsAgainst ?? 0} complaint(s) against the shop on ${orders} order(s); 0 at ${q.complaintRateZero} per order` },
    sanctions: { value: points.points, score: 100 * (1 - points.points / top),
      basis: `${points.points} live point(s) within the record window; 0 at ${top}` },
    reviews: { value: rating === null ? null : round1(rating), score: rating === null ? null : 100 * (rating - 1) / 4,
      basis: `${reviews} rating(s) of its own orders, 1 star 0, 5 stars 100` },
    verified_sales: { value: verified, score: verified === null ? null : 100 * verified,
      basis: `share of ${orders} counted order(s) not refunded (excluded and cleared orders are not sales)` },
  };
  let weighted = 0;
  let weights = 0;
  const components = {} as QualityScore['components'];
  for (const k of QUALITY_COMPONENTS) {
    const p = parts[k];
    const weight = q.weights[k];
    const score = p.score === null ? 0 : round1(clamp(p.score));
    components[k] = { score, weight: p.score === null ? 0 : weight, value: p.value === null ? null : Math.round(p.value * 10_000) / 10_000, basis: p.basis };
    if (p.score !== null) { weighted += score * weight; weights += weight; }
  }
  return { source: input.source, shop: input.shopId, at: input.now, score: weights > 0 ? round1(weighted / weights) : 100, components };
}
