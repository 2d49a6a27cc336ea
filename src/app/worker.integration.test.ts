// The stream mode end to end, against the real NATS JetStream, Redis and PostgreSQL: a file
// published and applied by one worker gives exactly what `replay` gives; by two workers at once,
// the same incidents with the same subjects; a repeated publish applies nothing twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { loadConfig } from '../config/index.js';
import { exportStore } from './export.js';
import { publishFile } from './publish.js';
import { replay } from './replay.js';
import { simulateToDir } from './simulate.js';
import { runWorker } from './worker.js';
import { deployment, dropDeployment, incidents, type Deployment } from './scale-test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-worker-'));
const config = loadConfig();
const made: Deployment[] = [];
let events = '';

before(async () => {
  events = (await simulateToDir({ seed: 3, scale: 0.2, days: 1, outDir: join(dir, 'sim') })).eventsPath;
  await replay({ input: createReadStream(events), outDir: join(dir, 'replay'), config });
});
after(async () => { for (const d of made) await dropDeployment(d); });

const read = (path: string) => readFileSync(path, 'utf8');

test('one worker applies a published file to byte-identical decisions, alerts and warnings as replay', async () => {
  const d = deployment('one');
  made.push(d);
  const pub = await publishFile({ events, stream: d.stream });
  assert.equal(pub.rejected, 0);
  const s = await runWorker({ ...d, config, exitWhenIdle: true });
  assert.equal(s.applied, pub.published);
  assert.equal(s.duplicates, 0);
  const out = join(dir, 'one');
  await exportStore({ db: d.db, outDir: out });
  for (const f of ['decisions.ndjson', 'alerts.ndjson', 'warnings.ndjson']) {
    assert.ok(read(join(out, f)) === read(join(dir, 'replay', f)), `${f} differs from replay's`);
  }
  // Published again: the stream keeps the copies (past its dedupe window they would be new
  // messages), and the store's ids make the worker apply none of them.
  const again = await publishFile({ events, stream: d.stream });
  assert.equal(again.published, pub.published);
  const s2 = await runWorker({ ...d, config, exitWhenIdle: true });
  assert.equal(s2.applied, 0);
  await exportStore({ db: d.db, outDir: join(dir, 'one-again') });
  assert.ok(read(join(dir, 'one-again', 'decisions.ndjson')) === read(join(dir, 'replay', 'decisions.ndjson')));
});

test('two workers sharing the partitions find the same incidents with the same subjects as replay', async () => {
  const d = deployment('two');
  made.push(d);
  await publishFile({ events, stream: d.stream });
  const [a, b] = await Promise.all([runWorker({ ...d, config, exitWhenIdle: true }), runWorker({ ...d, config, exitWhenIdle: true })]);
  assert.ok(a.applied > 0 && b.applied > 0, `both workers applied events (${a.applied}, ${b.applied})`);
  const out = join(dir, 'two');
  const x = await exportStore({ db: d.db, outDir: out });
  assert.equal(a.applied + b.applied, read(events).split('\n').filter(Boolean).length);
  assert.equal(x.decisions, read(join(dir, 'replay', 'decisions.ndjson')).split('\n').filter(Boolean).length);
  assert.deepEqual(incidents(join(out, 'alerts.ndjson')), incidents(join(dir, 'replay', 'alerts.ndjson')));
});

test('a worker refuses a SQLite --db and says why', async () => {
  const d = deployment('bad');
  await assert.rejects(runWorker({ ...d, db: join(dir, 'x.db'), config, exitWhenIdle: true }), /must be PostgreSQL/);
});
