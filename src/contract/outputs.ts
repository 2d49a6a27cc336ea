// What comes out of Bulwark: decisions at decision points, alerts per incident, rejected lines.
import type { EventType } from './schema.js';

/** The tenant of an event without `source` (EVENTS.md, Envelope). */
export const DEFAULT_SOURCE = 'default';

export const DECISION_VALUES = ['allow', 'challenge', 'review', 'deny'] as const;
/** A decision value, ordered from least to most severe. */
export type DecisionValue = (typeof DECISION_VALUES)[number];

export const ALERT_KINDS = [
  'reverse_brushing', 'brushing', 'refund_abuse', 'promo_abuse', 'scalping',
  'price_error', 'malicious_claim', 'harassment', 'review_manipulation',
] as const;
/** The alert kinds of EVENTS.md. */
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Why a decision moved: one detector or rule, with a stable code. */
export interface Reason {
  code: string;
  /** The detector kind or rule id that gave this reason. */
  rule: string;
  message: string;
  /** This reason's own score contribution, 0 to 1. */
  score?: number;
}

/** The answer for one event at a decision point. */
export interface Decision {
  event_id: string;
  type: EventType;
  decision: DecisionValue;
  score: number;
  reasons: Reason[];
  actions: string[];
}

export interface AlertSubjects {
  accounts: string[];
  shops: string[];
  items: string[];
  orders: string[];
}

/** One incident found across many events, in its current state. */
export interface Alert {
  id: string;
  kind: AlertKind;
  /** Event time the incident was first seen. */
  time: string;
  /** Event time of the last update. */
  updated: string;
  status: 'open';
  severity: Severity;
  score: number;
  summary: string;
  subjects: AlertSubjects;
  evidence: Record<string, unknown>;
  /**
   * The tenant (event `source`) of the event that opened the incident; absent for the default
   * tenant, so that single-tenant outputs are unchanged. Only that tenant's keys see the alert.
   */
  source?: string;
}

/** An input line that was not accepted, and why. */
export interface Rejection {
  line: number;
  event_id?: string;
  code: string;
  path: string;
  expected?: string;
  received?: string;
  message: string;
}

export function decisionRank(d: DecisionValue): number {
  return DECISION_VALUES.indexOf(d);
}
