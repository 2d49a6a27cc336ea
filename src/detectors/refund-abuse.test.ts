import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent, Decision } from '../contract/index.js';
import { ev } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { refundAbuseDetector } from './refund-abuse.js';

const HOUR = 60;
const DAY = 24 * HOUR;
const PHONE_PRICE = 459_900;
const CUP_PRICE = 3_900;

/** Runs events through the real pipeline with this detector alone; its refund_abuse alerts. */
function replay(events: readonly BulwarkEvent[]) {
  const { decisions, alerts, pipeline } = run(events, [refundAbuseDetector]);
  return { decisions, pipeline, alerts: [...alerts.values()].filter((a) => a.kind === 'refund_abuse') };
}

interface Buyer { id: string; device?: string; payment?: string; door?: string }

/**
 * An order of one item by `b`, paid at once and, unless told otherwise, shipped a day later and
 * delivered two days after that. Event ids: `ev_<order>` for the order.
 */
function bought(minute: number, order: string, b: Buyer, o: { price?: number; ship?: boolean; deliver?: boolean } = {}): BulwarkEvent[] {
  const price = o.price ?? PHONE_PRICE;
  const events = [
    ev('order.placed', minute, {
      order_id: order, buyer_id: b.id, shop_id: `s_${order}`, lines: [{ item_id: `i_${order}`, qty: 1, unit_price: price }], amount: price,
      device_id: b.device ?? `d_${b.id}`, payment_id: b.payment ?? `p_${b.id}`,
      address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: b.door ?? `文三路${order.length}号${b.id}小区1栋${minute % 97}室`, recipient: '王' },
    }, `ev_${order}`),
    ev('order.paid', minute + 2, { order_id: order }),
  ];
  if (o.ship ?? true) events.push(ev('order.shipped', minute + DAY, { order_id: order, carrier: 'SF', tracking_no: `SF${order}` }));
  if ((o.ship ?? true) && (o.deliver ?? true)) events.push(ev('order.delivered', minute + 3 * DAY, { order_id: order }));
  return events;
}

/** A refund-only request for the whole order; the event id is `ev_r_<order>`. */
function refundOnly(minute: number, order: string, buyer: string, o: { amount?: number; evidence?: number; kind?: 'refund_only' | 'return_and_refund' } = {}): BulwarkEvent {
  return ev('refund.requested', minute, {
    refund_id: `rf_${order}`, order_id: order, buyer_id: buyer, kind: o.kind ?? 'refund_only', amount: o.amount ?? PHONE_PRICE,
    reason: '未收到货', ...(o.evidence !== undefined ? { evidence: o.evidence } : {}),
  }, `ev_r_${order}`);
}

const delivered = (placedAt: number) => placedAt + 3 * DAY;
const mine = (d: Decision | undefined) => (d?.reasons ?? []).filter((r) => r.rule === 'refund_abuse').map((r) => r.code);
const byTime = (events: BulwarkEvent[]) => [...events].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));

test('one honest refund-only of cheap goods two days after delivery, from an established account, is allowed and raises no alert', () => {
  const events = [...bought(0, 'o1', { id: 'alice' }, { price: CUP_PRICE }), refundOnly(delivered(0) + 2 * DAY, 'o1', 'alice', { amount: CUP_PRICE })];
  const { decisions, alerts } = replay(events);
  const d = decisions.get('ev_r_o1')!;
  assert.equal(d.decision, 'allow');
  assert.deepEqual(mine(d), ['refund_only_without_evidence'], 'doubtful, but nothing else speaks against it');
  assert.equal(alerts.length, 0);
});

test('a refund-only of an expensive phone with photos of the damage, an hour after delivery, is allowed without a word', () => {
  const events = [
    ev('account.registered', 0, { account_id: 'bob', role: 'buyer', device_id: 'd_bob' }),
    ...bought(60, 'o1', { id: 'bob' }), refundOnly(delivered(60) + HOUR, 'o1', 'bob', { evidence: 3 }),
  ];
  const d = replay(events).decisions.get('ev_r_o1')!;
  assert.equal(d.decision, 'allow');
  assert.deepEqual(mine(d), []);
});

