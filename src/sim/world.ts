// The state every generator module shares: the run's options and clock bounds, the id factory,
// the population and the event queue. Modules emit contract events through `emit`, which stamps
// an id and the time, and drops events that fall after the end of the run.
import type { EventOf, EventType } from '../contract/index.js';
import { EventQueue } from './event-queue.js';
import { Ids } from './ids.js';
import { latenessParams } from './params.js';
import { Population } from './population.js';
import { Rng } from './rng.js';
import type { TruthRecorder } from './truth.js';

/** Options of a simulated run. */
export interface SimOptions {
  seed: number;
  /** Multiplies population and traffic; 1 is about 150k-300k events a week. At least 0.05. */
  scale: number;
  /** Length of the run in days of event time. */
  days: number;
  /** Event time of the first instant, RFC 3339; default 2026-11-02T00:00:00.000Z. */
  start?: string;
}

/** The default first instant of a run. */
export const DEFAULT_START = '2026-11-02T00:00:00.000Z';
/** Durations in milliseconds of event time. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The data of one event type. */
export type DataOf<T extends EventType> = EventOf<T>['data'];

/** Shared state of one run. */
export class World {
  readonly seed: number;
  readonly scale: number;
  readonly days: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly ids: Ids;
  readonly pop: Population;
  readonly queue: EventQueue;
  private warming = false;

  constructor(opts: Required<SimOptions>) {
    this.seed = opts.seed;
    this.scale = opts.scale;
    this.days = opts.days;
    this.startMs = Date.parse(opts.start);
    this.endMs = this.startMs + opts.days * DAY_MS;
    this.ids = new Ids(opts.seed);
    this.pop = new Population(this.rng('population'), this.ids, opts.scale);
    this.queue = new EventQueue(this.rng('lateness'), latenessParams);
  }

  /** An independent random stream for a module, named by label. */
  rng(label: string): Rng {
    return Rng.derive(this.seed, label);
  }

  /**
   * Emits one event at `at` (epoch ms) and returns its id, or null when `at` is at or after the
   * end of the run (the event is then not written). The recorder, if given, lists the event.
   */
  emit<T extends EventType>(type: T, at: number, data: DataOf<T>, rec?: TruthRecorder): string | null {
    const t = Math.floor(at);
    if (t >= this.endMs) return null;
    if (t < this.startMs && this.warming) return null;
    if (t < this.startMs) {
      throw new Error(`World.emit: ${type} at ${new Date(t).toISOString()} is before the run starts ` +
        `(${new Date(this.startMs).toISOString()}); clamp the time in the emitting module`);
    }
    const id = this.ids.event();
    const time = new Date(t).toISOString();
    this.queue.push(t, id, JSON.stringify({ id, type, time, data }));
    rec?.event(id, t);
    return id;
  }

  /**
   * Runs `fn` with events before the start silently dropped: the stream opens in the middle of
   * things, so the later events of orders placed before it (deliveries, reviews) still appear.
   */
  warmUp(fn: () => void): void {
    this.warming = true;
    try { fn(); } finally { this.warming = false; }
  }

  /** True while warmUp runs: an event before the start is dropped, not an error. */
  get isWarmingUp(): boolean {
    return this.warming;
  }

  /** Number of incidents or look-alikes of a kind for this run: per-week rate × scale × days/7, at least 1. */
  count(perWeek: number, exponent = 1): number {
    return Math.max(1, Math.round(perWeek * Math.pow(this.scale, exponent) * (this.days / 7)));
  }

  /** A size drawn from a range, shrunk at scales below 1 (by √scale) but never under `min`. */
  size(rng: Rng, range: readonly [number, number], min: number): number {
    const n = rng.draw(range);
    return this.scale >= 1 ? n : Math.max(min, Math.round(n * Math.sqrt(this.scale)));
  }

  /** Clamps a time into the run. */
  clamp(at: number): number {
    return Math.min(this.endMs - 1, Math.max(this.startMs, at));
  }
}
