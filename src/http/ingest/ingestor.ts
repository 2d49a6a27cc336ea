// Applies the validated lines of ingest requests to the engine, in arrival order, and answers
// each once its events are durable. An engine that can hand a commit over (Engine, through
// `commit`) has requests decided at once and sharing commits (group-commit.ts); one that loads
// state ahead (`prepare`, serve --stream) runs each request alone, its own commit included.
import { DECISION_POINTS, type BulwarkEvent, type Decision } from '../../contract/index.js';
import type { ProcessOutcome } from '../../core/index.js';
import type { ApiKeyRecord } from '../../store/index.js';
import { HttpError } from '../errors.js';
import type { ServerMetrics } from '../metrics.js';
import { SerialQueue } from '../serial.js';
import { GroupCommit, type CommittingEngine } from './group-commit.js';
import type { BodyLine } from './parse.js';

/** What ingest needs of the engine; app's Engine is one. */
export interface IngestEngine {
  /** Applies one event; `raw`, its JSON text as received, is what the store keeps when given. */
  process(event: BulwarkEvent, raw?: string): ProcessOutcome;
  /** Commits everything processed since the last flush, atomically. */
  flush(): Promise<void>;
  /**
   * Hands everything processed so far to the store without waiting for it (see CommittingEngine);
   * with it, and without `prepare`, requests share commits.
   */
  commit?(): ReturnType<CommittingEngine['commit']>;
  /**
   * Called with a request's events (valid, allowed, source filled in) before any is processed:
   * an engine over remote state loads what they read here, so that `process` stays synchronous.
   */
  prepare?(events: readonly BulwarkEvent[]): Promise<void>;
  /** True when a failed request leaves nothing behind in the engine, so ingest goes on after it. */
  readonly discardsOnFailure?: boolean;
  /** The decision this engine gave an event of an earlier request, when the store may not have it yet. */
  decisionFor?(eventId: string): Promise<Decision | undefined>;
}

/** The answer for one line, as API.md states it. */
export interface IngestResult {
  line: number;
  event_id?: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  error?: string;
  code?: string;
  path?: string;
  decision?: Decision;
}

export interface IngestorOptions {
  engine: IngestEngine;
  /** The stored decision of an event applied by an earlier request, for duplicates. */
  decisionFor(eventId: string): Promise<Decision | undefined>;
  metrics: ServerMetrics;
  /** Clock for latency metrics only; defaults to performance.now. */
  now?: () => number;
}

/** Serialises ingest requests through the one engine and turns outcomes into line results. */
export class Ingestor {
  readonly #queue = new SerialQueue();
  readonly #opts: IngestorOptions;
  readonly #now: () => number;
  #failure: string | undefined;
  /** Present when requests share commits. */
  readonly #group: GroupCommit | undefined;

