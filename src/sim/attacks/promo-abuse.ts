// Promotion abuse (羊毛党): a farm registers a burst of new accounts on a few emulated devices from
// one cloud /24 with virtual-operator numbers, claims the new-user coupon within minutes of each
// registration, and spends it on a cheap first order shipped to one of a few drop addresses.
import { door, fullAddress, personName } from '../address.js';
import { claimCoupon, deliver, login, pay, placeOrder, register, ship } from '../events.js';
import { makeFarm } from '../farm.js';
import { inNet, net24 } from '../network.js';
import { attackParams } from '../params.js';
import { priceAt, type Item } from '../population.js';
import { pickTime, round3, type Scenario, type Slot } from '../scenario.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.promoAbuse;

/** Plans one coupon farm's burst. */
export function promoAbuse(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:promo_abuse:${slot.index}`);
  const p = {
    accounts: w.size(rng, P.accounts, P.minAccounts),
    burstMin: rng.draw(P.burstMin),
    accountsPerDevice: rng.draw(P.accountsPerDevice),
    dropAddresses: rng.draw(P.dropAddresses),
    couponFen: Math.round(rng.draw(P.couponFen) / 500) * 500,
    referralShare: rng.draw(P.referralShare),
  };
  const start = pickTime(w, rng, slot, { tailMs: 6 * HOUR_MS });
  const net = net24(rng, 'cloud');
  const farm = makeFarm(w, rng, {
    size: p.accounts, accountsPerDevice: p.accountsPerDevice, accountsPerPayment: rng.int(3, 10),
    ip: () => inNet(rng, net), registeredAt: () => start + rng.float() * p.burstMin * MINUTE_MS, virtualPhones: true,
  }).sort((a, b) => a.registeredAt - b.registeredAt);
  // Cheap items just above the coupon's value: the first order costs almost nothing.
  const cheap: Item[] = w.pop.items.filter((i) => i.priceFen > p.couponFen + 100 && i.priceFen <= p.couponFen + 3000
    && !w.pop.isReserved(i.shopId));
  const drops = Array.from({ length: p.dropAddresses }, () => door(rng));
  const couponId = `newuser-${p.couponFen / 100}`;
  const rec = new TruthRecorder();

  return {
    at: farm[0]?.registeredAt ?? start,
    run() {
      farm.forEach((a, i) => {
        const referrer = i > 0 && rng.chance(p.referralShare) ? farm[rng.int(0, Math.min(i - 1, 4))]!.id : undefined;
        register(w, { actor: a, at: a.registeredAt, role: 'buyer', phone: a.phone, ...(referrer ? { referrer } : {}) }, rec);
        rec.accounts.add(a.id);
        login(w, { actor: a, at: a.registeredAt + rng.real(2_000, 30_000) }, rec);
        const claimAt = a.registeredAt + rng.draw(P.couponAfterRegMin) * MINUTE_MS;
        claimCoupon(w, { actor: a, at: claimAt, couponId, campaignId: 'newuser', value: p.couponFen }, rec);
        const at = claimAt + rng.draw(P.orderAfterCouponMin) * MINUTE_MS;
        // Prices move during the run; keep picking until the coupon still leaves something to pay.
        let item = cheap.length ? rng.pick(cheap) : w.pop.pickItem(rng);
        for (let tries = 0; tries < 50 && priceAt(item, at) <= p.couponFen + 100; tries++) item = cheap.length ? rng.pick(cheap) : w.pop.pickItem(rng);
        const price = priceAt(item, at);
        const order = placeOrder(w, { at, buyer: a, shop: w.pop.shopOf(item), lines: [{ item, qty: 1, unitPrice: price }],
          address: fullAddress(rng.pick(drops), personName(rng), a.phone),
          discount: Math.min(p.couponFen, price - 1), couponId }, rec);
        if (!order) return;
        const paidAt = at + rng.real(5_000, 90_000);
        pay(w, { order, at: paidAt }, rec);
        const shippedAt = paidAt + rng.real(4 * HOUR_MS, 40 * HOUR_MS);
        ship(w, rng, { order, at: shippedAt, weightG: item.weightG + rng.int(20, 100) }, rec);
        deliver(w, { order, at: shippedAt + rng.real(20 * HOUR_MS, 80 * HOUR_MS) }, rec);
      });
    },
    truth() {
      return { id: `inc_pa_${slot.index + 1}`, kind: 'promo_abuse', ...rec.entities(),
        params: { accounts: p.accounts, burstMin: round3(p.burstMin), accountsPerDevice: p.accountsPerDevice,
          dropAddresses: p.dropAddresses, couponFen: p.couponFen, referralShare: round3(p.referralShare) } };
    },
  };
}
