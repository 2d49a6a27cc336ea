// End to end through the app layer: simulate a marketplace week with a refund-only farm and the
// genuine refunds of broken goods, replay it (in memory, and split in two through SQLite in the
// middle of the farm's refunds), evaluate it against the truth.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, Decision } from '../contract/index.js';
import { assertFewBenignFlagged, assertKindTargets, assertResumeMatches, simulatedRun } from '../../test/support/e2e.js';

test('a simulated week: the refund farm named in one alert and held, genuine refunds with photos allowed, the same after a resume', async () => {
  // A week, so that the farm's orders are placed, shipped and delivered inside the run.
  const run = await simulatedRun('refund-abuse-e2e', { seed: 4, scale: 0.5, days: 7 });
  after(() => run.remove());
  const { truth } = run;
  assertKindTargets(run.report, 'refund_abuse');

  // The farm's requests: challenged for evidence one by one until the farm shows, then reviewed or denied.
  const farms = truth.incidents.filter((i) => i.kind === 'refund_abuse');
  const alerts = run.records<Alert>(run.out, 'alerts.ndjson').filter((a) => a.kind === 'refund_abuse');
  const decisions = new Map(run.records<Decision>(run.out, 'decisions.ndjson').filter((d) => d.type === 'refund.requested').map((d) => [d.event_id, d]));
  const times = new Map(run.records<{ id: string; type: string; time: string }>(run.sim, 'events.ndjson')
    .filter((e) => e.type === 'refund.requested').map((e) => [e.id, e.time]));
  for (const farm of farms) {
    const members = new Set(farm.accounts);
    const alert = alerts.find((a) => a.subjects.accounts.some((x) => members.has(x)))!;
    const requests = farm.events.filter((id) => decisions.has(id));
    assert.ok(requests.length >= 5, `${farm.id}: ${requests.length} refund requests`);
    const held = requests.filter((id) => decisions.get(id)!.decision !== 'allow');
    assert.ok(held.length / requests.length >= 0.9, `${farm.id}: ${held.length} of ${requests.length} requests not allowed`);
    for (const id of requests.filter((x) => times.get(x)! > alert.time)) {
      assert.ok(['review', 'deny'].includes(decisions.get(id)!.decision), `${id} after the farm showed: ${decisions.get(id)!.decision}`);
    }
    const e = alert.evidence as { amountFen: number; perAccount: unknown[]; links: unknown[] };
    assert.ok(e.amountFen > 0 && e.perAccount.length === alert.subjects.accounts.length && e.links.length > 0, JSON.stringify(e).slice(0, 300));
  }

  // Genuine refund-only requests with photos: at most 2% flagged; benign requests: at most 0.5%.
  const genuine = new Set(truth.lookalikes.filter((l) => l.kind === 'genuine_refund').flatMap((l) => l.events));
  let genuineSeen = 0;
  let genuineFlagged = 0;
  assertFewBenignFlagged(run, 'refund_abuse', { type: 'refund.requested', minEvents: 500, visit: (d) => {
    if (!genuine.has(d.event_id)) return;
    genuineSeen++;
    if (d.decision !== 'allow' && d.reasons.some((r) => r.rule === 'refund_abuse')) genuineFlagged++;
  } });
  assert.ok(genuineSeen >= 5 && genuineFlagged / genuineSeen <= 0.02, `${genuineFlagged} of ${genuineSeen} genuine refunds flagged`);

  // Stopped in the middle of the farm's refunds and resumed on its store, the run writes what one clean run writes.
  const lines = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean);
  const farmRefunds = new Set(farms.flatMap((f) => f.events.filter((id) => times.has(id))));
  const at = lines.flatMap((l, i) => (l.includes('"refund.requested"') && farmRefunds.has((JSON.parse(l) as { id: string }).id) ? [i] : []));
  await assertResumeMatches(run, at[Math.floor(at.length / 2)]!, 5_000);
});
