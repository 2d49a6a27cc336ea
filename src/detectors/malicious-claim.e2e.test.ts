// End to end through the app layer: simulate a small marketplace with a ring of professional
// claimants and genuine claims for damaged goods, replay it (in memory, and split in two through
// SQLite), evaluate it against the truth.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../contract/index.js';
import { assertFewBenignFlagged, assertResumeMatches, simulatedRun } from '../../test/support/e2e.js';

test('a simulated ring of claimants: claims held for review, claimants and shops named, genuine claims paid, the same outputs after a resume', async () => {
  const run = await simulatedRun('malicious-claim-e2e', { seed: 4, scale: 0.25, days: 6 });
  after(() => run.remove());
  const incidents = run.truth.incidents.filter((i) => i.kind === 'malicious_claim');
  assert.ok(incidents.length >= 1, 'the run has a ring of claimants');

  // The targets, as assertKindTargets checks them, but item recall: claims name no items.
  const k = run.report.kinds.find((x) => x.kind === 'malicious_claim')!;
  assert.equal(k.detected, k.incidents);
  assert.ok(k.account_precision! >= 0.95, `account precision ${k.account_precision}`);
  assert.ok(k.account_recall! >= 0.95, `account recall ${k.account_recall}`);
  assert.equal(k.shop_recall, 1);
  assert.equal(k.item_recall, null);
  assert.equal(k.unmatched_alerts, 0);
  assert.equal(k.lookalike_flags, 0);
  // One alert per ring: its claimants share no device, card, phone or door, only their scripts,
  // and the day an alert waits before it opens lets a shared script join them first.
  assert.equal(k.alerts_per_detected_incident, 1);
  const alerts = run.records<Alert>(run.out, 'alerts.ndjson').filter((a) => a.kind === 'malicious_claim');

  // Every claim of the ring goes to review with its payout held; no genuine claim is flagged.
  const claims = run.report.decisions_by_type.find((d) => d.type === 'claim.filed')!;
  assert.equal(claims.attack.flagged, claims.attack.events);
  assert.equal(claims.lookalike.flagged, 0);
  assertFewBenignFlagged(run, 'malicious_claim', { type: 'claim.filed', minEvents: 10 });
  const held = alerts.reduce((s, a) => s + (a.evidence.payoutHeldFen as number), 0);
  assert.ok(held > 0, 'payouts held are counted');

  const lines = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean).length;
  await assertResumeMatches(run, Math.floor(lines / 2), 3_000);
});
