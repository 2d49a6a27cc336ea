// Look-alike of malicious claims: buyers claim for damaged or wrong goods in ordinary words, for
// what they paid, after asking the merchant first.
import { GENUINE_CLAIMS } from '../corpus/claims.js';
import { claim, message } from '../events.js';
import { lookalikeParams } from '../params.js';
import type { Scenario, Slot } from '../scenario.js';
import { say } from '../text.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, type World } from '../world.js';
import { planCases } from './cases.js';

const P = lookalikeParams.genuineClaim;
const ASKS = ['你好，收到的东西坏了，怎么处理？', '你好，发错货了', '商品少了一件，麻烦看一下', '你好，東西壞了怎麼辦'];

/** Plans ordinary claims for damaged goods. */
export function genuineClaim(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:genuine_claim:${slot.index}`);
  const plan = planCases(w, rng, slot, { cases: P.cases, minCases: P.minCases, tailMs: 3.5 * DAY_MS });
  const rec = new TruthRecorder();

  return {
    at: plan.at,
    run() {
      for (const { buyer, shop, order, deliveredAt } of plan.delivered(rec)) {
        rec.accounts.add(buyer.id);
        rec.shops.add(shop.id);
        let t = deliveredAt + rng.real(2 * HOUR_MS, 2 * DAY_MS);
        if (rng.chance(0.7)) {
          message(w, { from: buyer.id, to: shop.owner.id, at: t, channel: 'chat', text: rng.pick(ASKS), orderId: order.id }, rec);
          t += rng.real(6 * HOUR_MS, 36 * HOUR_MS);
        }
        claim(w, { order, at: t, amount: order.amount, reason: '商品问题', text: say(rng, GENUINE_CLAIMS) }, rec);
      }
    },
    truth() {
      return { id: `look_claim_${slot.index + 1}`, kind: 'genuine_claim', resembles: 'malicious_claim', ...rec.entities() };
    },
  };
}
