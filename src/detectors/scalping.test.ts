import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BulwarkEvent, Decision } from '../contract/index.js';
import type { AnyDetector } from '../core/index.js';
import { ev } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { scalpingDetector } from './scalping.js';

const shop = 's_drop';
const item = 'i_sneaker';
const PRICE = 129_900;

/** Runs events through the real pipeline with this detector; its scalping alerts. */
function replay(events: readonly BulwarkEvent[], detectors: readonly AnyDetector[] = [scalpingDetector]) {
  const { decisions, alerts } = run(events, detectors);
  return { decisions, alerts: [...alerts.values()].filter((a) => a.kind === 'scalping') };
}

function launch(minute: number, o: { limit: number; stock?: number; id?: string; limited?: boolean; itemId?: string }): BulwarkEvent {
  return ev('listing.updated', minute, {
    item_id: o.itemId ?? item, shop_id: shop, price: PRICE, stock: o.stock ?? 500, title: '限量发售 联名球鞋',
    limited: o.limited ?? true, per_account_limit: o.limit,
  }, o.id);
}

interface Buy { buyer: string; qty?: number; device?: string; payment?: string; detail?: string; itemId?: string }

/** An order of the launch item; the event id is `ev_<order>`. */
function buy(minute: number, order: string, b: Buy): BulwarkEvent {
  const qty = b.qty ?? 1;
  return ev('order.placed', minute, {
    order_id: order, buyer_id: b.buyer, shop_id: shop, lines: [{ item_id: b.itemId ?? item, qty, unit_price: PRICE }],
    amount: PRICE * qty, device_id: b.device ?? `d_${b.buyer}`, payment_id: b.payment ?? `p_${b.buyer}`,
    address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: b.detail ?? `文三路${b.buyer.length}号${b.buyer}花园1栋1单元101室`, recipient: '王' },
  }, `ev_${order}`);
}

const scalpingReasons = (d: Decision | undefined) => (d?.reasons ?? []).filter((r) => r.rule === 'scalping');

/** One door of an estate, written the ways a scalper writes it. */
const DOOR_FORMS = ['翠苑3栋2单元501', '翠苑三栋二单元501室', '翠苑3-2-501', '翠苑３栋２单元５０１', '翠苑3号楼2单元501室', '文三路90号翠苑三栋二单元五零一'];

/** Fans each from their own home; a ring of six on two devices shipping to one door written six ways. */
function launchWithRing(): BulwarkEvent[] {
  const events = [launch(0, { limit: 1, stock: 300 })];
  for (let i = 0; i < 8; i++) events.push(buy(60 + i, `of${i}`, { buyer: `fan${i}`, detail: `学院路${10 + i}号丹桂苑${i + 1}栋1单元${201 + i}室` }));
  for (let i = 0; i < 6; i++) {
    events.push(buy(61 + i * 0.25, `or${i}`, { buyer: `ring${i}`, device: i < 3 ? 'd_rack1' : 'd_rack2', detail: DOOR_FORMS[i]! }));
  }
  return events;
}

test('a ring of six linked by two devices and one door written six ways: the first two allowed, the rest denied, one alert', () => {
  const { decisions, alerts } = replay(launchWithRing());
  for (let i = 0; i < 8; i++) {
    assert.equal(decisions.get(`ev_of${i}`)!.decision, 'allow', `fan${i}`);
    assert.deepEqual(scalpingReasons(decisions.get(`ev_of${i}`)), []);
  }
  // ring0-2 share a device; ring3 is linked to them by the door alone (a variant of the same key).
  assert.equal(decisions.get('ev_or0')!.decision, 'allow');
  assert.equal(decisions.get('ev_or1')!.decision, 'allow', 'a household of two may each buy the limit');
  for (let i = 2; i < 6; i++) {
    const d = decisions.get(`ev_or${i}`)!;
    assert.equal(d.decision, 'deny', `ring${i}`);
    assert.equal(scalpingReasons(d)[0]!.code, 'linked_group_over_limit');
  }
  assert.equal(alerts.length, 1);
  const a = alerts[0]!;
  assert.deepEqual([...a.subjects.accounts].sort(), ['ring0', 'ring1', 'ring2', 'ring3', 'ring4', 'ring5']);
  assert.deepEqual([...a.subjects.orders].sort(), ['or0', 'or1', 'or2', 'or3', 'or4', 'or5']);
  assert.deepEqual(a.subjects.items, [item]);
  assert.deepEqual(a.subjects.shops, [shop]);
  assert.equal(a.time, '2026-11-02T01:01:30.000Z', 'raised on the first order over the group allowance');
  const ev = a.evidence as { groups: Array<{ buyers: number; units: number; attemptedUnits: number; allowanceUnits: number; shared: Record<string, string[]> }>;
    addressVariants: Array<{ key: string; forms: string[] }>; unitsAttempted: number; stockShareAttempted: number; perAccountLimit: number };
  assert.equal(ev.groups.length, 1);
  assert.equal(ev.groups[0]!.buyers, 6);
  assert.equal(ev.groups[0]!.units, 2);
  assert.equal(ev.groups[0]!.attemptedUnits, 6);
  assert.equal(ev.groups[0]!.allowanceUnits, 2);
  assert.deepEqual(ev.groups[0]!.shared.device!.sort(), ['d_rack1', 'd_rack2']);
  assert.equal(ev.groups[0]!.shared.address!.length, 1);
  assert.equal(ev.addressVariants.length, 1, 'every written form is one door');
  assert.deepEqual(ev.addressVariants[0]!.forms, DOOR_FORMS.slice(2));
  assert.equal(ev.unitsAttempted, 6);
  assert.equal(ev.stockShareAttempted, 0.02);
  assert.equal(ev.perAccountLimit, 1);
});