test('a refund-only of an order never shipped, or still on its way, takes nothing and is allowed, even from a young account for a phone', () => {
  const events = [
    ev('account.registered', 0, { account_id: 'carol', role: 'buyer', device_id: 'd_carol' }),
    ...bought(60, 'unshipped', { id: 'carol' }, { ship: false }), refundOnly(120, 'unshipped', 'carol'),
    ...bought(200, 'transit', { id: 'carol' }, { deliver: false }), refundOnly(200 + DAY + 30, 'transit', 'carol'),
  ];
  const { decisions } = replay(byTime(events));
  for (const id of ['ev_r_unshipped', 'ev_r_transit']) {
    assert.equal(decisions.get(id)!.decision, 'allow', id);
    assert.deepEqual(mine(decisions.get(id)), [], id);
  }
});

test('a refund-only for an order placed before the stream began is doubted on what is known: no evidence, the amount', () => {
  const d = replay([refundOnly(0, 'o_before', 'gina')]).decisions.get('ev_r_o_before')!;
  assert.equal(d.decision, 'allow');
  assert.deepEqual(mine(d).sort(), ['refund_expensive_goods', 'refund_only_without_evidence']);
});

test('a return (goods sent back) is never doubted', () => {
  const events = [...bought(0, 'o1', { id: 'dan' }), refundOnly(delivered(0) + HOUR, 'o1', 'dan', { kind: 'return_and_refund' })];
  assert.deepEqual(mine(replay(events).decisions.get('ev_r_o1')), []);
});

test('a young account asking refund-only without evidence for a phone two hours after delivery is challenged for evidence', () => {
  const events = [
    ev('account.registered', 0, { account_id: 'erin', role: 'buyer', device_id: 'd_erin' }),
    ...bought(60, 'o1', { id: 'erin' }), refundOnly(delivered(60) + 2 * HOUR, 'o1', 'erin'),
  ];
  const { decisions, alerts } = replay(events);
  const d = decisions.get('ev_r_o1')!;
  assert.equal(d.decision, 'challenge');
  assert.deepEqual(d.actions, ['require_evidence']);
  assert.deepEqual(mine(d).sort(), ['refund_expensive_goods', 'refund_only_without_evidence', 'refund_soon_after_delivery', 'refund_young_account']);
  assert.equal(alerts.length, 0, 'one account is not a farm');
});

test('an account refunding cheap goods without evidence again and again is challenged once its shrunk rate says so, not at its first', () => {
  const events: BulwarkEvent[] = [];
  for (let i = 0; i < 10; i++) {
    events.push(...bought(i * 2 * DAY, `c${i}`, { id: 'frank' }, { price: CUP_PRICE }));
    events.push(refundOnly(delivered(i * 2 * DAY) + 2 * DAY, `c${i}`, 'frank', { amount: CUP_PRICE }));
  }
  const { decisions } = replay(byTime(events));
  const values = Array.from({ length: 10 }, (_, i) => decisions.get(`ev_r_c${i}`)!);
  assert.equal(values[0]!.decision, 'allow');
  assert.deepEqual(mine(values[0]), ['refund_only_without_evidence'], 'the first request is no history');
  const rates = values.slice(1).map((d) => d.reasons.find((r) => r.code === 'refund_only_history')!.score);
  for (let i = 1; i < rates.length; i++) assert.ok(rates[i]! > rates[i - 1]!, `each further refund raises the rate: ${rates.join(', ')}`);
  assert.ok(rates[0]! < 0.2, `two refunds on two orders are not yet a refunder (${rates[0]})`);
  const firstChallenged = values.findIndex((d) => d.decision === 'challenge');
  assert.ok(firstChallenged >= 5 && firstChallenged <= 8, `challenged from request ${firstChallenged + 1}`);
  assert.ok(values.slice(firstChallenged).every((d) => d.decision === 'challenge'), 'and stays challenged');
});

/** Linked accounts: on two phones of a rack, paying with two cards (crossed, so all are one cluster), each buying two phones. */
function farm(n: number, o: { start?: number; prefix?: string; rack?: string } = {}): { events: BulwarkEvent[]; accounts: string[] } {
  const start = o.start ?? 0;
  const prefix = o.prefix ?? 'f';
  const rack = o.rack ?? 'rack';
  const accounts = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const events: BulwarkEvent[] = [];
  accounts.forEach((a, i) => {
    const b = { id: a, device: `d_${rack}${i % 2}`, payment: `p_${rack}${Math.floor(i / 2) % 2}` };
    events.push(...bought(start + i * 10, `${a}_1`, b), ...bought(start + i * 10 + 5, `${a}_2`, b));
  });
  // The first phone of every account is refunded, one account after another, two hours after delivery.
  accounts.forEach((a, i) => events.push(refundOnly(delivered(start + i * 10) + 2 * HOUR + i * 30, `${a}_1`, a)));
  return { events, accounts };
}

