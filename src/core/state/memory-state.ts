// The in-memory StateStore, also the write-back cache that the durable stores wrap.

import type { StateStore, AppliedEvents } from '../ports.js';

/** A StateStore over a Map that remembers which keys changed since the last `takeChanges`. */
export class MemoryStateStore implements StateStore {
  readonly #values = new Map<string, unknown>();
  readonly #changed = new Set<string>();
  readonly #track: boolean;

  /** `trackChanges: false` for runs with nothing to write back, so the change set never grows. */
  constructor(opts: { trackChanges?: boolean } = {}) {
    this.#track = opts.trackChanges ?? true;
  }

  get<T>(key: string): T | undefined {
    return this.#values.get(key) as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.#values.set(key, value);
    if (this.#track) this.#changed.add(key);
  }

  delete(key: string): void {
    this.#values.delete(key);
    if (this.#track) this.#changed.add(key);
  }

  /** Loads a value without marking it changed (used when restoring from a durable store). */
  load(key: string, value: unknown): void {
    this.#values.set(key, value);
  }

  /** The keys changed since the last call, with their values (undefined: deleted), in key order. */
  takeChanges(): Array<[string, unknown]> {
    const keys = [...this.#changed].sort();
    this.#changed.clear();
    return keys.map((k) => [k, this.#values.get(k)]);
  }

  get size(): number {
    return this.#values.size;
  }
}

/** An AppliedEvents set held in memory. */
export class MemoryAppliedEvents implements AppliedEvents {
  readonly #ids = new Set<string>();
  has(eventId: string): boolean { return this.#ids.has(eventId); }
  add(eventId: string): void { this.#ids.add(eventId); }
  get size(): number { return this.#ids.size; }
}
