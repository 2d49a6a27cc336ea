// Writes one commit batch in one SQLite transaction. The batch arrives already serialised to
// strings and numbers, so that it can cross to a writer thread by a cheap copy.
import type Database from 'better-sqlite3';
import type { CommitBatch } from '../../core/index.js';

/** A commit batch as rows of primitives. */
export interface BatchRows {
  events: Array<[id: string, type: string, time: string, source: string, late: number, body: string]>;
  decisions: Array<[eventId: string, decision: string, score: number, body: string]>;
  alerts: Array<[id: string, kind: string, time: string, updated: string, severity: string, body: string]>;
  /** Snapshot entries; a null value deletes the key. Absent when the batch takes no snapshot. */
  snapshot?: Array<[key: string, value: string | null]>;
}

/** Serialises a batch; values are read now, so later mutations by the pipeline cannot leak in. */
export function toRows(batch: CommitBatch): BatchRows {
  const rows: BatchRows = {
    events: batch.events.map(({ event, late, raw }) =>
      [event.id, event.type, event.time, event.source ?? 'default', late ? 1 : 0, raw ?? JSON.stringify(event)]),
    decisions: batch.decisions.map((d) => [d.event_id, d.decision, d.score, JSON.stringify(d)]),
    alerts: batch.alerts.map((a) => [a.id, a.kind, a.time, a.updated, a.severity, JSON.stringify(a)]),
  };
  if (batch.snapshot) rows.snapshot = batch.snapshot.map(([k, v]) => [k, v === undefined ? null : JSON.stringify(v)]);
  return rows;
}

/** Prepared statements for writing batches on one connection. */
export class BatchWriter {
  readonly #tx: (rows: BatchRows) => void;

  constructor(db: Database.Database) {
    const insertEvent = db.prepare('INSERT INTO events (id, type, time, source, late, body) VALUES (?, ?, ?, ?, ?, ?)');
    const insertDecision = db.prepare('INSERT INTO decisions (event_id, decision, score, body) VALUES (?, ?, ?, ?)');
    const upsertAlert = db.prepare(
      `INSERT INTO alerts (id, kind, time, updated, severity, body) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET time = excluded.time, updated = excluded.updated, severity = excluded.severity, body = excluded.body`);
    const upsertState = db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    const deleteState = db.prepare('DELETE FROM state WHERE key = ?');
    const markSnapshot = db.prepare(
      `INSERT INTO meta (key, value) VALUES ('snapshot_seq', (SELECT COALESCE(MAX(seq), 0) FROM events))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    this.#tx = db.transaction((rows: BatchRows) => {
      for (const r of rows.events) insertEvent.run(r);
      for (const r of rows.decisions) insertDecision.run(r);
      for (const r of rows.alerts) upsertAlert.run(r);
      if (rows.snapshot) {
        for (const [key, value] of rows.snapshot) {
          if (value === null) deleteState.run(key);
          else upsertState.run(key, value);
        }
        markSnapshot.run();
      }
    });
  }

  /** Writes all rows in one transaction, or none of them. */
  write(rows: BatchRows): void {
    this.#tx(rows);
  }
}
