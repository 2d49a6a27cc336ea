// The engine: the core pipeline over in-memory state, written back to a durable store (when one
// is given) one batch at a time. Replay, serve and tests all run events through this.
import { DEFAULT_SOURCE, type Alert, type BulwarkEvent, type Decision } from '../contract/index.js';
import {
  Entities, MemoryAppliedEvents, WATERMARK, MemoryStateStore, NS, Pipeline, clusterOf, compareAlerts, storedEvent, warningKey,
  type AccountState, type Cluster, type CommitBatch, type DecisionRules, type PipelineOptions, type ProcessOutcome, type SharedSignals, type Store, type StoredEvent, type Warning,
} from '../core/index.js';
import { detectors, priceBaseline } from '../detectors/index.js';
import { StrategyTimeline, strategyGuards, type StrategyBook } from '../rules/strategies/index.js';
import { RuleTimeline } from '../rules/index.js';
import { cachedKeyer } from '../text/address/index.js';
import type { Config } from '../config/index.js';

export interface EngineStats {
  accepted: number;
  duplicates: number;
  late: number;
}

/**
 * The pipeline's options from configuration, less its state, applied ids and alert sink: every
 * process that applies events (the engine, the stream's workers, serve's synchronous decisions)
 * builds its pipeline from these, so that all of them decide alike.
 */
export function pipelineOptions(config: Readonly<Config>, strategies: StrategyBook = new StrategyTimeline()): Omit<PipelineOptions, 'state' | 'applied' | 'alerts'> {
  return {
    // Merchants' guards run first: the price guard reads an item's baseline before a listing joins it.
    detectors: [...strategyGuards({ book: strategies, baseline: priceBaseline }), ...detectors],
    // Detectors and guards are named by kind alike (a guard's kind ends in _guard): one map of parameters.
    params: { ...(config.detectors as Record<string, unknown>), ...config.guards },
    policy: { thresholds: config.decision.thresholds, byType: config.decision.byType },
    addressKey: cachedKeyer(),
    graph: config.graph,
    warnings: config.warnings,
  };
}

/** The analysts' rules an engine decides with (docs/rules.md). */
export interface EngineRules {
  /** The rule set in force from the first event; replaced with `Engine.setRules` without a restart. */
  rules?: DecisionRules;
  /**
   * Instead of `rules`: the stored versions, each in force from its position in the stream of
   * applied events (serve), so that the events re-applied after the last snapshot are decided
   * with the version each was first decided with.
   */
  ruleTimeline?: RuleTimeline;
  /** A second set decided beside it over the same state (backtests). */
  candidate?: DecisionRules;
  /** Keep windowed activity for rule features even with no rules yet (serve: rules may arrive). */
  activity?: boolean;
  /**
   * Merchants' strategies (docs/strategies.md), each version in effect from its position in the
   * stream of applied events; the engine seeks the timeline to every event's position. None: every
   * shop has the default price guard only.
   */
  strategies?: StrategyTimeline;
  /** Signals shared by partner platforms (src/alliance), read at every event; none: no shared signal counts. */
  signals?: SharedSignals;
}

/** Runs the pipeline and persists its effects in batches. */
export class Engine {
  readonly stats: EngineStats = { accepted: 0, duplicates: 0, late: 0 };
  readonly #pipeline: Pipeline;
  readonly #state: MemoryStateStore;
  readonly #applied: MemoryAppliedEvents;
  readonly #alerts = new Map<string, Alert>();
  readonly #store: Store | undefined;
  #pendingEvents: StoredEvent[] = [];
  #pendingDecisions: Decision[] = [];
  #pendingAlerts = new Map<string, Alert>();
  /** Warnings of the batch by shop and id, each in its latest state. */
  #pendingWarnings = new Map<string, Warning>();
  #sinceSnapshot = 0;
  /** The commit under way, if any: at most one, so batches land in order. */
  #inflight: Promise<void> = Promise.resolve();
  readonly #snapshotEvery: number;
  readonly #rules: RuleTimeline;
  readonly #strategies: StrategyTimeline;

