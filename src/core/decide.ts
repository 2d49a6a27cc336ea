// How detector contributions become one decision. Scores combine as a noisy-or (independent
// pieces of evidence each raise the probability of abuse); thresholds per event type map the
// score to a value; a contribution can demand at least some value; reasons list every
// contribution, strongest first, with stable codes.
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

/** Combines contributions into the decision for one event. */
export function decide(
  event: { id: string; type: EventType },
  contributions: readonly SourcedContribution[],
  policy: DecisionPolicy,
): Decision {
  let clean = 1;
  for (const c of contributions) clean *= 1 - clamp01(c.score);
  const score = round4(1 - clean);
  const t = { ...policy.thresholds, ...policy.byType[event.type] };
  let value: DecisionValue = score >= t.deny ? 'deny' : score >= t.review ? 'review' : score >= t.challenge ? 'challenge' : 'allow';
  for (const c of contributions) {
    if (c.atLeast && decisionRank(c.atLeast) > decisionRank(value)) value = c.atLeast;
  }
  const ordered = [...contributions].sort((a, b) => b.score - a.score || cmp(a.source, b.source) || cmp(a.code, b.code));
  const reasons: Reason[] = ordered.map((c) => ({ code: c.code, rule: c.source, message: c.message, score: round4(c.score) }));
  const actions: string[] = [];
  if (value !== 'allow') {
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
