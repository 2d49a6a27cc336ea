// The sanctions ledger's rules: what a confirmed case proposes (from the configuration's templates
// per kind), how points add up over the record window, and the level they escalate a shop to.
// Pure functions of their arguments; the desk stores what they return.
import { createHash } from 'node:crypto';
import type { Alert } from '../contract/index.js';
import type { CasesConfig, SanctionTemplate } from './config.js';
import type { CaseRecord, Restriction, Sanction, SanctionKind, SanctionSubject } from './types.js';

/** A sanction as an analyst asks for it (or as a template proposes it), before it has an id and a time. */
export interface SanctionSpec {
  kind: SanctionKind;
  subject: SanctionSubject;
  points?: number;
  orders?: string[];
  items?: string[];
  restrictions?: Restriction[];
  permanent?: boolean;
  reason: string;
}

export interface ProposeInput {
  case: CaseRecord;
  alert: Alert | undefined;
  templates: readonly SanctionTemplate[];
  /** The shop of an order, when known (to clear a shop's own fake sales only). */
  orderShop(orderId: string): string | undefined;
  /** Whether the subject already has a live sanction from an earlier confirmed case of this kind. */
  repeat(subject: SanctionSubject): boolean;
}

/** The sanctions the configuration proposes for a confirmed case; never one against a harmed shop. */
export function proposeSanctions(input: ProposeInput): SanctionSpec[] {
  const c = input.case;
  const out: SanctionSpec[] = [];
  const incidents = incidentCount(input.alert);
  for (const t of input.templates) {
    const subjects: SanctionSubject[] = t.target === 'accounts'
      ? c.accounts.map((id) => ({ type: 'account', id }))
      : c.accused_shops.filter((s) => !c.victim_shops.includes(s)).map((id) => ({ type: 'shop', id }));
    for (const subject of subjects) {
      if (t.repeatOnly && !input.repeat(subject)) continue;
      const spec: SanctionSpec = { kind: t.kind, subject, reason: reasonOf(t, c, incidents) };
      if (t.kind === 'points') spec.points = (t.pointsPerIncident ?? 1) * incidents;
      if (t.kind === 'sales_cleared') spec.orders = (input.alert?.subjects.orders ?? []).filter((o) => input.orderShop(o) === subject.id);
      if (t.kind === 'listing_removed') spec.items = [...(input.alert?.subjects.items ?? [])];
      if (t.restrictions) spec.restrictions = [...t.restrictions];
      if (t.permanent) spec.permanent = true;
      out.push(spec);
    }
  }
  return out;
}

/** Incidents of a case as its detector counts them (evidence.penalty.incidents), else one. */
function incidentCount(alert: Alert | undefined): number {
  const n = (alert?.evidence.penalty as { incidents?: unknown } | undefined)?.incidents;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
}

function reasonOf(t: SanctionTemplate, c: CaseRecord, incidents: number): string {
  const what = `confirmed ${c.kind} case ${c.id}`;
  switch (t.kind) {
    case 'points': return `${(t.pointsPerIncident ?? 1) * incidents} points for a ${what} (${incidents} incident${incidents === 1 ? '' : 's'})`;
    case 'sales_cleared': return `fake orders of a ${what} removed from the shop's sales and ratings`;
    case 'listing_removed': return `listings of a ${what} removed`;
    case 'shop_closed': return `${t.permanent ? 'shop closed for good' : 'shop closed'}: a repeated ${what}`;
    case 'account_restricted': return `account restricted for a ${what}`;
  }
}

/** The ledger entry for `spec`, with an id derived from the case, the subject and the kind. */
export function sanctionOf(spec: SanctionSpec, c: CaseRecord, by: string, at: string, index: number): Sanction {
  const id = `snc_${createHash('sha256').update(`${c.id}\u0000${spec.subject.type}:${spec.subject.id}\u0000${spec.kind}\u0000${index}`).digest('hex').slice(0, 20)}`;
  return {
    id, source: c.source, case_id: c.id, evidence: { alert_ids: [...c.alert_ids] },
    ...spec, effective_at: at, state: 'active', created_by: by,
  };
}

/** Whether a sanction counts: taking effect, not lifted (an appealed one counts until reversed). */
export function isLive(s: Sanction): boolean {
  return s.state !== 'reversed';
}

export type Level = 'none' | 'warning' | 'restricted' | 'shop_closed';

/** A shop's points: those that count now, over the record window, and the level they reach. */
export interface PointsSummary {
  points: number;
  level: Level;
  /** Points until the next level, null at the top. */
  to_next_level: number | null;
}

/** Sums the live points sanctions that took effect within `recordMs` before `now`. */
export function pointsSummary(sanctions: readonly Sanction[], now: string, esc: CasesConfig['escalation']): PointsSummary {
  const from = Date.parse(now) - esc.recordMs;
  let points = 0;
  for (const s of sanctions) {
    if (s.kind === 'points' && isLive(s) && Date.parse(s.effective_at) > from) points += s.points ?? 0;
  }
  let level: Level = 'none';
  let next: number | null = null;
  for (const l of [...esc.levels].sort((a, b) => a.points - b.points)) {
    if (points >= l.points) level = l.level;
    else if (next === null) next = l.points - points;
  }
  return { points, level, to_next_level: next };
}
