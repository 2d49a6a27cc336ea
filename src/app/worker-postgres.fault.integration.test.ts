// Fault: PostgreSQL refusing connections for 10 seconds in the middle of a run, for real: the
// worker and serve reach PostgreSQL through a TCP proxy the test starts, closes (connections cut,
// new ones refused) and opens again. Meanwhile serve's /readyz says the store is not ready and the
// worker backs off with its batch kept in Redis; afterwards it resumes by itself, nothing is lost
// or stored twice, and the outputs are a clean replay's. Run alone: npm test -- fault
import { after, test } from 'node:test';
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
import { POSTGRES, TcpProxy, bulwark, deployment, dropDeployment, listeningUrl, sleep, storedEvents, waitFor, type Deployment } from './scale-test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-pg-fault-'));
const made: Deployment[] = [];
after(async () => { for (const d of made) await dropDeployment(d); });

async function readiness(url: string): Promise<string> {
  const res = await fetch(`${url}/readyz`);
  if (res.status === 200) return 'ready';
  return ((await res.json()) as { error: { details?: { failing?: string } } }).error.details?.failing ?? 'unknown';
}

test('PostgreSQL refusing connections for 10 s: /readyz is not ready, the worker backs off and resumes, nothing lost', async () => {
  const sim = await simulateToDir({ seed: 9, scale: 0.15, days: 1, outDir: join(dir, 'sim') });
  await replay({ input: createReadStream(sim.eventsPath), outDir: join(dir, 'replay'), config: loadConfig() });
  const target = new URL(POSTGRES);
  const proxy = await TcpProxy.open({ host: target.hostname, port: Number(target.port || 5432) });
  const through = new URL(POSTGRES);
  through.host = `127.0.0.1:${proxy.port}`;
  const d = deployment('pgdown', 4, { postgres: through.href });
  made.push(d);
  assert.equal((await publishFile({ events: sim.eventsPath, stream: d.stream })).published, sim.events);

  const direct = new pg.Pool({ connectionString: POSTGRES });
  const worker = bulwark(['worker', '--stream', d.stream, '--state', d.state, '--db', d.db, '--batch-size', '100', '--exit-when-idle']);
  const serve = bulwark(['serve', '--port', '0', '--stream', d.stream, '--state', d.state, '--db', d.db]);
  try {
    const url = await listeningUrl(serve);
    await waitFor(async () => await storedEvents(direct, d.name) >= sim.events / 3, 60_000, () => worker.err.join(''));
    await waitFor(async () => await readiness(url) === 'ready', 10_000, () => 'serve was not ready before the outage');

    await proxy.refuse();
    const atOutage = await storedEvents(direct, d.name);
    await waitFor(async () => await readiness(url) === 'store', 10_000, () => 'readyz did not report the store');
    await sleep(10_000);
    assert.equal(await readiness(url), 'store', 'still not ready after 10 s');
    const during = await storedEvents(direct, d.name);
    assert.ok(during < sim.events, `the outage came before the end (${atOutage}, ${during} of ${sim.events})`);
    assert.match(worker.err.join(''), /refusing connections, a retry may succeed|unreachable/, 'the worker saw the store go away');

    await proxy.accept();
    await waitFor(async () => await readiness(url) === 'ready', 30_000, () => 'serve did not become ready again');
    assert.equal(await worker.exited, 0, worker.err.join(''));
    const { rows } = await direct.query(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM ${d.name}.events`);
    assert.equal(Number(rows[0].n), sim.events, 'every event stored');
    assert.equal(Number(rows[0].ids), sim.events, 'none stored twice');
  } finally {
    worker.child.kill('SIGKILL');
    serve.child.kill('SIGTERM');
    await serve.exited;
    await proxy.refuse();
    await direct.end();
  }
  await exportStore({ db: `${POSTGRES}?schema=${d.name}`, outDir: join(dir, 'out') });
  for (const f of ['decisions.ndjson', 'alerts.ndjson', 'warnings.ndjson']) {
    assert.ok(readFileSync(join(dir, 'out', f), 'utf8') === readFileSync(join(dir, 'replay', f), 'utf8'), `${f} differs from a clean replay's`);
  }
});
