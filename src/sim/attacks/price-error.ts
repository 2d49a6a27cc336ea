// Price error (价格错误): a merchant types a price 100 times too low (5999.00 becomes 59.99). Deal
// hunters spread the word and orders pile in, faster and faster, often several units each, until
// the merchant notices and fixes the price; most of those orders are then cancelled by the shop.
import { actorOf, addressOf } from '../benign.js';
import { cancel, deliver, listItem, login, pay, placeOrder, ship } from '../events.js';
import { attackParams } from '../params.js';
import { niceprice } from '../population.js';
import { pickTime, round3, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.priceError;
const ERROR_CATEGORIES = new Set(['electronics', 'home', 'sports', 'shoes', 'liquor']);

/** Plans one mistyped price. */
export function priceError(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:price_error:${slot.index}`);
  const p = {
    fixAfterMin: rng.draw(P.fixAfterMin),
    orders: w.size(rng, P.orders, P.minOrders),
    multiQtyShare: rng.draw(P.multiQtyShare),
    merchantCancelShare: rng.draw(P.merchantCancelShare),
  };
  const shop = w.pop.takeShop(rng, (s) => ERROR_CATEGORIES.has(s.category.id));
  const item = rng.pick(shop.items);
  item.priceFen = niceprice(rng.draw(P.normalPriceFen), rng);
  const wrongFen = Math.round(item.priceFen / P.divisor);
  const at = pickTime(w, rng, slot, { tailMs: 8 * HOUR_MS, localHours: [8, 23] });
  const fixAt = at + p.fixAfterMin * MINUTE_MS;
  item.windows.push({ from: at, to: fixAt, priceFen: wrongFen });
  const rec = new TruthRecorder();
  rec.shops.add(shop.id);
  rec.items.add(item.id);

  return {
    at,
    run() {
      listItem(w, { item, at, priceFen: wrongFen }, rec);
      // Word spreads: the order rate grows through the window (density rising linearly).
      const times = Array.from({ length: p.orders }, () => at + 2 * MINUTE_MS + Math.sqrt(rng.float()) * (fixAt - at - 2 * MINUTE_MS))
        .sort((a, b) => a - b);
      for (const t of times) {
        const buyer = w.pop.pickBuyer(rng);
        const actor = actorOf(rng, buyer);
        if (rng.chance(0.3)) login(w, { actor, at: t - rng.real(10_000, 2 * MINUTE_MS) }, rec);
        const qty = rng.chance(p.multiQtyShare) ? rng.int(2, P.maxQty) : 1;
        const order = placeOrder(w, { at: t, buyer: actor, shop, lines: [{ item, qty, unitPrice: wrongFen }], address: addressOf(rng, buyer) }, rec);
        if (!order) continue;
        const paidAt = t + rng.real(5_000, 2 * MINUTE_MS);
        pay(w, { order, at: paidAt }, rec);
        if (rng.chance(p.merchantCancelShare)) {
          cancel(w, { order, at: fixAt + rng.real(30 * MINUTE_MS, 24 * HOUR_MS), by: 'merchant' }, rec);
        } else {
          const shippedAt = paidAt + rng.real(6 * HOUR_MS, 48 * HOUR_MS);
          ship(w, rng, { order, at: shippedAt, weightG: item.weightG * qty + rng.int(50, 300) }, rec);
          deliver(w, { order, at: shippedAt + rng.real(20 * HOUR_MS, 72 * HOUR_MS) }, rec);
        }
      }
      // The fix is the merchant's ordinary correction, not part of the incident.
      listItem(w, { item, at: fixAt, priceFen: item.priceFen });
    },
    truth() {
      return { id: `inc_pe_${slot.index + 1}`, kind: 'price_error', ...rec.entities(),
        params: { normalPriceFen: item.priceFen, wrongPriceFen: wrongFen, fixAfterMin: round3(p.fixAfterMin),
          orders: rec.orders.length, multiQtyShare: round3(p.multiQtyShare) } };
    },
  };
}
