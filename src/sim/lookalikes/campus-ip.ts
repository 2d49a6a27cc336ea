// Look-alike of promotion abuse: a campus network puts many unrelated students behind one /24.
// Each has their own phone and dormitory room; new students register over days, not minutes, and
// use the new-user coupon at their own pace.
import { campus, campusAddress, personName } from '../address.js';
import { claimCoupon, login, placeOrder, register } from '../events.js';
import { ordinaryLines } from '../benign.js';
import { inNet, net24 } from '../network.js';
import { ordinaryLifecycle } from '../ordinary.js';
import { lookalikeParams } from '../params.js';
import { makeBuyer } from '../population.js';
import type { Scenario, Slot } from '../scenario.js';
import { TruthRecorder, type TruthLookalike } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';
import { diurnal } from '../benign.js';

const P = lookalikeParams.campusIp;

/** Plans one campus network and its students' shopping. */
export function campusIp(w: World, slot: Slot): Scenario<TruthLookalike> {
  const rng = w.rng(`lookalike:campus_ip:${slot.index}`);
  const net = net24(rng, 'campus');
  const uni = campus(rng);
  const from = Math.max(w.startMs + HOUR_MS, slot.from);
  const to = Math.max(from + HOUR_MS, slot.to);
  const when = (lo: number, hi: number): number => {
    for (let tries = 0; ; tries++) {
      const t = rng.real(lo, hi);
      if (tries > 30 || rng.float() < diurnal(t) / 1.8) return Math.floor(t);
    }
  };
  const students = [
    ...Array.from({ length: w.size(rng, P.students, P.minStudents) }, () => ({ joinsAt: undefined as number | undefined })),
    ...Array.from({ length: rng.draw(P.newStudents) }, () => ({ joinsAt: when(from, to) as number | undefined })),
  ].map((s) => {
    const b = makeBuyer(rng, w.ids, { ip: inNet(rng, net) });
    const name = personName(rng);
    return { ...s, b, address: campusAddress(rng, uni, name, b.phone) };
  });
  const rec = new TruthRecorder();

  return {
    at: Math.min(from, ...students.map((s) => s.joinsAt ?? Infinity)),
    run() {
      for (const s of students) {
        const actor = { id: s.b.id, device: s.b.devices[0]!, ip: s.b.ip, payment: s.b.payments[0]! };
        rec.accounts.add(s.b.id);
        let after = from;
        let coupon = 0;
        if (s.joinsAt !== undefined) {
          register(w, { actor, at: s.joinsAt, role: 'buyer', phone: s.b.phone }, rec);
          after = s.joinsAt + rng.real(MINUTE_MS, 20 * MINUTE_MS);
          if (rng.chance(0.6)) {
            coupon = 1500;
            after += rng.real(5 * MINUTE_MS, 6 * HOUR_MS);
            claimCoupon(w, { actor, at: after, couponId: 'newuser-15', campaignId: 'newuser', value: coupon }, rec);
          }
        }
        for (let n = rng.draw(P.ordersPerStudent); n > 0; n--) {
          const at = when(after + 15 * MINUTE_MS, Math.max(after + HOUR_MS, w.endMs - DAY_MS));
          login(w, { actor, at: at - rng.real(10_000, 10 * MINUTE_MS) }, rec);
          const item = w.pop.pickItem(rng);
          const shop = w.pop.shopOf(item);
          const lines = ordinaryLines(rng, shop, item, at);
          const use = coupon > 0 && lines.reduce((x, l) => x + l.qty * l.unitPrice, 0) > coupon;
          const order = placeOrder(w, { at, buyer: actor, shop, lines, address: s.address,
            ...(use ? { discount: coupon, couponId: 'newuser-15' } : {}) }, rec);
          if (use) coupon = 0;
          if (order) ordinaryLifecycle(w, rng, order, { rec, claims: false });
        }
      }
    },
    truth() {
      return { id: `look_campus_${slot.index + 1}`, kind: 'campus_ip', resembles: 'promo_abuse', ...rec.entities() };
    },
  };
}
