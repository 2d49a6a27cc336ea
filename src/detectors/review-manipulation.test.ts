import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent } from '../contract/index.js';
import { ev } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { reviewManipulationDetector } from './review-manipulation.js';

const merchants = Array.from({ length: 20 }, (_, i) => `m_${i}`);

/** Twenty merchants with a shop each. */
function shops(): BulwarkEvent[] {
  return merchants.flatMap((m, i) => [
    ev('account.registered', 0, { account_id: m, role: 'merchant' }),
    ev('shop.opened', 0, { shop_id: `s_${i}`, owner_id: m }),
  ]);
}

let n = 0;
function msg(minute: number, from: string, to: string, text: string, orderId?: string): BulwarkEvent {
  return ev('message.sent', minute, { message_id: `msg_${++n}`, from_id: from, to_id: to, channel: 'chat', text,
    ...(orderId ? { order_id: orderId } : {}) });
}

function gangAlerts(events: readonly BulwarkEvent[]): Alert[] {
  return [...run(events, [reviewManipulationDetector]).alerts.values()].filter((a) => a.kind === 'review_manipulation');
}

interface Evidence { handles: Array<{ handle: string; accounts: string[] }>; merchantsReached: number; offers: number;
  accounts: Array<{ account: string; offers: number; merchantsReached: number; ordersPlaced: number }>;
  links: Array<{ account: string; via: string; value: string; other: string }> }
const evidence = (a: Alert) => a.evidence as unknown as Evidence;

const OFFERS = ['老板您好，专业删差评，不成功不收费，30元一条，加V：gang_777', '店铺差評可以幫您處理，內部渠道，安全不降權，vx gang_777',
  '提供删*差*评改好评服务，老客户八折，微信 gang_777'];

test('the same WeChat handle from three accounts to twenty merchants: one gang alert with the three accounts and the handle', () => {
  const sellers = ['u_s1', 'u_s2', 'u_s3'];
  const events = shops();
  merchants.forEach((m, i) => events.push(msg(60 + i * 7, sellers[i % 3]!, m, OFFERS[i % 3]!)));
  const alerts = gangAlerts(events);
  assert.equal(alerts.length, 1);
  const a = alerts[0]!;
  assert.deepEqual([...a.subjects.accounts].sort(), sellers);
  assert.deepEqual(a.subjects.shops, []);
  const e = evidence(a);
  assert.deepEqual(e.handles, [{ handle: 'id:gang_777', accounts: sellers }]);
  assert.equal(e.merchantsReached, 20);
  assert.equal(e.offers, 20);
  assert.deepEqual(e.links.map((l) => [l.account, l.via, l.value]), [['u_s2', 'handle', 'id:gang_777'], ['u_s3', 'handle', 'id:gang_777']]);
  assert.equal(a.severity, 'high');
  assert.ok(a.score >= 0.95, `${a.score}`);
});

test('an ordinary buyer question to a merchant, and a customer\'s message about an order, are nothing', () => {
  const events = [...shops(),
    ...merchants.map((m, i) => msg(60 + i, 'u_buyer', m, '你好，这个还有货吗？请问什么时候发货？')),
    ...merchants.map((m, i) => msg(200 + i, 'u_buyer2', m, '我给了差评，你们删差评还是改好评？不成功不收费吗，加V：buyer_1', `o_${i}`))];
  assert.deepEqual(gangAlerts(events), []);
});

test('marketing that sells no reviews or sales is not review manipulation, however salesy', () => {
  const events = [...shops(), ...merchants.map((m, i) => msg(60 + i, 'u_agency', m, '专业代运营团队，店铺装修设计，价格优惠，老客户八折，加V：agency_01'))];
  assert.deepEqual(gangAlerts(events), []);
});

test('two offers reach two merchants: below the breadth of outreach; the third merchant raises the alert', () => {
  const events = [...shops(), msg(60, 'u_x', merchants[0]!, OFFERS[0]!), msg(61, 'u_x', merchants[0]!, OFFERS[1]!),
    msg(62, 'u_x', merchants[1]!, OFFERS[2]!)];
  assert.deepEqual(gangAlerts(events), []);
  const [a] = gangAlerts([...events, msg(63, 'u_x', merchants[2]!, OFFERS[0]!)]);
  assert.equal(a!.time, '2026-11-02T01:03:00.000Z');
  assert.equal(evidence(a!).merchantsReached, 3);
  assert.equal(a!.severity, 'medium');
});

test('accounts with different handles are separate gangs until the identity graph or a shared handle joins them', () => {
  const base = [...shops(),
    ev('account.registered', 1, { account_id: 'u_p', role: 'buyer', device_id: 'dev_farm' }),
    ev('account.registered', 1, { account_id: 'u_q', role: 'buyer', device_id: 'dev_farm' }),
    ev('account.registered', 1, { account_id: 'u_r', role: 'buyer', device_id: 'dev_r' }),
    ...[0, 1, 2].map((i) => msg(60 + i, 'u_p', merchants[i]!, '专业删差评，不成功不收费，加V：pp_111')),
    ...[3, 4, 5].map((i) => msg(60 + i, 'u_r', merchants[i]!, '专业删差评，不成功不收费，加V：rr_222'))];
  assert.equal(gangAlerts(base).length, 2);
  // u_q shares u_p's device: one party with it. Then it gives out u_r's handle too: all three are one gang.
  const joined = [...base, ...[6, 7].map((i) => msg(70 + i, 'u_q', merchants[i]!, '改好评，删差评，内部渠道，微信 qq_333')),
    msg(80, 'u_q', merchants[8]!, '改好评，删差评，内部渠道，微信 rr_222')];
  const alerts = gangAlerts(joined);
  const p = alerts.find((a) => a.subjects.accounts.includes('u_p'))!;
  assert.deepEqual([...p.subjects.accounts].sort(), ['u_p', 'u_q', 'u_r']);
  const e = evidence(p);
  assert.deepEqual(e.handles.map((h) => h.handle).sort(), ['id:pp_111', 'id:qq_333', 'id:rr_222']);
  assert.deepEqual(e.links.map((l) => [l.account, l.via, l.other]), [['u_q', 'identity_graph', 'u_p'], ['u_q', 'handle', 'u_r']]);
  assert.equal(e.merchantsReached, 9);
});

test('a gang quiet for memoryMs is forgotten; its handle then starts a new gang', () => {
  const day = 24 * 60;
  const events = [...shops(), ...[0, 1, 2].map((i) => msg(60 + i, 'u_old', merchants[i]!, OFFERS[0]!)),
    msg(100 * day, 'u_new', merchants[3]!, OFFERS[0]!)];
  const { alerts, state } = run(events, [reviewManipulationDetector]);
  assert.equal(alerts.size, 1);
  assert.equal(state.get('det.review_manipulation.seller', 'u_old'), undefined);
  const handle = state.get<{ g: string; a: string[] }>('det.review_manipulation.handle', 'id:gang_777')!;
  assert.deepEqual([handle.g, handle.a], ['u_new', ['u_new']]);
});
