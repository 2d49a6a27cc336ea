// The read-only port through which the pipeline sees signals that other platforms shared (the
// alliance, src/alliance): like the state detectors read, it answers from data the pipeline does
// not change, so the same events with the same signal set give the same outputs. The adapter
// decides what an event's values match; the pipeline only folds the hits into the decision and
// the alerts, as it does with a detector's result.
import type { AlertKind, BulwarkEvent } from '../contract/index.js';
import type { AlertUpdate, Contribution } from './detector.js';
import type { AddressKey } from './graph/index.js';
import type { Entities } from './state/entities.js';

/** What one matched signal does to the current event. */
export interface SignalHit {
  /** Moves the decision (used at decision points only). */
  contribution?: Contribution;
  /** Opens or grows the alert of the signal on this platform, of the signal's abuse kind. */
  alert?: { kind: AlertKind; update: AlertUpdate };
}

/** What the port sees of the current event beyond the event itself; refilled per event. */
export interface SignalContext {
  /** Event time, epoch ms: a signal counts only while it is in force at this time. */
  at: number;
  /** The event's delivery address key (order.placed), as detectors get it. */
  address: AddressKey | undefined;
  /** Entity state, already updated with the current event. */
  entities: Entities;
  decisionPoint: boolean;
}

/** Signals shared by other platforms, as the pipeline reads them. */
export interface SharedSignals {
  /** The name reasons carry as their `rule` (e.g. `alliance`). */
  readonly source: string;
  /** The signals `event` matches; pure in (event, ctx, the signal set). */
  hits(event: BulwarkEvent, ctx: SignalContext): readonly SignalHit[];
}
