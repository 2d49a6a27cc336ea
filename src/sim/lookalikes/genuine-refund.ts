// Look-alike of refund abuse: a buyer receives broken goods and asks for a refund without return,
// with photos attached. Different buyers, different shops, ordinary timing.
import { actorOf } from '../benign.js';
import { DAMAGE_REASONS } from '../corpus/claims.js';
import { refund } from '../events.js';
import { deliveredOrder } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import { span, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, type World } from '../world.js';

const P = lookalikeParams.genuineRefund;

/** Plans refund-only requests with evidence for damaged goods. */
export function genuineRefund(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:genuine_refund:${slot.index}`);
  const n = w.size(rng, P.cases, P.minCases);
  const buyers = w.pop.takeBuyers(rng, n);
  const shops = buyers.map(() => w.pop.takeShop(rng, (s) => s.category.fragile === true));
  const [from, to] = span(w, slot, 3 * DAY_MS);
  const cases = buyers.map((b, i) => ({ b, shop: shops[i]!, at: Math.floor(rng.real(from, to)) })).sort((a, b) => a.at - b.at);
  const rec = new TruthRecorder();

  return {
    at: cases[0]?.at ?? from,
    run() {
      for (const { b, shop, at } of cases) {
        const item = rng.pick(shop.items);
        const got = deliveredOrder(w, rng, { at, buyer: actorOf(rng, b), shop, item, address: b.home }, rec);
        if (!got) continue;
        const { order } = got;
        rec.accounts.add(b.id);
        rec.shops.add(shop.id);
        const rAt = got.deliveredAt + rng.real(HOUR_MS, 48 * HOUR_MS);
        refund(w, { order, at: rAt, kind: 'refund_only', reason: rng.pick(DAMAGE_REASONS), evidence: rng.draw(P.evidence),
          resolveAt: rAt + rng.real(HOUR_MS, 24 * HOUR_MS), outcome: 'approved' }, rec);
      }
    },
    truth() {
      return { id: `look_refund_${slot.index + 1}`, kind: 'genuine_refund', resembles: 'refund_abuse', ...rec.entities() };
    },
  };
}
