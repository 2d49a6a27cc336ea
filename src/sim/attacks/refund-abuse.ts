// Refund abuse (仅退款薅羊毛): a ring of linked accounts buys expensive goods from many shops and,
// soon after delivery, asks for a refund without return and without evidence ("not received",
// "something is wrong"). Accounts share devices, payment cards and a few addresses.
import { door, fullAddress, personName } from '../address.js';
import { ABUSE_REFUND_REASONS } from '../corpus/claims.js';
import { deliver, login, pay, placeOrder, refund, ship, type PlacedOrder } from '../events.js';
import { deliveredInRun, isShortRun } from '../ordinary.js';
import { makeFarm } from '../farm.js';
import { homeIp } from '../network.js';
import { attackParams } from '../params.js';
import { priceAt, type Item } from '../population.js';
import { round3, span, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.refundAbuse;
const EXPENSIVE_CATEGORIES = new Set(['electronics', 'beauty', 'shoes', 'liquor', 'sports']);

/** Plans one refund-only ring. */
export function refundAbuse(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:refund_abuse:${slot.index}`);
  const p = {
    accounts: w.size(rng, P.accounts, P.minAccounts),
    accountsPerDevice: rng.draw(P.accountsPerDevice),
    accountsPerPayment: rng.draw(P.accountsPerPayment),
    addresses: rng.draw(P.addresses),
    noEvidenceShare: rng.draw(P.noEvidenceShare),
    approvedShare: rng.draw(P.approvedShare),
  };
  const expensive: Item[] = w.pop.items.filter((i) => i.priceFen >= P.minPriceFen && EXPENSIVE_CATEGORIES.has(i.category.id)
    && !w.pop.isReserved(i.shopId));
  const homeNet = homeIp(rng);
  const ring = makeFarm(w, rng, {
    size: p.accounts, accountsPerDevice: p.accountsPerDevice, accountsPerPayment: p.accountsPerPayment,
    // Mostly one household connection, sometimes a phone's own network.
    ip: () => (rng.chance(0.7) ? homeNet : homeIp(rng)), registeredAt: () => w.startMs - rng.real(20, 300) * DAY_MS,
  });
  const doors = Array.from({ length: p.addresses }, () => door(rng));
  // Refunds come after delivery (up to ~3 days), so orders are placed early enough to show them.
  const [from, to] = span(w, slot, 3 * DAY_MS);
  const plans = ring.flatMap((a) => Array.from({ length: rng.draw(P.ordersPerAccount) }, () => ({ a, at: Math.floor(rng.real(from, to)) })))
    .sort((x, y) => x.at - y.at);
  const rec = new TruthRecorder();

  return {
    at: plans[0]?.at ?? from,
    run() {
      for (const { a, at: t } of plans) {
        const item = expensive.length ? rng.pick(expensive) : w.pop.pickItem(rng);
        const shop = w.pop.shopOf(item);
        let at = t;
        if (rng.chance(0.5)) { login(w, { actor: a, at }, rec); at += rng.real(MINUTE_MS, 15 * MINUTE_MS); }
        let order: PlacedOrder | null;
        let deliveredAt: number;
        if (isShortRun(w)) {
          order = deliveredInRun(w, { at, buyer: a, shop, item }, rec);
          deliveredAt = at;
        } else {
          order = placeOrder(w, { at, buyer: a, shop, lines: [{ item, qty: 1, unitPrice: priceAt(item, at) }],
            address: fullAddress(rng.pick(doors), personName(rng), a.phone) }, rec);
          if (!order) continue;
          const paidAt = at + rng.real(10_000, 5 * MINUTE_MS);
          pay(w, { order, at: paidAt }, rec);
          const shippedAt = paidAt + rng.real(3 * HOUR_MS, 24 * HOUR_MS);
          ship(w, rng, { order, at: shippedAt, weightG: item.weightG + rng.int(50, 200) }, rec);
          deliveredAt = shippedAt + rng.real(12 * HOUR_MS, 48 * HOUR_MS);
          deliver(w, { order, at: deliveredAt }, rec);
        }
        rec.accounts.add(a.id);
        const refundAt = deliveredAt + rng.draw(P.refundAfterDeliveryH) * HOUR_MS;
        refund(w, { order, at: refundAt, kind: 'refund_only', reason: rng.pick(ABUSE_REFUND_REASONS),
          evidence: rng.chance(p.noEvidenceShare) ? 0 : 1, resolveAt: refundAt + rng.real(HOUR_MS, 48 * HOUR_MS),
          outcome: rng.chance(p.approvedShare) ? 'approved' : 'rejected' }, rec);
      }
    },
    truth() {
      return { id: `inc_ra_${slot.index + 1}`, kind: 'refund_abuse', ...rec.entities(),
        params: { accounts: p.accounts, orders: rec.orders.length, accountsPerDevice: p.accountsPerDevice,
          accountsPerPayment: p.accountsPerPayment, addresses: p.addresses, noEvidenceShare: round3(p.noEvidenceShare) } };
    },
  };
}