  private constructor(config: Readonly<Config>, state: MemoryStateStore, applied: MemoryAppliedEvents, store: Store | undefined, rules: EngineRules = {}) {
    this.#rules = rules.ruleTimeline ?? RuleTimeline.of(rules.rules);
    this.#strategies = rules.strategies ?? new StrategyTimeline();
    this.#state = state;
    this.#applied = applied;
    this.#store = store;
    this.#snapshotEvery = config.store.snapshotEvery;
    this.#pipeline = new Pipeline({
      ...pipelineOptions(config, this.#strategies),
      rules: () => this.#rules.current,
      ...(rules.candidate ? { candidate: rules.candidate } : {}),
      activity: rules.activity === true || rules.rules !== undefined || rules.ruleTimeline !== undefined || rules.candidate !== undefined,
      ...(rules.signals ? { signals: rules.signals } : {}),
      state,
      applied,
      alerts: {
        alertChanged: (a) => {
          this.#alerts.set(a.id, a);
          if (this.#store) this.#pendingAlerts.set(a.id, a);
        },
      },
    });
  }

  /**
   * Opens an engine on `store` when given: the state of its last snapshot, then the events
   * stored after it applied again, which rebuilds exactly the state of the last commit.
   */
  static async open(config: Readonly<Config>, store?: Store, rules?: EngineRules): Promise<Engine> {
    const state = new MemoryStateStore({ trackChanges: store !== undefined });
    const applied = new MemoryAppliedEvents();
    const engine = new Engine(config, state, applied, store, rules);
    if (store) {
      await store.loadState((k, v) => state.load(k, v));
      await store.loadAppliedIds((id) => applied.addEarlier(id));
      for (const a of await store.allAlerts()) engine.#alerts.set(a.id, a);
      await store.eventsAfterSnapshot((e) => {
        engine.#strategies.seek(applied.size);
        engine.#rules.seek(applied.size);
        engine.#pipeline.process(e);
        engine.#sinceSnapshot++;
      });
      applied.settle();
    }
    return engine;
  }

  /**
   * For an event this engine answered `duplicate`: true the first time since it opened that it
   * meets an id applied before it opened (a resumed or repeated replay acknowledges it), false for
   * an id applied since (a line repeated within one input).
   */
  appliedEarlier(eventId: string): boolean {
    return this.#applied.claimEarlier(eventId);
  }

  /** Events applied so far, across runs on the same store: the position of the next event. */
  get position(): number {
    return this.#applied.size;
  }

  /** Puts another rule set in force from the next event on, the event at `position` (undefined: none). */
  setRules(rules: DecisionRules | undefined): void {
    this.#rules.add(this.position, rules);
  }

  /** The newest rule set, in force from the next event. */
  get rules(): DecisionRules | undefined {
    return this.#rules.latest;
  }

  /** Applies one validated event; `raw`, its JSON text as received, is what the store keeps. */
  process(event: BulwarkEvent, raw?: string): ProcessOutcome {
    // The event's position is the number applied before it: rule and strategy versions take effect by it.
    this.#strategies.seek(this.#applied.size);
    this.#rules.seek(this.#applied.size);
    const out = this.#pipeline.process(event);
    if (out.status === 'duplicate') { this.stats.duplicates++; return out; }
    this.stats.accepted++;
    if (out.late) this.stats.late++;
    if (this.#store) {
      this.#pendingEvents.push(storedEvent(event, out.late, raw));
      if (out.decision) this.#pendingDecisions.push(out.decision);
      if (out.warnings.length) for (const w of out.warnings) this.#pendingWarnings.set(warningKey(w), w);
    }
    return out;
  }

  /** Events applied but not yet committed. */
  get pending(): number {
    return this.#pendingEvents.length;
  }

