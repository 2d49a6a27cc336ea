import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseText, type BulwarkEvent, type Decision } from '../contract/index.js';
import { compareWarnings, type Warning } from '../core/index.js';
import { loadConfig } from '../config/index.js';
import { SqliteStore } from '../store/index.js';
import { Engine } from './engine.js';
import { syntheticNdjson } from '../../test/support/synthetic.js';

// Enough events to reach the synthetic price error (and so some shop warnings) past the middle.
const events: BulwarkEvent[] = syntheticNdjson(5600).trim().split('\n').map((l) => {
  const r = parseText(l);
  if (!r.ok) throw new Error(r.rejection.message);
  return r.event;
});
const dir = mkdtempSync(join(tmpdir(), 'bulwark-engine-'));
let n = 0;

async function runAll(engine: Engine, list: readonly BulwarkEvent[], batch: number, warnings?: Map<string, Warning>): Promise<Decision[]> {
  const out: Decision[] = [];
  for (const e of list) {
    const r = engine.process(e);
    if (r.status === 'accepted' && r.decision) out.push(r.decision);
    if (r.status === 'accepted') for (const w of r.warnings) warnings?.set(`${w.shop_id}/${w.id}`, w);
    if (engine.pending >= batch) await engine.flush({ wait: false });
  }
  await engine.flush();
  return out;
}

test('a run stopped at any point and resumed from its store gives the decisions, alerts and warnings of one run', async () => {
  const config = loadConfig({ overrides: { store: { snapshotEvery: 700 } } });
  const clean = await Engine.open(config);
  const warnings = new Map<string, Warning>();
  const expected = await runAll(clean, events, 500, warnings);
  const expectedAlerts = JSON.stringify(clean.alerts());
  const expectedWarnings = [...warnings.values()].sort(compareWarnings);
  assert.ok(expectedWarnings.length > 0 && expectedWarnings.some((w) => w.source === 'alert'));
  await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: events.length - 1 }), fc.integer({ min: 50, max: 900 }), async (cut, batch) => {
    const path = join(dir, `resume-${++n}.db`);
    const first = new SqliteStore(path);
    const part1 = await runAll(await Engine.open(config, first), events.slice(0, cut), batch);
    await first.close();
    const second = new SqliteStore(path);
    const engine = await Engine.open(config, second);
    const part2 = await runAll(engine, events.slice(cut), batch);
    assert.deepEqual([...part1, ...part2], expected);
    assert.equal(JSON.stringify(engine.alerts()), expectedAlerts);
    const stored: Decision[] = [];
    await second.decisions((d) => stored.push(d));
    assert.deepEqual(stored, expected);
    const storedWarnings: Warning[] = [];
    await second.warnings((w) => storedWarnings.push(w));
    assert.deepEqual(storedWarnings, expectedWarnings);
    await second.close();
  }), { numRuns: 8 });
});

test('the same events through two fresh engines give identical decisions and alerts', async () => {
  const a = await Engine.open(loadConfig());
  const b = await Engine.open(loadConfig());
  assert.deepEqual(await runAll(a, events, 1000), await runAll(b, events, 1000));
  assert.equal(JSON.stringify(a.alerts()), JSON.stringify(b.alerts()));
  assert.equal(a.stats.accepted, events.length);
});
