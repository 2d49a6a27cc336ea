// End to end through the app layer: simulate a small marketplace week with a brushing platform and
// every look-alike, replay it (in memory, and split in two through SQLite), evaluate it against
// the truth.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../contract/index.js';
import { assertFewBenignFlagged, assertKindTargets, assertResumeMatches, simulatedRun } from '../../test/support/e2e.js';

test('a simulated week: the brushing ring named in one alert, no look-alike or victim named, the same after a resume', async () => {
  const run = await simulatedRun('brushing-e2e', { seed: 3, scale: 0.3, days: 7 });
  after(() => run.remove());
  assertKindTargets(run.report, 'brushing');

  // No brushing alert names a reverse-brushing victim.
  const victims = new Set(run.truth.incidents.flatMap((i) => i.victim_shops ?? []));
  assert.ok(victims.size >= 1);
  for (const a of run.records<Alert>(run.out, 'alerts.ndjson').filter((x) => x.kind === 'brushing')) {
    for (const s of a.subjects.shops) assert.ok(!victims.has(s), `victim ${s} named by ${a.id}`);
  }
  assertFewBenignFlagged(run, 'brushing');

  // Stopped half-way and resumed on its store, the run writes what one clean run writes.
  const lines = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean).length;
  await assertResumeMatches(run, Math.floor(lines / 2), 5_000);
});
