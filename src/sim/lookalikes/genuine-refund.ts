// Look-alike of refund abuse: a buyer receives broken goods and asks for a refund without return,
// with photos attached. Different buyers, different shops, ordinary timing.
import { DAMAGE_REASONS } from '../corpus/claims.js';
import { refund } from '../events.js';
import { lookalikeParams } from '../params.js';
import type { Scenario, Slot } from '../scenario.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, type World } from '../world.js';
import { planCases } from './cases.js';

const P = lookalikeParams.genuineRefund;

/** Plans refund-only requests with evidence for damaged goods. */
export function genuineRefund(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:genuine_refund:${slot.index}`);
  const plan = planCases(w, rng, slot, { cases: P.cases, minCases: P.minCases, tailMs: 3 * DAY_MS,
    shop: (s) => s.category.fragile === true });
  const rec = new TruthRecorder();

  return {
    at: plan.at,
    run() {
      for (const { buyer, shop, order, deliveredAt } of plan.delivered(rec)) {
        rec.accounts.add(buyer.id);
        rec.shops.add(shop.id);
        const rAt = deliveredAt + rng.real(HOUR_MS, 48 * HOUR_MS);
        refund(w, { order, at: rAt, kind: 'refund_only', reason: rng.pick(DAMAGE_REASONS), evidence: rng.draw(P.evidence),
          resolveAt: rAt + rng.real(HOUR_MS, 24 * HOUR_MS), outcome: 'approved' }, rec);
      }
    },
    truth() {
      return { id: `look_refund_${slot.index + 1}`, kind: 'genuine_refund', resembles: 'refund_abuse', ...rec.entities() };
    },
  };
}
