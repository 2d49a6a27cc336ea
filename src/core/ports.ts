// The interfaces the core needs from outside. Adapters (memory, SQLite, PostgreSQL, Redis)
// implement them; the core never imports an adapter.
import type { Alert, BulwarkEvent, Decision, EventType } from '../contract/index.js';
import type { Warning } from './warnings.js';

/**
 * Entity and detector state as JSON-serialisable values, by namespace and id (persisted under
 * the flat key `ns:id`; a namespace never contains ':'). Reads are synchronous so that the
 * pipeline stays a plain function; an adapter over a remote store loads the keys the pipeline
 * declares (`Pipeline.stateKeys`) before it hands the event over. Namespace and id are separate
 * arguments so the hot path looks ids up as they came, without building a key string per read.
 */
export interface StateStore {
  get<T>(ns: string, id: string): T | undefined;
  /** Stores the value and marks it changed; call it after mutating a value got from `get`. */
  set(ns: string, id: string, value: unknown): void;
  delete(ns: string, id: string): void;
}

/** The ids of events already applied, for de-duplication across runs and processes. */
export interface AppliedEvents {
  has(eventId: string): boolean;
  /** Records the id; answers false when it was already there (one lookup, not two). */
  add(eventId: string): boolean;
}

/** Where updated alerts go; the pipeline calls it once per alert per event that changed it. */
export interface AlertSink {
  alertChanged(alert: Alert): void;
}

/**
 * An applied event as a store keeps it: the envelope fields it indexes and the JSON text. A batch
 * waiting for its commit holds these rather than parsed events, so that the parsed objects die
 * young instead of being carried into the old generation of the heap by the tens of thousands.
 */
export interface StoredEvent {
  id: string;
  type: EventType;
  time: string;
  source: string;
  late: boolean;
  /** The event's JSON text: as received when known, else serialised. */
  body: string;
}

/** The stored form of an applied event; `raw` is its JSON text as received, kept as is. */
export function storedEvent(event: BulwarkEvent, late: boolean, raw?: string): StoredEvent {
  return { id: event.id, type: event.type, time: event.time, source: event.source ?? 'default', late, body: raw ?? JSON.stringify(event) };
}

/**
 * One atomic unit of persistence: the events applied since the last commit and their effects.
 * State is written only at snapshots (every so many events, and at the end of a run): between
 * them the stored events are the changelog, and a restart re-applies the events after the last
 * snapshot to rebuild the state exactly, since the pipeline is a pure function of its input.
 */
export interface CommitBatch {
  /** Applied events, in the order they were applied. */
  events: readonly StoredEvent[];
  decisions: readonly Decision[];
  /** Alerts in their state after the batch, each once. */
  alerts: readonly Alert[];
  /** Shop warnings in their state after the batch, each (shop, id) once; a stored one with the same shop and id is replaced. */
  warnings: readonly Warning[];
  /**
   * At a snapshot: the state entries changed since the previous one (`undefined` deletes), read
   * once, lazily, while the commit writes them (the engine applies nothing meanwhile).
   */
  snapshot?: Iterable<readonly [string, unknown]>;
  /**
   * Called by the store once it has read every entry of `snapshot` (before the commit is done),
   * so that the engine may change the state again while the rest is written.
   */
  onSnapshotRead?: () => void;
}

export interface AlertQuery {
  /**
   * Only this tenant's alerts (an alert without `source` belongs to `default`); absent lists every
   * tenant's, for the operator's own tools. Routes always pass the key's tenant.
   */
  source?: string;
  kind?: string;
  since?: string;
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

export interface WarningQuery {
  /** Only this tenant's warnings (a warning without `tenant` belongs to `default`); absent: every tenant's. */
  source?: string;
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/** A page of a list: items and the cursor of the next page, or null at the end. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Durable storage of events, decisions, alerts and state (SQLite, PostgreSQL). */
export interface Store {
  /** Calls `each` for every state entry of the last snapshot (used once at start). */
  loadState(each: (key: string, value: unknown) => void): Promise<void>;
  /** Calls `each` for the id of every event the last snapshot includes. */
  loadAppliedIds(each: (id: string) => void): Promise<void>;
  /** Calls `each` for every stored event after the last snapshot, in the order they were applied. */
  eventsAfterSnapshot(each: (event: BulwarkEvent) => void): Promise<void>;
  /**
   * Writes a batch atomically: all of it or none of it. Alerts and state values are live
   * objects the pipeline keeps mutating: serialise them before the first `await` (a snapshot's
   * values may be read later, until the commit is done: the engine applies nothing meanwhile).
   */
  commit(batch: CommitBatch): Promise<void>;
  decisionFor(eventId: string): Promise<Decision | undefined>;
  /** Every decision in the order its events were applied. */
  decisions(each: (d: Decision) => void): Promise<void>;
  allAlerts(): Promise<Alert[]>;
  listAlerts(q: AlertQuery): Promise<Page<Alert>>;
  getAlert(id: string): Promise<Alert | undefined>;
  /** One shop's warnings, newest first (time, then id, descending), paged like alerts. */
  listWarnings(shopId: string, q: WarningQuery): Promise<Page<Warning>>;
  /** Calls `each` for every warning of every shop, ordered by shop, then time, then id. */
  warnings(each: (w: Warning) => void): Promise<void>;
  /** Answers when the store can serve reads and writes. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A span of event time cut into equal buckets: [fromMs, fromMs + buckets * bucketMs). */
export interface ActivityRange {
  /** Only this tenant's events, decisions and alerts; absent: every tenant's. */
  source?: string;
  fromMs: number;
  bucketMs: number;
  buckets: number;
}

/** Counts per bucket of an ActivityRange, each array `buckets` long. */
export interface Activity {
  /** Events applied, by their event time. */
  events: number[];
  /** Decisions by value, by the event time of the event decided. */
  decisions: Record<string, number[]>;
  /** Alerts by kind, by when each incident was first seen; kinds without alerts in range are absent. */
  alerts: Record<string, number[]>;
}

/** One item's orders and refund requests per bucket. */
export interface ItemActivity {
  orders: number[];
  refunds: number[];
  /** Orders per bucket in the baseline span before the range (the week before it, or since the first stored event); null when it is shorter than one bucket. */
  baselinePerBucket: number | null;
}

/**
 * Aggregate reads for dashboards, answered by the store that holds the events (so that the
 * figures cover everything committed, whatever the process that ingested it).
 */
export interface ActivityReader {
  /** Event time of the first and last stored event (of tenant `source` when given), or undefined when there is none. */
  activitySpan(source?: string): Promise<{ firstMs: number; lastMs: number } | undefined>;
  activity(range: ActivityRange): Promise<Activity>;
  itemActivity(itemId: string, range: ActivityRange): Promise<ItemActivity>;
}
