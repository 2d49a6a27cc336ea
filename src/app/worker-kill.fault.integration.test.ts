// Fault: a worker killed with SIGKILL in the middle of 200,000 events and started again. Nothing
// is lost, nothing is applied twice, and the outputs are those of a clean replay, byte for byte
// (one worker reads in stream order, so even the decisions match). Run alone: npm test -- fault
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config/index.js';
import { exportStore } from './export.js';
import { publishFile } from './publish.js';
import { replay } from './replay.js';
import { simulateToDir } from './simulate.js';
import { POSTGRES, deployment, dropDeployment } from './scale-test-support.js';

const CLI = ['--import', 'tsx', new URL('../cli/main.ts', import.meta.url).pathname];
const dir = mkdtempSync(join(tmpdir(), 'bulwark-kill-'));
const d = deployment('kill', 8);
after(() => dropDeployment(d));

function worker(extra: string[] = []) {
  const child = spawn(process.execPath, [...CLI, 'worker', '--stream', d.stream, '--state', d.state, '--db', d.db, ...extra],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  const err: string[] = [];
  child.stderr!.on('data', (c: Buffer) => err.push(c.toString()));
  return { child, err };
}

test('a worker killed with SIGKILL mid-stream and restarted loses nothing, applies nothing twice, and ends as a clean replay', async () => {
  const sim = await simulateToDir({ seed: 5, scale: 0.85, days: 7, outDir: join(dir, 'sim') });
  assert.ok(sim.events >= 200_000, `the simulation has ${sim.events} events`);
  // The worker applies while the file is still being published, as in production.
  const first = worker();
  const published = publishFile({ events: sim.eventsPath, stream: d.stream });
  await replay({ input: createReadStream(sim.eventsPath), outDir: join(dir, 'replay'), config: loadConfig() });

  const pool = new pg.Pool({ connectionString: POSTGRES });
  try {
    const killAt = Math.floor(sim.events / 3);
    let stored = 0;
    for (const started = Date.now(); stored < killAt; await new Promise((r) => setTimeout(r, 200))) {
      assert.ok(Date.now() - started < 120_000, `the worker stored ${stored} events in 2 minutes: ${first.err.join('')}`);
      stored = Number((await pool.query(`SELECT count(*) AS n FROM ${d.name}.events`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
    }
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    assert.ok(stored < sim.events, 'killed before the end');
    assert.equal((await published).published, sim.events);

    const second = worker(['--exit-when-idle']);
    const [code] = await once(second.child, 'exit') as [number];
    assert.equal(code, 0, second.err.join(''));
    const { rows } = await pool.query(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM ${d.name}.events`);
    assert.equal(Number(rows[0].n), sim.events, 'every event stored');
    assert.equal(Number(rows[0].ids), sim.events, 'none stored twice');
  } finally {
    await pool.end();
  }
  await exportStore({ db: d.db, outDir: join(dir, 'out') });
  for (const f of ['decisions.ndjson', 'alerts.ndjson', 'warnings.ndjson']) {
    assert.ok(readFileSync(join(dir, 'out', f), 'utf8') === readFileSync(join(dir, 'replay', f), 'utf8'), `${f} differs from a clean replay's`);
  }
});
