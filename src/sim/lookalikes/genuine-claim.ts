// Look-alike of malicious claims: buyers claim for damaged or wrong goods in ordinary words, for
// what they paid, after asking the merchant first.
import { actorOf } from '../benign.js';
import { GENUINE_CLAIMS } from '../corpus/claims.js';
import { claim, message } from '../events.js';
import { deliveredOrder } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import { span, type Scenario, type Slot } from '../scenario.js';
import { say } from '../text.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, type World } from '../world.js';

const P = lookalikeParams.genuineClaim;
const ASKS = ['你好，收到的东西坏了，怎么处理？', '你好，发错货了', '商品少了一件，麻烦看一下', '你好，東西壞了怎麼辦'];

/** Plans ordinary claims for damaged goods. */
export function genuineClaim(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:genuine_claim:${slot.index}`);
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
        const got = deliveredOrder(w, rng, { at, buyer: actorOf(rng, b), shop, item, address: b.home }, rec);
        if (!got) continue;
        const { order } = got;
        rec.accounts.add(b.id);
        rec.shops.add(shop.id);
        let t = got.deliveredAt + rng.real(2 * HOUR_MS, 2 * DAY_MS);
        if (rng.chance(0.7)) {
          message(w, { from: b.id, to: shop.owner.id, at: t, channel: 'chat', text: rng.pick(ASKS), orderId: order.id }, rec);
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
