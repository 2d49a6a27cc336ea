// Reverse brushing (反向刷单): a rival pays a gang to flood an innocent shop's cheap item with about
// 2,000 orders in half an hour, from aged farm accounts with addresses that name no door, then
// refunds nearly all of them within a day. The platform sees a shop with fake sales and a refund
// storm and punishes the victim. The alert must name the victim shop and item and the attackers.
import { REFUND_REASONS_BEFORE_SHIPPING } from '../corpus/claims.js';
import { fullAddress, door, personName, vagueAddress } from '../address.js';
import { deliver, login, pay, placeOrder, refund, ship, type PlacedOrder } from '../events.js';
import { firstRegistration, makeFarm, registerInRun } from '../farm.js';
import { inNet, net24 } from '../network.js';
import { attackParams } from '../params.js';
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
  };
  // The victim is an ordinary apparel shop whose cheap item sells at exactly 29.90.
  const victim = w.pop.takeShop(rng, (s) => s.category.id === 'apparel' && s.items.length >= 3);
  const item = rng.pick(victim.items);
  item.priceFen = P.priceFen;
  item.stock = Math.max(item.stock, 5_000);
  const start = pickTime(w, rng, slot, { tailMs: 1.2 * DAY_MS });
  const nets = Array.from({ length: p.proxyNets }, () => net24(rng, rng.chance(0.5) ? 'cloud' : 'broadband'));
  const accounts = makeFarm(w, rng, {
    size: Math.max(1, Math.round(p.orders / p.ordersPerAccount)),
    accountsPerDevice: p.accountsPerDevice, accountsPerPayment: p.accountsPerPayment,
    ip: () => inNet(rng, rng.pick(nets)),
    registeredAt: () => start - rng.draw(P.accountAgeDays) * DAY_MS - rng.real(0, DAY_MS),
  });
  const rec = new TruthRecorder();
  rec.attackStartsAt(start);
  rec.shops.add(victim.id);
  rec.items.add(item.id);
  const firstOrderAt = start + 3 * MINUTE_MS;

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
    at: Math.min(start, firstRegistration(w, accounts)),
    run() {
      registerInRun(w, accounts, rec);
      // Every account places at least one order; the rest of the orders go to random accounts.
      const owners = rng.shuffle([...accounts, ...Array.from({ length: Math.max(0, p.orders - accounts.length) }, () => rng.pick(accounts))]);
      const times = Array.from({ length: p.orders }, () => firstOrderAt + Math.pow(rng.float(), 0.9) * p.windowMin * MINUTE_MS).sort((a, b) => a - b);
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
        const order = placeOrder(w, { at, buyer: a, shop: victim, lines: [{ item, qty, unitPrice: P.priceFen }], address }, rec);
        if (!order) return;
        pay(w, { order, at: at + rng.real(5_000, 3 * MINUTE_MS) }, rec);
        // The innocent victim ships the earliest orders before the refund wave reaches it.
        const shipAt = i < shipped ? at + rng.real(HOUR_MS, 8 * HOUR_MS) : undefined;
        if (shipAt !== undefined) ship(w, rng, { order, at: shipAt, weightG: item.weightG * qty + rng.int(20, 80) }, rec);
        if (rng.chance(p.refundShare)) refundOne(order, shipAt);
        else if (shipAt === undefined) {
          const s = at + rng.real(6 * HOUR_MS, 30 * HOUR_MS);
          ship(w, rng, { order, at: s, weightG: item.weightG * qty + rng.int(20, 80) }, rec);
          deliver(w, { order, at: s + rng.real(24 * HOUR_MS, 72 * HOUR_MS) }, rec);
        } else deliver(w, { order, at: shipAt + rng.real(24 * HOUR_MS, 72 * HOUR_MS) }, rec);
      });
    },
    truth() {
      return { id: `inc_rb_${slot.index + 1}`, kind: 'reverse_brushing', ...rec.entities(), victim_shops: [victim.id],
        params: { orders: p.orders, windowMin: round3(p.windowMin), vagueShare: round3(p.vagueShare),
          refundShare: round3(p.refundShare), accounts: accounts.length, accountsPerDevice: p.accountsPerDevice,
          accountsPerPayment: p.accountsPerPayment, priceFen: P.priceFen, minAccountAgeDays: P.accountAgeDays[0] } };
    },
  };
}
