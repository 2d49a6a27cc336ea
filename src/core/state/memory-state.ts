// The in-memory StateStore, also the write-back cache that the durable stores wrap.
//
// This is the hottest code of a replay: an order touches a dozen entities. Each object value is
// tagged (with symbol properties, which JSON and structured clone ignore) with the namespace and
// id it is stored under, so that `set` of an object got from `get` costs no hash lookup: it only
// marks the object changed. Maps of a million keys miss the CPU cache on every lookup, so every
// lookup saved counts.

import type { StateStore, AppliedEvents } from '../ports.js';

const HOME_NS = Symbol('bulwark.state.ns');
const HOME_ID = Symbol('bulwark.state.id');
const CHANGED = Symbol('bulwark.state.changed');

interface Tagged {
  [HOME_NS]?: string;
  [HOME_ID]?: string;
  [CHANGED]?: boolean;
}

/** A StateStore over Maps that remembers which entries changed since the last `takeChanges`. */
export class MemoryStateStore implements StateStore {
  readonly #spaces = new Map<string, Map<string, unknown>>();
  /** Changed objects, each once (its CHANGED tag says it is listed). */
  #changedObjects: Tagged[] = [];
  /** Changed entries whose value is not an object still stored there: primitives and deletions. */
  readonly #changedOther = new Map<string, Set<string>>();
  readonly #track: boolean;

  /** `trackChanges: false` for runs with nothing to write back, so nothing is recorded. */
  constructor(opts: { trackChanges?: boolean } = {}) {
    this.#track = opts.trackChanges ?? true;
  }

  get<T>(ns: string, id: string): T | undefined {
    return this.#spaces.get(ns)?.get(id) as T | undefined;
  }

  set(ns: string, id: string, value: unknown): void {
    if (typeof value === 'object' && value !== null) {
      const v = value as Tagged;
      if (v[HOME_NS] !== ns || v[HOME_ID] !== id) {
        const space = this.#space(ns);
        // The object this one replaces no longer lives here: untag it, or setting it again would be skipped.
        const prev = space.get(id);
        if (typeof prev === 'object' && prev !== null && prev !== value) delete (prev as Tagged)[HOME_NS];
        space.set(id, value);
        v[HOME_NS] = ns;
        v[HOME_ID] = id;
      }
      if (this.#track && !v[CHANGED]) {
        v[CHANGED] = true;
        this.#changedObjects.push(v);
      }
      return;
    }
    this.#space(ns).set(id, value);
    if (this.#track) this.#changedIn(ns).add(id);
  }

  delete(ns: string, id: string): void {
    const space = this.#spaces.get(ns);
    const v = space?.get(id);
    if (typeof v === 'object' && v !== null) delete (v as Tagged)[HOME_NS];
    space?.delete(id);
    if (this.#track) this.#changedIn(ns).add(id);
  }

  /** Loads a value by its flat key `ns:id` without marking it changed (restoring from a durable store). */
  load(key: string, value: unknown): void {
    const [ns, id] = splitKey(key);
    this.#space(ns).set(id, value);
    if (typeof value === 'object' && value !== null) {
      (value as Tagged)[HOME_NS] = ns;
      (value as Tagged)[HOME_ID] = id;
    }
  }

  /**
   * The entries changed since the last call, by flat key, with their values (undefined: deleted),
   * each once. Lazy, so a snapshot of millions of entries never holds all their keys at once;
   * consume it fully before changing the state again.
   */
  *takeChanges(): Generator<[string, unknown]> {
    const objects = this.#changedObjects;
    const other = [...this.#changedOther];
    this.#changedObjects = [];
    this.#changedOther.clear();
    for (const [ns, ids] of other) {
      const space = this.#spaces.get(ns);
      for (const id of ids) {
        const v = space?.get(id);
        // An object now stored there was changed after it, and is reported with the objects.
        if (typeof v !== 'object' || v === null) yield [`${ns}:${id}`, v];
      }
    }
    for (const v of objects) {
      v[CHANGED] = false;
      const ns = v[HOME_NS];
      // An object deleted or replaced since it changed is reported through its successor.
      if (ns === undefined || this.#spaces.get(ns)?.get(v[HOME_ID]!) !== v) continue;
      yield [`${ns}:${v[HOME_ID]}`, v];
    }
  }

  get size(): number {
    let n = 0;
    for (const s of this.#spaces.values()) n += s.size;
    return n;
  }

  #space(ns: string): Map<string, unknown> {
    let s = this.#spaces.get(ns);
    if (!s) { s = new Map(); this.#spaces.set(ns, s); }
    return s;
  }

  #changedIn(ns: string): Set<string> {
    let s = this.#changedOther.get(ns);
    if (!s) { s = new Set(); this.#changedOther.set(ns, s); }
    return s;
  }
}

/** Splits a flat state key at its first ':' into namespace and id. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  if (i <= 0) throw new RangeError(`state key ${JSON.stringify(key)} has no namespace; keys are 'ns:id'`);
  return [key.slice(0, i), key.slice(i + 1)];
}

/**
 * An AppliedEvents set held in memory, which also tells this run's ids from those applied by
 * earlier runs (restored from a store), so that a resumed replay can acknowledge the latter once
 * and still reject a line repeated within its own input. Two disjoint sets, so that telling them
 * apart costs no memory beyond the ids themselves, and a run without a store pays one lookup.
 */
export class MemoryAppliedEvents implements AppliedEvents {
  readonly #earlier = new Set<string>();
  readonly #now = new Set<string>();
  has(eventId: string): boolean { return this.#now.has(eventId) || this.#earlier.has(eventId); }
  add(eventId: string): boolean {
    if (this.#earlier.size > 0 && this.#earlier.has(eventId)) return false;
    const before = this.#now.size;
    this.#now.add(eventId);
    return this.#now.size > before;
  }
  /** Records an id an earlier run applied (restoring from a store). */
  addEarlier(eventId: string): void { this.#earlier.add(eventId); }
  /** Every id added so far was applied by an earlier run (call it once a restored engine is ready). */
  settle(): void {
    for (const id of this.#now) this.#earlier.add(id);
    this.#now.clear();
  }
  /** True once for an id an earlier run applied: the first time this run meets it; after that it is this run's. */
  claimEarlier(eventId: string): boolean {
    if (!this.#earlier.delete(eventId)) return false;
    this.#now.add(eventId);
    return true;
  }
  get size(): number { return this.#now.size + this.#earlier.size; }
}
