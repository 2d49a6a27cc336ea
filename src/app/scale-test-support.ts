// What the scale-out tests share: unique stream, state prefix and schema names per run, and
// cleaning them up afterwards, against the PostgreSQL, Redis and NATS on this machine (or those
// named by BULWARK_TEST_POSTGRES, BULWARK_TEST_REDIS, BULWARK_TEST_NATS).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { Redis } from 'ioredis';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

export const POSTGRES = process.env['BULWARK_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS = process.env['BULWARK_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';
export const NATS = process.env['BULWARK_TEST_NATS'] ?? 'nats://127.0.0.1:4222';

/** The URLs of one isolated deployment: its own stream, Redis prefix and PostgreSQL schema. */
export interface Deployment {
  name: string;
  stream: string;
  state: string;
  db: string;
}

export function deployment(tag: string, partitions = 8): Deployment {
  const name = `bw_${tag}_${process.pid}_${Date.now().toString(36)}`;
  return {
    name,
    stream: `${NATS}?stream=${name}&subject=${name}.ev&partitions=${partitions}`,
    state: `${REDIS}?prefix=${name}`,
    db: `${POSTGRES}?schema=${name}`,
  };
}

/** Deletes a deployment's stream, Redis keys and schema. */
export async function dropDeployment(d: Deployment): Promise<void> {
  const pool = new pg.Pool({ connectionString: POSTGRES });
  await pool.query(`DROP SCHEMA IF EXISTS ${d.name} CASCADE`).finally(() => pool.end());
  const redis = new Redis(REDIS);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${d.name}:*`, 'COUNT', 10_000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  const nc = await connect({ servers: new URL(NATS).host });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(d.name).catch(() => false);
  await nc.close();
}

/** An alert file as its incidents: kind, id and subjects, by id. */
export function incidents(path: string): Array<{ id: string; kind: string; subjects: unknown }> {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; kind: string; subjects: Record<string, string[]> })
    .map((a) => ({ id: a.id, kind: a.kind, subjects: Object.fromEntries(Object.entries(a.subjects).map(([k, v]) => [k, [...v].sort()])) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