test('declares the door it reads, keyed as the pipeline keys the address, so stores that load ahead have it', () => {
  const { pipeline } = run([], [scalpingDetector]);
  const variants = DOOR_FORMS.slice(0, 3).map((detail, i) => pipeline.stateKeys(buy(0, `o${i}`, { buyer: `b${i}`, detail })));
  const doors = variants.map((ks) => ks.filter((k) => k.startsWith('det.scalping.door:')));
  assert.equal(doors[0]!.length, 1);
  assert.deepEqual(doors[1], doors[0]);
  assert.deepEqual(doors[2], doors[0]);
  const vague = pipeline.stateKeys(buy(0, 'ov', { buyer: 'bv', detail: '翠苑东门' }));
  assert.deepEqual(vague.filter((k) => k.startsWith('det.scalping.door:')), []);
});

test('25 accounts sharing nothing but one door count as one buyer, past the 20 accounts after which the graph calls a door a hub', () => {
  const events = [launch(0, { limit: 1 })];
  for (let i = 0; i < 25; i++) events.push(buy(60 + i * 0.1, `od${i}`, { buyer: `drop${i}`, detail: DOOR_FORMS[i % DOOR_FORMS.length]! }));
  const { decisions, alerts } = replay(events);
  assert.deepEqual(Array.from({ length: 25 }, (_, i) => decisions.get(`ev_od${i}`)!.decision),
    ['allow', 'allow', ...Array.from({ length: 23 }, () => 'deny')]);
  assert.equal(scalpingReasons(decisions.get('ev_od24'))[0]!.code, 'door_over_limit', 'drop24 is linked to nobody by the graph');
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]!.subjects.accounts.length, 25);
});

test('a family of two sharing a tablet, a card and a door, each buying the limit, is allowed and raises no alert', () => {
  const events = [
    launch(0, { limit: 2 }),
    buy(60, 'mum1', { buyer: 'mum', qty: 2, device: 'd_tablet', payment: 'p_family', detail: '翠苑3栋2单元501' }),
    buy(62, 'dad1', { buyer: 'dad', qty: 1, device: 'd_tablet', payment: 'p_family', detail: '翠苑三栋二单元501室' }),
    buy(75, 'dad2', { buyer: 'dad', qty: 1, device: 'd_tablet', payment: 'p_family', detail: '翠苑3-2-501' }),
  ];
  const { decisions, alerts } = replay(events);
  for (const id of ['ev_mum1', 'ev_dad1', 'ev_dad2']) {
    assert.equal(decisions.get(id)!.decision, 'allow', id);
    assert.deepEqual(scalpingReasons(decisions.get(id)), []);
  }
  assert.equal(alerts.length, 0);
});

