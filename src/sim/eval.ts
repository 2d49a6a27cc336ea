// The evaluation of a replay's alerts and decisions against a simulated run's truth. Pure: it
// reads from iterables (sync or async) and returns a report; the files are opened by
// app/evaluate.ts. Definitions of every metric are in docs/simulator.md.
import { ALERT_KINDS, DECISION_POINTS, type Alert, type Decision, type EventType } from '../contract/index.js';
import type { LookalikeKind, Truth, TruthIncident } from './truth.js';

/** Anything that can be read one record at a time. */
export type Source<T> = Iterable<T> | AsyncIterable<T>;

/** What evaluate needs of an event: its id and type. */
export interface EventRef { id: string; type: string }

/** What evaluate needs of a decision. */
export type DecisionRef = Pick<Decision, 'event_id' | 'decision'> & { type?: string };

/** What evaluate needs of an alert. */
export type AlertRef = Pick<Alert, 'id' | 'kind' | 'time' | 'subjects'>;

/** The inputs of an evaluation. */
export interface EvalInput {
  events: Source<EventRef>;
  truth: Truth;
  decisions: Source<DecisionRef>;
  alerts: Source<AlertRef>;
}

/** Metrics of one alert kind. Ratios are null when their denominator is zero. */
export interface KindReport {
  kind: string;
  incidents: number;
  alerts: number;
  /** Incidents with at least one matching alert. */
  detected: number;
  /** Alerts that match no incident of their kind. */
  unmatched_alerts: number;
  account_precision: number | null;
  account_recall: number | null;
  shop_recall: number | null;
  item_recall: number | null;
  /** Matching alerts per detected incident (1 is ideal: one alert per incident). */
  alerts_per_detected_incident: number | null;
  /** Distinct look-alike accounts and shops named by alerts of this kind (false flags). */
  lookalike_flags: number;
  lookalike_flags_by_kind: Partial<Record<LookalikeKind, number>>;
}

/** How many events of a class got a decision other than allow. */
export interface FlagShare { events: number; flagged: number; share: number | null }

/** Flag shares of one decision-point event type. */
export interface DecisionTypeReport { type: EventType; attack: FlagShare; benign: FlagShare; lookalike: FlagShare }

/**
 * Genuine buyers of limited launches (accounts in no scalping incident) and how their orders of
 * the launch were decided: a launch guard must let fans buy.
 */
export interface LaunchBuyersReport {
  launches: number;
  genuine_buyers: number;
  /** Genuine buyers with at least one order of a launch denied, and their share. */
  denied: number;
  denied_share: number | null;
  /** Genuine buyers with at least one order of a launch not allowed (challenge, review or deny), and their share. */
  not_allowed: number;
  not_allowed_share: number | null;
}

/**
 * Time from a reverse-brushing incident's start to its first matching alert, and how many of its
 * `order.placed` events were decided other than allow (held): what the victim did not have to ship.
 */
export interface DetectionDelay {
  incident: string; start: string; first_alert: string | null; minutes: number | null;
  orders: number; held: number; held_share: number | null;
}

/** Brushing alerts that name a reverse-brushing victim shop among their shops (must be 0: the victim is not the brusher). */
export interface VictimFlags { count: number; alert_ids: string[] }

/** The evaluation report (eval.json). */
export interface EvalReport {
  truth: { seed: number; scale: number; days: number; incidents: number; lookalikes: number };
  events: number;
  decisions: number;
  alerts: number;
  /** Decision-point events with no decision (counted as not flagged). */
  undecided: number;
  /** Decisions naming an event id not in the events file. */
  unknown_decisions: number;
  kinds: KindReport[];
  decisions_by_type: DecisionTypeReport[];
  reverse_brushing_detection: DetectionDelay[];
  limited_launch_buyers: LaunchBuyersReport;
  brushing_alerts_on_reverse_brushing_victims: VictimFlags;
}

type Cls = 'attack' | 'benign' | 'lookalike';

