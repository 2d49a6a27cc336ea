// Alerts to cases: one case per alert (one per incident), updated as its alert grows. Pure: the
// same alert and earlier case give the same case, so projecting an alert twice changes nothing.
// It reads the alert's evidence only through the vocabulary detectors document for cases
// (`victim.shop`, `exclude_from_victim_sales_and_ratings`, `payoutHeldFen`, `claimsHeld`), never by kind.
import { DEFAULT_SOURCE, type Alert } from '../contract/index.js';
import { harmedShops } from '../core/index.js';
import type { CaseRecord, Protection } from './types.js';

/** The case id of an alert: its hash part with another prefix, so either names the other. */
export function caseIdOf(alertId: string): string {
  return `case_${alertId.replace(/^alr_/, '')}`;
}

export interface ProjectContext {
  /** Alert kinds whose shops are harmed, not accused (configuration warnings.alertKinds). */
  harmKinds: ReadonlySet<string>;
  /** Wall-clock time, stamped on protections recorded now. */
  now: string;
  /** The amount of an order, minor units, when known. */
  orderAmount(orderId: string): number | undefined;
}

/** What projecting an alert did: the case as it now is, and the protections that are new. */
export interface Projected {
  case: CaseRecord;
  changed: boolean;
  newProtections: Protection[];
}

/** The case of `alert`, from the earlier state of that case if there is one. */
export function projectAlert(alert: Alert, prev: CaseRecord | undefined, ctx: ProjectContext): Projected {
  const victims = victimShops(alert, ctx.harmKinds);
  const accused = ctx.harmKinds.has(alert.kind) ? [] : alert.subjects.shops.filter((s) => !victims.includes(s));
  const protections = protectionsOf(alert, victims, prev?.protections ?? [], ctx.now);
  const next: CaseRecord = {
    id: caseIdOf(alert.id),
    source: alert.source ?? DEFAULT_SOURCE,
    kind: alert.kind,
    status: prev?.status ?? 'open',
    severity: alert.severity,
    alert_ids: [alert.id],
    summary: alert.summary,
    opened: alert.time,
    updated: alert.updated,
    shops: [...alert.subjects.shops],
    victim_shops: victims,
    accused_shops: accused,
    accounts: [...alert.subjects.accounts],
    order_count: alert.subjects.orders.length,
    at_stake_fen: atStake(alert, ctx),
    protections: protections.all,
    complaint_ids: prev?.complaint_ids ?? [],
    attachments: prev?.attachments ?? [],
  };
  if (prev?.assignee !== undefined) next.assignee = prev.assignee;
  if (prev?.resolution) next.resolution = prev.resolution;
  return { case: next, changed: prev === undefined || JSON.stringify(prev) !== JSON.stringify(next), newProtections: protections.added };
}

function victimShops(alert: Alert, harmKinds: ReadonlySet<string>): string[] {
  const victim = (alert.evidence.victim as { shop?: unknown } | undefined)?.shop;
  if (typeof victim === 'string') return [victim];
  return harmKinds.has(alert.kind) ? [...harmedShops(alert)] : [];
}

/** The larger of the incident's order amounts and the payouts it held. */
function atStake(alert: Alert, ctx: ProjectContext): number {
  let orders = 0;
  for (const id of alert.subjects.orders) orders += ctx.orderAmount(id) ?? 0;
  const held = alert.evidence.payoutHeldFen;
  return Math.max(orders, typeof held === 'number' && Number.isFinite(held) ? held : 0);
}

function protectionsOf(alert: Alert, victims: readonly string[], before: readonly Protection[], now: string):
  { all: Protection[]; added: Protection[] } {
  const all: Protection[] = [];
  const added: Protection[] = [];
  const keep = (p: Omit<Protection, 'since'>) => {
    const earlier = before.find((b) => b.kind === p.kind && b.shop === p.shop);
    const full: Protection = { ...p, since: earlier?.since ?? now };
    all.push(full);
    if (!earlier) added.push(full);
  };
  const e = alert.evidence;
  for (const shop of victims) {
    if (e.exclude_from_victim_sales_and_ratings === true) keep({ kind: 'orders_excluded', shop, orders: [...alert.subjects.orders] });
    const held = e.payoutHeldFen;
    if (typeof held === 'number' && held > 0) {
      const claims = Array.isArray(e.claimsHeld) ? e.claimsHeld.filter((c): c is string => typeof c === 'string') : undefined;
      keep({ kind: 'payouts_held', shop, amount_fen: held, ...(claims?.length ? { claims } : {}) });
    }
  }
  // A protection once given is not withdrawn because a later account of the incident omits it.
  for (const b of before) if (!all.some((p) => p.kind === b.kind && p.shop === b.shop)) all.push(b);
  return { all, added };
}

/**
 * Every string in an alert's evidence (depth and count bounded), to find the complaints and
 * reports it names without knowing where each detector lists them.
 */
export function evidenceStrings(evidence: unknown, max = 5_000): string[] {
  const out = new Set<string>();
  const walk = (x: unknown, depth: number): void => {
    if (out.size >= max || depth > 8) return;
    if (typeof x === 'string') out.add(x);
    else if (Array.isArray(x)) for (const v of x) walk(v, depth + 1);
    else if (x && typeof x === 'object') for (const v of Object.values(x)) walk(v, depth + 1);
  };
  walk(evidence, 0);
  return [...out];
}
