// Brushing (刷单): a brushing platform's workers place paid orders at several client shops, the
// shops send empty parcels (0-30 g) or the real goods, and the workers post five-star reviews with
// templated praise, mostly within hours of delivery. The fake orders come in task batches hidden
// among each shop's ordinary orders. Platforms differ: a studio's workers share devices, recipient
// phones and drop doors (some of them parcel points named vaguely, which link nobody), while home
// workers order from their own phone to their own door; every worker also places a few ordinary
// orders at other shops as camouflage.
import { door, fullAddress, personName, vagueAddress } from '../address.js';
import { BRUSHING_PRAISE, REVIEWS_GOOD } from '../corpus/reviews.js';
import { toTraditional } from '../corpus/script.js';
import { deliver, login, pay, placeOrder, review, ship } from '../events.js';
import { makeFarm, type FarmAccount } from '../farm.js';
import { homeIp, inNet, net24 } from '../network.js';
import { ordinaryLifecycle } from '../ordinary.js';
import { attackParams, benignParams } from '../params.js';
import { priceAt, type Item, type Shop } from '../population.js';
import { round3, type Scenario, type Slot } from '../scenario.js';
import { fill, say } from '../text.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import type { Address } from '../../contract/index.js';
import type { Door } from '../address.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.brushing;

/** A worker of the platform, and the door its parcels go to when it works from home. */
interface Worker { account: FarmAccount; home?: Door }

