// What a candidate policy would change: decisions of the current policy and the candidate over
// one replay, tallied into changes (from, to, count, examples), per-rule hits and changes, and,
// given the truth of a simulated run, precision and recall before and after. Pure: the replay
// that feeds it is app/backtest.ts.
import { DECISION_VALUES, type Decision, type DecisionValue } from '../contract/index.js';
import type { RuleVerdict } from '../core/index.js';

/** Examples kept per change and per rule: enough to read, bounded for large histories. */
export const EXAMPLES_PER_CHANGE = 5;

export interface ChangeRow { from: DecisionValue; to: DecisionValue; count: number; examples: Example[] }
export interface Example { event_id: string; type: string; before: string[]; after: string[] }

export interface RuleRow {
  rule: string;
  /** Which policy has the rule, and its mode there (`shadow` rules are reported but never act). */
  in: 'current' | 'candidate' | 'both';
  mode: 'active' | 'shadow';
  hits_current: number;
  hits_candidate: number;
  /** Changed decisions this rule took part in (it matched on that event in either policy). */
  changes: Array<{ from: DecisionValue; to: DecisionValue; count: number }>;
}

export interface Quality { flagged: number; attack_events: number; true_positives: number; precision: number | null; recall: number | null }

export interface BacktestReport {
  current: string;
  candidate: string;
  /** Events at decision points decided by both policies. */
  decisions: number;
  before: Record<DecisionValue, number>;
  after: Record<DecisionValue, number>;
  changed: number;
  changes: ChangeRow[];
  rules: RuleRow[];
  /** With a truth file: flagged (not allow) decision-point events against the attack's events. */
  truth?: { before: Quality; after: Quality };
}

const zero = (): Record<DecisionValue, number> => ({ allow: 0, challenge: 0, review: 0, deny: 0 });

/** Collects one backtest; feed it every decision, then read `report()`. */
export class BacktestTally {
  readonly #report: BacktestReport;
  readonly #changes = new Map<string, ChangeRow>();
  readonly #rules = new Map<string, RuleRow & { byChange: Map<string, number> }>();
  readonly #isAttack: ((eventId: string) => boolean) | undefined;
  readonly #q = { before: { flagged: 0, tp: 0 }, after: { flagged: 0, tp: 0 }, attacks: 0 };

