// The registry of attacks and look-alikes, and how many of each a run gets. Adding an attack is
// one file in attacks/ and one line here.
import type { AlertKind } from '../contract/index.js';
import { brushing } from './attacks/brushing.js';
import { harassment } from './attacks/harassment.js';
import { maliciousClaim } from './attacks/malicious-claim.js';
import { priceError } from './attacks/price-error.js';
import { promoAbuse } from './attacks/promo-abuse.js';
import { refundAbuse } from './attacks/refund-abuse.js';
import { reverseBrushing } from './attacks/reverse-brushing.js';
import { reviewManipulation } from './attacks/review-manipulation.js';
import { scalping } from './attacks/scalping.js';
import { campusIp } from './lookalikes/campus-ip.js';
import { familyDevice } from './lookalikes/family-device.js';
import { genuineClaim } from './lookalikes/genuine-claim.js';
import { genuineRefund } from './lookalikes/genuine-refund.js';
import { politeFollowup } from './lookalikes/polite-followup.js';
import { promotion } from './lookalikes/promotion.js';
import { viralBurst } from './lookalikes/viral-burst.js';
import { incidentsPerWeek, lookalikesPerWeek, reverseBrushingCountExponent } from './params.js';
import { slots, type Scenario, type Slot } from './scenario.js';
import type { LookalikeKind, TruthIncident, TruthLookalike } from './truth.js';
import type { World } from './world.js';

type Planner<T> = (w: World, slot: Slot) => Scenario<T>;

/** One planner per alert kind. */
export const ATTACKS: Readonly<Record<AlertKind, Planner<TruthIncident>>> = {
  reverse_brushing: reverseBrushing, brushing, refund_abuse: refundAbuse, promo_abuse: promoAbuse, scalping,
  price_error: priceError, malicious_claim: maliciousClaim, harassment, review_manipulation: reviewManipulation,
};

/** One planner per look-alike kind. */
export const LOOKALIKES: Readonly<Record<LookalikeKind, Planner<TruthLookalike>>> = {
  viral_burst: viralBurst, family_device: familyDevice, campus_ip: campusIp, genuine_refund: genuineRefund,
  polite_followup: politeFollowup, promotion, genuine_claim: genuineClaim,
};

/** Plans every incident of the run, kind by kind in a fixed order. */
export function planIncidents(w: World): Scenario<TruthIncident>[] {
  const out: Scenario<TruthIncident>[] = [];
  for (const kind of Object.keys(ATTACKS) as AlertKind[]) {
    const n = w.count(incidentsPerWeek[kind], kind === 'reverse_brushing' ? reverseBrushingCountExponent : 1);
    for (const slot of slots(w, n)) out.push(ATTACKS[kind](w, slot));
  }
  return out;
}

/** Plans every benign look-alike of the run. */
export function planLookalikes(w: World): Scenario<TruthLookalike>[] {
  const out: Scenario<TruthLookalike>[] = [];
  for (const kind of Object.keys(LOOKALIKES) as LookalikeKind[]) {
    for (const slot of slots(w, w.count(lookalikesPerWeek[kind]))) out.push(LOOKALIKES[kind](w, slot));
  }
  return out;
}
