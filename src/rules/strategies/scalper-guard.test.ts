import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BulwarkEvent, Decision, ScalperGuard } from '../../contract/index.js';
import { ev } from '../../../test/support/events.js';
import { runGuarded } from '../../../test/support/strategies.js';

const shop = 's_drop';
const PRICE = 129_900;

interface Buy { buyer: string; qty?: number; device?: string; detail?: string; item?: string; shop?: string }

/** An order of the launch; the event id is `ev_<order>`. Each buyer has a device and a home of its own unless told. */
function buy(minute: number, order: string, b: Buy): BulwarkEvent {
  const qty = b.qty ?? 1;
  return ev('order.placed', minute, {
    order_id: order, buyer_id: b.buyer, shop_id: b.shop ?? shop, lines: [{ item_id: b.item ?? 'i_red', qty, unit_price: PRICE }],
    amount: PRICE * qty, device_id: b.device ?? `d_${b.buyer}`, payment_id: `p_${b.buyer}`,
    address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: b.detail ?? `学院路${b.buyer.length}号${b.buyer}苑1栋1单元101室`, recipient: '王' },
  }, `ev_${order}`);
}

function registered(minute: number, account: string): BulwarkEvent {
  return ev('account.registered', minute, { account_id: account, role: 'buyer' });
}

function guard(g: Partial<ScalperGuard>) {
  return { [shop]: { scalper_guards: [{ id: 'spring-drop', item_ids: ['i_red', 'i_blue'], ...g }] } };
}

const codes = (d: Decision | undefined) => (d?.reasons ?? []).filter((r) => r.rule === 'scalper_guard').map((r) => r.code);

test('per-account limit: units of every item of the launch count together; the order past the limit is denied and held', () => {
  const { decisions } = runGuarded([
    buy(0, 'o1', { buyer: 'a', qty: 1, item: 'i_red' }),
    buy(1, 'o2', { buyer: 'a', qty: 1, item: 'i_blue' }),
    buy(2, 'o3', { buyer: 'a', qty: 1, item: 'i_red' }),
    buy(3, 'o4', { buyer: 'b', qty: 2 }),
  ], { strategies: guard({ per_account_limit: 2 }) });
  assert.equal(decisions.get('ev_o1')!.decision, 'allow');
  assert.equal(decisions.get('ev_o2')!.decision, 'allow');
  const over = decisions.get('ev_o3')!;
  assert.equal(over.decision, 'deny');
  assert.deepEqual(over.actions, ['hold_shipment']);
  assert.deepEqual(codes(over), ['scalper_guard_account_limit']);
  assert.match(over.reasons[0]!.message, /'spring-drop'.*bought 2 of 2/);
  assert.equal(decisions.get('ev_o4')!.decision, 'allow', 'another buyer has a limit of its own');
});

test('per-group limit: accounts linked by one device count as one buyer; unlinked buyers are untouched', () => {
  const events = [0, 1, 2].map((i) => buy(i, `r${i}`, { buyer: `ring${i}`, device: 'd_rack' }));
  events.push(buy(3, 'f1', { buyer: 'fan' }));
  const { decisions } = runGuarded(events, { strategies: guard({ per_account_limit: 1, per_group_limit: 2 }) });
  assert.equal(decisions.get('ev_r0')!.decision, 'allow');
  assert.equal(decisions.get('ev_r1')!.decision, 'allow');
  const third = decisions.get('ev_r2')!;
  assert.equal(third.decision, 'deny');
  assert.deepEqual(codes(third), ['scalper_guard_group_limit']);
  assert.match(third.reasons[0]!.message, /this account and 2 account\(s\) linked to it have bought 2 of 2/);
  assert.equal(decisions.get('ev_f1')!.decision, 'allow');
});

test('minimum account age: a week-old rule sends a day-old account to review with shipment held, an older one buys', () => {
  const day = 24 * 60;
  const { decisions } = runGuarded([
    registered(0, 'old'),
    registered(9 * day, 'young'),
    buy(10 * day, 'o_old', { buyer: 'old' }),
    buy(10 * day + 1, 'o_young', { buyer: 'young' }),
    buy(10 * day + 2, 'o_stranger', { buyer: 'stranger' }),
  ], { strategies: guard({ min_account_age_days: 7, action: 'review' }) });
  assert.equal(decisions.get('ev_o_old')!.decision, 'allow');
  const young = decisions.get('ev_o_young')!;
  assert.equal(young.decision, 'review');
  assert.deepEqual(young.actions, ['hold_shipment']);
  assert.deepEqual(codes(young), ['scalper_guard_account_age']);
  assert.match(young.reasons[0]!.message, /1 day\(s\) old/);
  assert.deepEqual(codes(decisions.get('ev_o_stranger')), ['scalper_guard_account_age'], 'an account first seen with this order is new');
});

