// Group commit: requests are decided at once, in arrival order, and every request decided while a
// commit is in flight shares the next one. A request is answered only once the commit holding its
// events is durable, so nothing acknowledged is lost on a crash, but the server no longer waits
// for one transaction per request: at most one commit is in flight and one gathering.

/** What group commit needs of the engine. */
export interface CommittingEngine {
  /**
   * Hands everything applied so far to the store as one commit: `handed` resolves once more
   * events may be applied (a state snapshot, read from the live state, has been read), `durable`
   * once the commit is in the store. Called again only after the previous `durable` settled.
   */
  commit(): { handed: Promise<void>; durable: Promise<void> };
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  // Awaited by the requests that joined it; this only keeps a failure nobody awaits from going unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export interface GroupCommitOptions {
  engine: CommittingEngine;
  /** Told of a commit that failed (before the requests waiting for it are). */
  onFailure: (err: unknown) => void;
  /** Times one commit, from hand-off to durable (the metrics' store histogram). */
  time?: (durable: Promise<void>) => Promise<void>;
}

/** Coordinates the commits of one engine for the requests applied to it. */
export class GroupCommit {
  readonly #opts: GroupCommitOptions;
  /** Events were applied since the last commit was handed over. */
  #dirty = false;
  #inFlight = false;
  /** Durability of the last commit handed over: everything applied before it. */
  #last: Promise<void> = Promise.resolve();
  /** The commit the requests applied during the one in flight will share. */
  #next: Deferred | undefined;
  #handing: Promise<void> | undefined;

  constructor(opts: GroupCommitOptions) {
    this.#opts = opts;
  }

  /** Notes that events were applied: the next `durable()` must commit them. */
  applied(): void {
    this.#dirty = true;
  }

  /**
   * While the store reads a snapshot from the live state, the promise to wait for before
   * applying anything more; undefined otherwise.
   */
  get handing(): Promise<void> | undefined {
    return this.#handing;
  }

  /** Resolves once everything applied so far is durable; rejects with the failure of the commit holding it. */
  durable(): Promise<void> {
    if (!this.#dirty) return this.#last;
    if (!this.#inFlight) return this.#start();
    this.#next ??= deferred();
    return this.#next.promise;
  }

  #start(): Promise<void> {
    this.#dirty = false;
    this.#inFlight = true;
    let commit: { handed: Promise<void>; durable: Promise<void> };
    try {
      commit = this.#opts.engine.commit();
    } catch (err) {
      commit = { handed: Promise.reject(err), durable: Promise.reject(err) };
    }
    const handing = commit.handed.then(() => undefined, () => undefined).then(() => {
      if (this.#handing === handing) this.#handing = undefined;
    });
    this.#handing = handing;
    const durable = this.#opts.time ? this.#opts.time(commit.durable) : commit.durable;
    this.#last = durable;
    durable.then(() => this.#settled(undefined), (err: unknown) => this.#settled(err ?? new Error('commit failed')));
    return durable;
  }

  #settled(err: unknown): void {
    this.#inFlight = false;
    if (err !== undefined) this.#opts.onFailure(err);
    const next = this.#next;
    this.#next = undefined;
    if (!next) return;
    // The requests that joined `next` applied events (that is what made it), so `#dirty` is set:
    // their commit starts now. After a failure it fails too unless the engine recovers.
    this.#start().then(next.resolve, next.reject);
  }
}