test('a member of the family going over their own limit is denied for the item limit, without a scalping alert', () => {
  const events = [
    launch(0, { limit: 1 }),
    buy(60, 'mum1', { buyer: 'mum', device: 'd_tablet' }),
    buy(61, 'son1', { buyer: 'son', device: 'd_tablet' }),
    buy(62, 'son2', { buyer: 'son', device: 'd_tablet' }),
  ];
  const { decisions, alerts } = replay(events);
  const d = decisions.get('ev_son2')!;
  assert.equal(d.decision, 'deny');
  assert.deepEqual(scalpingReasons(d).map((r) => r.code), ['item_limit_exceeded']);
  assert.equal(alerts.length, 0);
});

test('forty students behind one campus IP with their own phones each buy the limit and all are allowed', () => {
  const events = [launch(0, { limit: 1 })];
  for (let i = 0; i < 40; i++) {
    events.push(ev('account.login', 59, { account_id: `stu${i}`, device_id: `d_stu${i}`, ip: '202.120.1.7' }));
    events.push(buy(60 + i * 0.1, `os${i}`, { buyer: `stu${i}`, detail: `浙江大学紫金港校区蓝田${1 + (i % 6)}舍${100 + i}室` }));
  }
  const { decisions, alerts } = replay(events);
  for (let i = 0; i < 40; i++) assert.equal(decisions.get(`ev_os${i}`)!.decision, 'allow', `stu${i}`);
  assert.equal(alerts.length, 0);
});

test('the order that passes the group allowance is cut to what fits (limit_quantity, challenge); the next is denied', () => {
  const events = [
    launch(0, { limit: 2 }),
    buy(60, 'a', { buyer: 'r_a', qty: 1, device: 'd_rack' }),
    buy(61, 'b', { buyer: 'r_b', qty: 2, device: 'd_rack' }),
    buy(62, 'c', { buyer: 'r_c', qty: 2, device: 'd_rack' }),
    buy(63, 'd', { buyer: 'r_d', qty: 2, device: 'd_rack' }),
  ];
  const { decisions, alerts } = replay(events);
  assert.equal(decisions.get('ev_a')!.decision, 'allow');
  assert.equal(decisions.get('ev_b')!.decision, 'allow');
  const cut = decisions.get('ev_c')!;
  assert.equal(cut.decision, 'challenge');
  assert.deepEqual(cut.actions, ['limit_quantity']);
  assert.match(scalpingReasons(cut)[0]!.message, /1 of the 2 unit\(s\) ordered fit/);
  assert.equal(decisions.get('ev_d')!.decision, 'deny');
  assert.equal(alerts.length, 1);
  const e = alerts[0]!.evidence as { unitsBought: number; unitsAttempted: number; limitedOrders: number; deniedOrders: number };
  assert.deepEqual([e.unitsBought, e.unitsAttempted, e.limitedOrders, e.deniedOrders], [4, 7, 1, 1]);
});

test('two groups that merge mid-launch count as one: their units add up under the new root', () => {
  const events = [
    launch(0, { limit: 1 }),
    // Group A: three accounts on one device; the third is over the household allowance.
    buy(60, 'a1', { buyer: 'a1', device: 'd_A' }),
    buy(61, 'a2', { buyer: 'a2', device: 'd_A' }),
    buy(62, 'a3', { buyer: 'a3', device: 'd_A' }),
    // Group B: a pair on another device, within a household's allowance on its own.
    buy(63, 'b1', { buyer: 'b1', device: 'd_B', payment: 'p_B' }),
    buy(64, 'b2', { buyer: 'b2', device: 'd_B', payment: 'p_B' }),
    // b3 pays with a1's card: A and B become one cluster, already past two households.
    buy(65, 'b3', { buyer: 'b3', device: 'd_B', payment: 'p_a1' }),
  ];
  const { decisions, alerts } = replay(events);
  assert.deepEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((o) => decisions.get(`ev_${o}`)!.decision),
    ['allow', 'allow', 'deny', 'allow', 'allow', 'deny']);
  assert.equal(alerts.length, 1);
  const a = alerts[0]!;
  assert.deepEqual([...a.subjects.accounts].sort(), ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
  const groups = (a.evidence as { groups: Array<{ buyers: number; units: number }> }).groups;
  assert.equal(groups.length, 1, 'the evidence of group A is replaced by the merged group');
  assert.deepEqual([groups[0]!.buyers, groups[0]!.units], [6, 4]);
});

test('a cancelled order gives its units back to the account and its group', () => {
  const events = [
    launch(0, { limit: 1 }),
    buy(60, 'x1', { buyer: 'solo' }),
    ev('order.cancelled', 70, { order_id: 'x1', by: 'buyer' }),
    buy(71, 'x2', { buyer: 'solo' }),
    buy(72, 'x3', { buyer: 'solo' }),
  ];
  const { decisions } = replay(events);
  assert.equal(decisions.get('ev_x2')!.decision, 'allow');
  assert.equal(decisions.get('ev_x3')!.decision, 'deny');
});

