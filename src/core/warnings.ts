// Merchant risk warnings: what one processed event tells the shops it concerns. A warning is
// derived from the event's decision (an order held or flagged, a listing paused, a claim or a
// refund flagged) or from an alert that harms a shop (a price error, a launch under attack, a
// flood of fake orders against it, claims used to extort it). It is shown to the shop's own
// merchant key, so it carries codes, messages, ids and counts, never other customers' personal
// data, and never an accusation of the shop itself: that would tip off the abuser.
import { DEFAULT_SOURCE } from '../contract/index.js';
import type { Alert, AlertKind, BulwarkEvent, Decision, DecisionValue, EventType, Severity } from '../contract/index.js';
import { decide, type DecisionPolicy, type SourcedContribution } from './decide.js';
import type { Entities } from './state/entities.js';

/** The kinds of warning a decision gives. */
export const DECISION_WARNING_KINDS = [
  'order_held', 'order_flagged', 'listing_paused', 'listing_flagged', 'claim_flagged', 'refund_flagged',
] as const;
export type DecisionWarningKind = (typeof DECISION_WARNING_KINDS)[number];

/** A reason as a merchant sees it: the stable code and the message, nothing else. */
export interface WarningReason {
  code: string;
  message: string;
}

interface WarningBase {
  /** The event id (decision warnings) or the alert id (alert warnings); unique within a shop. */
  id: string;
  shop_id: string;
  /** Event time of the decision, or when the alert was first seen. Lists are newest first by it. */
  time: string;
  /** Event time of the last change: the decision's own time, or the alert's last update. */
  updated: string;
  /**
   * The tenant (event `source`) of the event or alert; absent for the default tenant. Named
   * `tenant` because `source` already says which shape the warning has.
   */
  tenant?: string;
}

/** A decision other than `allow` on an event of the shop. */
export interface DecisionWarning extends WarningBase {
  source: 'decision';
  kind: DecisionWarningKind;
  event_type: EventType;
  decision: Exclude<DecisionValue, 'allow'>;
  actions: string[];
  reasons: WarningReason[];
  order_id?: string;
  item_ids?: string[];
  claim_id?: string;
  refund_id?: string;
}

/** An alert that harms the shop, as it now is; one per (alert, shop), replaced as the alert grows. */
export interface AlertWarning extends WarningBase {
  source: 'alert';
  kind: AlertKind;
  severity: Severity;
  summary: string;
  item_ids: string[];
  /** Orders the alert names. */
  order_count: number;
}

/** A risk warning for one shop. */
export type Warning = DecisionWarning | AlertWarning;

/** Which alerts warn their shops and which reasons a shop never sees. */
export interface WarningParams {
  /** Alert kinds whose shops are harmed by the incident, not accused of it. */
  alertKinds: readonly AlertKind[];
  /** Detector kinds whose reasons at a decision point accuse the shop of the event itself. */
  withheldReasons: readonly string[];
}

/**
 * Defaults. Price errors, scalping, reverse brushing and malicious claims happen to a shop;
 * brushing, harassment and review manipulation are what a shop does, and refund and promo abuse
 * alerts name accounts across many shops: telling a shop about those would tip off an abuser or
 * show it other shops' customers.
 */
export const DEFAULT_WARNING_PARAMS: WarningParams = {
  alertKinds: ['price_error', 'scalping', 'reverse_brushing', 'malicious_claim'],
  withheldReasons: ['brushing', 'harassment', 'review_manipulation'],
};

/** What `shopWarnings` needs about one processed event. */
export interface WarningInput {
  event: BulwarkEvent;
  decision: Decision | undefined;
  /** The contributions the decision was made of. */
  contributions: readonly SourcedContribution[];
  /** Alerts the event changed, in their state after it. */
  alerts: readonly Alert[];
  entities: Entities;
  policy: DecisionPolicy;
  /** Built once with `warningRules`. */
  rules: WarningRules;
}

/** WarningParams as sets, built once per pipeline. */
export interface WarningRules {
  alertKinds: ReadonlySet<string>;
  withheldReasons: ReadonlySet<string>;
}

export function warningRules(p: WarningParams): WarningRules {
  return { alertKinds: new Set(p.alertKinds), withheldReasons: new Set(p.withheldReasons) };
}

const NONE: readonly Warning[] = [];

/**
 * Whether an event with this decision and these changed alerts can give a warning at all: the
 * pipeline asks this first, so the common event (allowed, no alert of a warning kind) costs one
 * comparison and allocates nothing.
 */
export function mayWarn(decision: Decision | undefined, alerts: readonly Alert[], rules: WarningRules): boolean {
  if (decision !== undefined && decision.decision !== 'allow') return true;
  for (const a of alerts) if (rules.alertKinds.has(a.kind)) return true;
  return false;
}

