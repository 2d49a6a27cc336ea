// The state one batch of events sees: the keys loaded ahead from Redis, each with the stamp of
// the commit that wrote it, and what the batch changes. Reads are synchronous, as the pipeline
// needs; a key nobody loaded reads as absent and is noted, so the batch runs again with it loaded.
import type { AppliedEvents, StateStore } from '../../core/index.js';

interface Entry {
  /** The JSON as loaded; null when the key was absent. */
  raw: string | null;
  /** The stamp it was loaded with ('0' absent); undefined for a key written without being read. */
  stamp: string | undefined;
  value: unknown;
  /** Read or written during this run of the batch. */
  touched: boolean;
}

/** One change the batch makes: the key and its new JSON, or null to delete it. */
export type Write = readonly [key: string, json: string | null];

/** StateStore and AppliedEvents over one batch's loaded keys. */
export class BatchView implements StateStore, AppliedEvents {
  readonly #entries = new Map<string, Entry>();
  readonly #known = new Set<string>();
  readonly #added = new Set<string>();
  /** Keys read during this run that were not loaded: load them and run the batch again. */
  readonly missing = new Set<string>();

  /** Forgets everything: the next batch starts empty. */
  clear(): void {
    this.#entries.clear();
    this.#known.clear();
    this.reset();
  }

  /** Undoes this run's reads and writes (the loaded values stay), to run the batch again. */
  reset(): void {
    for (const [k, e] of this.#entries) {
      if (e.stamp === undefined) { this.#entries.delete(k); continue; }
      e.value = undefined;
      e.touched = false;
    }
    this.#added.clear();
    this.missing.clear();
  }

  /** Adds a loaded key: `stored` is Redis's `<stamp> <json>`, or null when absent. */
  loaded(key: string, stored: string | null): void {
    if (stored === null) { this.#entries.set(key, { raw: null, stamp: '0', value: undefined, touched: false }); return; }
    const space = stored.indexOf(' ');
    this.#entries.set(key, { raw: stored.slice(space + 1), stamp: stored.slice(0, space), value: undefined, touched: false });
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Marks an event id as applied before this batch. */
  knownApplied(eventId: string): void {
    this.#known.add(eventId);
  }

  get<T>(ns: string, id: string): T | undefined {
    const key = `${ns}:${id}`;
    const e = this.#entries.get(key);
    if (!e) { this.missing.add(key); return undefined; }
    if (!e.touched) {
      e.touched = true;
      e.value = e.raw === null ? undefined : JSON.parse(e.raw);
    }
    return e.value as T | undefined;
  }

  set(ns: string, id: string, value: unknown): void {
    this.#write(`${ns}:${id}`, value);
  }

  delete(ns: string, id: string): void {
    this.#write(`${ns}:${id}`, undefined);
  }

  #write(key: string, value: unknown): void {
    const e = this.#entries.get(key);
    if (e) { e.touched = true; e.value = value; return; }
    // A write without a read needs no check at commit: its value does not depend on the old one.
    this.#entries.set(key, { raw: null, stamp: undefined, value, touched: true });
  }

  hasEvent(eventId: string): boolean {
    return this.#known.has(eventId) || this.#added.has(eventId);
  }

  // AppliedEvents
  add(eventId: string): boolean {
    if (this.hasEvent(eventId)) return false;
    this.#added.add(eventId);
    return true;
  }

  /** Ids applied by this run. */
  get added(): ReadonlySet<string> {
    return this.#added;
  }

  /**
   * What the run read (key and stamp, to check at commit) and changed. A value is compared by its
   * JSON with what was loaded, so a value mutated in place counts as changed even without `set`,
   * and one set back unchanged costs no write.
   */
  changes(): { reads: Array<readonly [string, string]>; writes: Write[] } {
    const reads: Array<readonly [string, string]> = [];
    const writes: Write[] = [];
    for (const [key, e] of this.#entries) {
      if (!e.touched) continue;
      if (e.stamp !== undefined) reads.push([key, e.stamp]);
      const json = e.value === undefined ? null : JSON.stringify(e.value);
      if (json !== e.raw || e.stamp === undefined) writes.push([key, json]);
    }
    return { reads, writes };
  }
}
