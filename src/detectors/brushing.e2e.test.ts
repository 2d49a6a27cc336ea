// End to end through the app layer: simulate a small marketplace week with a brushing platform and
// every look-alike, replay it (in memory, and split in two through SQLite), evaluate it against
// the truth.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateDir, replay, simulateToDir } from '../app/index.js';
import { loadConfig } from '../config/index.js';
import { SqliteStore } from '../store/index.js';
import type { Alert, Decision } from '../contract/index.js';
import type { Truth } from '../sim/index.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-brushing-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sim = join(dir, 'sim');
const events = join(sim, 'events.ndjson');
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');

test('a simulated week: the brushing ring named in one alert, no look-alike or victim named, the same after a resume', async () => {
  await simulateToDir({ seed: 3, scale: 0.3, days: 7, outDir: sim });
  const truth = JSON.parse(read(sim, 'truth.json')) as Truth;
  assert.ok(truth.incidents.some((i) => i.kind === 'brushing'), 'the run has a brushing platform');

  const out = join(dir, 'memory');
  await replay({ input: createReadStream(events), outDir: out, config: loadConfig() });
  const { report } = await evaluateDir({ eventsPath: events, truthPath: join(sim, 'truth.json'), outDir: out });
  const k = report.kinds.find((x) => x.kind === 'brushing')!;
  assert.ok(k.incidents >= 1);
  assert.ok(k.account_precision! >= 0.95, `account precision ${k.account_precision}`);
  assert.ok(k.account_recall! >= 0.95, `account recall ${k.account_recall}`);
  assert.equal(k.shop_recall, 1);
  assert.equal(k.item_recall, 1);
  assert.equal(k.alerts_per_detected_incident, 1);
  assert.equal(k.unmatched_alerts, 0);
  assert.equal(k.lookalike_flags, 0);

  // No brushing alert names a reverse-brushing victim.
  const victims = new Set(truth.incidents.flatMap((i) => i.victim_shops ?? []));
  assert.ok(victims.size >= 1);
  const alerts = read(out, 'alerts.ndjson').trim().split('\n').map((l) => JSON.parse(l) as Alert).filter((a) => a.kind === 'brushing');
  for (const a of alerts) for (const s of a.subjects.shops) assert.ok(!victims.has(s), `victim ${s} named by ${a.id}`);

  // Benign orders this detector moved: at most 0.5% (the attack's own orders are listed in the truth).
  const attack = new Set(truth.incidents.flatMap((i) => i.events));
  let benign = 0;
  let flagged = 0;
  for (const line of read(out, 'decisions.ndjson').trim().split('\n')) {
    const d = JSON.parse(line) as Decision;
    if (d.type !== 'order.placed' || attack.has(d.event_id)) continue;
    benign++;
    if (d.decision !== 'allow' && d.reasons.some((r) => r.rule === 'brushing')) flagged++;
  }
  assert.ok(benign > 1000 && flagged / benign <= 0.005, `${flagged} of ${benign} benign orders flagged by brushing`);

  // Stopped half-way and resumed on its store, the run writes what one clean run writes.
  const lines = read(sim, 'events.ndjson').split('\n').filter(Boolean);
  const half = join(dir, 'half.ndjson');
  writeFileSync(half, `${lines.slice(0, Math.floor(lines.length / 2)).join('\n')}\n`);
  const db = join(dir, 'run.db');
  const config = loadConfig({ overrides: { store: { snapshotEvery: 5_000 } } });
  const first = new SqliteStore(db);
  await replay({ input: createReadStream(half), outDir: join(dir, 'first'), config, store: first });
  await first.close();
  const second = new SqliteStore(db);
  const resumed = join(dir, 'resumed');
  await replay({ input: Readable.from([`${lines.join('\n')}\n`]), outDir: resumed, config, store: second });
  await second.close();
  for (const f of ['decisions.ndjson', 'alerts.ndjson']) assert.equal(read(resumed, f), read(out, f), f);
});
