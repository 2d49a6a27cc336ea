// Applies the validated lines of one ingest request to the engine, in order, and commits them
// in one store transaction before the client is answered. Requests run one at a time.
import { DECISION_POINTS, type BulwarkEvent, type Decision } from '../../contract/index.js';
import type { ProcessOutcome } from '../../core/index.js';
import type { ApiKeyRecord } from '../../store/index.js';
import { HttpError } from '../errors.js';
import type { ServerMetrics } from '../metrics.js';
import { SerialQueue } from '../serial.js';
import type { BodyLine } from './parse.js';

/** What ingest needs of the engine; app's Engine is one. */
export interface IngestEngine {
  /** Applies one event; `raw`, its JSON text as received, is what the store keeps when given. */
  process(event: BulwarkEvent, raw?: string): ProcessOutcome;
  /** Commits everything processed since the last flush, atomically. */
  flush(): Promise<void>;
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

  constructor(opts: IngestorOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? (() => performance.now());
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
    return this.#queue.run(() => {
      if (this.#failure) {
        throw new HttpError('store_unavailable', 'ingest stopped after an earlier failure to commit; ' +
          'an operator must restart the server, which reloads its state from the store');
      }
      return task();
    });
  }

  /** Applies `lines` sent with `key`, after every request queued before it. */
  ingest(lines: readonly BodyLine[], key: ApiKeyRecord): Promise<IngestResult[]> {
    return this.#queue.run(() => this.#apply(lines, key));
  }

  async #apply(lines: readonly BodyLine[], key: ApiKeyRecord): Promise<IngestResult[]> {
    if (this.#failure) {
      // The cause was logged with the request that failed; clients get only what to do.
      throw new HttpError('store_unavailable', 'ingest stopped after an earlier failure to commit; ' +
        'an operator must restart the server, which reloads its state from the store');
    }
    const batch: BatchMemo = { decided: new Map(), lookUp: [] };
    let results: IngestResult[];
    try {
      results = lines.map((l) => this.#applyLine(l, key, batch));
      await this.#opts.metrics.timeStore('flush', () => this.#opts.engine.flush());
    } catch (err) {
      this.#failure = err instanceof Error ? err.message : String(err);
      throw err;
    }
    // A retried request gets the decisions it got the first time.
    for (const res of batch.lookUp) {
      const d = await this.#opts.metrics.timeStore('decision_for', () => this.#opts.decisionFor(res.event_id!));
      if (d) res.decision = d;
    }
    return results;
  }

  /** Applies one line of a request. */
  #applyLine({ line, result, text }: BodyLine, key: ApiKeyRecord, batch: BatchMemo): IngestResult {
    const { engine, metrics } = this.#opts;
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
    if (!out.decision) return { line, event_id: event.id, status: 'accepted' };
    batch.decided.set(event.id, out.decision);
    metrics.countDecision(event.type, out.decision.decision, seconds);
    return { line, event_id: event.id, status: 'accepted', decision: out.decision };
  }
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
