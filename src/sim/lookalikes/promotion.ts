// Look-alike of a price error: an ordinary promotion takes up to 25% off for a day or three, and
// orders rise. The price drop is far smaller than a mistyped price (100 times).
import { ordinaryOrder } from '../benign.js';
import { listItem } from '../events.js';
import { ordinaryLifecycle } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import { niceprice } from '../population.js';
import { pickTime, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, type World } from '../world.js';

const P = lookalikeParams.promotion;

/** Plans one promotion over a few items of different shops. */
export function promotion(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:promotion:${slot.index}`);
  const start = pickTime(w, rng, slot, { tailMs: DAY_MS, localHours: [0, 10] });
  const deals = Array.from({ length: rng.draw(P.items) }, () => {
    const shop = w.pop.takeShop(rng);
    const item = rng.pick(shop.items);
    const price = Math.max(1, Math.min(item.priceFen - 10, niceprice(item.priceFen * (1 - rng.draw(P.discount)), rng)));
    // Never deeper than 25% off: niceprice rounding may not push it past that.
    const dealFen = Math.max(price, Math.ceil(item.priceFen * 0.75));
    const at = start + rng.real(0, 60_000);
    const endAt = at + rng.draw(P.days) * DAY_MS;
    item.windows.push({ from: at, to: endAt, priceFen: dealFen });
    return { shop, item, dealFen, at, endAt, extra: w.size(rng, P.extraOrders, 10) };
  });
  const rec = new TruthRecorder();

  return {
    at: start,
    run() {
      for (const d of deals) {
        listItem(w, { item: d.item, at: d.at, priceFen: d.dealFen }, rec);
        rec.shops.add(d.shop.id);
        rec.items.add(d.item.id);
        for (let n = 0; n < d.extra; n++) {
          const order = ordinaryOrder(w, rng, { buyer: w.pop.pickBuyer(rng), item: d.item, at: rng.real(d.at + 60_000, d.endAt), login: false, rec });
          if (order) ordinaryLifecycle(w, rng, order, { rec });
        }
        listItem(w, { item: d.item, at: d.endAt, priceFen: d.item.priceFen }, rec);
      }
    },
    truth() {
      return { id: `look_promo_${slot.index + 1}`, kind: 'promotion', resembles: 'price_error', ...rec.entities() };
    },
  };
}
