// The error of a store adapter.

/** A store failure; `retryable` says whether trying again can help. */
export class StoreError extends Error {
  constructor(readonly code: string, message: string, readonly retryable: boolean) { super(message); }
}