/** Evaluates alerts and decisions against the truth. */
export async function evaluate(input: EvalInput): Promise<EvalReport> {
  const { truth } = input;
  const attackEvents = new Set(truth.incidents.flatMap((i) => i.events));
  const lookalikeEvents = new Set(truth.lookalikes.flatMap((l) => l.events));

  // Decision-point events by id; the ones still here after reading decisions were not decided.
  const pending = new Map<string, EventType>();
  // The order.placed events of each reverse-brushing incident, and how many of them were held.
  const rbIncidents = truth.incidents.filter((i) => i.kind === 'reverse_brushing');
  const rbOrders = rbIncidents.map(() => ({ orders: 0, held: 0 }));
  const rbOf = new Map<string, number>();
  rbIncidents.forEach((inc, k) => { for (const id of inc.events) rbOf.set(id, k); });
  let events = 0;
  for await (const e of input.events) {
    events++;
    if (typeof e.id === 'string' && DECISION_POINTS.has(e.type as EventType)) pending.set(e.id, e.type as EventType);
    if (e.type === 'order.placed' && rbOf.has(e.id)) rbOrders[rbOf.get(e.id)!]!.orders++;
  }
  const shares = new Map<EventType, Record<Cls, FlagShare>>();
  for (const t of DECISION_POINTS) shares.set(t, { attack: share(), benign: share(), lookalike: share() });
  const count = (type: EventType, id: string, flagged: boolean) => {
    const row = shares.get(type);
    if (!row) return;
    const add = (c: Cls) => { row[c].events++; if (flagged) row[c].flagged++; };
    if (attackEvents.has(id)) add('attack');
    else {
      add('benign');
      if (lookalikeEvents.has(id)) add('lookalike');
    }
  };
  let decisions = 0;
  let unknown = 0;
  const launches = launchBuyers(truth);
  for await (const d of input.decisions) {
    decisions++;
    const type = pending.get(d.event_id);
    if (type === undefined) { unknown++; continue; }
    pending.delete(d.event_id);
    count(type, d.event_id, d.decision !== 'allow');
    launches.see(d);
    if (type === 'order.placed' && d.decision !== 'allow' && rbOf.has(d.event_id)) rbOrders[rbOf.get(d.event_id)!]!.held++;
  }
  for (const [id, type] of pending) count(type, id, false);

  const alerts: AlertRef[] = [];
  for await (const a of input.alerts) alerts.push(a);

  const kinds = [...ALERT_KINDS, ...new Set(alerts.map((a) => a.kind).filter((k) => !(ALERT_KINDS as readonly string[]).includes(k)))];
  return {
    truth: { seed: truth.seed, scale: truth.scale, days: truth.days, incidents: truth.incidents.length, lookalikes: truth.lookalikes.length },
    events, decisions, alerts: alerts.length, undecided: pending.size, unknown_decisions: unknown,
    kinds: kinds.map((k) => kindReport(k, truth, alerts.filter((a) => a.kind === k))),
    decisions_by_type: [...shares].map(([type, row]) => ({ type, attack: ratio(row.attack), benign: ratio(row.benign), lookalike: ratio(row.lookalike) })),
    reverse_brushing_detection: rbIncidents.map((i, k) => ({
      ...detectionDelay(i, alerts.filter((a) => a.kind === 'reverse_brushing')),
      ...rbOrders[k]!, held_share: div(rbOrders[k]!.held, rbOrders[k]!.orders),
    })),
    limited_launch_buyers: launches.report(),
    brushing_alerts_on_reverse_brushing_victims: victimFlags(rbIncidents, alerts),
  };
}

/** Follows the decisions on genuine buyers' orders of the limited launches listed in the truth. */
function launchBuyers(truth: Truth): { see(d: DecisionRef): void; report(): LaunchBuyersReport } {
  const scalpers = new Set(truth.incidents.filter((i) => i.kind === 'scalping').flatMap((i) => i.accounts));
  const launches = truth.incidents.flatMap((i) => (i.launch ? [i.launch] : []));
  const buyerOf = new Map<string, string>();
  for (const l of launches) for (const o of l.orders) if (!scalpers.has(o.account)) buyerOf.set(o.event, o.account);
  const buyers = new Set(buyerOf.values());
  const denied = new Set<string>();
  const notAllowed = new Set<string>();
  return {
    see(d) {
      const buyer = buyerOf.get(d.event_id);
      if (buyer === undefined || d.decision === 'allow') return;
      notAllowed.add(buyer);
      if (d.decision === 'deny') denied.add(buyer);
    },
    report: () => ({
      launches: launches.length, genuine_buyers: buyers.size,
      denied: denied.size, denied_share: div(denied.size, buyers.size),
      not_allowed: notAllowed.size, not_allowed_share: div(notAllowed.size, buyers.size),
    }),
  };
}

/** An incident's entities as sets, for matching alerts against it. */
export interface IncidentIndex { accounts: ReadonlySet<string>; shops: ReadonlySet<string>; items: ReadonlySet<string> }

