// The in-memory StateStore, also the write-back cache that the durable stores wrap.

import type { StateStore, AppliedEvents } from '../ports.js';

/** A StateStore over Maps that remembers which entries changed since the last `takeChanges`. */
export class MemoryStateStore implements StateStore {
  readonly #spaces = new Map<string, Map<string, unknown>>();
  readonly #changed = new Map<string, Set<string>>();
  readonly #track: boolean;

  /** `trackChanges: false` for runs with nothing to write back, so the change set never grows. */
  constructor(opts: { trackChanges?: boolean } = {}) {
    this.#track = opts.trackChanges ?? true;
  }

  get<T>(ns: string, id: string): T | undefined {
    return this.#spaces.get(ns)?.get(id) as T | undefined;
  }

  set(ns: string, id: string, value: unknown): void {
    this.#space(ns).set(id, value);
    if (this.#track) this.#changedIn(ns).add(id);
  }

  delete(ns: string, id: string): void {
    this.#spaces.get(ns)?.delete(id);
    if (this.#track) this.#changedIn(ns).add(id);
  }

  /** Loads a value by its flat key `ns:id` without marking it changed (restoring from a durable store). */
  load(key: string, value: unknown): void {
    const [ns, id] = splitKey(key);
    this.#space(ns).set(id, value);
  }

  /** The entries changed since the last call, by flat key, with their values (undefined: deleted). */
  takeChanges(): Array<[string, unknown]> {
    const out: Array<[string, unknown]> = [];
    for (const [ns, ids] of this.#changed) {
      const space = this.#spaces.get(ns);
      for (const id of ids) out.push([`${ns}:${id}`, space?.get(id)]);
    }
    this.#changed.clear();
    return out;
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
    let s = this.#changed.get(ns);
    if (!s) { s = new Set(); this.#changed.set(ns, s); }
    return s;
  }
}

/** Splits a flat state key at its first ':' into namespace and id. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  if (i <= 0) throw new RangeError(`state key ${JSON.stringify(key)} has no namespace; keys are 'ns:id'`);
  return [key.slice(0, i), key.slice(i + 1)];
}

/** An AppliedEvents set held in memory. */
export class MemoryAppliedEvents implements AppliedEvents {
  readonly #ids = new Set<string>();
  has(eventId: string): boolean { return this.#ids.has(eventId); }
  add(eventId: string): void { this.#ids.add(eventId); }
  get size(): number { return this.#ids.size; }
}
