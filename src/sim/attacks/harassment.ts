// Harassment (商家骚扰威胁): after a bad review, a merchant threatens the buyer by chat and SMS and
// calls again and again to force the review's removal. The buyers complain to the platform.
import { actorOf } from '../benign.js';
import { CALL_NOTES, HARASSMENT_COMPLAINTS, THREATS } from '../corpus/messages.js';
import { REVIEWS_BAD } from '../corpus/reviews.js';
import { complaint, message, review } from '../events.js';
import { deliveredOrder, isShortRun } from '../ordinary.js';
import { attackParams } from '../params.js';
import { round3, span, type Scenario, type Slot } from '../scenario.js';
import { fill, say } from '../text.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.harassment;

/** Plans one merchant who harasses the buyers who reviewed them badly. */
export function harassment(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:harassment:${slot.index}`);
  const p = { consumers: rng.draw(P.consumers), complaintShare: rng.draw(P.complaintShare) };
  const shop = w.pop.takeShop(rng);
  const consumers = w.pop.takeBuyers(rng, p.consumers);
  const [from, to] = span(w, slot, 4 * DAY_MS);
  const plans = consumers.map((b) => ({ b, at: Math.floor(rng.real(from, to)) })).sort((a, b) => a.at - b.at);
  const rec = new TruthRecorder();
  rec.shops.add(shop.id);
  rec.accounts.add(shop.owner.id);
  const owner = shop.owner.id;

  return {
    at: plans[0]?.at ?? from,
    run() {
      plans.forEach(({ b, at }, i) => {
        const item = rng.pick(shop.items);
        // The buyer's order is ordinary; the incident starts with the bad review.
        const got = deliveredOrder(w, rng, { at, buyer: actorOf(rng, b), shop, item, address: b.home });
        if (!got) return;
        const { order } = got;
        const reviewAt = got.deliveredAt + rng.real(2 * HOUR_MS, 24 * HOUR_MS);
        if (review(w, { order, at: reviewAt, rating: rng.int(1, 2), text: say(rng, REVIEWS_BAD) }, rec) === null) return;
        rec.accounts.add(b.id);
        if (!isShortRun(w)) rec.orders.push(order.id);
        let t = reviewAt + rng.draw(P.firstContactAfterReviewH) * HOUR_MS;
        let last = t;
        for (let n = rng.draw(P.threatsPerConsumer); n > 0; n--) {
          message(w, { from: owner, to: b.id, at: t, channel: rng.chance(0.6) ? 'chat' : 'sms', orderId: order.id,
            text: fill(say(rng, THREATS, 0.15), { name: `${b.name.slice(0, 1)}${rng.pick(['先生', '女士'])}` }) }, rec);
          last = t;
          t += rng.real(10 * MINUTE_MS, 8 * HOUR_MS);
        }
        // Repeated calls: the call log records each one, most unanswered.
        const callStart = reviewAt + rng.real(0, 2 * HOUR_MS);
        const callWindow = rng.draw(P.callsWithinH) * HOUR_MS;
        const calls = Array.from({ length: rng.draw(P.callsPerConsumer) }, () => callStart + rng.float() * callWindow).sort((x, y) => x - y);
        for (const c of calls) {
          const note = rng.pick(CALL_NOTES);
          message(w, { from: owner, to: b.id, at: c, channel: 'phone', ...(note ? { text: note } : {}), orderId: order.id }, rec);
          last = Math.max(last, c);
        }
        // Every incident has at least one complaint; further buyers complain at the drawn rate.
        if (i === 0 || rng.chance(p.complaintShare)) {
          complaint(w, { by: b.id, against: rng.chance(0.7) ? owner : shop.id, at: last + rng.real(30 * MINUTE_MS, 12 * HOUR_MS),
            kind: 'harassment', orderIds: [order.id], text: say(rng, HARASSMENT_COMPLAINTS, 0.1) }, rec);
        }
      });
    },
    truth() {
      return { id: `inc_ha_${slot.index + 1}`, kind: 'harassment', ...rec.entities(),
        params: { consumers: p.consumers, complaintShare: round3(p.complaintShare) } };
    },
  };
}
