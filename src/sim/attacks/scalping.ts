// Scalping (黄牛抢购): a shop announces a limited launch with a per-account limit; when it opens, one
// party buys through dozens of accounts within minutes, some over the limit, shipped to a few
// doors written in many ways (3栋2单元501 / 三栋二单元501室 / 3-2-501 / ３栋２单元５０１) or to a parcel
// point named vaguely. A large party runs several crews, each with its own phone rack, cards and
// doors; some accounts order from a phone of their own. Genuine fans buy in the same minutes from their own homes, some with a partner of their
// household on one shared device, and the stock runs out.
import { door, doorVariant, fullAddress, personName, recipientVariant, vagueAddress } from '../address.js';
import { SURNAMES } from '../corpus/names.js';
import { deliver, listItem, login, pay, placeOrder, ship, type Actor } from '../events.js';
import { firstRegistration, makeFarm, registerInRun, type FarmAccount } from '../farm.js';
import { inNet, net24 } from '../network.js';
import { actorOf } from '../benign.js';
import { ordinaryLifecycle } from '../ordinary.js';
import { attackParams } from '../params.js';
import { makeBuyer, makeItem, type Buyer } from '../population.js';
import { round3, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthIncident, type TruthLaunch } from '../truth.js';
import { CATEGORIES } from '../corpus/catalog.js';
import type { Door } from '../address.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.scalping;
const LAUNCH_CATEGORIES = new Set(['shoes', 'electronics', 'liquor']);

