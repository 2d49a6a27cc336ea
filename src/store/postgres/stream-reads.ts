// What the stream's workers read from the store besides the Store port: partition checkpoints,
// which of a batch's ids are already stored, and the stored events to rebuild shared state from.
import type pg from 'pg';
import type { BulwarkEvent } from '../../contract/index.js';
import { scan } from './scan.js';

export async function checkpoints(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ partition: number; seq: string }>('SELECT partition, seq FROM stream_checkpoints');
  return new Map(rows.map((r) => [r.partition, Number(r.seq)]));
}

export async function storedAmong(pool: pg.Pool, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM events WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The highest alert or warning version stored: stamps given after a loss of shared state must exceed it. */
export async function maxVersion(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ v: string | null }>(
    'SELECT GREATEST((SELECT MAX(version) FROM alerts), (SELECT MAX(version) FROM warnings)) AS v');
  return Number(rows[0]?.v ?? 0);
}

/** A stored event with where a worker took it from. */
export interface PartitionedEvent {
  event: BulwarkEvent;
  partition: number;
  seq: number;
}

/**
 * Calls `each` for the stored events of the partitions in `after` whose stream sequence is past
 * the given one, in the order they were committed.
 */
export async function partitionEvents(pool: pg.Pool, after: ReadonlyMap<number, number>, each: (e: PartitionedEvent) => void): Promise<void> {
  if (after.size === 0) return;
  const parts = [...after.keys()];
  const seqs = parts.map((p) => after.get(p)!);
  await scan<{ body: string; stream_partition: number; stream_seq: string }>(pool, {
    sql: `SELECT e.body, e.stream_partition, e.stream_seq, e.seq FROM events e
          JOIN unnest($1::integer[], $2::bigint[]) AS a (p, s) ON e.stream_partition = a.p AND e.stream_seq > a.s
          WHERE $KEYSET ORDER BY e.seq LIMIT $LIMIT`,
    keys: ['e.seq'], args: [parts, seqs],
  }, (r) => each({ event: JSON.parse(r.body) as BulwarkEvent, partition: r.stream_partition, seq: Number(r.stream_seq) }));
}
