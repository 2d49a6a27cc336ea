// The seam between the pipeline and analysts' rules. The core does not know the rule language
// (src/rules binds CEL); it hands a rule set what it knows about the event and combines the hits
// it gets back with the detectors' contributions (decide.ts). A rule set is a pure function of
// its input: the same event, state and lists give the same hits.
import type { BulwarkEvent, Decision, EventType } from '../contract/index.js';
import type { RuleHit, SourcedContribution } from './decide.js';
import type { Entities } from './state/entities.js';
import type { StateStore } from './ports.js';
import type { AddressKey } from './graph/index.js';

/** What a rule set sees of one event at a decision point, after entity state and detectors. */
export interface RuleInput {
  event: BulwarkEvent;
  /** Event time, epoch ms. */
  at: number;
  entities: Entities;
  /** The whole state, read only (windowed activity lives in it, see state/activity.ts). */
  state: StateStore;
  /** The detectors' contributions to this event. */
  contributions: readonly SourcedContribution[];
  /** The key of the event's delivery address (order.placed), as the identity graph sees it. */
  address?: AddressKey | undefined;
}

/** The rules of a set that matched: `active` ones act, `shadow` ones are only recorded. */
export interface RuleMatches {
  active: readonly RuleHit[];
  shadow: readonly RuleHit[];
}

/** A compiled set of rules. */
export interface DecisionRules {
  /** A label for outputs (the rule set's version or file). */
  readonly label: string;
  /** False when no rule of the set can match events of `type`, so the pipeline skips the set. */
  appliesTo(type: EventType): boolean;
  evaluate(input: RuleInput): RuleMatches;
  /** Told the verdict when rules matched, for counters (what shadow rules would have changed); it must not change state. */
  observe?(verdict: RuleVerdict): void;
}

/** What a decision would have been had the shadow rules that matched been active. */
export interface ShadowOutcome {
  hits: readonly RuleHit[];
  decision: Decision;
}

/** One rule set's verdict on an event: its decision and, when shadow rules matched, theirs. */
export interface RuleVerdict {
  decision: Decision;
  /** Active rules that matched (also in the decision's reasons). */
  hits: readonly RuleHit[];
  shadow?: ShadowOutcome;
}
