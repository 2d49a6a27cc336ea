import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkShopStrategies, checkStrategiesFile, describeProblems, type StrategyProblem } from './validate.js';
import { StrategyTimeline } from './book.js';

const problems = (value: unknown): StrategyProblem[] => {
  const r = checkShopStrategies(value);
  assert.equal(r.ok, false, 'expected the document to be refused');
  return r.ok ? [] : r.problems;
};

test('accepts a complete document and an empty one', () => {
  const full = {
    scalper_guards: [{
      id: 'spring-drop', item_ids: ['i_red', 'i_blue'], starts_at: '2026-11-11T00:00:00.000Z', ends_at: '2026-11-12T00:00:00.000Z',
      per_account_limit: 2, per_group_limit: 4, min_account_age_days: 7, no_vague_addresses: true, max_orders_per_address: 3, action: 'limit_quantity',
    }],
    price_guard: { warn_below_pct: 80, stop_loss_below_pct: 40, items: { i_red: { enabled: false } } },
  };
  assert.deepEqual(checkShopStrategies(full), { ok: true, value: full });
  assert.equal(checkShopStrategies({}).ok, true);
});

test('schema problems name the field path, what came and what to send', () => {
  const got = problems({ scalper_guards: [{ id: 'd', item_ids: ['i'], per_account_limit: 0, action: 'ban', per_acount_limit: 2 }], price: {} });
  const byPath = new Map(got.map((p) => [p.path, p.message]));
  assert.match(byPath.get('scalper_guards[0].per_account_limit')!, /received 0; units one account may buy/);
  assert.match(byPath.get('scalper_guards[0].action')!, /received "ban"; expected one of "deny", "limit_quantity", "review"/);
  assert.match(byPath.get('scalper_guards[0].per_acount_limit')!, /unknown field; the fields here are id, item_ids, .*per_account_limit/);
  assert.match(byPath.get('price')!, /unknown field; the fields here are scalper_guards, price_guard/);
});

test('refuses what the schema cannot see, each with its path and the fix', () => {
  const got = problems({
    scalper_guards: [
      { id: 'a', item_ids: ['i1', 'i2'], per_account_limit: 2, per_group_limit: 1 },
      { id: 'a', item_ids: ['i2'], starts_at: '2026-11-12T00:00:00.000Z', ends_at: '2026-11-11T00:00:00.000Z' },
    ],
    price_guard: { stop_loss_below_pct: 75, items: { i9: { warn_below_pct: 20 } } },
  });
  const byPath = new Map(got.map((p) => [p.path, p.message]));
  assert.match(byPath.get('scalper_guards[1].id')!, /already the id of scalper_guards\[0\]/);
  assert.match(byPath.get('scalper_guards[1].item_ids[0]')!, /item i2 is already guarded by scalper_guards\[0\] \('a'\)/);
  assert.match(byPath.get('scalper_guards[1].ends_at')!, /not after starts_at/);
  assert.match(byPath.get('scalper_guards[1]')!, /checks nothing; set at least one of/);
  assert.match(byPath.get('scalper_guards[0].per_group_limit')!, /below per_account_limit 2/);
  assert.match(byPath.get('price_guard.stop_loss_below_pct')!, /stop-loss \(75%\) must be below the warning line \(45%\).*lower stop_loss_below_pct/);
  assert.match(byPath.get('price_guard.items.i9.warn_below_pct')!, /stop-loss \(75%\) must be below the warning line \(20%\).*raise warn_below_pct/);
  assert.match(describeProblems('strategies refused', got), /^strategies refused:\n {2}scalper_guards/);
});

test('a strategies file is checked shop by shop, with the shop in each path', () => {
  const r = checkStrategiesFile({ shops: { s1: { price_guard: { warn_below_pct: 10 } } }, tenants: { t2: { shops: { s2: { scalper_guards: [{ id: 'x', item_ids: ['i'] }] } } } } });
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.problems.map((p) => p.path), ['shops.s1.price_guard.warn_below_pct', 'tenants.t2.shops.s2.scalper_guards[0]']);
  assert.equal(checkStrategiesFile({ shop: {} }).ok, false);
});

test('the timeline answers the version in effect at the position sought', () => {
  const t = new StrategyTimeline();
  const guard = (limit: number) => ({ scalper_guards: [{ id: 'g', item_ids: ['i'], per_account_limit: limit }] });
  t.add({ tenant: 'default', shopId: 's', position: 5, strategies: guard(1) });
  t.add({ tenant: 'default', shopId: 's', position: 9, strategies: guard(3) });
  const limitAt = (position: number) => { t.seek(position); return t.forShop('default', 's')?.scalperByItem.get('i')?.perAccountLimit; };
  assert.deepEqual([0, 4, 5, 8, 9, 100].map(limitAt), [undefined, undefined, 1, 1, 3, 3]);
  assert.equal(t.forShop('other-tenant', 's'), undefined);
  assert.throws(() => t.add({ tenant: 'default', shopId: 's', position: 7, strategies: guard(2) }), /add versions in order/);
});