test('no vague addresses, and at most so many orders to one door however its address is written', () => {
  const { decisions } = runGuarded([
    buy(0, 'v1', { buyer: 'a', detail: '文三路附近，详见备注' }),
    buy(1, 'd1', { buyer: 'b', detail: '翠苑3栋2单元501' }),
    buy(2, 'd2', { buyer: 'c', detail: '翠苑三栋二单元501室' }),
    buy(3, 'd3', { buyer: 'd', detail: '翠苑3-2-501' }),
    buy(4, 'd4', { buyer: 'e', detail: '翠苑4栋1单元101室' }),
  ], { strategies: guard({ no_vague_addresses: true, max_orders_per_address: 2 }) });
  assert.deepEqual(codes(decisions.get('ev_v1')), ['scalper_guard_vague_address']);
  assert.equal(decisions.get('ev_v1')!.decision, 'deny');
  assert.equal(decisions.get('ev_d1')!.decision, 'allow');
  assert.equal(decisions.get('ev_d2')!.decision, 'allow');
  assert.deepEqual(codes(decisions.get('ev_d3')), ['scalper_guard_address_orders']);
  assert.equal(decisions.get('ev_d4')!.decision, 'allow', 'another door of the estate');
});

test('limit_quantity cuts an order to what fits, denies one nothing fits, and sends an uncurable breach to review', () => {
  const { decisions } = runGuarded([
    registered(0, 'a'),
    buy(60 * 24 * 30, 'o1', { buyer: 'a', qty: 3 }),
    buy(60 * 24 * 30 + 1, 'o2', { buyer: 'a', qty: 1 }),
    buy(60 * 24 * 30 + 2, 'o3', { buyer: 'newbie', qty: 1 }),
  ], { strategies: guard({ per_account_limit: 2, min_account_age_days: 3, action: 'limit_quantity' }) });
  const cut = decisions.get('ev_o1')!;
  assert.equal(cut.decision, 'challenge');
  assert.deepEqual(cut.actions, ['limit_quantity', 'hold_shipment']);
  assert.match(cut.reasons[0]!.message, /2 of the 3 unit\(s\) ordered may be sold/);
  assert.equal(decisions.get('ev_o2')!.decision, 'deny', 'the two units granted used the allowance up');
  assert.equal(decisions.get('ev_o3')!.decision, 'review');
});

test('orders outside the launch window, of other items and of other shops are not guarded', () => {
  const { decisions } = runGuarded([
    buy(0, 'early', { buyer: 'a', qty: 5 }),
    buy(60, 'in1', { buyer: 'a', qty: 1 }),
    buy(61, 'in2', { buyer: 'a', qty: 1 }),
    buy(62, 'other_item', { buyer: 'a', qty: 9, item: 'i_green' }),
    buy(63, 'other_shop', { buyer: 'a', qty: 9, shop: 's_elsewhere' }),
    buy(180, 'late', { buyer: 'a', qty: 5 }),
  ], { strategies: guard({ per_account_limit: 1, starts_at: '2026-11-02T01:00:00.000Z', ends_at: '2026-11-02T02:00:00.000Z' }) });
  for (const id of ['early', 'in1', 'other_item', 'other_shop', 'late']) assert.equal(decisions.get(`ev_${id}`)!.decision, 'allow', id);
  assert.equal(decisions.get('ev_in2')!.decision, 'deny', 'only units bought within the window count');
});

test('a cancelled order gives its units back to the account and its linked group', () => {
  const { decisions } = runGuarded([
    buy(0, 'o1', { buyer: 'a', device: 'd_shared' }),
    ev('order.cancelled', 1, { order_id: 'o1', by: 'buyer' }),
    buy(2, 'o2', { buyer: 'b', device: 'd_shared' }),
    buy(3, 'o3', { buyer: 'a', device: 'd_shared' }),
  ], { strategies: guard({ per_account_limit: 1, per_group_limit: 1 }) });
  assert.equal(decisions.get('ev_o2')!.decision, 'allow');
  assert.deepEqual(codes(decisions.get('ev_o3')), ['scalper_guard_group_limit']);
});

test('a guard takes effect from its position in the stream: earlier orders were neither judged nor counted', () => {
  const events = [buy(0, 'o1', { buyer: 'a' }), buy(1, 'o2', { buyer: 'a' }), buy(2, 'o3', { buyer: 'a' }), buy(3, 'o4', { buyer: 'a' })];
  const { decisions } = runGuarded(events, { strategies: guard({ per_account_limit: 1 }), from: 2 });
  assert.deepEqual(['ev_o1', 'ev_o2', 'ev_o3', 'ev_o4'].map((id) => decisions.get(id)!.decision), ['allow', 'allow', 'allow', 'deny']);
});

test('a shop without strategies is untouched, and the same input gives the same decisions', () => {
  const events = [0, 1, 2].map((i) => buy(i, `r${i}`, { buyer: `ring${i}`, device: 'd_rack' }));
  const bare = runGuarded(events);
  for (const d of bare.decisions.values()) assert.equal(d.decision, 'allow');
  const once = runGuarded(events, { strategies: guard({ per_group_limit: 1 }) });
  const twice = runGuarded(events, { strategies: guard({ per_group_limit: 1 }) });
  assert.deepEqual([...once.decisions.values()], [...twice.decisions.values()]);
});
