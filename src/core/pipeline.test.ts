import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import type { Detector } from './detector.js';
import { WATERMARK } from './pipeline.js';
import { NS, type OrderState, type AccountState } from './state/entities.js';
import { ev, order } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';

/** A small real detector: counts orders per shop and opens one alert per shop past 3 orders. */
const shopCounter: Detector<{ limit: number }> = {
  kind: 'brushing', version: 't', observes: ['order.placed'], paramsSchema: Type.Object({ limit: Type.Integer() }),
  defaults: { limit: 3 },
  stateKeys: (e) => (e.type === 'order.placed' ? [['shop', e.data.shop_id] as const] : []),
  inspect(e, ctx) {
    if (e.type !== 'order.placed') return undefined;
    const n = (ctx.state.get<number>('shop', e.data.shop_id) ?? 0) + 1;
    ctx.state.set('shop', e.data.shop_id, n);
    if (n <= ctx.params.limit) return undefined;
    return {
      contributions: [{ code: 'too_many', message: `${n} orders`, score: 0.6, actions: ['hold_shipment'] }],
      alerts: [{ incident: e.data.shop_id, severity: n > 4 ? 'high' : 'medium', score: 0.6, summary: `${n} orders`,
        subjects: { shops: [e.data.shop_id], accounts: [e.data.buyer_id] }, evidence: { n } }],
    };
  },
};

const orders = (n: number, shop = 's1') =>
  Array.from({ length: n }, (_, k) => order(k, { id: `o${k}`, buyer: `b${k % 2}`, shop, item: 'i1', price: 100 }));

test('a plug-in detector moves decisions and grows one alert per incident', () => {
  const { decisions, alerts } = run(orders(6), [shopCounter]);
  assert.equal(decisions.get('ev_o2')!.decision, 'allow');
  const d = decisions.get('ev_o3')!;
  assert.equal(d.decision, 'challenge');
  assert.deepEqual(d.reasons, [{ code: 'too_many', rule: 'brushing', message: '4 orders', score: 0.6 }]);
  assert.deepEqual(d.actions, ['hold_shipment']);
  assert.equal(alerts.size, 1);
  const a = [...alerts.values()][0]!;
  assert.deepEqual(a.subjects.accounts, ['b1', 'b0']);
  assert.equal(a.severity, 'high');
  assert.equal(a.time, '2026-11-02T00:03:00.000Z');
  assert.equal(a.updated, '2026-11-02T00:05:00.000Z');
  assert.deepEqual(a.evidence, { n: 6 });
});

test('an event id seen before is acknowledged and not applied again', () => {
  const e = orders(1)[0]!;
  const { pipeline, state } = run([e]);
  assert.deepEqual(pipeline.process(e), { status: 'duplicate' });
  assert.equal(state.get<AccountState>(NS.account, 'b0')!.orders, 1);
});

test('a late event is applied at its own time and counted as late, and the watermark does not go back', () => {
  const { pipeline, state } = run([ev('order.placed', 100, { ...orders(1)[0]!.data, order_id: 'o_new' })]);
  const late = pipeline.process(ev('order.paid', 50, { order_id: 'o_new' }));
  assert.deepEqual(late, { status: 'accepted', late: true, alerts: [], warnings: [] });
  assert.equal(state.get<number>(WATERMARK.ns, WATERMARK.id), Date.UTC(2026, 10, 2) + 100 * 60_000);
  assert.equal(state.get<OrderState>(NS.order, 'o_new')!.status, 'paid');
});

test('order lifecycle never moves back when events arrive out of order', () => {
  const { state } = run([
    orders(1)[0]!, ev('order.shipped', 10, { order_id: 'o0', weight_g: 20 }), ev('order.paid', 5, { order_id: 'o0' }),
  ]);
  const o = state.get<OrderState>(NS.order, 'o0')!;
  assert.equal(o.status, 'shipped');
  assert.equal(o.weightG, 20);
  assert.ok(o.paidAt! < o.shippedAt!);
});

test('declares the state keys it reads: entities, watermark and each detector\'s own namespace', () => {
  const { pipeline } = run([], [shopCounter]);
  const ks = pipeline.stateKeys(orders(1)[0]!);
  for (const k of ['meta:watermark', 'order:o0', 'acct:b0', 'shop:s1', 'item:i1', 'det.brushing.shop:s1']) assert.ok(ks.includes(k), k);
});

test('events that are not decision points get no decision', () => {
  const { decisions } = run([ev('account.login', 0, { account_id: 'u1', device_id: 'd1' })]);
  assert.equal(decisions.size, 0);
});
