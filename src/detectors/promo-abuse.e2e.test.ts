// End to end through the app layer: simulate a small marketplace with a coupon farm, families on
// shared tablets and a campus network, replay it, evaluate it against the truth; then stop it in
// the middle of the farm's burst and resume it through SQLite.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../contract/index.js';
import { assertFewBenignFlagged, assertKindTargets, assertResumeMatches, simulatedRun } from '../../test/support/e2e.js';

test('a simulated coupon farm: named whole in one alert, its claims stopped, families and campus untouched, the same after a resume', async () => {
  const run = await simulatedRun('promo-abuse-e2e', { seed: 2, scale: 0.4, days: 5 });
  after(() => run.remove());
  const { truth, report } = run;
  const farms = truth.incidents.filter((i) => i.kind === 'promo_abuse');
  assert.ok(truth.lookalikes.some((l) => l.kind === 'family_device') && truth.lookalikes.some((l) => l.kind === 'campus_ip'),
    'the run has families and a campus');
  const k = assertKindTargets(report, 'promo_abuse');
  assert.deepEqual(k.lookalike_flags_by_kind, {});

  // Once a farm shows, its coupon claims are stopped: most of them, since a burst shows within its first accounts.
  const claims = report.decisions_by_type.find((d) => d.type === 'coupon.claimed')!;
  assert.ok(claims.attack.flagged / claims.attack.events >= 0.5, `${claims.attack.flagged} of ${claims.attack.events} farm claims stopped`);
  assert.equal(claims.lookalike.flagged, 0);

  // Benign registrations and claims this detector moved: at most 0.5% (there are a few hundred of each).
  assertFewBenignFlagged(run, 'promo_abuse', { type: 'coupon.claimed', minEvents: 200 });
  assertFewBenignFlagged(run, 'promo_abuse', { type: 'account.registered', minEvents: 300 });

  // The alert counts what the farm went for and what was withheld.
  for (const a of run.records<Alert>(run.out, 'alerts.ndjson').filter((x) => x.kind === 'promo_abuse')) {
    const e = a.evidence as { accounts: number; couponClaims: number; ipRanges: string[]; dropAddresses: unknown[];
      amounts: { atStakeFen: number; savedFen: number; withheldCouponFen: number } };
    assert.ok(e.couponClaims >= a.subjects.accounts.length && e.ipRanges.length >= 1 && e.dropAddresses.length >= 1, JSON.stringify(e));
    assert.ok(e.amounts.atStakeFen > 0 && e.amounts.savedFen > 0 && e.amounts.savedFen <= e.amounts.atStakeFen, JSON.stringify(e.amounts));
  }

  // Stopped in the middle of the first farm's burst (snapshots every 3,000 events) and resumed on
  // its store, the run writes what one clean run writes: the farm's state survives the store.
  const lines = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean);
  const farmEvents = new Set(farms[0]!.events);
  const regLines = lines.flatMap((l, i) => (l.includes('"account.registered"') && farmEvents.has((JSON.parse(l) as { id: string }).id) ? [i] : []));
  await assertResumeMatches(run, regLines[Math.floor(regLines.length / 2)]!, 3_000);
});