  constructor(opts: IngestorOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? (() => performance.now());
    const { engine } = opts;
    if (engine.commit && !engine.prepare) {
      this.#group = new GroupCommit({
        engine: { commit: () => engine.commit!() },
        onFailure: (err) => { if (!engine.discardsOnFailure) this.#failure = err instanceof Error ? err.message : String(err); },
        time: (durable) => opts.metrics.timeStore('flush', () => durable),
      });
    }
  }

  /**
   * Why ingest stopped, if it did. After a failed flush (or a pipeline bug mid-batch) the
   * engine's memory is ahead of the store; accepting more would acknowledge events that a
   * restart forgets, so ingest refuses everything until the server restarts and reloads.
   */
  get failure(): string | undefined {
    return this.#failure;
  }

  /**
   * Runs `task` between ingest requests (after every one queued before it, before any queued
   * after), e.g. a change of merchant strategies, which must take effect at an exact point of the
   * event stream. Refused, like ingest, once ingest has stopped after a failure.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const group = this.#group;
    return this.#queue.run(async () => {
      this.#refuseAfterFailure();
      // Everything applied before the change is durable first: a restart then re-applies those
      // events without it, and the change's position counts only events the store holds.
      if (group) { if (group.handing) await group.handing; await group.durable(); }
      return task();
    });
  }

  /** Applies `lines` sent with `key`, after every request queued before it. */
  ingest(lines: readonly BodyLine[], key: ApiKeyRecord): Promise<IngestResult[]> {
    if (this.#group) return this.#grouped(this.#group, lines, key);
    return this.#queue.run(() => this.#apply(lines, key));
  }

  #refuseAfterFailure(): void {
    if (this.#failure) {
      // The cause was logged with the request that failed; clients get only what to do.
      throw new HttpError('store_unavailable', 'ingest stopped after an earlier failure to commit; ' +
        'an operator must restart the server, which reloads its state from the store');
    }
  }

  /** Decides a request at its turn, then waits for the commit it shares with the requests around it. */
  async #grouped(group: GroupCommit, lines: readonly BodyLine[], key: ApiKeyRecord): Promise<IngestResult[]> {
    const decided = await this.#queue.run(async () => {
      if (group.handing) await group.handing;
      this.#refuseAfterFailure();
      const batch: BatchMemo = { decided: new Map(), lookUp: [] };
      try {
        const results = lines.map((l) => this.#check(l, key)).map((c) => ('status' in c ? c : this.#applyLine(c, batch)));
        // Wrapped: a promise returned bare would hold the queue until the commit is durable.
        return { results, batch, durable: group.durable() };
      } catch (err) {
        // A pipeline bug mid-request: its earlier lines are applied and go out with the next
        // commit, but nothing more is taken until a restart checks the state against the store.
        this.#failure = err instanceof Error ? err.message : String(err);
        throw err;
      }
    });
    await decided.durable;
    await this.#lookUp(decided.batch);
    return decided.results;
  }

  /** A retried request gets the decisions it got the first time (committed by now: its commit came after theirs). */
  async #lookUp(batch: BatchMemo): Promise<void> {
    for (const res of batch.lookUp) {
      const d = (await this.#opts.engine.decisionFor?.(res.event_id!)) ??
        await this.#opts.metrics.timeStore('decision_for', () => this.#opts.decisionFor(res.event_id!));
      if (d) res.decision = d;
    }
  }

  async #apply(lines: readonly BodyLine[], key: ApiKeyRecord): Promise<IngestResult[]> {
    this.#refuseAfterFailure();
    const { engine } = this.#opts;
    const batch: BatchMemo = { decided: new Map(), lookUp: [] };
    let results: IngestResult[];
    const checked = lines.map((l) => this.#check(l, key));
    try {
      if (engine.prepare) {
        const events = checked.filter((c): c is Checked => !('status' in c)).map((c) => c.event);
        await this.#opts.metrics.timeStore('prepare', () => engine.prepare!(events));
      }
      results = checked.map((c) => ('status' in c ? c : this.#applyLine(c, batch)));
      await this.#opts.metrics.timeStore('flush', () => engine.flush());
    } catch (err) {
      if (!engine.discardsOnFailure) this.#failure = err instanceof Error ? err.message : String(err);
      throw err;
    }
    await this.#lookUp(batch);
    return results;
  }

  /** Validates one line of a request and fills in its source: the event to apply, or the line's rejection. */
  #check({ line, result, text }: BodyLine, key: ApiKeyRecord): Checked | IngestResult {
    const { metrics } = this.#opts;
    if (!result.ok) {
      const r = result.rejection;
      metrics.countLine(undefined, 'rejected');
      return rejected(line, r.event_id, r.code, r.path, r.message);
    }
    const event = result.event;
    const problem = tenantProblem(event, key);
    if (problem) {
      metrics.countLine(event.type, 'rejected');
      return rejected(line, event.id, 'ERR_AUTH_SOURCE_FORBIDDEN', 'source', problem);
    }
    // The text as sent is kept unless the source was filled in: then the stored event must say it.
    let raw = text;
    if (event.source === undefined) { event.source = key.source; raw = undefined; }
    return { line, event, raw };
  }

  /** Applies one checked line of a request. */
  #applyLine({ line, event, raw }: Checked, batch: BatchMemo): IngestResult {
    const { engine, metrics } = this.#opts;
    const started = this.#now();
    const out = engine.process(event, raw);
    const seconds = (this.#now() - started) / 1000;
    if (out.status === 'duplicate') {
      metrics.countLine(event.type, 'duplicate');
      const res: IngestResult = { line, event_id: event.id, status: 'duplicate' };
      const earlier = batch.decided.get(event.id);
      if (earlier) res.decision = earlier;
      else if (DECISION_POINTS.has(event.type)) batch.lookUp.push(res);
      return res;
    }
    metrics.countLine(event.type, 'accepted');
    this.#group?.applied();
    if (!out.decision) return { line, event_id: event.id, status: 'accepted' };
    batch.decided.set(event.id, out.decision);
    metrics.countDecision(event.type, out.decision.decision, seconds);
    return { line, event_id: event.id, status: 'accepted', decision: out.decision };
  }
}

/** A line that passed its checks: the event to apply and its text as sent (undefined once the source was filled in). */
interface Checked {
  line: number;
  event: BulwarkEvent;
  raw: string | undefined;
}

/** What one request remembers while its lines are applied. */
interface BatchMemo {
  /** Decisions given in this request, for duplicates within it. */
  decided: Map<string, Decision>;
  /** Duplicates at decision points whose first decision is in the store. */
  lookUp: IngestResult[];
}

/** Why `key` may not send `event`, or undefined when it may: an ingest key sends for its own tenant only. */
export function tenantProblem(event: BulwarkEvent, key: ApiKeyRecord): string | undefined {
  if (key.role !== 'ingest') return undefined;
  const source = event.source ?? key.source;
  if (source === key.source) return undefined;
  return `this key sends events for source ${JSON.stringify(key.source)} only, and the event says source ${JSON.stringify(source)}; ` +
    'leave source out or use a key created with --source for that tenant';
}

function rejected(line: number, eventId: string | undefined, code: string, path: string, message: string): IngestResult {
  const r: IngestResult = { line, status: 'rejected', error: message, code, path };
  if (eventId !== undefined) r.event_id = eventId;
  return r;
}
