// The case desk as the alliance's CaseSignalsSource: a case stands while it is confirmed and not
// every sanction of it was reversed on appeal; its abusers' values come from the accounts it
// names (their devices, phones, payment instruments in the entity state) and from its alerts'
// evidence (a farm's devices, payments, ranges and drop doors; a gang's handles). Victims' values
// and public places (values the identity graph calls hubs) are handed over to be left out.
import type { Alert } from '../contract/index.js';
import type { Entities } from '../core/index.js';
import type { CaseDesk, CaseRecord, CaseStore } from '../cases/index.js';
import type { Alliance, CaseSignals, CaseSignalsSource, SignalKind } from '../alliance/index.js';

export interface DeskCaseSourceOptions {
  cases: CaseStore;
  entities: () => Entities;
  alert: (id: string) => Promise<Alert | undefined>;
  /** graph.hubAccounts: a value seen with more accounts is a public place. */
  hubAccounts: number;
}

type Values = Partial<Record<SignalKind, string[]>>;

/** Alert kinds whose named accounts are the harmed, not the abusers (the abuser is the accused shop). */
const ACCOUNTS_ARE_VICTIMS = new Set(['harassment']);

export function deskCaseSource(o: DeskCaseSourceOptions): CaseSignalsSource {
  return {
    async caseSignals(caseId, tenant): Promise<CaseSignals | undefined> {
      const c = await o.cases.getCase(caseId);
      if (!c || c.source !== tenant) return undefined;
      const sanctions = await o.cases.sanctions({ source: tenant, caseId });
      const reversed = sanctions.length > 0 && sanctions.every((s) => s.state === 'reversed');
      const entities = o.entities();
      const values: Values = {};
      const victims: Values = {};
      const abusers = ACCOUNTS_ARE_VICTIMS.has(c.kind) ? ownersOf(entities, c.accused_shops) : c.accounts;
      const harmed = [...(ACCOUNTS_ARE_VICTIMS.has(c.kind) ? c.accounts : []), ...ownersOf(entities, c.victim_shops)];
      for (const a of abusers) accountValues(entities, a, values);
      for (const a of harmed) accountValues(entities, a, victims);
      for (const id of c.alert_ids) {
        const alert = await o.alert(id);
        if (alert) evidenceValues(alert.evidence, values);
      }
      return {
        caseId, tenant, abuse: c.kind as CaseSignals['abuse'],
        status: c.status === 'confirmed' && !reversed && c.kind !== 'price_error' ? 'confirmed' : 'other',
        firstSeenMs: Date.parse(c.opened), lastSeenMs: Date.parse(c.updated),
        values, victims, hubs: hubsOf(entities, values, o.hubAccounts),
      };
    },
  };
}

/**
 * Revokes a case's shared signals as soon as the desk reverses it (an analyst reopening or
 * dismissing a confirmed case, or an appeal lifting its last sanction), before the action answers.
 * A failure here leaves them to the alliance's reconcile, which runs at start and on its timer.
 */
export function revokeOnReversal(o: { desk: CaseDesk; alliance: Pick<Alliance, 'revokeCase'>; onError?: (caseId: string, err: unknown) => void }): void {
  o.desk.onCaseReversed(async (c) => {
    try {
      await o.alliance.revokeCase(c.id);
    } catch (err) {
      o.onError?.(c.id, err);
    }
  });
}

function push(v: Values, kind: SignalKind, value: unknown): void {
  if (typeof value === 'string' && value !== '') (v[kind] ??= []).push(value);
}

function ownersOf(entities: Entities, shops: CaseRecord['shops']): string[] {
  return shops.map((s) => entities.shop(s)?.ownerId).filter((x): x is string => x !== undefined);
}

function accountValues(entities: Entities, accountId: string, into: Values): void {
  const a = entities.account(accountId);
  if (!a) return;
  push(into, 'phone', a.phone);
  for (const d of a.devices) push(into, 'device', d);
  for (const p of a.payments) push(into, 'payment', p);
}

/** Values a detector's evidence lists under the names the detectors use (devices, payments, ipRanges, dropAddresses, handles). */
function evidenceValues(e: Record<string, unknown>, into: Values): void {
  const list = (k: string) => (Array.isArray(e[k]) ? e[k] as unknown[] : []);
  for (const d of list('devices')) push(into, 'device', d);
  for (const p of list('payments')) push(into, 'payment', p);
  for (const r of list('ipRanges')) push(into, 'ip_range', r);
  for (const d of list('dropAddresses')) push(into, 'address', (d as { key?: unknown }).key);
  for (const h of list('handles')) push(into, 'handle', typeof h === 'string' ? h : (h as { handle?: unknown }).handle);
}

function hubsOf(entities: Entities, values: Values, hubAccounts: number): Values {
  const hubs: Values = {};
  const check = (kind: SignalKind, seen: (v: string) => { n: number } | undefined) => {
    for (const v of values[kind] ?? []) if ((seen(v)?.n ?? 0) > hubAccounts) push(hubs, kind, v);
  };
  check('device', (v) => entities.device(v));
  check('payment', (v) => entities.payment(v));
  check('phone', (v) => entities.phone(v));
  check('address', (v) => entities.door(v));
  return hubs;
}