interface Crew { accounts: FarmAccount[]; doors: Array<{ d: Door; surname: string }> }

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
    crews: rng.draw(P.crews),
    vagueShare: rng.draw(P.vagueShare),
    ownDeviceShare: rng.draw(P.ownDeviceShare),
    householdFanShare: rng.draw(P.householdFanShare),
  };
  // Every crew has at least four accounts and a door of its own.
  p.crews = Math.max(1, Math.min(p.crews, Math.floor(p.accounts / 4)));
  p.baseDoors = Math.max(p.baseDoors, p.crews);
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
  const registeredAt = () => launch - (rng.chance(p.freshAccountShare) ? rng.real(0.5, 5) : rng.real(30, 400)) * DAY_MS;
  // Crews of uneven size (a phone rack each), with their own cards and doors.
  const crews: Crew[] = [];
  let left = p.accounts;
  for (let c = 0; c < p.crews; c++) {
    const size = c === p.crews - 1 ? left : Math.max(4, Math.round(left * rng.real(0.3, 0.7)));
    left -= size;
    crews.push({
      accounts: makeFarm(w, rng, { size, accountsPerDevice: p.accountsPerDevice, accountsPerPayment: rng.int(2, 6),
        ip: () => inNet(rng, rng.pick(nets)), registeredAt }),
      doors: [],
    });
  }
  for (let d = 0; d < p.baseDoors; d++) crews[d % p.crews]!.doors.push({ d: door(rng), surname: rng.pick(SURNAMES) });
  const scalpers = crews.flatMap((c) => c.accounts);
  // Some accounts order from a phone of their own: only the crew's cards and doors give them away.
  for (const a of scalpers) if (rng.chance(p.ownDeviceShare)) a.device = w.ids.device();
  const crewOf = new Map<string, Crew>();
  for (const c of crews) for (const a of c.accounts) crewOf.set(a.id, c);
  // Genuine fans, some with a partner of their household on the fan's device, shipping home.
  const fans: Array<{ actor: () => Actor; home: Buyer['home']; qty: number }> = [];
  for (const fan of w.pop.takeBuyers(rng, p.genuineBuyers)) {
    const qty = p.perAccountLimit > 1 && rng.chance(P.fanFullLimitShare) ? p.perAccountLimit : 1;
    fans.push({ actor: () => actorOf(rng, fan), home: fan.home, qty });
    if (rng.chance(p.householdFanShare)) {
      const partner = makeBuyer(rng, w.ids, { devices: [fan.devices[0]!], ip: fan.ip });
      const payment = rng.chance(0.5) ? fan.payments[0]! : partner.payments[0]!;
      const home = fullAddress(fan.door, fan.name.slice(0, 1) + personName(rng).slice(1), partner.phone);
      fans.push({ actor: () => ({ id: partner.id, device: fan.devices[0]!, ip: fan.ip, payment }), home, qty: 1 });
    }
  }
  const rec = new TruthRecorder();
  const launchOrders: TruthLaunch['orders'] = [];
  // Scalper logins come at most 5 minutes before the launch; registrations days before are preparation.
  rec.attackStartsAt(launch - 5 * MINUTE_MS);
  rec.shops.add(shop.id);
  rec.items.add(item.id);

  return {
    at: Math.min(listedAt, firstRegistration(w, scalpers)),
    run() {
      registerInRun(w, scalpers, rec);
      listItem(w, { item, at: listedAt, priceFen: item.priceFen, full: true, limited: true, perAccountLimit: p.perAccountLimit });
      type Attempt = { at: number; actor: Actor; scalper: boolean; qty: number; home?: Buyer['home'] };
      const attempts: Attempt[] = [];
      for (const a of scalpers) {
        const n = rng.chance(p.repeatShare) ? 2 : 1;
        for (let k = 0; k < n; k++) attempts.push({ at: launch + rng.real(2_000, p.burstMin * MINUTE_MS), actor: a, scalper: true, qty: p.perAccountLimit });
      }
      for (const fan of fans) {
        attempts.push({ at: launch + Math.min(30 * MINUTE_MS, rng.real(3_000, 60_000) + rng.exp(6 * MINUTE_MS)), actor: fan.actor(),
          scalper: false, qty: fan.qty, home: fan.home });
      }
      attempts.sort((a, b) => a.at - b.at);
      let stock = item.stock;
      const loggedIn = new Set<string>();
      // Fans' order.placed ids go to a recorder of their own (they are not part of the incident).
      const placed = new TruthRecorder();
      const noteOrder = (account: string, from: TruthRecorder) => launchOrders.push({ event: from.events[from.events.length - 1]!, account });
      for (const t of attempts) {
        if (stock < t.qty) break;
        if (!loggedIn.has(t.actor.id)) {
          loggedIn.add(t.actor.id);
          login(w, { actor: t.actor, at: launch - rng.real(10_000, 5 * MINUTE_MS) }, t.scalper ? rec : undefined);
        }
        if (!t.scalper && t.home) {
          const order = placeOrder(w, { at: t.at, buyer: t.actor, shop, lines: [{ item, qty: t.qty, unitPrice: item.priceFen }], address: t.home }, placed);
          if (order) { stock -= t.qty; noteOrder(t.actor.id, placed); ordinaryLifecycle(w, rng, order, { mishaps: false }); }
          continue;
        }
        const crew = crewOf.get(t.actor.id)!;
        const base = rng.pick(crew.doors);
        const recipient = recipientVariant(rng, base.surname);
        const phone = w.ids.phone(rng.int(0, 1000), rng.chance(0.3));
        const address = rng.chance(p.vagueShare) ? vagueAddress(rng, recipient, phone) : doorVariant(rng, base.d, recipient, phone);
        const order = placeOrder(w, { at: t.at, buyer: t.actor, shop, lines: [{ item, qty: t.qty, unitPrice: item.priceFen }], address }, rec);
        if (!order) continue;
        noteOrder(t.actor.id, rec);
        stock -= t.qty;
        rec.accounts.add(t.actor.id);
        const paidAt = t.at + rng.real(3_000, 60_000);
        pay(w, { order, at: paidAt }, rec);
        const shippedAt = paidAt + rng.real(12 * HOUR_MS, 48 * HOUR_MS);
        ship(w, rng, { order, at: shippedAt, weightG: item.weightG * t.qty + rng.int(50, 200) }, rec);
        deliver(w, { order, at: shippedAt + rng.real(20 * HOUR_MS, 72 * HOUR_MS) }, rec);
      }
    },
    truth() {
      return { id: `inc_sc_${slot.index + 1}`, kind: 'scalping', ...rec.entities(),
        params: { accounts: p.accounts, perAccountLimit: p.perAccountLimit, burstMin: round3(p.burstMin),
          repeatShare: round3(p.repeatShare), baseDoors: p.baseDoors, stock: item.stock, genuineBuyers: p.genuineBuyers,
          crews: p.crews, ownDeviceShare: round3(p.ownDeviceShare), vagueShare: round3(p.vagueShare), householdFanShare: round3(p.householdFanShare) },
        launch: { item: item.id, shop: shop.id, orders: launchOrders } };
    },
  };
}