test('a relaunch a day after the last sale starts fresh limits and a second incident; a restock within the drop does not', () => {
  const ring = (t: number, tag: string) => [0, 1, 2].map((i) => buy(t + i, `${tag}${i}`, { buyer: `ring${i}`, device: 'd_rack' }));
  const events = [
    launch(0, { limit: 1, stock: 300 }),
    ...ring(60, 'first'),
    launch(120, { limit: 1, stock: 400 }),
    buy(121, 'again', { buyer: 'ring0', device: 'd_rack' }),
    launch(3 * 24 * 60, { limit: 1, stock: 500 }),
    ...ring(3 * 24 * 60 + 60, 'second'),
  ];
  const { decisions, alerts } = replay(events);
  assert.equal(decisions.get('ev_again')!.decision, 'deny', 'a restock two hours in is the same drop');
  assert.deepEqual([0, 1, 2].map((i) => decisions.get(`ev_second${i}`)!.decision), ['allow', 'allow', 'deny']);
  assert.equal(alerts.length, 2);
  assert.deepEqual(alerts.map((a) => (a.evidence as { launch: number }).launch).sort(), [1, 2]);
});

test('items that are not limited launches, and a launch ended by limited: false, are left alone', () => {
  const events = [
    launch(0, { limit: 1, limited: false }),
    ...[0, 1, 2, 3].map((i) => buy(60 + i, `n${i}`, { buyer: `ring${i}`, device: 'd_rack' })),
    launch(100, { limit: 1, itemId: 'i_other' }),
    launch(200, { limit: 1, itemId: 'i_other', limited: false }),
    ...[0, 1, 2, 3].map((i) => buy(260 + i, `m${i}`, { buyer: `ring${i}`, device: 'd_rack', itemId: 'i_other' })),
  ];
  const { decisions, alerts } = replay(events);
  for (const e of events.filter((x) => x.type === 'order.placed')) assert.deepEqual(scalpingReasons(decisions.get(e.id)), [], e.id);
  assert.equal(alerts.length, 0);
});

test('the same events give byte-identical decisions and alerts', () => {
  const events = launchWithRing();
  const once = replay(events);
  const twice = replay(events);
  assert.equal(JSON.stringify([...twice.decisions]), JSON.stringify([...once.decisions]));
  assert.equal(JSON.stringify(twice.alerts), JSON.stringify(once.alerts));
});

test('property: no account gets past the limit, no device group past a household, and only a full allowance denies', () => {
  const limit = 2;
  const household = scalpingDetector.defaults.householdAccounts;
  fc.assert(fc.property(
    fc.array(fc.record({ account: fc.integer({ min: 0, max: 11 }), qty: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 40 }),
    (orders) => {
      // Each account always uses one device (account % 4), so the device groups are the clusters.
      const events = [launch(0, { limit })];
      orders.forEach((o, i) => events.push(buy(60 + i, `p${i}`, { buyer: `acc${o.account}`, qty: o.qty, device: `d${o.account % 4}` })));
      const { decisions } = replay(events);
      const perAccount = new Map<number, number>();
      const perDevice = new Map<number, number>();
      const buyersOf = new Map<number, Set<number>>();
      orders.forEach((o, i) => {
        const d = decisions.get(`ev_p${i}`)!;
        const dev = o.account % 4;
        const mine = perAccount.get(o.account) ?? 0;
        const group = perDevice.get(dev) ?? 0;
        const room = Math.min(limit - mine, limit * household - group);
        const granted = Math.max(0, Math.min(o.qty, room));
        const expected = granted === o.qty ? 'allow' : granted > 0 ? 'challenge' : 'deny';
        assert.equal(d.decision, expected, `order ${i} of acc${o.account}`);
        perAccount.set(o.account, mine + granted);
        perDevice.set(dev, group + granted);
        (buyersOf.get(dev) ?? buyersOf.set(dev, new Set()).get(dev)!).add(o.account);
      });
      for (const v of perAccount.values()) assert.ok(v <= limit);
      for (const v of perDevice.values()) assert.ok(v <= limit * household);
    },
  ), { numRuns: 60, seed: 7 });
});
