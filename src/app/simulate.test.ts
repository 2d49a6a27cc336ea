import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInMemory } from '../sim/testing.js';
import { simulateToDir } from './simulate.js';

test('simulateToDir writes the same bytes as the generator and a truth that counts them', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'bulwark-sim-')), 'nested', 'out');
  const s = await simulateToDir({ seed: 3, scale: 0.1, days: 2, outDir: dir });
  const text = readFileSync(join(dir, 'events.ndjson'), 'utf8');
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  const mem = runInMemory({ seed: 3, scale: 0.1, days: 2 });
  assert.equal(text, mem.text);
  assert.deepEqual(truth, mem.truth);
  assert.equal(s.events, text.split('\n').filter(Boolean).length);
  assert.equal(Object.values(s.incidentsByKind).reduce((a, b) => a + b, 0), truth.incidents.length);
  assert.equal(s.lateEvents, truth.late_events.length);
  assert.equal(truth.start, '2026-11-02T00:00:00.000Z');
  assert.equal(truth.end, '2026-11-04T00:00:00.000Z');
});

test('a custom start moves every event', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-sim-'));
  await simulateToDir({ seed: 3, scale: 0.1, days: 1, start: '2027-01-01T00:00:00.000Z', outDir: dir });
  const lines = readFileSync(join(dir, 'events.ndjson'), 'utf8').trim().split('\n');
  for (const l of lines) {
    const t = JSON.parse(l).time as string;
    assert.ok(t >= '2027-01-01T00:00:00.000Z' && t < '2027-01-02T00:00:00.000Z', t);
  }
});
