// Reverse brushing (反向刷单): a rival pays a gang to flood an innocent shop's cheap item with about
// 2,000 orders in half an hour, from aged farm accounts with addresses that name no door, then
// refunds nearly all of them within a day. The platform sees a shop with fake sales and a refund
// storm and punishes the victim. The alert must name the victim shop and item and the attackers.
// Gangs differ (see attackParams.reverseBrushing): job size and length, a steady flood, a slow
// start or waves, fake full addresses, teams with their own phones and cards, accounts kept apart
// on a phone and card of their own, accounts warmed up with a login days before, two items hit.
import { REFUND_REASONS_BEFORE_SHIPPING } from '../corpus/claims.js';
import { fullAddress, door, personName, vagueAddress } from '../address.js';
import { deliver, login, pay, placeOrder, refund, ship, type PlacedOrder } from '../events.js';
import { firstRegistration, makeFarm, registerInRun, type FarmAccount } from '../farm.js';
import { inNet, net24 } from '../network.js';
import { attackParams } from '../params.js';
import type { Rng } from '../rng.js';
import { pickTime, round3, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.reverseBrushing;

/** Plans one reverse-brushing incident. */
export function reverseBrushing(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:reverse_brushing:${slot.index}`);
  const p = {
    orders: w.size(rng, P.orders, P.minOrders),
    windowMin: rng.draw(P.windowMin),
    vagueShare: rng.draw(P.vagueShare),
    refundShare: rng.draw(P.refundShare),
    ordersPerAccount: rng.draw(P.ordersPerAccount),
    accountsPerDevice: rng.draw(P.accountsPerDevice),
    accountsPerPayment: rng.draw(P.accountsPerPayment),
    refundOnlyShare: rng.draw(P.refundOnlyShare),
    victimShipShare: rng.draw(P.victimShipShare),
    proxyNets: rng.draw(P.proxyNets),
    shape: rng.pick(P.shapes),
    waves: rng.draw(P.waves),
    twoItems: rng.chance(P.twoItemsChance),
    crews: rng.draw(P.crews),
    camouflageShare: rng.draw(P.camouflageShare),
    warmedShare: rng.draw(P.warmedShare),
  };
  // The victim is an ordinary apparel shop whose cheap item sells at exactly 29.90.
  const victim = w.pop.takeShop(rng, (s) => s.category.id === 'apparel' && s.items.length >= 3);
  const [item, second] = rng.shuffle(victim.items);
  const items = p.twoItems && second ? [item!, second] : [item!];
  for (const it of items) {
    it.priceFen = P.priceFen;
    it.stock = Math.max(it.stock, 5_000);
  }
  const start = pickTime(w, rng, slot, { tailMs: 1.2 * DAY_MS });
  const nets = Array.from({ length: p.proxyNets }, () => net24(rng, rng.chance(0.5) ? 'cloud' : 'broadband'));
  const size = Math.max(1, Math.round(p.orders / p.ordersPerAccount));
  const farmOf = (n: number, perDevice: number, perPayment: number): FarmAccount[] => makeFarm(w, rng, {
    size: n, accountsPerDevice: perDevice, accountsPerPayment: perPayment,
    ip: () => inNet(rng, rng.pick(nets)),
    registeredAt: () => start - rng.draw(P.accountAgeDays) * DAY_MS - rng.real(0, DAY_MS),
  });
  // Each crew has its own rack of phones and cards; the camouflaged accounts have one each.
  const camouflaged = Math.round(size * p.camouflageShare);
  const accounts = [...farmOf(camouflaged, 1, 1)];
  const crewSize = Math.max(1, Math.ceil((size - camouflaged) / p.crews));
  for (let left = size - camouflaged; left > 0; left -= crewSize) {
    accounts.push(...farmOf(Math.min(crewSize, left), p.accountsPerDevice, p.accountsPerPayment));
  }
  // Warmed accounts were logged into days before, so they are not new to the platform's eyes.
  const warmAt = new Map<string, number>();
  for (const a of accounts) {
    if (!rng.chance(p.warmedShare)) continue;
    const at = start - rng.draw(P.warmedDaysBefore) * DAY_MS - rng.real(0, DAY_MS);
    if (at >= w.startMs) warmAt.set(a.id, Math.floor(at));
  }
  const rec = new TruthRecorder();
  const firstOrderAt = start + 3 * MINUTE_MS;
  // The attack starts with its first order: that is when a platform could first see it.
  rec.attackStartsAt(firstOrderAt);
  rec.shops.add(victim.id);
  for (const it of items) rec.items.add(it.id);
  let firstWarm = Infinity;
  for (const t of warmAt.values()) firstWarm = Math.min(firstWarm, t);

  // Refund-only before shipping mostly; return-and-refund for what the victim already shipped.
  const refundOne = (order: PlacedOrder, shipAt: number | undefined): void => {
    const at = Math.max(order.at + rng.draw(P.refundAfterH) * HOUR_MS, (shipAt ?? 0) + 10 * MINUTE_MS);
    const kind = shipAt !== undefined
      ? (rng.chance(0.8) ? 'return_and_refund' : 'refund_only')
      : (rng.chance(p.refundOnlyShare) ? 'refund_only' : 'return_and_refund');
    refund(w, { order, at, kind, reason: rng.pick(REFUND_REASONS_BEFORE_SHIPPING), evidence: 0,
      resolveAt: at + rng.draw(P.resolveAfterH) * HOUR_MS, outcome: rng.chance(0.98) ? 'approved' : 'rejected' }, rec);
  };

  return {
    at: Math.min(start, firstRegistration(w, accounts), firstWarm),
    run() {
      registerInRun(w, accounts, rec);
      for (const a of accounts) {
        const at = warmAt.get(a.id);
        if (at !== undefined) login(w, { actor: a, at }, rec);
      }
      // Every account places at least one order; the rest of the orders go to random accounts.
      const owners = rng.shuffle([...accounts, ...Array.from({ length: Math.max(0, p.orders - accounts.length) }, () => rng.pick(accounts))]);
      const times = orderTimes(rng, p, firstOrderAt);
      const loggedIn = new Set<string>();
      const shipped = Math.round(p.orders * p.victimShipShare);
      times.forEach((at, i) => {
        const a = owners[i]!;
        rec.accounts.add(a.id);
        if (!loggedIn.has(a.id) && rng.chance(0.7)) login(w, { actor: a, at: at - rng.real(10_000, 3 * MINUTE_MS) }, rec);
        loggedIn.add(a.id);
        const name = rng.chance(0.5) ? personName(rng) : `${personName(rng).slice(0, 1)}${rng.pick(['先生', '女士'])}`;
        const phone = w.ids.phone(rng.int(0, 1000), rng.chance(0.5));
        const address = rng.chance(p.vagueShare) ? vagueAddress(rng, name, phone) : fullAddress(door(rng), name, phone);
        const qty = rng.chance(0.9) ? 1 : 2;
        const it = items.length > 1 && rng.chance(0.4) ? items[1]! : items[0]!;
        const order = placeOrder(w, { at, buyer: a, shop: victim, lines: [{ item: it, qty, unitPrice: P.priceFen }], address }, rec);
        if (!order) return;
        pay(w, { order, at: at + rng.real(5_000, 3 * MINUTE_MS) }, rec);
        // The innocent victim ships the earliest orders before the refund wave reaches it.
        const shipAt = i < shipped ? at + rng.real(HOUR_MS, 8 * HOUR_MS) : undefined;
        if (shipAt !== undefined) ship(w, rng, { order, at: shipAt, weightG: it.weightG * qty + rng.int(20, 80) }, rec);
        if (rng.chance(p.refundShare)) refundOne(order, shipAt);
        else if (shipAt === undefined) {
          const s = at + rng.real(6 * HOUR_MS, 30 * HOUR_MS);
          ship(w, rng, { order, at: s, weightG: it.weightG * qty + rng.int(20, 80) }, rec);
          deliver(w, { order, at: s + rng.real(24 * HOUR_MS, 72 * HOUR_MS) }, rec);
        } else deliver(w, { order, at: shipAt + rng.real(24 * HOUR_MS, 72 * HOUR_MS) }, rec);
      });
    },
    truth() {
      return { id: `inc_rb_${slot.index + 1}`, kind: 'reverse_brushing', ...rec.entities(), victim_shops: [victim.id],
        params: { orders: p.orders, windowMin: round3(p.windowMin), vagueShare: round3(p.vagueShare),
          refundShare: round3(p.refundShare), accounts: accounts.length, accountsPerDevice: p.accountsPerDevice,
          accountsPerPayment: p.accountsPerPayment, priceFen: P.priceFen, minAccountAgeDays: P.accountAgeDays[0],
          shape: P.shapes.indexOf(p.shape), items: items.length, crews: p.crews, camouflageShare: round3(p.camouflageShare),
          warmedAccounts: warmAt.size } };
    },
  };
}

/** Order times, sorted: steady over the window, a slow start, or waves separated by pauses. */
function orderTimes(rng: Rng, p: { orders: number; windowMin: number; shape: string; waves: number }, firstAt: number): number[] {
  const windowMs = p.windowMin * MINUTE_MS;
  if (p.shape === 'steady') return Array.from({ length: p.orders }, () => firstAt + Math.pow(rng.float(), 0.9) * windowMs).sort((a, b) => a - b);
  // A ramp: the rate grows over the window (density rising as t^(1/3)); the first minutes are thin.
  if (p.shape === 'ramp') return Array.from({ length: p.orders }, () => firstAt + Math.pow(rng.float(), 0.75) * windowMs).sort((a, b) => a - b);
  // Waves: the window is shared among the waves, each a steady flood, with a pause after each.
  const waveMs = windowMs / p.waves;
  const starts: number[] = [];
  let t = firstAt;
  for (let i = 0; i < p.waves; i++) { starts.push(t); t += waveMs + rng.draw(P.wavePauseMin) * MINUTE_MS; }
  return Array.from({ length: p.orders }, () => rng.pick(starts) + rng.float() * waveMs).sort((a, b) => a - b);
}
