// Writes a commit batch in one transaction: events, decisions, alerts and warnings as one
// multi-row statement per table (arrays through unnest: one round trip however many rows), and a
// snapshot's state in chunks, so that memory holds one chunk and a failure anywhere commits nothing.
import type pg from 'pg';
import type { CommitBatch } from '../../core/index.js';

/** State entries per statement of a snapshot. */
export const SNAPSHOT_CHUNK = 20_000;

/** Where a worker took a batch's events from, and the partition checkpoints it moves. */
export interface StreamPosition {
  /** Each event's partition and stream sequence, in the batch's order. */
  partitionOf: readonly number[];
  seqs: readonly number[];
  /**
   * Each partition of the batch: the checkpoint it was applied after (the commit fails with
   * CheckpointMoved if another writer moved it) and the checkpoint once it is in.
   */
  partitions: ReadonlyArray<{ partition: number; after: number; upTo: number }>;
}

/** Extra controls of a worker's commit. */
export interface CommitOptions {
  stream?: StreamPosition;
  /**
   * Orders concurrent writers of one alert or warning: a row is replaced only by a version at
   * least as high. Plain commits (one engine) use 0, which always replaces.
   */
  version?: number;
}

/** The batch's rows, serialised at once: alerts are live objects the pipeline goes on mutating. */
export interface Rows {
  events: { id: string[]; type: string[]; time: string[]; source: string[]; late: boolean[]; body: string[] };
  decisions: { eventId: string[]; decision: string[]; score: number[]; body: string[] };
  alerts: { id: string[]; kind: string[]; time: string[]; updated: string[]; severity: string[]; source: string[]; body: string[] };
  warnings: { shop: string[]; id: string[]; time: string[]; kind: string[]; tenant: string[]; body: string[] };
}

export function toRows(batch: CommitBatch): Rows {
  const r: Rows = {
    events: { id: [], type: [], time: [], source: [], late: [], body: [] },
    decisions: { eventId: [], decision: [], score: [], body: [] },
    alerts: { id: [], kind: [], time: [], updated: [], severity: [], source: [], body: [] },
    warnings: { shop: [], id: [], time: [], kind: [], tenant: [], body: [] },
  };
  for (const e of batch.events) {
    r.events.id.push(e.id); r.events.type.push(e.type); r.events.time.push(e.time);
    r.events.source.push(e.source); r.events.late.push(e.late); r.events.body.push(e.body);
  }
  for (const d of batch.decisions) {
    r.decisions.eventId.push(d.event_id); r.decisions.decision.push(d.decision); r.decisions.score.push(d.score);
    r.decisions.body.push(JSON.stringify(d));
  }
  for (const a of batch.alerts) {
    r.alerts.id.push(a.id); r.alerts.kind.push(a.kind); r.alerts.time.push(a.time); r.alerts.updated.push(a.updated);
    r.alerts.severity.push(a.severity); r.alerts.source.push(a.source ?? 'default'); r.alerts.body.push(JSON.stringify(a));
  }
  for (const w of batch.warnings) {
    r.warnings.shop.push(w.shop_id); r.warnings.id.push(w.id); r.warnings.time.push(w.time); r.warnings.kind.push(w.kind); r.warnings.tenant.push(w.tenant ?? 'default');
    r.warnings.body.push(JSON.stringify(w));
  }
  return r;
}

/** The outcome of a worker's commit whose partition checkpoint another writer had already moved. */
export class CheckpointMoved extends Error {
  constructor(readonly partition: number, readonly found: number) {
    super(`partition ${partition} was committed up to ${found} by another writer`);
  }
}

/**
 * Writes `rows` (and the snapshot, chunk by chunk) on `client` inside BEGIN ... COMMIT. The caller
 * holds the client and rolls back on a throw. A worker's batch found already committed (its
 * earlier attempt's answer was lost) is rolled back and counts as done.
 */
