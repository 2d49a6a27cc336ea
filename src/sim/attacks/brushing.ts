// Brushing (刷单): a brushing platform's workers place paid orders at several client shops, the
// shops send empty parcels (0-30 g), and the workers post quick five-star reviews with templated
// praise. The fake orders come in task batches hidden among each shop's ordinary orders. The
// workers' accounts share devices and recipient phones in clusters (studios, phone racks).
import { fullAddress, door, personName } from '../address.js';
import { BRUSHING_PRAISE } from '../corpus/reviews.js';
import { toTraditional } from '../corpus/script.js';
import { deliver, login, pay, placeOrder, review, ship } from '../events.js';
import { makeFarm } from '../farm.js';
import { homeIp, inNet, net24 } from '../network.js';
import { attackParams } from '../params.js';
import { priceAt, type Item, type Shop } from '../population.js';
import { round3, type Scenario, type Slot } from '../scenario.js';
import { fill } from '../text.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.brushing;

/** Plans one brushing platform and its client shops. */
export function brushing(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:brushing:${slot.index}`);
  const p = {
    brushers: w.size(rng, P.brushers, P.minBrushers),
    clientShops: rng.draw(P.clientShops),
    accountsPerDevice: rng.draw(P.accountsPerDevice),
    accountsPerPhone: rng.draw(P.accountsPerPhone),
    dropAddresses: rng.draw(P.dropAddresses),
    emptyParcelShare: rng.draw(P.emptyParcelShare),
  };
  const clients: { shop: Shop; items: Item[]; orders: number }[] = Array.from({ length: p.clientShops }, () => {
    const shop = w.pop.takeShop(rng, (s) => s.items.length >= 3);
    return { shop, items: rng.sample(shop.items, rng.draw(P.itemsPerShop)), orders: w.size(rng, P.ordersPerShop, P.minOrdersPerShop) };
  });
  // Half the platforms run a studio (one /24 for everyone), the others use workers at home.
  const studio = rng.chance(0.5) ? net24(rng, 'broadband') : undefined;
  const workers = makeFarm(w, rng, {
    size: p.brushers, accountsPerDevice: p.accountsPerDevice, accountsPerPayment: rng.int(1, 2),
    ip: () => (studio ? inNet(rng, studio) : homeIp(rng)), registeredAt: () => w.startMs - rng.real(30, 400) * DAY_MS,
  });
  const phones = Array.from({ length: Math.max(1, Math.ceil(p.brushers / p.accountsPerPhone)) }, () => w.ids.phone(rng.int(0, 1000)));
  const drops = Array.from({ length: p.dropAddresses }, () => door(rng));
  // Orders must be delivered and reviewed inside the run, so tasks stop a few days before its end.
  const from = Math.max(w.startMs + HOUR_MS, slot.from);
  const to = Math.max(from + HOUR_MS, w.endMs - Math.min(2.5 * DAY_MS, (w.endMs - w.startMs) / 2));
  const tasks: { at: number; client: (typeof clients)[number]; n: number }[] = [];
  for (const client of clients) {
    for (let left = client.orders; left > 0;) {
      const n = Math.min(left, rng.draw(P.batch));
      tasks.push({ at: Math.floor(rng.real(from, to)), client, n });
      left -= n;
    }
  }
  tasks.sort((a, b) => a.at - b.at);
  const rec = new TruthRecorder();
  for (const c of clients) { rec.shops.add(c.shop.id); for (const i of c.items) rec.items.add(i.id); }

  return {
    at: tasks[0]?.at ?? from,
    run() {
      for (const task of tasks) {
        for (const worker of rng.sample(workers, task.n)) {
          const item = rng.pick(task.client.items);
          let at = task.at + rng.real(0, 60 * MINUTE_MS);
          if (rng.chance(0.6)) { login(w, { actor: worker, at }, rec); at += rng.real(30_000, 3 * MINUTE_MS); }
          const name = personName(rng);
          const address = fullAddress(rng.pick(drops), name, phones[workers.indexOf(worker) % phones.length]!);
          const order = placeOrder(w, { at, buyer: worker, shop: task.client.shop,
            lines: [{ item, qty: 1, unitPrice: priceAt(item, at) }], address }, rec);
          if (!order) continue;
          rec.accounts.add(worker.id);
          const paidAt = at + rng.real(5_000, 60_000);
          pay(w, { order, at: paidAt }, rec);
          const shippedAt = paidAt + rng.draw(P.shipAfterH) * HOUR_MS;
          const empty = rng.chance(p.emptyParcelShare);
          ship(w, rng, { order, at: shippedAt, weightG: empty ? rng.draw(P.emptyParcelG) : item.weightG + rng.int(20, 100) }, rec);
          const deliveredAt = shippedAt + rng.real(18 * HOUR_MS, 40 * HOUR_MS);
          deliver(w, { order, at: deliveredAt }, rec);
          const praise = fill(rng.pick(BRUSHING_PRAISE), { item: item.noun });
          review(w, { order, at: deliveredAt + rng.draw(P.reviewAfterDeliveryH) * HOUR_MS, rating: 5,
            text: rng.chance(0.05) ? toTraditional(praise) : praise }, rec);
        }
      }
    },
    truth() {
      return { id: `inc_br_${slot.index + 1}`, kind: 'brushing', ...rec.entities(),
        params: { brushers: p.brushers, clientShops: p.clientShops, orders: rec.orders.length,
          accountsPerDevice: p.accountsPerDevice, emptyParcelShare: round3(p.emptyParcelShare) } };
    },
  };
}
