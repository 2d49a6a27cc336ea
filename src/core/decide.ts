// How detector contributions and rule hits become one decision (docs/decision-policy.md). Scores
// combine as a noisy-or (independent pieces of evidence each raise the probability of abuse);
// thresholds per event type map the score to a value; a contribution or a rule can demand at
// least some value; a rule with `override` sets the value outright (allow lists, forced review);
// reasons list every contribution and rule hit, with stable codes.
import type { Decision, DecisionValue, EventType, Reason } from '../contract/index.js';
import { decisionRank } from '../contract/index.js';
import type { Contribution } from './detector.js';

/** Lowest score for each decision value above `allow`. */
export interface Thresholds {
  challenge: number;
  review: number;
  deny: number;
}

export interface DecisionPolicy {
  thresholds: Thresholds;
  /** Per event type overrides of the thresholds. */
  byType: Partial<Record<EventType, Partial<Thresholds>>>;
}

/** A contribution together with the detector or rule that gave it. */
export interface SourcedContribution extends Contribution {
  source: string;
}

/** One rule that matched the event (src/rules evaluates them; the core only combines them). */
export interface RuleHit {
  /** The rule's id; it is the reason's `rule`. */
  rule: string;
  /** Stable snake_case reason code. */
  code: string;
  message: string;
  /** The decision the rule calls for: at least this, or exactly this with `override`. */
  decision?: DecisionValue;
  /** True: the decision is set to `decision` whatever the score (the most severe override wins). */
  override: boolean;
  /** A contribution to the noisy-or score, 0 to 1. */
  score?: number;
  actions: readonly string[];
}

const NO_HITS: readonly RuleHit[] = [];

/** Combines contributions and active rule hits into the decision for one event. */
export function decide(
  event: { id: string; type: EventType },
  contributions: readonly SourcedContribution[],
  policy: DecisionPolicy,
  hits: readonly RuleHit[] = NO_HITS,
): Decision {
  // A rule hit without override is one more contribution: its score joins the noisy-or and its
  // decision is an `atLeast`, exactly like a detector's. Overrides are applied last.
  let all = contributions;
  let forced: DecisionValue | undefined;
  const overrides: RuleHit[] = [];
  if (hits.length > 0) {
    const extra: SourcedContribution[] = [];
    for (const h of hits) {
      if (h.override && h.decision) {
        overrides.push(h);
        if (forced === undefined || decisionRank(h.decision) > decisionRank(forced)) forced = h.decision;
        continue;
      }
      const c: SourcedContribution = { source: h.rule, code: h.code, message: h.message, score: h.score ?? 0, actions: h.actions };
      if (h.decision) c.atLeast = h.decision;
      extra.push(c);
    }
    all = extra.length > 0 ? [...contributions, ...extra] : contributions;
  }
  let clean = 1;
  for (const c of all) clean *= 1 - clamp01(c.score);
  const score = round4(1 - clean);
  const t = { ...policy.thresholds, ...policy.byType[event.type] };
  let value: DecisionValue = score >= t.deny ? 'deny' : score >= t.review ? 'review' : score >= t.challenge ? 'challenge' : 'allow';
  for (const c of all) {
    if (c.atLeast && decisionRank(c.atLeast) > decisionRank(value)) value = c.atLeast;
  }
  if (forced !== undefined) value = forced;
  const ordered = [...all].sort((a, b) => b.score - a.score || cmp(a.source, b.source) || cmp(a.code, b.code));
  const reasons: Reason[] = [];
  // Overriding rules decided the value, so they come first: the most severe, then by rule id.
  overrides.sort((a, b) => decisionRank(b.decision!) - decisionRank(a.decision!) || cmp(a.rule, b.rule));
  for (const h of overrides) reasons.push({ code: h.code, rule: h.rule, message: h.message, score: round4(clamp01(h.score ?? 0)) });
  for (const c of ordered) reasons.push({ code: c.code, rule: c.source, message: c.message, score: round4(c.score) });
  const actions: string[] = [];
  if (value !== 'allow') {
    for (const h of overrides) for (const a of h.actions) if (!actions.includes(a)) actions.push(a);
    for (const c of ordered) for (const a of c.actions ?? []) if (!actions.includes(a)) actions.push(a);
  }
  return { event_id: event.id, type: event.type, decision: value, score, reasons, actions };
}

export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
