// Writes commit batches to SQLite. A batch arrives already serialised to strings and numbers, so
// that it can cross to a writer thread by a cheap copy. A snapshot can hold every entity changed
// since the last one (hundreds of thousands), so its state rows come in chunks, all inside the
// batch's one transaction: memory holds one chunk at a time, and a crash midway commits nothing.
import type Database from 'better-sqlite3';
import type { CommitBatch } from '../../core/index.js';

/** A commit batch's events, decisions, alerts and warnings as rows of primitives. */
export interface BatchRows {
  events: Array<[id: string, type: string, time: string, source: string, late: number, body: string]>;
  decisions: Array<[eventId: string, decision: string, score: number, body: string]>;
  alerts: Array<[id: string, kind: string, time: string, updated: string, severity: string, body: string]>;
  warnings: Array<[shop: string, id: string, time: string, kind: string, body: string]>;
}

/** Snapshot entries as rows; a null value deletes the key. */
export type StateRows = Array<[key: string, value: string | null]>;

/** State rows serialised per chunk. */
export const SNAPSHOT_CHUNK = 20_000;

/** Serialises a batch's events, decisions, alerts and warnings (not its snapshot). */
export function toRows(batch: CommitBatch): BatchRows {
  return {
    events: batch.events.map((e) => [e.id, e.type, e.time, e.source, e.late ? 1 : 0, e.body]),
    decisions: batch.decisions.map((d) => [d.event_id, d.decision, d.score, JSON.stringify(d)]),
    alerts: batch.alerts.map((a) => [a.id, a.kind, a.time, a.updated, a.severity, JSON.stringify(a)]),
    warnings: batch.warnings.map((w) => [w.shop_id, w.id, w.time, w.kind, JSON.stringify(w)]),
  };
}

/**
 * Serialises snapshot entries `size` at a time, each chunk when it is asked for: values are read
 * then, so a chunk holds what the state was when it was written, and memory holds one chunk.
 */
export function* stateChunks(entries: Iterable<readonly [string, unknown]>, size: number): Generator<StateRows> {
  let out: StateRows = [];
  for (const [k, v] of entries) {
    out.push([k, v === undefined ? null : JSON.stringify(v)]);
    if (out.length >= size) { yield out; out = []; }
  }
  if (out.length > 0) yield out;
}

/** One step of writing a batch. */
export type WriteStep =
  | { op: 'batch'; rows: BatchRows }
  | { op: 'begin'; rows: BatchRows }
  | { op: 'state'; rows: StateRows }
  | { op: 'commit' }
  | { op: 'rollback' };

/** Prepared statements for writing batches on one connection. */
export class BatchWriter {
  readonly #db: Database.Database;
  readonly #insertEvent: Database.Statement;
  readonly #insertDecision: Database.Statement;
  readonly #upsertAlert: Database.Statement;
  readonly #upsertWarning: Database.Statement;
  readonly #upsertState: Database.Statement;
  readonly #deleteState: Database.Statement;
  readonly #markSnapshot: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#insertEvent = db.prepare('INSERT INTO events (id, type, time, source, late, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.#insertDecision = db.prepare('INSERT INTO decisions (event_id, decision, score, body) VALUES (?, ?, ?, ?)');
    this.#upsertAlert = db.prepare(
      `INSERT INTO alerts (id, kind, time, updated, severity, body) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET time = excluded.time, updated = excluded.updated, severity = excluded.severity, body = excluded.body`);
    this.#upsertWarning = db.prepare(
      `INSERT INTO warnings (shop, id, time, kind, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (shop, id) DO UPDATE SET time = excluded.time, kind = excluded.kind, body = excluded.body`);
    this.#upsertState = db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#deleteState = db.prepare('DELETE FROM state WHERE key = ?');
    this.#markSnapshot = db.prepare(
      `INSERT INTO meta (key, value) VALUES ('snapshot_seq', (SELECT COALESCE(MAX(seq), 0) FROM events))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  }

  /** Runs one step: `batch` is a whole transaction; `begin`, `state`... `commit` span one. */
  step(s: WriteStep): void {
    switch (s.op) {
      case 'batch':
        this.#db.exec('BEGIN');
        try { this.#rows(s.rows); } catch (err) { this.#db.exec('ROLLBACK'); throw err; }
        this.#db.exec('COMMIT');
        return;
      case 'begin':
        this.#db.exec('BEGIN');
        try { this.#rows(s.rows); } catch (err) { this.#db.exec('ROLLBACK'); throw err; }
        return;
      case 'state':
        // Steps may be sent ahead of the answers: a failed step rolls the whole transaction back
        // at once, so that the steps queued behind it find none and fail too (never landing on
        // their own, never committing half a snapshot).
        this.#inTransaction();
        try {
          for (const [key, value] of s.rows) {
            if (value === null) this.#deleteState.run(key);
            else this.#upsertState.run(key, value);
          }
        } catch (err) { this.#db.exec('ROLLBACK'); throw err; }
        return;
      case 'commit':
        this.#inTransaction();
        this.#markSnapshot.run();
        this.#db.exec('COMMIT');
        return;
      case 'rollback':
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        return;
    }
  }

  #inTransaction(): void {
    if (!this.#db.inTransaction) throw new Error('no open transaction: an earlier step of this batch failed and was rolled back');
  }

  #rows(rows: BatchRows): void {
    for (const r of rows.events) this.#insertEvent.run(r);
    for (const r of rows.decisions) this.#insertDecision.run(r);
    for (const r of rows.alerts) this.#upsertAlert.run(r);
    for (const r of rows.warnings) this.#upsertWarning.run(r);
  }
}
