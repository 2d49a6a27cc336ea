// End to end through the app layer: simulate a small marketplace with a reverse-brushing flood
// and a viral burst, replay it, evaluate it against the truth, and check the targets of the issue;
// then stop it in the middle of the flood and resume it through SQLite.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../contract/index.js';
import { assertFewBenignFlagged, assertKindTargets, assertResumeMatches, simulatedRun } from '../../test/support/e2e.js';

test('a simulated flood: seen within ten minutes, farm named, victim protected, viral burst untouched', async () => {
  const run = await simulatedRun('reverse-brushing-e2e', { seed: 5, scale: 0.2, days: 3 });
  after(() => run.remove());
  const { truth, report, out } = run;
  const rb = truth.incidents.filter((i) => i.kind === 'reverse_brushing');
  const viral = truth.lookalikes.filter((l) => l.kind === 'viral_burst');
  assert.ok(rb.length >= 1 && viral.length >= 1, 'the run has a flood and a viral burst');
  assertKindTargets(report, 'reverse_brushing');
  for (const d of report.reverse_brushing_detection) {
    assert.ok(d.minutes !== null && d.minutes <= 10, `${d.incident} first alerted after ${d.minutes} min`);
    assert.ok(d.held_share! >= 0.9, `${d.incident}: ${d.held} of ${d.orders} flood orders held`);
  }
  assert.equal(report.brushing_alerts_on_reverse_brushing_victims.count, 0, 'no brushing alert names a victim');

  // The alert protects the victim: it names it, lists the orders to exclude, and never names it as an attacker.
  for (const a of run.records<Alert>(out, 'alerts.ndjson').filter((x) => x.kind === 'reverse_brushing')) {
    const e = a.evidence as { victim: { shop: string; item: string }; exclude_from_victim_sales_and_ratings: boolean;
      excluded_orders: { count: number } };
    assert.ok(rb.some((i) => i.victim_shops?.includes(e.victim.shop) && i.items.includes(e.victim.item)), JSON.stringify(e.victim));
    assert.equal(e.exclude_from_victim_sales_and_ratings, true);
    assert.equal(e.excluded_orders.count, a.subjects.orders.length);
    assert.ok(!a.subjects.accounts.some((x) => truth.incidents.some((i) => i.victim_shops?.includes(x))));
  }

  // Benign orders this detector moved: at most 0.5%; the viral burst's orders all allowed.
  const viralEvents = new Set(viral.flatMap((l) => l.events));
  assertFewBenignFlagged(run, 'reverse_brushing', { visit: (d) => {
    if (viralEvents.has(d.event_id)) assert.ok(!d.reasons.some((r) => r.rule === 'reverse_brushing'), `viral order ${d.event_id} got ${d.decision}`);
  } });

  // Stopped in the middle of the flood (snapshots every 3,000 events) and resumed on its store,
  // the run writes what one clean run writes: the incident's state survives the store.
  const all = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean);
  const floodOrders = new Set(rb[0]!.events);
  const floodLines = all.flatMap((l, i) => (l.includes('"order.placed"') && floodOrders.has((JSON.parse(l) as { id: string }).id) ? [i] : []));
  const cut = floodLines[Math.floor(floodLines.length / 2)]!;
  await assertResumeMatches(run, cut, 3_000);
});