/** Plans one brushing platform and its client shops. */
export function brushing(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:brushing:${slot.index}`);
  const p = {
    brushers: w.size(rng, P.brushers, P.minBrushers),
    clientShops: rng.draw(P.clientShops),
    accountsPerDevice: rng.draw(P.accountsPerDevice),
    accountsPerPhone: rng.draw(P.accountsPerPhone),
    dropAddresses: rng.draw(P.dropAddresses),
    vagueDropShare: rng.draw(P.vagueDropShare),
    homeWorkerShare: rng.draw(P.homeWorkerShare),
    emptyParcelShare: rng.draw(P.emptyParcelShare),
    reviewShare: rng.draw(P.reviewShare),
    lateReviewShare: rng.draw(P.lateReviewShare),
    genericTextShare: rng.draw(P.genericTextShare),
    camouflageOrders: rng.draw(P.camouflageOrders),
  };
  const clients: { shop: Shop; items: Item[]; orders: number }[] = Array.from({ length: p.clientShops }, () => {
    const shop = w.pop.takeShop(rng, (s) => s.items.length >= 3);
    return { shop, items: rng.sample(shop.items, rng.draw(P.itemsPerShop)), orders: w.size(rng, P.ordersPerShop, P.minOrdersPerShop) };
  });
  // Half the platforms run a studio (one /24 for everyone), the others use workers at home.
  const studio = rng.chance(0.5) ? net24(rng, 'broadband') : undefined;
  const farm = makeFarm(w, rng, {
    size: p.brushers, accountsPerDevice: p.accountsPerDevice, accountsPerPayment: rng.int(1, 2),
    ip: () => (studio ? inNet(rng, studio) : homeIp(rng)), registeredAt: () => w.startMs - rng.real(30, 400) * DAY_MS,
  });
  // Home workers keep their own phone and door; the platform's cards still pay for them.
  const workers: Worker[] = farm.map((account) => (rng.chance(p.homeWorkerShare)
    ? { account: { ...account, device: w.ids.device(), ip: homeIp(rng) }, home: door(rng) }
    : { account }));
  const phones = Array.from({ length: Math.max(1, Math.ceil(p.brushers / p.accountsPerPhone)) }, () => w.ids.phone(rng.int(0, 1000)));
  const drops: Array<Door | Address> = Array.from({ length: p.dropAddresses },
    () => (rng.chance(p.vagueDropShare) ? vagueAddress(rng, '', '') : door(rng)));
  const addressOf = (worker: Worker, i: number): Address => {
    const name = personName(rng);
    const phone = phones[i % phones.length]!;
    if (worker.home) return fullAddress(worker.home, name, phone);
    const drop = rng.pick(drops);
    return 'detail' in drop ? { ...drop, recipient: name, phone } : fullAddress(drop, name, phone);
  };
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
  // Camouflage: ordinary orders at other shops, at the worker's own pace through the run.
  const crng = w.rng(`incident:brushing:${slot.index}:camouflage`);
  const camouflage = workers.flatMap((worker, i) => Array.from({ length: crng.int(0, p.camouflageOrders) },
    () => ({ at: Math.floor(crng.real(from, to)), worker, i }))).sort((a, b) => a.at - b.at);
  const rec = new TruthRecorder();
  for (const c of clients) { rec.shops.add(c.shop.id); for (const i of c.items) rec.items.add(i.id); }

  return {
    at: Math.min(tasks[0]?.at ?? from, camouflage[0]?.at ?? Infinity),
    run() {
      for (const task of tasks) {
        for (const worker of rng.sample(workers, task.n)) {
          const i = workers.indexOf(worker);
          const item = rng.pick(task.client.items);
          let at = task.at + rng.real(0, 60 * MINUTE_MS);
          if (rng.chance(0.6)) { login(w, { actor: worker.account, at }, rec); at += rng.real(30_000, 3 * MINUTE_MS); }
          const order = placeOrder(w, { at, buyer: worker.account, shop: task.client.shop,
            lines: [{ item, qty: 1, unitPrice: priceAt(item, at) }], address: addressOf(worker, i) }, rec);
          if (!order) continue;
          rec.accounts.add(worker.account.id);
          const paidAt = at + rng.real(5_000, 60_000);
          pay(w, { order, at: paidAt }, rec);
          const shippedAt = paidAt + rng.draw(P.shipAfterH) * HOUR_MS;
          const empty = rng.chance(p.emptyParcelShare);
          ship(w, rng, { order, at: shippedAt, weightG: empty ? rng.draw(P.emptyParcelG) : item.weightG + rng.draw(benignParams.packagingG) }, rec);
          const deliveredAt = shippedAt + rng.real(18 * HOUR_MS, 40 * HOUR_MS);
          deliver(w, { order, at: deliveredAt }, rec);
          if (!rng.chance(p.reviewShare)) continue;
          const afterH = rng.chance(p.lateReviewShare) ? rng.draw(P.lateReviewAfterDeliveryH) : rng.draw(P.reviewAfterDeliveryH);
          const praise = fill(rng.pick(BRUSHING_PRAISE), { item: item.noun });
          const text = rng.chance(p.genericTextShare) ? say(rng, REVIEWS_GOOD) : rng.chance(0.05) ? toTraditional(praise) : praise;
          review(w, { order, at: deliveredAt + afterH * HOUR_MS, rating: 5, text }, rec);
        }
      }
      for (const c of camouflage) {
        let item = w.pop.pickItem(crng);
        for (let tries = 0; tries < 10 && w.pop.isReserved(item.shopId); tries++) item = w.pop.pickItem(crng);
        if (w.pop.isReserved(item.shopId)) continue;
        const order = placeOrder(w, { at: c.at, buyer: c.worker.account, shop: w.pop.shopOf(item),
          lines: [{ item, qty: 1, unitPrice: priceAt(item, c.at) }], address: addressOf(c.worker, c.i) }, rec);
        if (order) ordinaryLifecycle(w, crng, order, { rec, claims: false });
      }
    },
    truth() {
      return { id: `inc_br_${slot.index + 1}`, kind: 'brushing', ...rec.entities(),
        params: { brushers: p.brushers, clientShops: p.clientShops, orders: rec.orders.length,
          accountsPerDevice: p.accountsPerDevice, emptyParcelShare: round3(p.emptyParcelShare),
          homeWorkerShare: round3(p.homeWorkerShare), vagueDropShare: round3(p.vagueDropShare),
          reviewShare: round3(p.reviewShare), lateReviewShare: round3(p.lateReviewShare),
          camouflageOrders: p.camouflageOrders } };
    },
  };
}
