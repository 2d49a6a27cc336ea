// What `serve --stream` decides with: each ingest request is run through the pipeline at once
// over a read-only view of the shared state in Redis (what the workers have committed so far),
// its accepted events are published to the stream, and the client gets the decisions. Nothing is
// written to Redis or the store here: the workers apply the published events and commit their
// effects (docs/scaling.md says what is decided where). So a failed request leaves nothing behind.
import { DEFAULT_SOURCE, type Alert, type BulwarkEvent, type Decision } from '../contract/index.js';
import { NS, Pipeline, clusterOf, type AccountState, type Cluster, type ProcessOutcome } from '../core/index.js';
import { BatchView, notWhole, type RedisSharedState } from '../shared/redis/index.js';
import type { EventStream } from '../stream/nats/index.js';
import type { PostgresStore } from '../store/index.js';
import type { Config } from '../config/index.js';
import { pipelineOptions } from './engine.js';

/** Loads of missing keys before a request is given up: a pipeline bug, not traffic. */
const MAX_LOADS = 20;
/** Ids (with their decisions) this process published, remembered for duplicates the workers have not stored yet. */
const RECENT = 100_000;

/** The synchronous decisions of `serve --stream`; an ingest engine for the HTTP server. */
export class StreamDecider {
  /** A failed request changed nothing here: ingest goes on after it. */
  readonly discardsOnFailure = true;
  readonly #view = new BatchView();
  readonly #pipeline: Pipeline;
  #pending: Array<{ event: BulwarkEvent; text: string; decision: Decision | null }> = [];
  readonly #recent = new Map<string, Decision | null>();

  constructor(config: Readonly<Config>, readonly shared: RedisSharedState, readonly stream: EventStream, readonly store: PostgresStore) {
    this.#pipeline = new Pipeline({ ...pipelineOptions(config), state: this.#view, applied: this.#view, alerts: { alertChanged: () => {} } });
  }

  /**
   * Loads what `events` read from Redis (and which of them were applied: Redis, the store and this
   * process's recent publishes), so that `process` runs synchronously. The events are run once to
   * find keys they read without declaring them; those are loaded and the run repeated.
   */
  async prepare(events: readonly BulwarkEvent[]): Promise<void> {
    const view = this.#view;
    view.clear();
    this.#pending = [];
    const keys = new Set<string>();
    for (const e of events) for (const k of this.#pipeline.stateKeys(e)) keys.add(k);
    const ids = events.map((e) => e.id);
    const [epoch, stored] = await Promise.all([this.shared.load(view, [...keys], ids), this.store.storedAmong(ids)]);
    // Deciding over a missing or half-rebuilt state would allow what the whole state would stop.
    if (epoch === null || epoch.startsWith('r:')) throw notWhole(epoch);
    for (const id of stored) view.knownApplied(id);
    for (const id of ids) if (this.#recent.has(id)) view.knownApplied(id);
    for (let loads = 0; ; loads++) {
      let failed: unknown;
      try {
        for (const e of events) this.#pipeline.process(e);
      } catch (err) {
        failed = err;
      }
      if (view.missing.size === 0) {
        view.reset();
        if (failed) throw failed;
        return;
      }
      if (loads >= MAX_LOADS) throw new Error(`the pipeline kept reading undeclared keys (${[...view.missing].slice(0, 3).join(', ')})`);
      const more = [...view.missing];
      view.reset();
      await this.shared.load(view, more, []);
    }
  }

  /** Decides one prepared event; `raw` is its JSON text as received (published byte for byte). */
  process(event: BulwarkEvent, raw?: string): ProcessOutcome {
    const out = this.#pipeline.process(event);
    if (out.status === 'accepted') this.#pending.push({ event, text: raw ?? JSON.stringify(event), decision: out.decision ?? null });
    return out;
  }

  /** Publishes the request's accepted events to their partitions; resolves once the stream holds them all. */
  async flush(): Promise<void> {
    const pending = this.#pending;
    this.#pending = [];
    for (const p of pending) await this.stream.publishPipelined(p.event, p.text);
    await this.stream.settle();
    for (const p of pending) {
      if (this.#recent.size >= RECENT) this.#recent.delete(this.#recent.keys().next().value!);
      this.#recent.set(p.event.id, p.decision);
    }
  }

  /** The decision this process gave an event it published, until the store has the workers' own. */
  async decisionFor(eventId: string): Promise<Decision | undefined> {
    return this.#recent.get(eventId) ?? undefined;
  }

  /** The alerts are the workers': the API reads them from the store. */
  alerts(): readonly Alert[] {
    return [];
  }

  /** An account's identity-graph cluster from the shared state, loading the graph's keys as the walk reaches them. */
  async links(accountId: string, source?: string): Promise<Cluster | undefined> {
    const view = new BatchView();
    for (let loads = 0; loads <= MAX_LOADS * 10; loads++) {
      const account = view.get<AccountState>(NS.account, accountId);
      const cluster = account === undefined ? undefined : clusterOf(view, accountId);
      const ours = (id: string) => (view.get<AccountState>(NS.account, id)?.source ?? DEFAULT_SOURCE) === source;
      const result = cluster && source !== undefined ? (ours(accountId) ? restrict(cluster, accountId, ours) : undefined) : cluster;
      if (view.missing.size === 0) return result;
      const more = [...view.missing];
      view.reset();
      await this.shared.load(view, more, []);
    }
    throw new Error(`the identity graph of account ${JSON.stringify(accountId)} kept growing while it was read; try again`);
  }
}

function restrict(cluster: Cluster, accountId: string, ours: (id: string) => boolean): Cluster {
  const accounts = cluster.accounts.filter(ours);
  if (accounts.length === cluster.accounts.length && ours(cluster.root)) return cluster;
  return { root: ours(cluster.root) ? cluster.root : accountId, size: accounts.length, accounts, links: cluster.links.filter((l) => ours(l.a) && ours(l.b)) };
}
