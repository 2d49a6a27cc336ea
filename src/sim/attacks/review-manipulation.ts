// Review manipulation services (删差评/改好评): sellers message many merchants offering to delete bad
// reviews or turn them into good ones for a fee, with a WeChat or QQ handle, often with the
// keywords broken up (删*差*评) or in traditional script. A few merchants answer. A gang's sellers
// work from the scripts it hands out, which carry the gang's own contact handle (the one that
// collects payment); each seller gives out its own handle too, more often as it goes on.
import { MANIPULATION_OFFERS, MANIPULATION_REPLIES } from '../corpus/messages.js';
import { login, message, register } from '../events.js';
import { homeIp } from '../network.js';
import { attackParams } from '../params.js';
import { round3, type Scenario, type Slot } from '../scenario.js';
import { fill, obfuscate } from '../text.js';
import { TruthRecorder, type TruthIncident } from '../truth.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from '../world.js';
import type { Shop } from '../population.js';
import { diurnal } from '../benign.js';

const P = attackParams.reviewManipulation;

/** Plans one group of review-manipulation sellers and their outreach. */
export function reviewManipulation(w: World, slot: Slot): Scenario<TruthIncident> {
  const rng = w.rng(`incident:review_manipulation:${slot.index}`);
  const p = {
    sellers: rng.draw(P.sellers), replyShare: rng.draw(P.replyShare), obfuscatedShare: rng.draw(P.obfuscatedShare),
    gangHandleShare: rng.draw(P.gangHandleShare),
  };
  const from = Math.max(w.startMs + HOUR_MS, slot.from);
  const handle = (): string => `${rng.pick(['shp', 'hp', 'dp', 'vx', 'kf'])}${rng.int(100, 99999)}${rng.pick(['', 'a', '_88', '666'])}`;
  const gangContact = handle();
  const sellers = Array.from({ length: p.sellers }, () => {
    const contact = handle();
    // Sellers open throwaway accounts a few days before they start (inside the run when it is long enough).
    const registeredAt = from - rng.real(1, 10) * DAY_MS;
    return { id: w.ids.buyer(), device: w.ids.device(), ip: homeIp(rng), phone: w.ids.phone(rng.int(0, 1000), true), contact,
      price: rng.draw(P.priceYuan), registeredAt,
      merchants: Array.from({ length: w.size(rng, P.merchantsPerSeller, P.minMerchantsPerSeller) }, () => rng.pick(w.pop.shops)) };
  });
  // Outreach runs through working hours, across the rest of the run.
  const sendTime = (): number => {
    for (let tries = 0; ; tries++) {
      const t = rng.real(from, w.endMs);
      if (tries > 30 || rng.float() < diurnal(t) / 1.6) return Math.floor(t);
    }
  };
  const plans = sellers.flatMap((s) => s.merchants.map((m: Shop) => ({ s, m, at: sendTime() }))).sort((a, b) => a.at - b.at);
  const rec = new TruthRecorder();
  rec.attackStartsAt((plans[0]?.at ?? from) - 5 * MINUTE_MS);
  const firstReg = Math.min(...sellers.map((s) => (s.registeredAt >= w.startMs ? s.registeredAt : Infinity)));

  return {
    at: Math.min((plans[0]?.at ?? from) - 5 * MINUTE_MS, firstReg),
    run() {
      for (const s of sellers) {
        if (s.registeredAt >= w.startMs) register(w, { actor: s, at: s.registeredAt, role: 'buyer', phone: s.phone }, rec);
      }
      const lastLogin = new Map<string, number>();
      const started = new Set<string>();
      for (const { s, m, at } of plans) {
        if (at - (lastLogin.get(s.id) ?? -Infinity) > 6 * HOUR_MS) {
          login(w, { actor: s, at: at - rng.real(10_000, 5 * MINUTE_MS) }, rec);
          lastLogin.set(s.id, at);
        }
        // A seller's first offers are the gang's script as handed out, with the gang's handle.
        const contact = !started.has(s.id) || rng.chance(p.gangHandleShare) ? gangContact : s.contact;
        started.add(s.id);
        const offer = fill(rng.pick(MANIPULATION_OFFERS), { price: s.price, contact });
        const id = message(w, { from: s.id, to: m.owner.id, at, channel: rng.chance(0.85) ? 'chat' : 'sms',
          text: rng.chance(p.obfuscatedShare) ? obfuscate(rng, offer) : offer }, rec);
        if (id === null) continue;
        rec.accounts.add(s.id);
        if (rng.chance(0.25)) {
          message(w, { from: s.id, to: m.owner.id, at: at + rng.real(2 * HOUR_MS, 30 * HOUR_MS), channel: 'chat',
            text: rng.pick(['老板考虑一下？', '老板在吗？差评处理还需要吗', '今天下单打八折', '老闆考慮一下？']) }, rec);
        }
        if (rng.chance(p.replyShare)) {
          message(w, { from: m.owner.id, to: s.id, at: at + rng.real(5 * MINUTE_MS, 6 * HOUR_MS), channel: 'chat',
            text: rng.pick(MANIPULATION_REPLIES) });
        }
      }
    },
    truth() {
      return { id: `inc_rm_${slot.index + 1}`, kind: 'review_manipulation', ...rec.entities(),
        params: { sellers: p.sellers, merchants: plans.length, obfuscatedShare: round3(p.obfuscatedShare),
          gangHandleShare: round3(p.gangHandleShare) } };
    },
  };
}
