// End to end through the app layer: simulate a small marketplace where a merchant harasses the
// buyers who reviewed them badly and other merchants follow bad reviews up politely; replay it,
// evaluate it against the truth; then stop the replay in the middle of the harassment and resume
// it through SQLite.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent } from '../contract/index.js';
import { assertKindTargets, assertResumeMatches, simulatedRun } from '../../test/support/e2e.js';

test('a simulated harassing merchant: one alert of the shop with every consumer, complaints linked, 12 points each; polite merchants untouched', async () => {
  const run = await simulatedRun('harassment-e2e', { seed: 2, scale: 0.3, days: 5 });
  after(() => run.remove());
  const { truth, report } = run;
  assert.ok(truth.lookalikes.some((l) => l.kind === 'polite_followup' && l.accounts.length > 0), 'the run has polite follow-ups');
  const k = assertKindTargets(report, 'harassment');
  assert.deepEqual(k.lookalike_flags_by_kind, {});

  const events = run.records<BulwarkEvent>(run.sim, 'events.ndjson');
  const alerts = run.records<Alert>(run.out, 'alerts.ndjson').filter((a) => a.kind === 'harassment');
  for (const inc of truth.incidents.filter((i) => i.kind === 'harassment')) {
    const mine = new Set(inc.events);
    const alert = alerts.find((a) => a.subjects.shops.includes(inc.shops[0]!))!;
    const e = alert.evidence as { penalty: { incidents: number; pointsProposed: number };
      incidents: Array<{ consumer: string; complaints: string[]; messages: Array<{ id: string }> }> };
    // Every consumer of the incident is named, with 12 points each.
    assert.deepEqual([...alert.subjects.accounts].sort(), [...inc.accounts].sort());
    assert.equal(e.penalty.pointsProposed, 12 * e.penalty.incidents);
    assert.equal(e.penalty.incidents, inc.accounts.length - 1);
    // The consumers' harassment complaints are linked to their incidents, and the messages listed are the merchant's.
    const complaints = events.filter((x) => x.type === 'complaint.filed' && mine.has(x.id)).map((x) => (x.data as { complaint_id: string }).complaint_id);
    assert.deepEqual(e.incidents.flatMap((i) => i.complaints).sort(), complaints.sort());
    const messages = new Set(events.filter((x) => x.type === 'message.sent' && mine.has(x.id)).map((x) => (x.data as { message_id: string }).message_id));
    for (const i of e.incidents) for (const m of i.messages) assert.ok(messages.has(m.id), m.id);
  }

  // Stopped in the middle of the harassment (snapshots every 3,000 events) and resumed on its
  // store, the run writes what one clean run writes: the watches survive the store.
  const lines = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean);
  const first = lines.findIndex((l) => l.includes('"message.sent"') && truth.incidents.some((i) => i.kind === 'harassment' &&
    i.events.includes((JSON.parse(l) as { id: string }).id)));
  await assertResumeMatches(run, first + 5, 3_000);
});
