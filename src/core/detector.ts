// The plug-in interface of a detector. The pipeline knows detectors only through this: what
// events they observe, what state they read, and what they return (score contributions with
// reasons for the decision, and alert updates). It never branches on a detector's kind.
import type { TSchema } from '@sinclair/typebox';
import type { AlertKind, AlertSubjects, BulwarkEvent, DecisionValue, EventType, Severity } from '../contract/index.js';
import type { Entities } from './state/entities.js';
import type { StateStore } from './ports.js';
import type { AddressKey } from './graph/index.js';

/** One reason a detector gives to move the decision on the current event. */
export interface Contribution {
  /** Stable snake_case code, e.g. `price_decimal_shift`. */
  code: string;
  message: string;
  /** How likely the event is abusive by this evidence alone, 0 to 1. */
  score: number;
  /** Side effects asked of the platform, e.g. `hold_shipment`. */
  actions?: readonly string[];
  /** The decision this evidence calls for at least, whatever the combined score. */
  atLeast?: DecisionValue;
}

/** Opens or grows the alert of one incident. */
export interface AlertUpdate {
  /** The incident's key within this detector's kind; the same key updates the same alert. */
  incident: string;
  severity: Severity;
  score: number;
  summary: string;
  /** Subjects to add (never removed: an alert only grows). */
  subjects?: Partial<AlertSubjects>;
  /** The incident's evidence as of now; replaces the previous evidence. */
  evidence: Record<string, unknown>;
}

export interface DetectorResult {
  contributions?: readonly Contribution[];
  alerts?: readonly AlertUpdate[];
}

/** What a detector sees while it inspects one event; refilled for the next one, so do not keep it. */
export interface DetectorContext<P> {
  /** Event time of the current event, epoch ms. */
  at: number;
  /** Newest event time seen before this event; `at < watermark` means the event is late. */
  watermark: number;
  late: boolean;
  /** Entity state, already updated with the current event. */
  entities: Entities;
  /** The detector's own state; its namespaces are its own, apart from every other detector's. */
  state: StateStore;
  params: P;
  /**
   * The key of the event's delivery address (order.placed only, when the pipeline has an address
   * keyer): canonical for one door however written, and whether it is vague. Computed once for
   * the graph and every detector.
   */
  address?: AddressKey | undefined;
}

/** A detector of one abuse kind. */
export interface Detector<P = unknown> {
  /** The alert kind it raises; also its name in configuration and reasons. */
  kind: AlertKind;
  /** Bumped when its behaviour changes, so stored outputs can be traced to a version. */
  version: string;
  /** Event types it inspects; the pipeline calls it for no others. */
  observes: readonly EventType[];
  /** JSON Schema of its parameters, with units and sources in the descriptions. */
  paramsSchema: TSchema;
  defaults: P;
  /**
   * Entries `[ns, id]` of its own state that inspecting `event` reads (for stores that load
   * ahead); `address` is the event's address key, as `ctx.address` will be.
   */
  stateKeys(event: BulwarkEvent, params: P, address?: AddressKey): Array<readonly [string, string]>;
  inspect(event: BulwarkEvent, ctx: DetectorContext<P>): DetectorResult | undefined;
}

/** Erases a detector's parameter type for registries that hold many kinds. */
export type AnyDetector = Detector<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A guard's name. A guard enforces a policy someone set (a merchant's strategy, say) rather than
 * detecting an abuse kind, so it is named apart from the alert kinds: `<what>_guard`.
 */
export type GuardKind = `${string}_guard`;

/** What a guard returns: contributions only; it raises no alerts. */
export interface GuardResult {
  contributions?: readonly Contribution[];
  alerts?: never;
}

/**
 * A policy plug-in: declared and run like a detector (event types, state keys, its own state
 * namespaces, reasons named by its kind), but it raises no alerts. Its policy comes from a book
 * it is built with (e.g. merchants' strategies), an input of the run like the configuration.
 */
export interface Guard<P = unknown> extends Omit<Detector<P>, 'kind' | 'inspect'> {
  kind: GuardKind;
  inspect(event: BulwarkEvent, ctx: DetectorContext<P>): GuardResult | undefined;
}

export type AnyGuard = Guard<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Anything the pipeline runs on an event: a detector or a guard. */
export type AnyPlugin = AnyDetector | AnyGuard;

/** The alert kind a plug-in raises: a detector's kind; undefined for a guard. */
export function alertKindOf(p: AnyPlugin): AlertKind | undefined {
  return isGuardKind(p.kind) ? undefined : p.kind;
}

function isGuardKind(kind: string): kind is GuardKind {
  return kind.endsWith('_guard');
}