  /**
   * Commits everything applied since the last flush, atomically, with a state snapshot when
   * `store.snapshotEvery` events have passed since the last one or when `snapshot` is asked for
   * (at shutdown). Without a store it does nothing.
   * With `wait: false` it returns once the batch is handed to the store (at a snapshot, once the
   * store has read the changed state), so the caller can apply the next batch while this one is
   * written; a failure surfaces at the next flush.
   */
  async flush(opts: { snapshot?: boolean; wait?: boolean } = {}): Promise<void> {
    if (!this.#store) return;
    await this.#inflight;
    this.#sinceSnapshot += this.#pendingEvents.length;
    const snapshot = (opts.snapshot && this.#sinceSnapshot > 0) || this.#sinceSnapshot >= this.#snapshotEvery;
    if (this.#pendingEvents.length === 0 && !snapshot) return;
    const batch: CommitBatch = {
      events: this.#pendingEvents,
      decisions: this.#pendingDecisions,
      alerts: [...this.#pendingAlerts.values()],
      warnings: [...this.#pendingWarnings.values()],
    };
    let snapshotRead: Promise<void> | undefined;
    if (snapshot) {
      batch.snapshot = this.#state.takeChanges();
      snapshotRead = new Promise((resolve) => { batch.onSnapshotRead = resolve; });
    }
    this.#pendingEvents = [];
    this.#pendingDecisions = [];
    this.#pendingAlerts = new Map();
    this.#pendingWarnings = new Map();
    if (snapshot) this.#sinceSnapshot = 0;
    this.#inflight = this.#store.commit(batch);
    this.#inflight.catch(() => { /* awaited by the next flush, which reports it */ });
    // A snapshot is read from the live state chunk by chunk while it is written: nothing may be
    // applied until the store has read all of it (or the commit ended, failing early).
    if (opts.wait ?? true) await this.#inflight;
    else if (snapshotRead) await Promise.race([snapshotRead, this.#inflight]);
  }

  /**
   * Hands everything applied so far to the store as one commit, for group commit in the HTTP
   * ingest path: `handed` resolves once events may be applied again (at a snapshot, once the
   * store has read the state), `durable` once the commit is in the store. Call it again only
   * after the previous `durable` settled.
   */
  commit(): { handed: Promise<void>; durable: Promise<void> } {
    const handed = this.flush({ wait: false });
    // After the hand-off #inflight is this commit (or, with nothing to commit, the last one).
    const durable = handed.then(() => this.#inflight);
    durable.catch(() => { /* the caller awaits it */ });
    return { handed, durable };
  }

  /**
   * The identity-graph cluster of an account with the evidence of its links; undefined for an
   * unknown account. With `source`, only that tenant's: undefined for another tenant's account,
   * and the cluster's accounts and links of other tenants left out.
   */
  links(accountId: string, source?: string): Cluster | undefined {
    const account = this.#state.get<AccountState>(NS.account, accountId);
    if (account === undefined) return undefined;
    const cluster = clusterOf(this.#state, accountId);
    if (source === undefined) return cluster;
    const ours = (id: string) => (this.#state.get<AccountState>(NS.account, id)?.source ?? DEFAULT_SOURCE) === source;
    if (!ours(accountId)) return undefined;
    const accounts = cluster.accounts.filter(ours);
    if (accounts.length === cluster.accounts.length && ours(cluster.root)) return cluster;
    return {
      root: ours(cluster.root) ? cluster.root : accountId,
      size: accounts.length,
      accounts,
      links: cluster.links.filter((l) => ours(l.a) && ours(l.b)),
    };
  }

  /** A read view of the entity state (orders, refunds, accounts, shops), for cases and evidence packages. */
  get entities(): Entities {
    return new Entities(this.#state);
  }

  /** Every alert in its current state, first seen first. */
  alerts(): Alert[] {
    return [...this.#alerts.values()].sort(compareAlerts);
  }

  /** The newest event time applied (epoch ms): a received signal is in force from just after it. Undefined before the first event. */
  get watermark(): number | undefined {
    return this.#state.get<number>(WATERMARK.ns, WATERMARK.id);
  }

  get alertCount(): number {
    return this.#alerts.size;
  }

  get store(): Store | undefined {
    return this.#store;
  }
}
