// Malicious claims (职业索赔/恶意投诉): professional claimants buy cheap goods from many shops, then
// demand money with threats (私了, 转388元, 不然投诉/举报/关店/12315, 封口费, 职业打假), usually by chat
// first and then in a claim, in varied scripts and number forms. Some merchants complain back.
import { door, fullAddress, personName } from '../address.js';
import { EXTORTION_CLAIM_REASONS, EXTORTION_DEMANDS, MERCHANT_EXTORTION_COMPLAINTS } from '../corpus/claims.js';
import { toTraditional } from '../corpus/script.js';
import { claim, complaint, deliver, login, message, pay, placeOrder, ship, type PlacedOrder } from '../events.js';
import { deliveredInRun, isShortRun } from '../ordinary.js';
import { homeIp } from '../network.js';
import { attackParams } from '../params.js';
import { priceAt, type Shop } from '../population.js';
import { round3, span, type Scenario, type Slot } from '../scenario.js';
import { amountText, fill } from '../text.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';

const P = attackParams.maliciousClaim;
const TARGET_CATEGORIES = new Set(['food', 'beauty', 'mother_baby', 'apparel', 'liquor']);

/** Plans one ring of professional claimants and the shops they target. */
export function maliciousClaim(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:malicious_claim:${slot.index}`);
  const p = {
    claimants: rng.draw(P.claimants),
    messageFirstShare: rng.draw(P.messageFirstShare),
    merchantComplaintShare: rng.draw(P.merchantComplaintShare),
    claimantComplaintShare: rng.draw(P.claimantComplaintShare),
  };
  const claimants = Array.from({ length: p.claimants }, () => {
    const name = personName(rng);
    const phone = w.ids.phone(rng.int(0, 1000));
    return { id: w.ids.buyer(), device: w.ids.device(), ip: homeIp(rng), payment: w.ids.payment(),
      address: fullAddress(door(rng), name, phone),
      targets: Array.from({ length: w.size(rng, P.shopsPerClaimant, P.minShopsPerClaimant) },
        () => w.pop.takeShop(rng, (s) => TARGET_CATEGORIES.has(s.category.id))) };
  });
  // Orders are placed early enough for delivery, a demand and a claim to follow inside the run.
  const [from, to] = span(w, slot, 4.5 * DAY_MS);
  const plans = claimants.flatMap((c) => c.targets.map((shop: Shop) => ({ c, shop, at: Math.floor(rng.real(from, to)) })))
    .sort((a, b) => a.at - b.at);
  const rec = new TruthRecorder();

  return {
    at: plans[0]?.at ?? from,
    run() {
      for (const { c, shop, at } of plans) {
        const item = shop.items.reduce((a, b) => (a.priceFen <= b.priceFen ? a : b));
        login(w, { actor: c, at }, rec);
        const orderAt = at + rng.real(MINUTE_MS, 20 * MINUTE_MS);
        const qty = rng.int(1, 3);
        let order: PlacedOrder | null;
        let deliveredAt: number;
        if (isShortRun(w)) {
          order = deliveredInRun(w, { at: orderAt, buyer: c, shop, item, qty }, rec);
          deliveredAt = orderAt;
        } else {
          order = placeOrder(w, { at: orderAt, buyer: c, shop, lines: [{ item, qty, unitPrice: priceAt(item, orderAt) }], address: c.address }, rec);
          if (!order) continue;
          const paidAt = orderAt + rng.real(10_000, 3 * MINUTE_MS);
          pay(w, { order, at: paidAt }, rec);
          const shippedAt = paidAt + rng.real(3 * HOUR_MS, 16 * HOUR_MS);
          ship(w, rng, { order, at: shippedAt, weightG: item.weightG * qty + rng.int(30, 150) }, rec);
          deliveredAt = shippedAt + rng.real(12 * HOUR_MS, 36 * HOUR_MS);
          deliver(w, { order, at: deliveredAt }, rec);
        }
        rec.accounts.add(c.id);
        rec.shops.add(shop.id);
        // The demand: a lucky or round number, or ten times the price as the food law allows.
        const yuan = rng.chance(P.tenfoldShare) ? Math.max(1000, Math.round(order.amount / 10)) : rng.pick(P.demandYuan);
        const write = (template: string) => {
          const text = fill(template, { amount: amountText(rng, yuan) });
          return rng.chance(0.25) ? toTraditional(text) : text;
        };
        let claimAt = deliveredAt + rng.real(6 * HOUR_MS, (isShortRun(w) ? 12 : 36) * HOUR_MS);
        if (rng.chance(p.messageFirstShare)) {
          message(w, { from: c.id, to: shop.owner.id, at: claimAt, channel: rng.chance(0.85) ? 'chat' : 'sms',
            text: write(rng.pick(EXTORTION_DEMANDS)), orderId: order.id }, rec);
          claimAt += rng.real(HOUR_MS, 12 * HOUR_MS);
        }
        claim(w, { order, at: claimAt, amount: yuan * 100, reason: rng.pick(EXTORTION_CLAIM_REASONS),
          text: write(rng.pick(EXTORTION_DEMANDS)) }, rec);
        if (rng.chance(p.merchantComplaintShare)) {
          complaint(w, { by: shop.owner.id, against: c.id, at: claimAt + rng.real(HOUR_MS, 12 * HOUR_MS),
            kind: rng.chance(0.6) ? 'extortion' : 'malicious_claim', orderIds: [order.id],
            text: fill(rng.pick(MERCHANT_EXTORTION_COMPLAINTS), { amount: yuan }) }, rec);
        }
        if (rng.chance(p.claimantComplaintShare)) {
          complaint(w, { by: c.id, against: shop.id, at: claimAt + rng.real(2 * HOUR_MS, 24 * HOUR_MS),
            kind: rng.chance(0.5) ? 'counterfeit' : 'other', orderIds: [order.id], text: write(rng.pick(EXTORTION_DEMANDS)) }, rec);
        }
      }
    },
    truth() {
      return { id: `inc_mc_${slot.index + 1}`, kind: 'malicious_claim', ...rec.entities(),
        params: { claimants: p.claimants, shops: rec.shops.size, messageFirstShare: round3(p.messageFirstShare),
          merchantComplaintShare: round3(p.merchantComplaintShare) } };
    },
  };
}
