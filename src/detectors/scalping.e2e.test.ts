// End to end through the app layer: simulate a small marketplace with a limited launch and its
// scalpers, replay it (in memory, and split in two through SQLite), evaluate it against the truth.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertFewBenignFlagged, assertKindTargets, assertResumeMatches, simulatedRun } from '../../test/support/e2e.js';

test('a simulated launch: scalpers named and stopped, fans served, the same outputs after a resume through SQLite', async () => {
  const run = await simulatedRun('scalping-e2e', { seed: 4, scale: 0.3, days: 2 });
  after(() => run.remove());
  assert.ok(run.truth.incidents.some((i) => i.kind === 'scalping' && i.launch && i.launch.orders.length > 0), 'the run has a launch');
  assertKindTargets(run.report, 'scalping');
  const fans = run.report.limited_launch_buyers;
  assert.ok(fans.genuine_buyers >= 20, `${fans.genuine_buyers} genuine buyers`);
  assert.ok(fans.denied_share! <= 0.02, `genuine buyers denied ${fans.denied_share}`);
  assertFewBenignFlagged(run, 'scalping');

  // Stopped half-way and resumed on its store, the run writes what one clean run writes.
  const lines = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean).length;
  await assertResumeMatches(run, Math.floor(lines / 2), 3_000);
});
