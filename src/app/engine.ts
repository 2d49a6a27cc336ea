// The engine: the core pipeline over in-memory state, written back to a durable store (when one
// is given) one batch at a time. Replay, serve and tests all run events through this.
import type { Alert, BulwarkEvent, Decision } from '../contract/index.js';
import {
  MemoryAppliedEvents, MemoryStateStore, Pipeline, compareAlerts,
  type ProcessOutcome, type Store,
} from '../core/index.js';
import { detectors } from '../detectors/index.js';
import type { Config } from '../config/index.js';

export interface EngineStats {
  accepted: number;
  duplicates: number;
  late: number;
}

/** Runs the pipeline and persists its effects in batches. */
export class Engine {
  readonly stats: EngineStats = { accepted: 0, duplicates: 0, late: 0 };
  readonly #pipeline: Pipeline;
  readonly #state: MemoryStateStore;
  readonly #alerts = new Map<string, Alert>();
  readonly #store: Store | undefined;
  #pendingEvents: Array<{ event: BulwarkEvent; late: boolean }> = [];
  #pendingDecisions: Decision[] = [];
  #pendingAlerts = new Map<string, Alert>();

  private constructor(config: Readonly<Config>, state: MemoryStateStore, applied: MemoryAppliedEvents, store: Store | undefined) {
    this.#state = state;
    this.#store = store;
    this.#pipeline = new Pipeline({
      detectors,
      params: config.detectors as Record<string, unknown>,
      policy: { thresholds: config.decision.thresholds, byType: config.decision.byType },
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

  /** Opens an engine, restoring state, applied ids and alerts from `store` when given. */
  static async open(config: Readonly<Config>, store?: Store): Promise<Engine> {
    const state = new MemoryStateStore({ trackChanges: store !== undefined });
    const applied = new MemoryAppliedEvents();
    const engine = new Engine(config, state, applied, store);
    if (store) {
      await store.loadState((k, v) => state.load(k, v));
      await store.loadAppliedIds((id) => applied.add(id));
      for (const a of await store.allAlerts()) engine.#alerts.set(a.id, a);
    }
    return engine;
  }

  /** Applies one validated event. */
  process(event: BulwarkEvent): ProcessOutcome {
    const out = this.#pipeline.process(event);
    if (out.status === 'duplicate') { this.stats.duplicates++; return out; }
    this.stats.accepted++;
    if (out.late) this.stats.late++;
    if (this.#store) {
      this.#pendingEvents.push({ event, late: out.late });
      if (out.decision) this.#pendingDecisions.push(out.decision);
    }
    return out;
  }

  /** Events applied but not yet committed. */
  get pending(): number {
    return this.#pendingEvents.length;
  }

  /** Commits everything applied since the last flush, atomically. Without a store it only clears change tracking. */
  async flush(): Promise<void> {
    const changes = this.#state.takeChanges();
    if (!this.#store || this.#pendingEvents.length === 0 && changes.length === 0) return;
    const batch = {
      events: this.#pendingEvents,
      decisions: this.#pendingDecisions,
      alerts: [...this.#pendingAlerts.values()].map(cloneAlert),
      state: changes,
    };
    this.#pendingEvents = [];
    this.#pendingDecisions = [];
    this.#pendingAlerts = new Map();
    await this.#store.commit(batch);
  }

  /** Every alert in its current state, first seen first. */
  alerts(): Alert[] {
    return [...this.#alerts.values()].sort(compareAlerts);
  }

  get alertCount(): number {
    return this.#alerts.size;
  }

  get store(): Store | undefined {
    return this.#store;
  }
}

function cloneAlert(a: Alert): Alert {
  return JSON.parse(JSON.stringify(a)) as Alert;
}
