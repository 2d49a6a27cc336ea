// Look-alike of reverse brushing and scalping: a livestream makes an item sell hundreds of units in
// minutes. The buyers are established accounts ordering from their own devices and networks to
// their own full addresses, and almost nobody refunds.
import { actorOf } from '../benign.js';
import { RETURN_REASONS } from '../corpus/claims.js';
import { login, placeOrder, refund } from '../events.js';
import { ordinaryLifecycle } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import { niceprice } from '../population.js';
import { pickTime, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = lookalikeParams.viralBurst;
const VIRAL_CATEGORIES = new Set(['apparel', 'beauty', 'food', 'home']);

/** Plans one genuine viral burst. */
export function viralBurst(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:viral_burst:${slot.index}`);
  const orders = w.size(rng, P.orders, P.minOrders);
  const windowMin = rng.draw(P.windowMin);
  const refundShare = rng.draw(P.refundShare);
  const shop = w.pop.takeShop(rng, (s) => VIRAL_CATEGORIES.has(s.category.id));
  const item = rng.pick(shop.items);
  item.priceFen = niceprice(rng.real(2990, 19900), rng);
  item.stock = Math.max(item.stock, orders * 3);
  const buyers = w.pop.takeBuyers(rng, orders);
  // Livestreams run in the evening, local time.
  const start = pickTime(w, rng, slot, { tailMs: DAY_MS, localHours: [19, 23] });
  const rec = new TruthRecorder();
  rec.shops.add(shop.id);
  rec.items.add(item.id);

  return {
    at: start,
    run() {
      for (const b of buyers) {
        // Front-loaded: most orders come right after the host shows the item.
        const at = start + MINUTE_MS + Math.pow(rng.float(), 1.6) * windowMin * MINUTE_MS;
        const actor = actorOf(rng, b);
        if (rng.chance(0.5)) login(w, { actor, at: at - rng.real(5_000, MINUTE_MS) }, rec);
        const order = placeOrder(w, { at, buyer: actor, shop, lines: [{ item, qty: rng.chance(0.85) ? 1 : 2, unitPrice: item.priceFen }],
          address: b.home }, rec);
        if (!order) continue;
        rec.accounts.add(b.id);
        const life = ordinaryLifecycle(w, rng, order, { rec, mishaps: false, claims: false });
        if (life.deliveredAt !== undefined && rng.chance(refundShare)) {
          const rAt = life.deliveredAt + rng.real(2 * HOUR_MS, 3 * DAY_MS);
          refund(w, { order, at: rAt, kind: 'return_and_refund', reason: rng.pick(RETURN_REASONS), evidence: rng.int(0, 2),
            resolveAt: rAt + rng.real(HOUR_MS, 48 * HOUR_MS), outcome: 'approved' }, rec);
        }
      }
    },
    truth() {
      return { id: `look_viral_${slot.index + 1}`, kind: 'viral_burst', resembles: 'reverse_brushing', ...rec.entities() };
    },
  };
}