/** The warnings one processed event gives, decision warning first, then one per (alert, shop). */
export function shopWarnings(input: WarningInput): readonly Warning[] {
  const { alerts, rules } = input;
  let out: Warning[] | undefined;
  const fromDecision = decisionWarning(input);
  if (fromDecision) (out ??= []).push(fromDecision);
  for (const a of alerts) {
    if (!rules.alertKinds.has(a.kind)) continue;
    for (const shop of harmedShops(a)) (out ??= []).push(alertWarning(a, shop));
  }
  return out ?? NONE;
}

function decisionWarning(input: WarningInput): DecisionWarning | undefined {
  const { event, decision, contributions, entities, policy, rules } = input;
  if (!decision || decision.decision === 'allow') return undefined;
  const subject = subjectOf(event, entities);
  if (!subject) return undefined;
  // A reason that accuses the shop is withheld, and so is what it alone asked for: the shop is
  // shown the decision its other reasons make, or nothing when they make `allow`.
  let shown = decision;
  if (contributions.some((c) => rules.withheldReasons.has(c.source))) {
    shown = decide(event, contributions.filter((c) => !rules.withheldReasons.has(c.source)), policy);
    if (shown.decision === 'allow') return undefined;
  }
  return {
    id: event.id, shop_id: subject.shop, time: event.time, updated: event.time,
    source: 'decision', kind: subject.kind(shown.actions), event_type: event.type,
    decision: shown.decision as Exclude<DecisionValue, 'allow'>,
    actions: [...shown.actions],
    reasons: shown.reasons.map((r) => ({ code: r.code, message: r.message })),
    ...subject.ids,
    ...tenantOf(event.source),
  };
}

interface Subject {
  shop: string;
  kind(actions: readonly string[]): DecisionWarningKind;
  ids: Pick<DecisionWarning, 'order_id' | 'item_ids' | 'claim_id' | 'refund_id'>;
}

/** The shop a decision point concerns and the ids a merchant knows it by; undefined when none. */
function subjectOf(e: BulwarkEvent, entities: Entities): Subject | undefined {
  switch (e.type) {
    case 'order.placed':
      return { shop: e.data.shop_id, kind: (a) => (a.includes('hold_shipment') ? 'order_held' : 'order_flagged'),
        ids: { order_id: e.data.order_id, item_ids: uniq(e.data.lines.map((l) => l.item_id)) } };
    case 'listing.updated':
      return { shop: e.data.shop_id, kind: (a) => (a.includes('pause_listing') ? 'listing_paused' : 'listing_flagged'),
        ids: { item_ids: [e.data.item_id] } };
    case 'claim.filed':
      return { shop: e.data.shop_id, kind: () => 'claim_flagged', ids: { claim_id: e.data.claim_id, order_id: e.data.order_id } };
    case 'refund.requested': {
      const order = entities.order(e.data.order_id);
      return order
        ? { shop: order.shopId, kind: () => 'refund_flagged', ids: { refund_id: e.data.refund_id, order_id: e.data.order_id } }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The shops an alert harms: the victim its evidence names, else the shops it names. */
export function harmedShops(a: Alert): readonly string[] {
  const victim = a.evidence.victim as { shop?: unknown } | undefined;
  if (victim && typeof victim.shop === 'string') return [victim.shop];
  return a.subjects.shops;
}

function alertWarning(a: Alert, shop: string): AlertWarning {
  return {
    id: a.id, shop_id: shop, time: a.time, updated: a.updated, source: 'alert', kind: a.kind,
    severity: a.severity, summary: a.summary, item_ids: [...a.subjects.items], order_count: a.subjects.orders.length,
    ...tenantOf(a.source),
  };
}

function tenantOf(source: string | undefined): { tenant?: string } {
  return source !== undefined && source !== DEFAULT_SOURCE ? { tenant: source } : {};
}

function uniq(xs: string[]): string[] {
  return xs.length < 2 ? xs : [...new Set(xs)];
}

/** A warning's identity: its id is unique within its shop, and a later warning with it replaces the earlier. */
export function warningKey(w: Warning): string {
  return `${w.shop_id}\u0000${w.id}`;
}

/** Orders warnings for output files: by shop, then time, then id, as a store lists them (`Store.warnings`). */
export function compareWarnings(a: Warning, b: Warning): number {
  return cmp(a.shop_id, b.shop_id) || cmp(a.time, b.time) || cmp(a.id, b.id);
}

/**
 * Compares by code point, which is the byte order of UTF-8 and so the order SQLite sorts text
 * in: a file written from memory and one read back from a store list warnings alike. (UTF-16
 * code units, what `<` compares, put U+E000..U+FFFF after characters beyond the BMP.)
 */
function cmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;
}
