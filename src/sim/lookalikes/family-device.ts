// Look-alike of promotion abuse: relatives share one phone or tablet and one home. Sometimes a
// member registers on the shared device and takes the new-user coupon, exactly once per person.
import { claimCoupon, login, placeOrder, register } from '../events.js';
import { ordinaryLines } from '../benign.js';
import { ordinaryLifecycle } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import { makeBuyer } from '../population.js';
import type { Scenario, Slot } from '../scenario.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { HOUR_MS, MINUTE_MS, type World } from '../world.js';
import { fullAddress, personName } from '../address.js';

const P = lookalikeParams.familyDevice;

/** Plans a few families that share a device and an address. */
export function familyDevice(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:family_device:${slot.index}`);
  const from = Math.max(w.startMs + HOUR_MS, slot.from);
  const families = Array.from({ length: rng.draw(P.families) }, () => {
    const head = makeBuyer(rng, w.ids);
    const device = head.devices[0]!;
    const members = Array.from({ length: rng.draw(P.members) }, (_, i) => {
      const m = i === 0 ? head : makeBuyer(rng, w.ids, { devices: [device], ip: head.ip });
      const name = i === 0 ? head.name : head.name.slice(0, 1) + personName(rng).slice(1);
      return { b: m, address: fullAddress(head.door, name, m.phone),
        joinsAt: i > 0 && rng.chance(P.newMemberShare) ? Math.floor(rng.real(from, Math.max(from + HOUR_MS, slot.to))) : undefined };
    });
    return { device, members };
  });
  const rec = new TruthRecorder();
  const first = Math.min(from, ...families.flatMap((f) => f.members.map((m) => m.joinsAt ?? Infinity)));

  return {
    at: first,
    run() {
      for (const f of families) {
        for (const m of f.members) {
          const actor = { id: m.b.id, device: f.device, ip: m.b.ip, payment: m.b.payments[0]! };
          rec.accounts.add(m.b.id);
          let couponValue = 0;
          let after = from;
          if (m.joinsAt !== undefined) {
            register(w, { actor, at: m.joinsAt, role: 'buyer', phone: m.b.phone }, rec);
            after = m.joinsAt + rng.real(MINUTE_MS, 30 * MINUTE_MS);
            if (rng.chance(0.6)) {
              couponValue = 1500;
              claimCoupon(w, { actor, at: after, couponId: 'newuser-15', campaignId: 'newuser', value: couponValue }, rec);
            }
          }
          for (let n = rng.draw(P.ordersPerMember); n > 0; n--) {
            const at = Math.floor(rng.real(after + 10 * MINUTE_MS, Math.max(after + HOUR_MS, w.endMs - 2 * 24 * HOUR_MS)));
            login(w, { actor, at: at - rng.real(10_000, 5 * MINUTE_MS) }, rec);
            const item = w.pop.pickItem(rng);
            const shop = w.pop.shopOf(item);
            const lines = ordinaryLines(rng, shop, item, at);
            const gross = lines.reduce((s, l) => s + l.qty * l.unitPrice, 0);
            const useCoupon = couponValue > 0 && gross > couponValue;
            const order = placeOrder(w, { at, buyer: actor, shop, lines, address: m.address,
              ...(useCoupon ? { discount: couponValue, couponId: 'newuser-15' } : {}) }, rec);
            if (useCoupon) couponValue = 0;
            if (order) ordinaryLifecycle(w, rng, order, { rec, claims: false });
          }
        }
      }
    },
    truth() {
      return { id: `look_family_${slot.index + 1}`, kind: 'family_device', resembles: 'promo_abuse', ...rec.entities() };
    },
  };
}