test('linked accounts asking refund-only without evidence: the third is reviewed as a farm, one alert names them and grows', () => {
  const { events, accounts } = farm(5);
  const { decisions, alerts } = replay(byTime(events));
  const d = (a: string) => decisions.get(`ev_r_${a}_1`)!;
  // Before the third linked refunder the requests are judged one by one (expensive, soon after delivery).
  for (const a of accounts.slice(0, 2)) {
    assert.equal(d(a).decision, 'challenge', a);
    assert.ok(!mine(d(a)).includes('refund_farm'), a);
  }
  for (const a of accounts.slice(2)) {
    assert.equal(d(a).decision, 'review', a);
    assert.equal(d(a).reasons[0]!.code, 'refund_farm');
    assert.deepEqual(d(a).actions, ['require_evidence', 'hold_refund']);
  }
  assert.equal(alerts.length, 1, 'one alert per farm');
  const a = alerts[0]!;
  assert.deepEqual([...a.subjects.accounts].sort(), accounts);
  assert.deepEqual([...a.subjects.orders].sort(), accounts.map((x) => `${x}_1`));
  assert.deepEqual(a.subjects.shops, [], 'the shops are the victims, not the accused');
  assert.equal(a.time, events.find((x) => x.id === 'ev_r_f2_1')!.time, 'first seen at the third refunder');
  const e = a.evidence as { accounts: number; requests: number; requestsWithoutEvidence: number; amountFen: number;
    perAccount: Array<{ account: string; requests: number; withoutEvidence: number; amountFen: number; orders: string[] }>;
    links: Array<{ a: string; b: string; via: string; value: string }>; shared: Record<string, string[]>; groupOrders: number };
  assert.equal(e.accounts, 5);
  assert.equal(e.requests, 5);
  assert.equal(e.requestsWithoutEvidence, 5);
  assert.equal(e.amountFen, 5 * PHONE_PRICE);
  assert.equal(e.groupOrders, 10);
  assert.deepEqual(e.perAccount.map((x) => x.account).sort(), accounts);
  assert.ok(e.perAccount.every((x) => x.requests === 1 && x.withoutEvidence === 1 && x.amountFen === PHONE_PRICE), JSON.stringify(e.perAccount));
  assert.deepEqual([...e.shared.device!].sort(), ['d_rack0', 'd_rack1']);
  assert.deepEqual([...e.shared.payment!].sort(), ['p_rack0', 'p_rack1']);
  const tied = new Set(e.links.flatMap((l) => [l.a, l.b]));
  for (const x of accounts) assert.ok(tied.has(x), `${x} is tied by a link`);
  assert.equal(a.severity, 'high', '22,995 yuan taken');

  // Seen at the third refunder with three accounts, the same alert (same id) grows to five.
  const cut = byTime(events).findIndex((x) => x.id === 'ev_r_f2_1');
  const early = replay(byTime(events).slice(0, cut + 1)).alerts;
  assert.equal(early.length, 1);
  assert.equal(early[0]!.id, a.id);
  assert.deepEqual([...early[0]!.subjects.accounts].sort(), accounts.slice(0, 3));
});

test('a farm member asking with photos is reviewed and named; at six linked refunders the requests without evidence are denied', () => {
  const { events, accounts } = farm(7);
  // f3 attaches a photo; the others do not.
  const i = events.findIndex((x) => x.id === 'ev_r_f3_1');
  events[i] = refundOnly(delivered(30) + 2 * HOUR + 90, 'f3_1', 'f3', { evidence: 1 });
  const { decisions, alerts } = replay(byTime(events));
  const d = (a: string) => decisions.get(`ev_r_${a}_1`)!;
  assert.equal(d('f3').decision, 'review');
  assert.deepEqual(mine(d('f3')), ['refund_farm'], 'evidence is not doubted as such; the farm is');
  assert.equal(d('f4').decision, 'review', 'four refunders without evidence so far');
  assert.equal(d('f5').decision, 'review', 'five refunders without evidence so far');
  assert.equal(d('f6').decision, 'deny', 'the sixth refunder without evidence');
  assert.equal(alerts.length, 1);
  assert.deepEqual([...alerts[0]!.subjects.accounts].sort(), accounts);
  const e = alerts[0]!.evidence as { requests: number; requestsWithoutEvidence: number; amountWithoutEvidenceFen: number };
  assert.equal(e.requests, 7);
  assert.equal(e.requestsWithoutEvidence, 6);
  assert.equal(e.amountWithoutEvidenceFen, 6 * PHONE_PRICE);
});

