// End to end through the app layer: simulate a small marketplace where review-manipulation
// sellers message dozens of merchants, replay it and evaluate it against the truth.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../contract/index.js';
import { simulatedRun } from '../../test/support/e2e.js';

test('simulated review-manipulation sellers: each named with its handle, every account found, nothing else flagged', async () => {
  const run = await simulatedRun('review-manipulation-e2e', { seed: 3, scale: 0.3, days: 5 });
  after(() => run.remove());
  const { truth, report } = run;
  const incidents = truth.incidents.filter((i) => i.kind === 'review_manipulation');
  const k = report.kinds.find((x) => x.kind === 'review_manipulation')!;
  // The targets, but for alerts per incident (below).
  assert.ok(k.incidents >= 1);
  assert.equal(k.detected, k.incidents);
  assert.ok(k.account_precision! >= 0.95 && k.account_recall! >= 0.95, `precision ${k.account_precision}, recall ${k.account_recall}`);
  assert.equal(k.shop_recall, null, 'the kind names no shops');
  assert.equal(k.unmatched_alerts, 0);
  assert.equal(k.lookalike_flags, 0);

  // One alert per gang: a gang's sellers give out the gang's handle (the simulator's scripts carry
  // it) as well as their own, and that shared handle joins them.
  const alerts = run.records<Alert>(run.out, 'alerts.ndjson').filter((a) => a.kind === 'review_manipulation');
  const sellers = incidents.reduce((s, i) => s + (i.params as { sellers: number }).sellers, 0);
  assert.ok(sellers > incidents.length, 'the run has a gang of several sellers');
  assert.equal(alerts.length, incidents.length);
  for (const i of incidents) {
    const a = alerts.find((x) => x.subjects.accounts.includes(i.accounts[0]!))!;
    assert.deepEqual([...a.subjects.accounts].sort(), [...i.accounts].sort());
    const handles = (a.evidence as { handles: Array<{ handle: string; accounts: string[] }> }).handles;
    assert.ok(handles.some((h) => h.accounts.length === i.accounts.length), `a handle shared by the whole gang: ${JSON.stringify(handles)}`);
    assert.ok((a.evidence as { merchantsReached: number }).merchantsReached >= 3);
  }
});