/** Indexes an incident's entities. */
export function indexIncident(inc: Pick<TruthIncident, 'accounts' | 'shops' | 'items'>): IncidentIndex {
  return { accounts: new Set(inc.accounts), shops: new Set(inc.shops), items: new Set(inc.items) };
}

/** True when an alert names one of the incident's accounts, or one of its shops together with one of its items. */
export function alertMatches(alert: AlertRef, inc: IncidentIndex): boolean {
  const s = alert.subjects;
  if (s.accounts.some((a) => inc.accounts.has(a))) return true;
  return s.shops.some((x) => inc.shops.has(x)) && s.items.some((x) => inc.items.has(x));
}

function kindReport(kind: string, truth: Truth, alerts: AlertRef[]): KindReport {
  const incidents = truth.incidents.filter((i) => i.kind === kind).map(indexIncident);
  const truthAccounts = new Set(incidents.flatMap((i) => [...i.accounts]));
  const truthShops = new Set(incidents.flatMap((i) => [...i.shops]));
  const truthItems = new Set(incidents.flatMap((i) => [...i.items]));
  const named = (pick: (a: AlertRef) => string[]) => new Set(alerts.flatMap(pick));
  const accounts = named((a) => a.subjects.accounts);
  const shops = named((a) => a.subjects.shops);
  const items = named((a) => a.subjects.items);
  const hits = (xs: Set<string>, truthSet: Set<string>) => [...xs].filter((x) => truthSet.has(x)).length;

  const matchCounts = incidents.map((inc) => alerts.filter((a) => alertMatches(a, inc)).length);
  const detected = matchCounts.filter((n) => n > 0).length;
  const unmatched = alerts.filter((a) => !incidents.some((inc) => alertMatches(a, inc))).length;

  // Look-alike entities named by this kind's alerts, unless they are also part of an incident of it.
  const flagged = new Set<string>();
  const byKind: Partial<Record<LookalikeKind, number>> = {};
  for (const l of truth.lookalikes) {
    const hit = [...l.accounts.filter((a) => accounts.has(a) && !truthAccounts.has(a)).map((a) => `a:${a}`),
      ...l.shops.filter((s) => shops.has(s) && !truthShops.has(s)).map((s) => `s:${s}`)];
    const fresh = hit.filter((h) => !flagged.has(h));
    fresh.forEach((h) => flagged.add(h));
    if (fresh.length) byKind[l.kind] = (byKind[l.kind] ?? 0) + fresh.length;
  }

  return {
    kind, incidents: incidents.length, alerts: alerts.length, detected, unmatched_alerts: unmatched,
    account_precision: div(hits(accounts, truthAccounts), accounts.size),
    account_recall: div(hits(accounts, truthAccounts), truthAccounts.size),
    shop_recall: div(hits(shops, truthShops), truthShops.size),
    item_recall: div(hits(items, truthItems), truthItems.size),
    alerts_per_detected_incident: div(matchCounts.reduce((a, b) => a + b, 0), detected),
    lookalike_flags: flagged.size, lookalike_flags_by_kind: byKind,
  };
}

/** Brushing alerts whose subjects' shops include a victim shop of a reverse-brushing incident. */
function victimFlags(rb: readonly TruthIncident[], alerts: readonly AlertRef[]): VictimFlags {
  const victims = new Set(rb.flatMap((i) => i.victim_shops ?? i.shops));
  const ids = alerts.filter((a) => a.kind === 'brushing' && a.subjects.shops.some((s) => victims.has(s))).map((a) => a.id);
  const alertIds = [...new Set(ids)].sort();
  return { count: alertIds.length, alert_ids: alertIds };
}

function detectionDelay(inc: TruthIncident, alerts: AlertRef[]): Omit<DetectionDelay, 'orders' | 'held' | 'held_share'> {
  const index = indexIncident(inc);
  const first = alerts.filter((a) => alertMatches(a, index)).map((a) => a.time).sort()[0];
  return { incident: inc.id, start: inc.start, first_alert: first ?? null,
    minutes: first === undefined ? null : Math.round((Date.parse(first) - Date.parse(inc.start)) / 6_000) / 10 };
}

function share(): FlagShare {
  return { events: 0, flagged: 0, share: null };
}

function ratio(s: FlagShare): FlagShare {
  return { ...s, share: div(s.flagged, s.events) };
}

function div(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
