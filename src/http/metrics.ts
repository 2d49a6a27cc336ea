// Prometheus metrics of one server: events, decisions, alerts and latencies. Each server has its
// own registry (never prom-client's global one) so that several servers in one process, as in
// tests, do not count into each other. Measuring wall-clock time is an adapter's business: the
// core never sees these numbers.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ALERT_KINDS, DECISION_VALUES, type Alert, type DecisionValue } from '../contract/index.js';

/** What a line of POST /v1/events became. */
export type LineStatus = 'accepted' | 'duplicate' | 'rejected';

// Buckets in seconds. A decision is pure in-memory work (tens of microseconds to a few
// milliseconds); a flush is one SQLite transaction (a millisecond to seconds for 10,000 events).
const DECISION_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The instruments of one server and the registry they are exposed from. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #events: Counter<'type' | 'status'>;
  readonly #decisions: Counter<'decision'>;
  readonly #decisionSeconds: Histogram<'type'>;
  readonly #storeSeconds: Histogram<'op'>;

  /** `alerts` lists the current alerts; it is read at each scrape. */
  constructor(alerts: () => readonly Alert[]) {
    const registers = [this.registry];
    this.#events = new Counter({ name: 'bulwark_events_total', help: 'Event lines received, by event type (invalid when the line had no valid type) and result',
      labelNames: ['type', 'status'], registers });
    this.#decisions = new Counter({ name: 'bulwark_decisions_total', help: 'Decisions given at decision points, by value',
      labelNames: ['decision'], registers });
    for (const d of DECISION_VALUES) this.#decisions.inc({ decision: d }, 0);
    new Gauge({ name: 'bulwark_alerts', help: 'Alerts held by this server, by kind', labelNames: ['kind'], registers,
      collect() {
        const counts = new Map<string, number>();
        for (const a of alerts()) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
        for (const kind of ALERT_KINDS) this.set({ kind }, counts.get(kind) ?? 0);
      } });
    this.#decisionSeconds = new Histogram({ name: 'bulwark_decision_seconds',
      help: 'Wall-clock time to handle one decision-point event in the pipeline, by event type',
      labelNames: ['type'], buckets: DECISION_BUCKETS, registers });
    this.#storeSeconds = new Histogram({ name: 'bulwark_store_seconds',
      help: 'Wall-clock time of store operations: flush (one commit, shared by the ingest requests decided while the previous one was written) and reads',
      labelNames: ['op'], buckets: STORE_BUCKETS, registers });
    collectDefaultMetrics({ register: this.registry, prefix: 'bulwark_' });
  }

  /** Counts one line of an ingest request. */
  countLine(type: string | undefined, status: LineStatus): void {
    this.#events.inc({ type: type ?? 'invalid', status });
  }

  /** Records one decision and how long its event took. */
  countDecision(type: string, decision: DecisionValue, seconds: number): void {
    this.#decisions.inc({ decision });
    this.#decisionSeconds.observe({ type }, seconds);
  }

  /** Times one store operation. */
  async timeStore<T>(op: string, work: () => Promise<T>): Promise<T> {
    const end = this.#storeSeconds.startTimer({ op });
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