test('a couple sharing a tablet and a card, both refunding without evidence, is a household, not a farm', () => {
  const events = [
    ...bought(0, 'm1', { id: 'mum', device: 'd_tab', payment: 'p_home' }), ...bought(5, 'd1', { id: 'dad', device: 'd_tab', payment: 'p_home' }),
    refundOnly(delivered(0) + 2 * HOUR, 'm1', 'mum'), refundOnly(delivered(5) + 2 * HOUR, 'd1', 'dad'),
  ];
  const { decisions, alerts } = replay(byTime(events));
  assert.equal(alerts.length, 0);
  assert.ok(!mine(decisions.get('ev_r_d1')).includes('refund_farm'), 'no farm reason');
});

test('a large cluster of ordinary buyers with three disputes among hundreds of orders is not a farm', () => {
  // Forty neighbours chained by shared doors (one door per pair), five orders each.
  const events: BulwarkEvent[] = [];
  for (let i = 0; i < 40; i++) {
    for (let j = 0; j < 5; j++) {
      const door = `翠苑${Math.floor((i + (j % 2)) / 2) + 1}栋1单元${100 + (j % 2)}室`;
      events.push(...bought(i * 30 + j * 6, `n${i}_${j}`, { id: `n${i}`, door }, { price: 35_000 }));
    }
  }
  for (const i of [3, 17, 31]) events.push(refundOnly(delivered(i * 30) + 2 * HOUR, `n${i}_0`, `n${i}`, { amount: 35_000 }));
  const { decisions, alerts } = replay(byTime(events));
  assert.equal(alerts.length, 0);
  for (const i of [3, 17, 31]) {
    const d = decisions.get(`ev_r_n${i}_0`)!;
    assert.ok(!mine(d).includes('refund_farm'), `n${i}`);
    assert.equal(d.decision, 'challenge', 'each is still doubtful on its own: expensive, soon after delivery');
  }
});

test('two farms that merge keep the alert of the one seen first; the other stays as it was', () => {
  const a = farm(3, { prefix: 'a', rack: 'ra' });
  const b = farm(3, { prefix: 'b', rack: 'rb', start: 10 * DAY });
  // b0 orders again on a phone of farm a: the two groups are one cluster from then on.
  const bridge = bought(20 * DAY, 'b0_3', { id: 'b0', device: 'd_ra0', payment: 'p_rb0' });
  const late = refundOnly(delivered(20 * DAY) + HOUR, 'b0_3', 'b0');
  const { decisions, alerts } = replay(byTime([...a.events, ...b.events, ...bridge, late]));
  assert.equal(alerts.length, 2, 'two farms seen apart');
  const first = alerts.find((x) => x.subjects.accounts.includes('a0'))!;
  const second = alerts.find((x) => x !== first)!;
  assert.ok(first.time < second.time, `${first.time} before ${second.time}`);
  assert.deepEqual([...first.subjects.accounts].sort(), ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'], 'the first farm\'s alert grows');
  assert.deepEqual([...second.subjects.accounts].sort(), ['b0', 'b1', 'b2']);
  assert.equal(decisions.get('ev_r_b0_3')!.decision, 'deny', 'six linked refunders');
});

test('declares the buyer\'s record, the state a request reads first', () => {
  const { pipeline } = run([], [refundAbuseDetector]);
  const keys = pipeline.stateKeys(refundOnly(0, 'o1', 'zoe'));
  assert.ok(keys.includes('det.refund_abuse.refunder:zoe'), keys.join(', '));
});

test('the alert is the same, byte for byte, when the same events are replayed', () => {
  const { events } = farm(4);
  const once = replay(byTime(events)).alerts;
  const twice = replay(byTime(events)).alerts;
  assert.deepEqual(twice as Alert[], once as Alert[]);
});
