// The Store contract against the real PostgreSQL on this machine, one schema per store, dropped at the end.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { storeContract } from '../store.contract.js';
import { PostgresStore } from './postgres-store.js';
import { CheckpointMoved } from './commit.js';
import { migrations } from './migrations.js';
import { testDatabaseUrl } from './test-database.js';

const base = testDatabaseUrl();
const run = `pgt_${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];
let n = 0;
const open = (name = `${run}_${++n}`) => { schemas.push(name); return new PostgresStore(`${base}?schema=${name}`); };

after(async () => {
  const pool = new pg.Pool({ connectionString: base });
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await pool.end();
});

storeContract('PostgresStore', async () => open());

test('PostgresStore migrates once however many open at the same time, and keeps its data across reopening', async () => {
  const name = `${run}_shared`;
  const stores = [open(name), open(name), open(name)];
  await Promise.all(stores.map((s) => s.ping()));
  await stores[0]!.commit({ events: [], decisions: [], alerts: [], warnings: [], snapshot: [['k:1', { v: 1 }]] });
  await Promise.all(stores.map((s) => s.close()));
  const again = open(name);
  const got: unknown[] = [];
  await again.loadState((_k, v) => got.push(v));
  assert.deepEqual(got, [{ v: 1 }]);
  await again.close();
  const raw = new pg.Pool({ connectionString: base });
  const { rows } = await raw.query(`SELECT MAX(version) AS v FROM ${name}.schema_migrations`);
  assert.equal(rows[0].v, migrations.length);
  await raw.end();
});

test('PostgresStore reads more rows than one page in order (state, decisions, warnings)', async () => {
  const s = open();
  const count = 25_001;
  const decisions = Array.from({ length: count }, (_, i) => ({ event_id: `e${String(count - i).padStart(6, '0')}`, type: 'order.placed' as const,
    decision: 'allow' as const, score: 0, reasons: [], actions: [] }));
  await s.commit({ events: [], decisions, alerts: [], warnings: [], snapshot: decisions.map((d, i) => [`k:${d.event_id}`, i] as const) });
  const seen: string[] = [];
  await s.decisions((d) => seen.push(d.event_id));
  assert.deepEqual(seen, decisions.map((d) => d.event_id));
  const keys: string[] = [];
  await s.loadState((k) => keys.push(k));
  assert.equal(keys.length, count);
  assert.deepEqual(keys, [...keys].sort());
  await s.close();
});

test('PostgresStore sorts text by bytes, as SQLite does, whatever the database collation', async () => {
  const s = open();
  const alert = (id: string) => ({ id, kind: 'price_error' as const, time: '2026-11-02T00:00:00.000Z', updated: '2026-11-02T00:00:00.000Z',
    status: 'open' as const, severity: 'high' as const, score: 0.9, summary: id, subjects: { accounts: [], shops: [], items: [], orders: [] }, evidence: {} });
  await s.commit({ events: [], decisions: [], alerts: ['a_b', 'aB', 'a-b', 'A_b', 'ab'].map(alert), warnings: [] });
  assert.deepEqual((await s.allAlerts()).map((a) => a.id), ['A_b', 'a-b', 'aB', 'a_b', 'ab']);
  await s.close();
});

test('PostgresStore refuses a malformed schema name and says what to write', () => {
  assert.throws(() => new PostgresStore(`${base}?schema=Robert'); DROP TABLE x;--`), /plain lower-case SQL name/);
});

test('PostgresStore that cannot connect fails with a retryable error naming the server, not a hang', async () => {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  const s = new PostgresStore('postgres://postgres@127.0.0.1:1/test');
  await assert.rejects(s.ping(), (err: { code?: string; retryable?: boolean; message?: string }) =>
    err.code === 'ERR_STORE_UNAVAILABLE' && err.retryable === true && /127\.0\.0\.1:1/.test(err.message ?? ''));
  await s.close();
});

test('PostgresStore: a worker batch committed again after its answer was lost is done once; a batch behind a moved checkpoint is refused', async () => {
  const store = open();
  const event = { id: 'e_once', type: 'account.login', time: '2026-01-01T00:00:00.000Z', source: 'default', late: false,
    body: '{"id":"e_once","type":"account.login","time":"2026-01-01T00:00:00.000Z","data":{"account_id":"u_1"}}' } as const;
  const batch = { events: [event], decisions: [], alerts: [], warnings: [] };
  const stream = { partitionOf: [0], seqs: [1], partitions: [{ partition: 0, after: 0, upTo: 1 }] };
  await store.commitWith(batch, { stream });
  // The same commit again, as a retry after a connection cut between COMMIT and its answer.
  await store.commitWith(batch, { stream });
  assert.deepEqual(await store.checkpoints(), new Map([[0, 1]]));
  const ids: string[] = [];
  await store.eventsAfterSnapshot((e) => ids.push(e.id));
  assert.deepEqual(ids, ['e_once']);
  // Another writer's batch from the old checkpoint to elsewhere is a conflict.
  await assert.rejects(store.commitWith(batch, { stream: { ...stream, partitions: [{ partition: 0, after: 0, upTo: 2 }] } }), CheckpointMoved);
  await store.close();
});
