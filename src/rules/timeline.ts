// Analysts' rule versions on the stream of applied events, as merchants' strategies are
// (strategies/book.ts): a version saved while the n-th event was next takes effect at position n,
// so the events before it are decided without it. An engine that re-applies the events after its
// last snapshot at a restart seeks the timeline to each event's position and decides each with
// the version that was in force when it was first applied, not with the newest.
import type { DecisionRules } from '../core/index.js';

/** A version's rules, or how to build them: a stored version is compiled only if an event reaches it. */
export type RulesAt = DecisionRules | undefined | (() => DecisionRules | undefined);

interface Entry {
  position: number;
  rules: RulesAt;
}

/** Rule versions by the position from which each is in force; read through `current` while events are applied. */
export class RuleTimeline {
  /** Ascending by position; entries before the one in force are dropped as the position passes them. */
  #entries: Entry[] = [];
  #position = 0;

  /** A timeline with one version in force from the first event (replay --rules, backtests). */
  static of(rules: DecisionRules | undefined): RuleTimeline {
    const t = new RuleTimeline();
    t.add(0, rules);
    return t;
  }

  /**
   * Adds a version in force from `position` on. Versions are added in order; one at the position
   * of the latest replaces it (two changes between the same two events: the second is what acts).
   */
  add(position: number, rules: RulesAt): void {
    const last = this.#entries[this.#entries.length - 1];
    if (last && position < last.position) {
      throw new RangeError(`a rule version at position ${position} comes before the one at ${last.position}; add versions in order`);
    }
    if (last && last.position === position) last.rules = rules;
    else this.#entries.push({ position, rules });
  }

  /** Sets the position of the event about to be applied; positions only grow. */
  seek(position: number): void {
    this.#position = position;
    // Versions superseded at this position are never read again.
    while (this.#entries.length > 1 && this.#entries[1]!.position <= position) this.#entries.shift();
  }

  /** The version in force for the event at the current position; undefined when none is yet. */
  get current(): DecisionRules | undefined {
    const first = this.#entries[0];
    if (!first || first.position > this.#position) return undefined;
    return this.#built(first);
  }

  /** The newest version added, in force from the next event on whatever the current position. */
  get latest(): DecisionRules | undefined {
    const last = this.#entries[this.#entries.length - 1];
    return last ? this.#built(last) : undefined;
  }

  #built(e: Entry): DecisionRules | undefined {
    if (typeof e.rules === 'function') e.rules = e.rules();
    return e.rules;
  }
}
