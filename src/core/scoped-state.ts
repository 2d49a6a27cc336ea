// A view of the StateStore under one detector's namespaces, so that each detector owns its keys.
import type { StateStore } from './ports.js';

/** Maps a detector's namespace `ns` to `det:<kind>.<ns>` in the underlying store. */
export class ScopedState implements StateStore {
  readonly #names = new Map<string, string>();
  constructor(private readonly inner: StateStore, private readonly kind: string) {}
  get<T>(ns: string, id: string): T | undefined { return this.inner.get<T>(this.#ns(ns), id); }
  set(ns: string, id: string, value: unknown): void { this.inner.set(this.#ns(ns), id, value); }
  delete(ns: string, id: string): void { this.inner.delete(this.#ns(ns), id); }

  #ns(ns: string): string {
    let full = this.#names.get(ns);
    if (full === undefined) { full = detectorNamespace(this.kind, ns); this.#names.set(ns, full); }
    return full;
  }
}

/** The namespace in the shared store of a detector's own namespace. */
export function detectorNamespace(kind: string, ns: string): string {
  return `det.${kind}.${ns}`;
}