export async function writeBatch(client: pg.PoolClient, rows: Rows, batch: CommitBatch, opts: CommitOptions = {}): Promise<void> {
  const version = opts.version ?? 0;
  const stream = opts.stream;
  await client.query('BEGIN');
  if (stream) {
    // Fencing: of two workers that both believe they own a partition, one commit wins; the other
    // finds the checkpoint moved and gives the partition up. The row locks also order them.
    const partitions = [...stream.partitions].sort((x, y) => x.partition - y.partition);
    const found: number[] = [];
    for (const p of partitions) {
      const { rows: cp } = await client.query<{ seq: string }>(
        `INSERT INTO stream_checkpoints (partition, seq) VALUES ($1, 0) ON CONFLICT (partition) DO UPDATE SET seq = stream_checkpoints.seq
         RETURNING seq`, [p.partition]);
      found.push(Number(cp[0]!.seq));
    }
    // Every checkpoint already where this batch takes it: an earlier attempt of this very commit
    // went through and only its answer was lost with the connection (the batch's partitions move
    // together in one transaction). Committing it again would be a conflict with itself.
    if (partitions.some((p) => p.upTo !== p.after) && partitions.every((p, i) => found[i] === p.upTo)) {
      await client.query('ROLLBACK');
      return;
    }
    for (const [i, p] of partitions.entries()) {
      if (found[i] !== p.after) throw new CheckpointMoved(p.partition, found[i]!);
      await client.query('UPDATE stream_checkpoints SET seq = $2 WHERE partition = $1', [p.partition, p.upTo]);
    }
  }
  const e = rows.events;
  if (e.id.length) {
    // A worker's events were checked against the stored ids before they were applied; a copy that
    // raced in through another partition is dropped here rather than blocking the partition.
    await client.query(
      `INSERT INTO events (id, type, time, source, late, body, stream_partition, stream_seq)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::integer[], $8::bigint[])
       ${stream ? 'ON CONFLICT (id) DO NOTHING' : ''}`,
      [e.id, e.type, e.time, e.source, e.late, e.body, stream ? stream.partitionOf : e.id.map(() => null), stream ? stream.seqs : e.id.map(() => null)]);
  }
  const d = rows.decisions;
  if (d.eventId.length) {
    await client.query(
      `INSERT INTO decisions (event_id, decision, score, body)
       SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[]) ${stream ? 'ON CONFLICT (event_id) DO NOTHING' : ''}`,
      [d.eventId, d.decision, d.score, d.body]);
  }
  const a = rows.alerts;
  if (a.id.length) {
    await client.query(
      `INSERT INTO alerts (id, kind, time, updated, severity, source, version, body)
       SELECT id, kind, time, updated, severity, source, $7, body
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $8::text[]) AS t (id, kind, time, updated, severity, source, body)
       ON CONFLICT (id) DO UPDATE SET time = excluded.time, updated = excluded.updated, severity = excluded.severity,
         source = excluded.source, version = excluded.version, body = excluded.body
       WHERE alerts.version <= excluded.version`,
      [a.id, a.kind, a.time, a.updated, a.severity, a.source, version, a.body]);
  }
  const w = rows.warnings;
  if (w.id.length) {
    await client.query(
      `INSERT INTO warnings (shop, id, time, kind, tenant, version, body)
       SELECT shop, id, time, kind, tenant, $6, body
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $7::text[]) AS t (shop, id, time, kind, tenant, body)
       ON CONFLICT (shop, id) DO UPDATE SET time = excluded.time, kind = excluded.kind, tenant = excluded.tenant,
         version = excluded.version, body = excluded.body
       WHERE warnings.version <= excluded.version`,
      [w.shop, w.id, w.time, w.kind, w.tenant, version, w.body]);
  }
  if (batch.snapshot) {
    let chunk: Array<[string, unknown]> = [];
    const flush = async () => {
      const upKeys: string[] = [];
      const upValues: string[] = [];
      const gone: string[] = [];
      for (const [k, v] of chunk) {
        if (v === undefined) gone.push(k);
        else { upKeys.push(k); upValues.push(JSON.stringify(v)); }
      }
      chunk = [];
      if (gone.length) await client.query('DELETE FROM state WHERE key = ANY($1::text[])', [gone]);
      if (upKeys.length) {
        await client.query(
          `INSERT INTO state (key, value) SELECT * FROM unnest($1::text[], $2::text[])
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [upKeys, upValues]);
      }
    };
    // Entries are read (and their values serialised) a chunk at a time, as the port allows.
    for (const entry of batch.snapshot) {
      chunk.push([entry[0], entry[1]]);
      if (chunk.length >= SNAPSHOT_CHUNK) await flush();
    }
    if (chunk.length) await flush();
    batch.onSnapshotRead?.();
    await client.query(
      `INSERT INTO meta (key, value) VALUES ('snapshot_seq', (SELECT COALESCE(MAX(seq), 0) FROM events)::text)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  }
  await client.query('COMMIT');
}
