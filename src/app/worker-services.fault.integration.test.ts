// Faults of the services, for real: Redis, then NATS, restarted in the middle of a run. The test
// starts its own redis-server (without persistence, so a restart loses the shared state) and
// nats-server (JetStream on files, which a restart keeps) on free ports, so the machine's own
// services are not disturbed. The worker recovers by itself (the state rebuilt from the store,
// the connection and consumers set up again), serve's /readyz names the part that is away
// meanwhile, and the outputs are a clean replay's, byte for byte. Run alone: npm test -- fault
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config/index.js';
import { exportStore } from './export.js';
import { publishFile } from './publish.js';
import { replay } from './replay.js';
import { simulateToDir } from './simulate.js';
import { POSTGRES, PrivateServer, bulwark, deployment, dropSchema, listeningUrl, storedEvents, waitFor } from './scale-test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-services-'));
let redis: PrivateServer;
let nats: PrivateServer;
let events = '';
let total = 0;

before(async () => {
  [redis, nats] = await Promise.all([PrivateServer.redis(), PrivateServer.nats(join(dir, 'jetstream'))]);
  const sim = await simulateToDir({ seed: 3, scale: 0.2, days: 1, outDir: join(dir, 'sim') });
  events = sim.eventsPath;
  total = sim.events;
  await replay({ input: createReadStream(events), outDir: join(dir, 'replay'), config: loadConfig() });
});
const schemas: string[] = [];
after(async () => { await redis?.stop(); await nats?.stop(); for (const s of schemas) await dropSchema(s); });

/** The part /readyz says is failing, or 'ready'. */
async function readiness(url: string): Promise<string> {
  const res = await fetch(`${url}/readyz`).catch(() => undefined);
  if (!res) return 'unreachable';
  if (res.status === 200) return 'ready';
  return ((await res.json()) as { error: { details?: { failing?: string } } }).error.details?.failing ?? 'unknown';
}

test('Redis, then NATS, restarted mid-run: the worker recovers by itself and ends as a clean replay', async () => {
  const d = deployment('services', 4, { redis: `redis://127.0.0.1:${redis.port}`, nats: `nats://127.0.0.1:${nats.port}` });
  schemas.push(d.name);
  const pool = new pg.Pool({ connectionString: POSTGRES });
  // Small batches: the run lasts long enough to be interrupted twice.
  const worker = bulwark(['worker', '--stream', d.stream, '--state', d.state, '--db', d.db, '--batch-size', '100', '--exit-when-idle']);
  const serve = bulwark(['serve', '--port', '0', '--stream', d.stream, '--state', d.state, '--db', d.db]);
  try {
    assert.equal((await publishFile({ events, stream: d.stream })).published, total);
    const url = await listeningUrl(serve);
    const progress = () => `${worker.err.join('')}`;

    await waitFor(async () => await storedEvents(pool, d.name) >= total / 4, 60_000, progress);
    await redis.stop();
    const atRedis = await storedEvents(pool, d.name);
    await waitFor(async () => await readiness(url) === 'state', 10_000, () => 'readyz did not report the shared state');
    await redis.start();
    // The restarted Redis is empty: the worker rebuilds the state from the store and goes on.
    await waitFor(async () => await storedEvents(pool, d.name) >= Math.max(atRedis, total / 2), 60_000, progress);
    assert.match(worker.err.join(''), /rebuilt the shared state from the store/);

    await nats.stop();
    const atNats = await storedEvents(pool, d.name);
    await waitFor(async () => await readiness(url) === 'stream', 10_000, () => 'readyz did not report the stream');
    await nats.start();
    await waitFor(async () => await readiness(url) === 'ready', 30_000, () => 'serve did not become ready again');

    assert.equal(await worker.exited, 0, worker.err.join(''));
    assert.ok(atRedis < total && atNats < total, `both restarts came before the end (${atRedis}, ${atNats} of ${total})`);
    const { rows } = await pool.query(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM ${d.name}.events`);
    assert.equal(Number(rows[0].n), total, 'every event stored');
    assert.equal(Number(rows[0].ids), total, 'none stored twice');
  } finally {
    worker.child.kill('SIGKILL');
    serve.child.kill('SIGTERM');
    await serve.exited;
    await pool.end();
  }
  await exportStore({ db: d.db, outDir: join(dir, 'out') });
  for (const f of ['decisions.ndjson', 'alerts.ndjson', 'warnings.ndjson']) {
    assert.ok(readFileSync(join(dir, 'out', f), 'utf8') === readFileSync(join(dir, 'replay', f), 'utf8'), `${f} differs from a clean replay's`);
  }
});