  constructor(opts: { current: string; candidate: string; modes: Map<string, { in: RuleRow['in']; mode: RuleRow['mode'] }>; isAttack?: (eventId: string) => boolean }) {
    this.#report = { current: opts.current, candidate: opts.candidate, decisions: 0, before: zero(), after: zero(), changed: 0, changes: [], rules: [] };
    for (const [rule, m] of [...opts.modes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      this.#rules.set(rule, { rule, in: m.in, mode: m.mode, hits_current: 0, hits_candidate: 0, changes: [], byChange: new Map() });
    }
    this.#isAttack = opts.isAttack;
  }

  /** One event at a decision point: the current policy's verdict and the candidate's. */
  add(before: RuleVerdict | Decision, after: RuleVerdict | Decision): void {
    const b = 'decision' in before && typeof before.decision === 'object' ? (before as RuleVerdict) : { decision: before as Decision, hits: [] };
    const a = 'decision' in after && typeof after.decision === 'object' ? (after as RuleVerdict) : { decision: after as Decision, hits: [] };
    const r = this.#report;
    r.decisions++;
    r.before[b.decision.decision]++;
    r.after[a.decision.decision]++;
    const hitBefore = new Set([...b.hits.map((h) => h.rule), ...(b.shadow?.hits ?? []).map((h) => h.rule)]);
    const hitAfter = new Set([...a.hits.map((h) => h.rule), ...(a.shadow?.hits ?? []).map((h) => h.rule)]);
    for (const id of hitBefore) { const row = this.#rules.get(id); if (row) row.hits_current++; }
    for (const id of hitAfter) { const row = this.#rules.get(id); if (row) row.hits_candidate++; }
    if (this.#isAttack) {
      const attack = this.#isAttack(b.decision.event_id);
      if (attack) this.#q.attacks++;
      if (b.decision.decision !== 'allow') { this.#q.before.flagged++; if (attack) this.#q.before.tp++; }
      if (a.decision.decision !== 'allow') { this.#q.after.flagged++; if (attack) this.#q.after.tp++; }
    }
    if (a.decision.decision === b.decision.decision) return;
    r.changed++;
    const key = `${b.decision.decision}>${a.decision.decision}`;
    let row = this.#changes.get(key);
    if (!row) { row = { from: b.decision.decision, to: a.decision.decision, count: 0, examples: [] }; this.#changes.set(key, row); }
    row.count++;
    if (row.examples.length < EXAMPLES_PER_CHANGE) {
      row.examples.push({ event_id: b.decision.event_id, type: b.decision.type,
        before: b.decision.reasons.map((x) => `${x.rule}:${x.code}`), after: a.decision.reasons.map((x) => `${x.rule}:${x.code}`) });
    }
    for (const id of new Set([...hitBefore, ...hitAfter])) {
      const rr = this.#rules.get(id);
      if (rr) rr.byChange.set(key, (rr.byChange.get(key) ?? 0) + 1);
    }
  }

  report(): BacktestReport {
    const rank = (d: DecisionValue) => DECISION_VALUES.indexOf(d);
    const r: BacktestReport = { ...this.#report };
    r.changes = [...this.#changes.values()].sort((x, y) => y.count - x.count || rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to));
    r.rules = [...this.#rules.values()].map(({ byChange, ...row }) => ({
      ...row,
      changes: [...byChange].map(([k, count]) => { const [from, to] = k.split('>') as [DecisionValue, DecisionValue]; return { from, to, count }; })
        .sort((x, y) => y.count - x.count || rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to)),
    }));
    if (this.#isAttack) {
      const q = (s: { flagged: number; tp: number }): Quality => ({
        flagged: s.flagged, attack_events: this.#q.attacks, true_positives: s.tp,
        precision: s.flagged ? round4(s.tp / s.flagged) : null, recall: this.#q.attacks ? round4(s.tp / this.#q.attacks) : null,
      });
      r.truth = { before: q(this.#q.before), after: q(this.#q.after) };
    }
    return r;
  }
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The report as readable text: changes, rules, examples and, with truth, precision and recall. */
export function formatBacktest(r: BacktestReport): string {
  const out: string[] = [];
  out.push(`backtest: current ${r.current} against candidate ${r.candidate}`);
  out.push(`${r.decisions} decisions, ${r.changed} changed (${pct(r.changed, r.decisions)})`, '');
  out.push(table(['decision', 'current', 'candidate'], DECISION_VALUES.map((d) => [d, String(r.before[d]), String(r.after[d])])), '');
  out.push('decisions changed');
  out.push(r.changes.length ? table(['from', 'to', 'count'], r.changes.map((c) => [c.from, c.to, String(c.count)])) : '  none');
  out.push('', 'rules');
  out.push(r.rules.length
    ? table(['rule', 'in', 'mode', 'hits now', 'hits candidate', 'changes'], r.rules.map((x) => [x.rule, x.in, x.mode, String(x.hits_current),
      String(x.hits_candidate), x.changes.map((c) => `${c.from}→${c.to} ${c.count}`).join(', ') || '-']))
    : '  none');
  if (r.truth) {
    const f = (x: number | null) => (x === null ? '-' : x.toFixed(4));
    out.push('', 'against the truth (flagged = not allow; attack = an event of a labelled incident)');
    out.push(table(['policy', 'flagged', 'true positives', 'attack events', 'precision', 'recall'], [
      ['current', String(r.truth.before.flagged), String(r.truth.before.true_positives), String(r.truth.before.attack_events), f(r.truth.before.precision), f(r.truth.before.recall)],
      ['candidate', String(r.truth.after.flagged), String(r.truth.after.true_positives), String(r.truth.after.attack_events), f(r.truth.after.precision), f(r.truth.after.recall)],
    ]));
  }
  for (const c of r.changes) {
    out.push('', `examples ${c.from} → ${c.to}`);
    for (const e of c.examples) out.push(`  ${e.event_id} (${e.type}): [${e.before.join(', ')}] → [${e.after.join(', ')}]`);
  }
  return `${out.join('\n')}\n`;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(2)}%` : '0%';
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
