import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Decision } from '../../contract/index.js';
import { priceErrorDetector } from '../../detectors/index.js';
import { listing, order } from '../../../test/support/events.js';
import { runGuarded } from '../../../test/support/strategies.js';

const shop = 's_phone';
const item = 'i_phone';
const history = [0, 60, 120].map((m) => listing(m, { item, shop, price: 599_900 }));
const detectors = [priceErrorDetector];

const guardReasons = (d: Decision | undefined) => (d?.reasons ?? []).filter((r) => r.rule === 'price_guard');

test('with the defaults on: 59.99 listed for a 5,999.00 baseline pauses the listing and holds shipment of orders at that price', () => {
  const { decisions, warnings } = runGuarded([
    ...history,
    listing(600, { item, shop, price: 5_999 }, 'ev_typo'),
    order(601, { id: 'o1', buyer: 'b1', shop, item, price: 5_999, qty: 3 }),
    listing(620, { item, shop, price: 599_900 }, 'ev_fix'),
    order(621, { id: 'o2', buyer: 'b2', shop, item, price: 599_900 }),
  ], { detectors });
  const typo = decisions.get('ev_typo')!;
  assert.equal(typo.decision, 'review');
  assert.ok(typo.actions.includes('pause_listing'));
  const stop = guardReasons(typo);
  assert.deepEqual(stop.map((r) => r.code), ['price_guard_stop_loss']);
  assert.match(stop[0]!.message, /¥59\.99, 1\.0% of its baseline ¥5999\.00: under the shop's stop-loss at 25\.0%/);
  const held = decisions.get('ev_o1')!;
  assert.equal(held.decision, 'review');
  assert.deepEqual(held.actions, ['hold_shipment']);
  assert.deepEqual(guardReasons(held).map((r) => r.code), ['price_guard_order_below_stop_loss']);
  assert.equal(decisions.get('ev_fix')!.decision, 'allow');
  assert.equal(decisions.get('ev_o2')!.decision, 'allow');
  assert.deepEqual(warnings.filter((w) => w.source === 'decision').map((w) => [w.kind, w.id]),
    [['listing_paused', 'ev_typo'], ['order_held', 'ev_o1']]);
});

test('warns below the warning line against the baseline before the listing, where the price_error detector sees no slip', () => {
  // One earlier price: were the new one in the baseline, 40% would read as 70% of it.
  const { decisions } = runGuarded([
    listing(0, { item, shop, price: 10_000 }),
    listing(60, { item, shop, price: 4_000 }, 'ev_deep'),
    listing(120, { item, shop, price: 9_000 }, 'ev_promo'),
  ], { detectors });
  const deep = decisions.get('ev_deep')!;
  assert.equal(deep.decision, 'challenge');
  assert.deepEqual(deep.actions, ['warn_merchant']);
  assert.deepEqual(deep.reasons.map((r) => [r.rule, r.code]), [['price_guard', 'price_guard_warn']]);
  assert.equal(decisions.get('ev_promo')!.decision, 'allow', 'a 10% promotion is above every line');
});

test("a shop's own lines, an item's override and a guard turned off replace the defaults", () => {
  const events = [
    // Three earlier prices each: the baseline stays 100.00 when a cut to half joins it.
    ...history, ...[0, 1, 2].flatMap((m) => [listing(m, { item: 'i_case', shop, price: 10_000 }), listing(m, { item: 'i_clearance', shop, price: 10_000 })]),
    listing(600, { item, shop, price: 420_000 }, 'ev_phone'),
    listing(600, { item: 'i_case', shop, price: 5_000 }, 'ev_case'),
    listing(600, { item: 'i_clearance', shop, price: 1_000 }, 'ev_clearance'),
    order(601, { id: 'o_case', buyer: 'b', shop, item: 'i_case', price: 5_000 }),
  ];
  const { decisions } = runGuarded(events, { strategies: { [shop]: { price_guard: {
    warn_below_pct: 80, stop_loss_below_pct: 50,
    items: { i_case: { stop_loss_below_pct: 60, warn_below_pct: 90 }, i_clearance: { enabled: false } },
  } } }, detectors });
  assert.deepEqual(guardReasons(decisions.get('ev_phone')).map((r) => r.code), ['price_guard_warn'], '70% is under the shop line of 80%');
  assert.deepEqual(guardReasons(decisions.get('ev_case')).map((r) => r.code), ['price_guard_stop_loss'], "50% is under the item's 60%");
  assert.deepEqual(guardReasons(decisions.get('ev_o_case')).map((r) => r.code), ['price_guard_order_below_stop_loss']);
  assert.deepEqual(guardReasons(decisions.get('ev_clearance')), [], 'turned off for the clearance item');
  const off = runGuarded(events, { strategies: { [shop]: { price_guard: { enabled: false } } }, detectors });
  for (const d of off.decisions.values()) assert.deepEqual(guardReasons(d), []);
});

test('an item without a baseline yet is not judged', () => {
  const { decisions } = runGuarded([listing(0, { item, shop, price: 1 }, 'ev_first'), order(1, { id: 'o', buyer: 'b', shop, item, price: 1 })], { detectors });
  assert.equal(decisions.get('ev_first')!.decision, 'allow');
  assert.equal(decisions.get('ev_o')!.decision, 'allow');
});
