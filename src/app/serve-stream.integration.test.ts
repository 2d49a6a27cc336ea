// `bulwark serve --stream --state --db postgres://...` for real, against NATS JetStream, Redis and
// PostgreSQL: /readyz waits for the shared state a worker sets up; each request is decided at once
// over that state and its events go to the stream; a worker applies them. Sent in chunks, each
// after the worker caught up, the HTTP decisions are replay's, and the store ends as replay's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config/index.js';
import { createKey } from './keys.js';
import { exportStore } from './export.js';
import { replay } from './replay.js';
import { simulateToDir } from './simulate.js';
import { runWorker } from './worker.js';
import { POSTGRES, bulwark, deployment, dropDeployment, listeningUrl, storedEvents, waitFor, withSource } from './scale-test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-serve-stream-'));
const config = loadConfig();
const d = deployment('serve', 4);
const eventsPath = join(dir, 'events.ndjson');
let lines: string[] = [];

before(async () => {
  const sim = await simulateToDir({ seed: 11, scale: 0.1, days: 1, outDir: join(dir, 'sim') });
  withSource(sim.eventsPath, eventsPath);
  lines = readFileSync(eventsPath, 'utf8').split('\n').filter(Boolean);
  await replay({ input: createReadStream(eventsPath), outDir: join(dir, 'replay'), config });
});
after(() => dropDeployment(d));

interface Answer { results: Array<{ line: number; event_id?: string; status: string; decision?: { event_id: string } }> }

test('serve --stream decides over the shared state at once, records events in the stream, and the worker stores replay\'s outputs', async () => {
  const { key } = await createKey({ role: 'ingest', db: d.db });
  const serve = bulwark(['serve', '--port', '0', '--stream', d.stream, '--state', d.state, '--db', d.db]);
  let stopWorker!: () => void;
  let worker: ReturnType<typeof runWorker> | undefined;
  const pool = new pg.Pool({ connectionString: POSTGRES });
  try {
    const url = await listeningUrl(serve);
    // No worker has set up the shared state yet: deciding now would decide over nothing.
    const early = await fetch(`${url}/readyz`);
    assert.equal(early.status, 503);
    assert.equal(((await early.json()) as { error: { details: { failing: string } } }).error.details.failing, 'state');
    const post = (body: string) => fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body });
    assert.equal((await post(lines[0]!)).status, 503, 'ingest refused while the state is missing');

    worker = runWorker({ ...d, config, stop: new Promise<void>((r) => { stopWorker = r; }) });
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, 20_000, () => 'serve never became ready');

    const decided: unknown[] = [];
    const chunk = 1_000;
    for (let i = 0; i < lines.length; i += chunk) {
      const res = await post(lines.slice(i, i + chunk).join('\n'));
      assert.equal(res.status, 200, await res.clone().text());
      const answer = await res.json() as Answer;
      for (const r of answer.results) {
        assert.equal(r.status, 'accepted', JSON.stringify(r));
        if (r.decision) decided.push(r.decision);
      }
      // The next chunk is decided over the state with this one applied, as replay would.
      const upTo = Math.min(lines.length, i + chunk);
      await waitFor(async () => await storedEvents(pool, d.name) >= upTo, 60_000, () => `the worker did not store ${upTo} events`);
    }
    const replayed = readFileSync(join(dir, 'replay', 'decisions.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
    assert.ok(replayed.length > 100, `the simulation has ${replayed.length} decisions`);
    assert.deepEqual(decided, replayed, 'the decisions over HTTP are those of a replay');

    // Sent again: a duplicate, answered with the decision it got.
    const first = replayed[0] as { event_id: string };
    const again = await (await post(lines.find((l) => l.includes(`"id":"${first.event_id}"`))!)).json() as Answer;
    assert.equal(again.results[0]!.status, 'duplicate');
    assert.deepEqual(again.results[0]!.decision, first);
  } finally {
    stopWorker?.();
    await worker;
    serve.child.kill('SIGTERM');
    assert.equal(await serve.exited, 0, serve.err.join(''));
    await pool.end();
  }
  await exportStore({ db: d.db, outDir: join(dir, 'out') });
  for (const f of ['decisions.ndjson', 'alerts.ndjson', 'warnings.ndjson']) {
    assert.ok(readFileSync(join(dir, 'out', f), 'utf8') === readFileSync(join(dir, 'replay', f), 'utf8'), `${f} differs from replay's`);
  }
});

test('serve --stream refuses a SQLite --db and a missing --state, saying what to pass', async () => {
  for (const [args, why] of [
    [['--stream', d.stream, '--db', d.db], /--stream needs --state redis:/],
    [['--stream', d.stream, '--state', d.state, '--db', join(dir, 'x.db')], /--stream needs --db postgres:/],
    [['--state', d.state, '--db', d.db], /--state is taken only with --stream/],
  ] as const) {
    const p = bulwark(['serve', '--port', '0', ...args]);
    assert.equal(await p.exited, 1);
    assert.match(p.err.join(''), why);
  }
});
