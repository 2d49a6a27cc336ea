// A view of the StateStore under one prefix, so that each detector owns its keys.
import type { StateStore } from './ports.js';

/** Prefixes every key with `prefix` on the way to the underlying store. */
export class ScopedState implements StateStore {
  constructor(private readonly inner: StateStore, private readonly prefix: string) {}
  get<T>(key: string): T | undefined { return this.inner.get<T>(this.prefix + key); }
  set(key: string, value: unknown): void { this.inner.set(this.prefix + key, value); }
  delete(key: string): void { this.inner.delete(this.prefix + key); }
}

/** The key prefix of a detector's own state. */
export function detectorPrefix(kind: string): string {
  return `det:${kind}:`;
}
