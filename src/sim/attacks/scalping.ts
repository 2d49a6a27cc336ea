// Scalping (黄牛抢购): a shop announces a limited launch with a per-account limit; when it opens, one
// party buys through dozens of accounts within minutes, some over the limit, all shipped to a few
// doors written in many ways (3栋2单元501 / 三栋二单元501室 / 3-2-501 / ３栋２单元５０１). Genuine fans
// buy in the same minutes from their own homes, and the stock runs out.
import { door, doorVariant, recipientVariant } from '../address.js';
import { SURNAMES } from '../corpus/names.js';
import { deliver, listItem, login, pay, placeOrder, ship, type Actor } from '../events.js';
import { firstRegistration, makeFarm, registerInRun } from '../farm.js';
import { inNet, net24 } from '../network.js';
import { actorOf } from '../benign.js';
import { ordinaryLifecycle } from '../ordinary.js';
import { attackParams } from '../params.js';
import { makeItem, type Buyer } from '../population.js';
import { round3, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { CATEGORIES } from '../corpus/catalog.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.scalping;
const LAUNCH_CATEGORIES = new Set(['shoes', 'electronics', 'liquor']);

/** Plans one limited launch and the scalping of it. */
export function scalping(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:scalping:${slot.index}`);
  const p = {
    accounts: w.size(rng, P.accounts, P.minAccounts),
    perAccountLimit: rng.draw(P.perAccountLimit),
    burstMin: rng.draw(P.burstMin),
    repeatShare: rng.draw(P.repeatShare),
    baseDoors: rng.draw(P.baseDoors),
    accountsPerDevice: rng.draw(P.accountsPerDevice),
    genuineBuyers: w.size(rng, P.genuineBuyers, 20),
    freshAccountShare: rng.draw(P.freshAccountShare),
  };
  const shop = w.pop.takeShop(rng, (s) => LAUNCH_CATEGORIES.has(s.category.id));
  const category = LAUNCH_CATEGORIES.has(shop.category.id) ? shop.category : CATEGORIES.find((c) => c.id === 'shoes')!;
  const item = makeItem(rng, w.ids, shop.id, category);
  item.title = `限量发售 ${item.title}`;
  item.priceFen = rng.pick(P.launchPricesFen);
  // Stock is sized so that the scalpers' orders take a large part of it.
  item.stock = Math.max(rng.draw(P.stock), Math.round(p.accounts * p.perAccountLimit * 1.2));
  // Launches open on the hour, at 10:00 or 20:00 local time (02:00 or 12:00 UTC).
  const day = Math.floor((slot.from + (slot.to - slot.from) * rng.real(0.1, 0.7)) / DAY_MS) * DAY_MS;
  const launch = Math.min(Math.max(day + (rng.chance(0.5) ? 2 : 12) * HOUR_MS, w.startMs + 2 * HOUR_MS), w.endMs - 3 * HOUR_MS);
  const listedAt = launch - rng.real(5, 60) * MINUTE_MS;
  const nets = Array.from({ length: rng.int(1, 3) }, () => net24(rng, rng.chance(0.5) ? 'cloud' : 'broadband'));
  const scalpers = makeFarm(w, rng, {
    size: p.accounts, accountsPerDevice: p.accountsPerDevice, accountsPerPayment: rng.int(2, 6),
    ip: () => inNet(rng, rng.pick(nets)),
    registeredAt: () => launch - (rng.chance(p.freshAccountShare) ? rng.real(0.5, 5) : rng.real(30, 400)) * DAY_MS,
  });
  const doors = Array.from({ length: p.baseDoors }, () => ({ d: door(rng), surname: rng.pick(SURNAMES) }));
  const fans: Buyer[] = w.pop.takeBuyers(rng, p.genuineBuyers);
  const rec = new TruthRecorder();
  // Scalper logins come at most 5 minutes before the launch; registrations days before are preparation.
  rec.attackStartsAt(launch - 5 * MINUTE_MS);
  rec.shops.add(shop.id);
  rec.items.add(item.id);

  return {
    at: Math.min(listedAt, firstRegistration(w, scalpers)),
    run() {
      registerInRun(w, scalpers, rec);
      listItem(w, { item, at: listedAt, priceFen: item.priceFen, full: true, limited: true, perAccountLimit: p.perAccountLimit });
      type Attempt = { at: number; actor: Actor; scalper: boolean; fan?: Buyer };
      const attempts: Attempt[] = [];
      for (const a of scalpers) {
        const n = rng.chance(p.repeatShare) ? 2 : 1;
        for (let k = 0; k < n; k++) attempts.push({ at: launch + rng.real(2_000, p.burstMin * MINUTE_MS), actor: a, scalper: true });
      }
      for (const fan of fans) {
        attempts.push({ at: launch + Math.min(30 * MINUTE_MS, rng.real(3_000, 60_000) + rng.exp(6 * MINUTE_MS)), actor: actorOf(rng, fan), scalper: false, fan });
      }
      attempts.sort((a, b) => a.at - b.at);
      let stock = item.stock;
      const loggedIn = new Set<string>();
      for (const t of attempts) {
        const qty = t.scalper ? p.perAccountLimit : 1;
        if (stock < qty) break;
        if (!loggedIn.has(t.actor.id)) {
          loggedIn.add(t.actor.id);
          login(w, { actor: t.actor, at: launch - rng.real(10_000, 5 * MINUTE_MS) }, t.scalper ? rec : undefined);
        }
        if (!t.scalper && t.fan) {
          const order = placeOrder(w, { at: t.at, buyer: t.actor, shop, lines: [{ item, qty, unitPrice: item.priceFen }], address: t.fan.home });
          if (order) { stock -= qty; ordinaryLifecycle(w, rng, order, { mishaps: false }); }
          continue;
        }
        const base = rng.pick(doors);
        const address = doorVariant(rng, base.d, recipientVariant(rng, base.surname), w.ids.phone(rng.int(0, 1000), rng.chance(0.3)));
        const order = placeOrder(w, { at: t.at, buyer: t.actor, shop, lines: [{ item, qty, unitPrice: item.priceFen }], address }, rec);
        if (!order) continue;
        stock -= qty;
        rec.accounts.add(t.actor.id);
        const paidAt = t.at + rng.real(3_000, 60_000);
        pay(w, { order, at: paidAt }, rec);
        const shippedAt = paidAt + rng.real(12 * HOUR_MS, 48 * HOUR_MS);
        ship(w, rng, { order, at: shippedAt, weightG: item.weightG * qty + rng.int(50, 200) }, rec);
        deliver(w, { order, at: shippedAt + rng.real(20 * HOUR_MS, 72 * HOUR_MS) }, rec);
      }
    },
    truth() {
      return { id: `inc_sc_${slot.index + 1}`, kind: 'scalping', ...rec.entities(),
        params: { accounts: p.accounts, perAccountLimit: p.perAccountLimit, burstMin: round3(p.burstMin),
          repeatShare: round3(p.repeatShare), baseDoors: p.baseDoors, stock: item.stock, genuineBuyers: p.genuineBuyers } };
    },
  };
}
