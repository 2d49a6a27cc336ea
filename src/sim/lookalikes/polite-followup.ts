// Look-alike of harassment: after a bad review the merchant writes once or twice, politely, to
// apologise and offer an exchange or a refund. No threats, no call storms.
import { POLITE_FOLLOWUPS } from '../corpus/messages.js';
import { REVIEWS_BAD } from '../corpus/reviews.js';
import { message, review } from '../events.js';
import { isShortRun } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import type { Scenario, Slot } from '../scenario.js';
import { say } from '../text.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, type World } from '../world.js';
import { planCases } from './cases.js';

const P = lookalikeParams.politeFollowup;

/** Plans bad reviews answered by polite merchants. */
export function politeFollowup(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:polite_followup:${slot.index}`);
  const plan = planCases(w, rng, slot, { cases: P.cases, minCases: P.minCases, tailMs: 3.5 * DAY_MS });
  const rec = new TruthRecorder();

  return {
    at: plan.at,
    run() {
      // The order's own events stay out of the truth: only a case that gets its bad review counts.
      for (const { buyer, shop, order, deliveredAt } of plan.delivered()) {
        const reviewAt = deliveredAt + rng.real(2 * HOUR_MS, 30 * HOUR_MS);
        if (review(w, { order, at: reviewAt, rating: rng.int(1, 2), text: say(rng, REVIEWS_BAD) }, rec) === null) continue;
        rec.accounts.add(buyer.id);
        rec.accounts.add(shop.owner.id);
        rec.shops.add(shop.id);
        if (!isShortRun(w)) rec.orders.push(order.id);
        let t = reviewAt + rng.real(0.5 * HOUR_MS, 12 * HOUR_MS);
        for (let k = rng.draw(P.messages); k > 0; k--) {
          message(w, { from: shop.owner.id, to: buyer.id, at: t, channel: rng.chance(0.85) ? 'chat' : 'phone',
            text: say(rng, POLITE_FOLLOWUPS), orderId: order.id }, rec);
          t += rng.real(3 * HOUR_MS, 24 * HOUR_MS);
        }
      }
    },
    truth() {
      return { id: `look_polite_${slot.index + 1}`, kind: 'polite_followup', resembles: 'harassment', ...rec.entities() };
    },
  };
}
