// Look-alike of harassment: after a bad review the merchant writes once or twice, politely, to
// apologise and offer an exchange or a refund. No threats, no call storms.
import { actorOf } from '../benign.js';
import { POLITE_FOLLOWUPS } from '../corpus/messages.js';
import { REVIEWS_BAD } from '../corpus/reviews.js';
import { message, review } from '../events.js';
import { deliveredOrder, isShortRun } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import { span, type Scenario, type Slot } from '../scenario.js';
import { say } from '../text.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, type World } from '../world.js';

const P = lookalikeParams.politeFollowup;

/** Plans bad reviews answered by polite merchants. */
export function politeFollowup(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:polite_followup:${slot.index}`);
  const n = w.size(rng, P.cases, P.minCases);
  const buyers = w.pop.takeBuyers(rng, n);
  const shops = buyers.map(() => w.pop.takeShop(rng));
  const [from, to] = span(w, slot, 3.5 * DAY_MS);
  const cases = buyers.map((b, i) => ({ b, shop: shops[i]!, at: Math.floor(rng.real(from, to)) })).sort((a, b) => a.at - b.at);
  const rec = new TruthRecorder();

  return {
    at: cases[0]?.at ?? from,
    run() {
      for (const { b, shop, at } of cases) {
        const item = rng.pick(shop.items);
        const got = deliveredOrder(w, rng, { at, buyer: actorOf(rng, b), shop, item, address: b.home });
        if (!got) continue;
        const { order } = got;
        const reviewAt = got.deliveredAt + rng.real(2 * HOUR_MS, 30 * HOUR_MS);
        if (review(w, { order, at: reviewAt, rating: rng.int(1, 2), text: say(rng, REVIEWS_BAD) }, rec) === null) continue;
        rec.accounts.add(b.id);
        rec.accounts.add(shop.owner.id);
        rec.shops.add(shop.id);
        if (!isShortRun(w)) rec.orders.push(order.id);
        let t = reviewAt + rng.real(0.5 * HOUR_MS, 12 * HOUR_MS);
        for (let k = rng.draw(P.messages); k > 0; k--) {
          message(w, { from: shop.owner.id, to: b.id, at: t, channel: rng.chance(0.85) ? 'chat' : 'phone',
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
