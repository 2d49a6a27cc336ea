// One alert per incident, updated as it grows. An alert's id is derived from its kind and
// incident key, so the same input always names the same alert, on any worker.
import { createHash } from 'node:crypto';
import type { Alert, AlertKind, AlertSubjects, Severity } from '../contract/index.js';
import { DEFAULT_SOURCE, SEVERITIES } from '../contract/index.js';
import type { StateStore } from './ports.js';
import type { AlertUpdate } from './detector.js';
import { round4 } from './decide.js';

const SUBJECT_KEYS = ['accounts', 'shops', 'items', 'orders'] as const;

/** The stable id of the alert for `incident` of `kind`. */
export function alertId(kind: AlertKind, incident: string): string {
  return `alr_${createHash('sha256').update(`${kind}\u0000${incident}`).digest('hex').slice(0, 20)}`;
}

/** The state namespace of alerts. */
export const ALERT_NS = 'alert';

/**
 * Applies an update to the incident's alert in `state` and returns the alert as it now is.
 * `source` is the tenant of the event; the one that opens the incident owns the alert.
 */
export function applyAlertUpdate(state: StateStore, kind: AlertKind, u: AlertUpdate, time: string, source?: string): Alert {
  const id = alertId(kind, u.incident);
  const before = state.get<Alert>(ALERT_NS, id);
  const alert: Alert = before ?? {
    id, kind, time, updated: time, status: 'open', severity: u.severity, score: 0, summary: u.summary,
    subjects: { accounts: [], shops: [], items: [], orders: [] }, evidence: {},
    ...(source !== undefined && source !== DEFAULT_SOURCE ? { source } : {}),
  };
  // `time` stays the event time at which the incident was first seen, even if a late event
  // older than that joins it later: it is when Bulwark knew, which is what time-to-detect measures.
  if (time > alert.updated) alert.updated = time;
  alert.severity = maxSeverity(alert.severity, u.severity);
  alert.score = round4(Math.max(alert.score, u.score));
  alert.summary = u.summary;
  alert.evidence = u.evidence;
  if (u.subjects) addSubjects(alert.subjects, u.subjects);
  state.set(ALERT_NS, id, alert);
  return alert;
}

/**
 * Membership of each subject list, so that an incident growing by one order at a time stays
 * linear (2,000 flood orders would otherwise cost 2,000 scans of up to 2,000). Held beside the
 * list, never in it: an alert loaded from a store simply builds its sets on its first update.
 */
const members = new WeakMap<string[], Set<string>>();

function addSubjects(into: AlertSubjects, add: Partial<AlertSubjects>): void {
  for (const k of SUBJECT_KEYS) {
    const list = add[k];
    if (!list?.length) continue;
    const target = into[k];
    let have = members.get(target);
    if (!have) { have = new Set(target); members.set(target, have); }
    for (const v of list) if (!have.has(v)) { have.add(v); target.push(v); }
  }
}

function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

/** Orders alerts for output: first seen first, then by id. */
export function compareAlerts(a: Alert, b: Alert): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
