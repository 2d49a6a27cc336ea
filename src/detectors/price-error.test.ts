import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listing, order } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { Entities } from '../core/index.js';
import { priceBaseline, priceErrorDetector } from './price-error.js';

const shop = 's_phone';
const item = 'i_phone';
const history = [0, 60, 120].map((m, k) => listing(m, { item, shop, price: 599900 + k * 100, category: 'phones' }));

test('pauses a listing typed 100 times too low and holds the orders bought at that price', () => {
  const events = [
    ...history,
    listing(600, { item, shop, price: 5999 }, 'ev_typo'),
    order(601, { id: 'o1', buyer: 'b1', shop, item, price: 5999, qty: 3 }),
    order(602, { id: 'o2', buyer: 'b2', shop, item, price: 5999 }),
    listing(620, { item, shop, price: 599900 }, 'ev_fix'),
    order(621, { id: 'o3', buyer: 'b3', shop, item, price: 599900 }),
  ];
  const { decisions, alerts } = run(events, [priceErrorDetector]);
  const typo = decisions.get('ev_typo')!;
  assert.equal(typo.decision, 'review');
  assert.deepEqual(typo.actions, ['pause_listing', 'warn_merchant']);
  assert.equal(typo.reasons[0]!.code, 'price_decimal_shift');
  for (const id of ['ev_o1', 'ev_o2']) {
    assert.equal(decisions.get(id)!.decision, 'review');
    assert.deepEqual(decisions.get(id)!.actions, ['hold_shipment']);
  }
  assert.equal(decisions.get('ev_fix')!.decision, 'allow');
  assert.equal(decisions.get('ev_o3')!.decision, 'allow');
  assert.equal(alerts.size, 1);
  const alert = [...alerts.values()][0]!;
  assert.equal(alert.kind, 'price_error');
  assert.deepEqual(alert.subjects, { accounts: [], shops: [shop], items: [item], orders: ['o1', 'o2'] });
  assert.equal(alert.time, '2026-11-02T10:00:00.000Z');
  assert.equal(alert.evidence.state, 'price_fixed');
  assert.equal(alert.evidence.lossFen, (600000 - 5999) * 4);
  assert.equal(alert.severity, 'critical');
});

test('does not flag ordinary promotions of up to 25% off', () => {
  const events = [...history, ...[0.9, 0.8, 0.75].map((f, k) => listing(600 + k, { item, shop, price: Math.round(599900 * f) }, `ev_promo_${k}`))];
  const { decisions, alerts } = run(events, [priceErrorDetector]);
  for (let k = 0; k < 3; k++) assert.equal(decisions.get(`ev_promo_${k}`)!.decision, 'allow');
  assert.equal(alerts.size, 0);
});

test('flags a price far below the baseline that is not a decimal shift, with a lower score', () => {
  const { decisions } = run([...history, listing(600, { item, shop, price: 150000 }, 'ev_low')], [priceErrorDetector]);
  const d = decisions.get('ev_low')!;
  assert.equal(d.decision, 'review');
  assert.equal(d.reasons[0]!.code, 'price_far_below_baseline');
  assert.ok(d.reasons[0]!.score! < 0.95);
});

test('does not flag a low price on an item whose price always swung widely', () => {
  const swings = [10000, 2000, 9000, 2500, 11000, 1800].map((p, k) => listing(k * 60, { item, shop, price: p }));
  const { decisions } = run([...swings, listing(600, { item, shop, price: 1900 }, 'ev_low')], [priceErrorDetector]);
  assert.equal(decisions.get('ev_low')!.decision, 'allow');
});

test('warns, without pausing, about a new item priced far under its whole category', () => {
  const catalogue = Array.from({ length: 30 }, (_, k) => listing(k, { item: `i_${k}`, shop: 's_other', price: 300000 + k * 1000, category: 'phones' }));
  const { decisions, alerts } = run([...catalogue, listing(100, { item: 'i_new', shop, price: 2999, category: 'phones' }, 'ev_new')], [priceErrorDetector]);
  const d = decisions.get('ev_new')!;
  assert.equal(d.decision, 'challenge');
  assert.deepEqual(d.actions, ['warn_merchant']);
  assert.equal(alerts.size, 0);
});

test('takes a flagged price that stood for three days as the new normal', () => {
  const events = [
    ...history,
    listing(600, { item, shop, price: 100000 }, 'ev_cut'),
    listing(600 + 73 * 60, { item, shop, price: 100000 }, 'ev_still'),
    order(600 + 74 * 60, { id: 'o9', buyer: 'b9', shop, item, price: 100000 }),
  ];
  const { decisions, alerts } = run(events, [priceErrorDetector]);
  assert.equal(decisions.get('ev_cut')!.decision, 'review');
  assert.equal(decisions.get('ev_still')!.decision, 'allow');
  assert.equal(decisions.get('ev_o9')!.decision, 'allow');
  assert.equal([...alerts.values()][0]!.evidence.state, 'accepted_as_new_price');
});

test('a second error on the same item after a fix is a new incident with its own alert', () => {
  const events = [
    ...history,
    listing(600, { item, shop, price: 5999 }), listing(610, { item, shop, price: 599900 }),
    listing(900, { item, shop, price: 59990 }), listing(910, { item, shop, price: 599900 }),
  ];
  const { alerts } = run(events, [priceErrorDetector]);
  assert.equal(alerts.size, 2);
});

test('exposes the baseline it keeps: the median of accepted prices, which a flagged price never joins', () => {
  const { state } = run([...history, listing(600, { item, shop, price: 5999 })], [priceErrorDetector]);
  assert.equal(priceBaseline(new Entities(state), item), 600000);
  const { state: after } = run([...history, listing(600, { item, shop, price: 550000 })], [priceErrorDetector]);
  assert.equal(priceBaseline(new Entities(after), item), (599900 + 600000) / 2);
  assert.equal(priceBaseline(new Entities(after), 'i_never_listed'), undefined);
});
