import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slots } from '../scenario.js';
import { TruthRecorder } from '../truth.js';
import { DAY_MS, DEFAULT_START, World } from '../world.js';
import { planCases } from './cases.js';

function world(days: number): World {
  return new World({ seed: 7, scale: 0.05, days, start: DEFAULT_START });
}

test('plans distinct buyers at distinct accepted shops, in time order, starting at the first case', () => {
  const w = world(7);
  const [slot] = slots(w, 1);
  const plan = planCases(w, w.rng('test:cases'), slot!, { cases: [10, 30], minCases: 6, tailMs: 3 * DAY_MS,
    shop: (s) => s.category.fragile === true });
  assert.ok(plan.cases.length >= 6, `${plan.cases.length} cases`);
  assert.equal(plan.at, plan.cases[0]!.at);
  assert.deepEqual(plan.cases.map((c) => c.at), plan.cases.map((c) => c.at).sort((a, b) => a - b));
  assert.equal(new Set(plan.cases.map((c) => c.buyer.id)).size, plan.cases.length);
  assert.equal(new Set(plan.cases.map((c) => c.shop.id)).size, plan.cases.length);
  for (const c of plan.cases) {
    assert.equal(c.shop.category.fragile, true, c.shop.id);
    assert.ok(w.pop.isReserved(c.shop.id), c.shop.id);
    assert.ok(c.at >= w.startMs && c.at < w.endMs - 3 * DAY_MS, new Date(c.at).toISOString());
  }
});

test('yields each delivered order from its planned buyer and shop, after it was placed, recording its events', () => {
  for (const days of [1, 7]) {
    const w = world(days);
    const [slot] = slots(w, 1);
    const plan = planCases(w, w.rng('test:cases'), slot!, { cases: [5, 15], minCases: 4, tailMs: 3.5 * DAY_MS });
    const rec = new TruthRecorder();
    const got = [...plan.delivered(rec)];
    assert.ok(got.length >= 1, `${days} days: no order delivered`);
    for (const d of got) {
      assert.ok(plan.cases.some((c) => c.buyer === d.buyer && c.shop === d.shop && c.at === d.at), d.order.id);
      assert.equal(d.order.buyer.id, d.buyer.id);
      assert.equal(d.order.shop, d.shop);
      assert.ok(d.deliveredAt >= d.at && d.deliveredAt < w.endMs, `${days} days: ${d.order.id}`);
    }
    assert.ok(rec.events.length >= got.length, `${days} days: ${rec.events.length} events recorded`);
  }
});
