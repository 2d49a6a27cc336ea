import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent } from '../contract/index.js';
import { ev } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { harassmentDetector } from './harassment.js';

const shop = 's_tea';
const merchant = 'm_tea';
const buyer = 'u_reviewer';
const HOUR = 60;

/** The shop opened by its merchant, and the buyer registered with a phone. */
function setup(): BulwarkEvent[] {
  return [
    ev('account.registered', 0, { account_id: merchant, role: 'merchant' }),
    ev('shop.opened', 1, { shop_id: shop, owner_id: merchant, category: 'tea' }),
    ev('account.registered', 2, { account_id: buyer, role: 'buyer', phone: '13912345678' }),
  ];
}

function reviewed(minute: number, rating: number, o: { buyer?: string; order?: string } = {}): BulwarkEvent {
  const b = o.buyer ?? buyer;
  return ev('review.posted', minute, { review_id: `r_${b}_${minute}`, order_id: o.order ?? `o_${b}`, buyer_id: b, shop_id: shop,
    rating, text: '茶叶受潮了，味道不对' });
}

let n = 0;
function msg(minute: number, channel: 'chat' | 'phone' | 'sms' | 'mail', text?: string, o: { from?: string; to?: string } = {}): BulwarkEvent {
  const id = `msg_${++n}`;
  return ev('message.sent', minute, { message_id: id, from_id: o.from ?? merchant, to_id: o.to ?? buyer, channel,
    ...(text === undefined ? {} : { text }), order_id: `o_${o.to ?? buyer}` }, `ev_${id}`);
}

function harassmentAlerts(events: readonly BulwarkEvent[]): Alert[] {
  return [...run(events, [harassmentDetector]).alerts.values()].filter((a) => a.kind === 'harassment');
}

interface Penalty { pointsProposed: number; closureProposed: boolean; closureReasons: string[]; shopIncidentsOnRecord: number }
interface Incident { consumer: string; reasons: string[]; contacts: number; calls: number; complaints: string[];
  messages: Array<{ id: string; channel: string; time: string; text?: string; cues?: Record<string, string[]> }> }
const evidence = (a: Alert) => a.evidence as { penalty: Penalty; incidents: Incident[]; merchant: string };

test('a polite follow-up after a 1-star review is after-sale care: no alert', () => {
  const events = [...setup(), reviewed(3 * HOUR, 1),
    msg(4 * HOUR, 'chat', '亲，非常抱歉给您带来不好的体验，我们给您换一件新的可以吗？'),
    msg(20 * HOUR, 'phone', '您好，对不起，运费我们来承担，您申请退货就行')];
  assert.deepEqual(harassmentAlerts(events), []);
});

test('threats and ten calls in two hours after a 1-star review: one alert, merchant, shop and consumer, 12 points', () => {
  const events = [...setup(), reviewed(3 * HOUR, 1), msg(3 * HOUR + 30, 'sms', '你给我把差评删了，不然你等着')];
  for (let i = 0; i < 10; i++) events.push(msg(4 * HOUR + i * 12, 'phone', i % 3 === 0 ? '未接来电' : undefined));
  events.push(msg(6 * HOUR + 5, 'chat', '最后说一次，删差评，不然后果自负'));
  const alerts = harassmentAlerts(events);
  assert.equal(alerts.length, 1);
  const a = alerts[0]!;
  assert.deepEqual(a.subjects.accounts, [merchant, buyer]);
  assert.deepEqual(a.subjects.shops, [shop]);
  assert.deepEqual(a.subjects.orders, [`o_${buyer}`]);
  assert.equal(a.time, '2026-11-02T03:30:00.000Z', 'raised on the first threat');
  const { penalty, incidents } = evidence(a);
  assert.equal(penalty.pointsProposed, 12);
  assert.equal(incidents.length, 1);
  assert.equal(incidents[0]!.contacts, 12);
  assert.equal(incidents[0]!.calls, 10);
  assert.deepEqual(incidents[0]!.reasons, ['threat_to_person', 'hostile_message', 'repeated_contact']);
  const threat = incidents[0]!.messages[0]!;
  assert.equal(threat.channel, 'sms');
  assert.equal(threat.text, '你给我把差评删了不然你等着');
  assert.deepEqual(threat.cues!['review-pressure'], ['把差评删']);
  assert.deepEqual(threat.cues!['personal-threat'], ['你等着']);
  assert.deepEqual(penalty.closureReasons, ['severe'], '"you just wait" threatens the person');
  assert.equal(a.severity, 'critical');
});

test('calls alone, many in a day, are harassment by conduct; three are not', () => {
  const three = [...setup(), reviewed(0, 2), ...[1, 2, 3].map((h) => msg(h * HOUR, 'phone'))];
  assert.deepEqual(harassmentAlerts(three), []);
  const storm = [...setup(), reviewed(0, 2), ...Array.from({ length: 6 }, (_, i) => msg(HOUR + i * 30, 'phone'))];
  const alerts = harassmentAlerts(storm);
  assert.equal(alerts.length, 1);
  assert.deepEqual(evidence(alerts[0]!).incidents[0]!.reasons, ['repeated_contact']);
  assert.equal(alerts[0]!.severity, 'medium');
});

test('a threat to the person proposes closure at once; a review of 3 stars opens no watch', () => {
  const events = [...setup(), reviewed(0, 1), msg(HOUR, 'chat', '我知道你住哪裏，別逼我上門')];
  const [a] = harassmentAlerts(events);
  assert.deepEqual(evidence(a!).incidents[0]!.reasons, ['threat_to_person', 'hostile_message']);
  assert.equal(evidence(a!).penalty.closureProposed, true);
  assert.deepEqual(evidence(a!).penalty.closureReasons, ['severe']);
  assert.equal(a!.severity, 'critical');
  assert.deepEqual(harassmentAlerts([...setup(), reviewed(0, 3), msg(HOUR, 'chat', '我知道你住哪里，别逼我上门')]), []);
});

test('naming the consumer\'s phone number in a demand reveals them; a message before the review is not after it', () => {
  const events = [...setup(), msg(10, 'chat', '你好，收到了吗'), reviewed(HOUR, 1),
    msg(2 * HOUR, 'sms', '你的电话 139 1234 5678 我有了，差评删了吧')];
  const [a] = harassmentAlerts(events);
  const inc = evidence(a!).incidents[0]!;
  assert.deepEqual(inc.reasons, ['address_revealed']);
  assert.equal(inc.contacts, 1);
});

test('the consumer\'s harassment complaint links in and strengthens the alert', () => {
  const base = [...setup(), reviewed(0, 1), ...Array.from({ length: 6 }, (_, i) => msg(HOUR + i * 20, 'phone'))];
  const complaint = ev('complaint.filed', 5 * HOUR, { complaint_id: 'cp_1', by_id: buyer, against_id: shop, kind: 'harassment',
    order_ids: [`o_${buyer}`], text: '商家一直打电话骚扰我' });
  const [without] = harassmentAlerts(base);
  const [withIt] = harassmentAlerts([...base, complaint]);
  assert.equal(withIt!.id, without!.id);
  assert.deepEqual(evidence(withIt!).incidents[0]!.complaints, ['cp_1']);
  assert.ok(withIt!.score > without!.score, `${withIt!.score} > ${without!.score}`);
  // Three calls are not repeated contact, but with the consumer's complaint they are an incident.
  const few = [...setup(), reviewed(0, 1), ...[1, 5, 9].map((h) => msg(h * HOUR, 'phone')),
    ev('complaint.filed', 10 * HOUR, { complaint_id: 'cp_2', by_id: buyer, against_id: merchant, kind: 'harassment' })];
  const [c] = harassmentAlerts(few);
  assert.deepEqual(evidence(c!).incidents[0]!.reasons, ['complaint_with_contact']);
  // A complaint of another kind links nothing.
  assert.deepEqual(harassmentAlerts([...setup(), reviewed(0, 1), ...[1, 5, 9].map((h) => msg(h * HOUR, 'phone')),
    ev('complaint.filed', 10 * HOUR, { complaint_id: 'cp_3', by_id: buyer, against_id: merchant, kind: 'other' })]), []);
});

test('three consumers harassed make one alert of the shop with 36 points; a fourth on its record proposes closure', () => {
  const buyers = ['u_a', 'u_b', 'u_c', 'u_d'];
  const events = [...setup()];
  buyers.forEach((b, k) => {
    events.push(ev('account.registered', 3, { account_id: b, role: 'buyer' }));
    events.push(reviewed(k * 24 * HOUR, 1, { buyer: b }), msg(k * 24 * HOUR + 60, 'chat', '你这种人就是找事，神经病', { to: b }));
  });
  const alerts = harassmentAlerts(events);
  assert.equal(alerts.length, 1);
  const { penalty, incidents } = evidence(alerts[0]!);
  assert.deepEqual(incidents.map((i) => i.consumer), buyers);
  assert.deepEqual(alerts[0]!.subjects.accounts, [merchant, ...buyers]);
  assert.equal(penalty.pointsProposed, 48);
  assert.equal(penalty.shopIncidentsOnRecord, 4);
  assert.deepEqual(penalty.closureReasons, ['repeated']);
  const third = harassmentAlerts(events.slice(0, events.length - 3));
  assert.equal(evidence(third[0]!).penalty.pointsProposed, 36);
  assert.equal(evidence(third[0]!).penalty.closureProposed, false);
});

test('past the 32 incidents an alert lists, later ones are counted once each, however long they go on', () => {
  const events = [...setup()];
  for (let k = 0; k < 34; k++) {
    const b = `u_${k}`;
    events.push(reviewed(k * 10, 1, { buyer: b }), msg(k * 10 + 1, 'chat', '神经病，你这种人就是找事', { to: b }),
      msg(k * 10 + 2, 'chat', '傻逼', { to: b }));
  }
  const [a] = harassmentAlerts(events);
  const e = a!.evidence as { penalty: Penalty & { incidents: number }; incidents: Incident[]; incidentsNotListed: number };
  assert.equal(e.incidents.length, 32);
  assert.equal(e.incidentsNotListed, 2);
  assert.equal(e.penalty.incidents, 34);
  assert.equal(e.penalty.pointsProposed, 34 * 12);
  assert.equal(a!.subjects.accounts.length, 35, 'the merchant and every consumer, listed or not');
});

test('an ordinary buyer question and the merchant\'s answer, with no bad review, are nothing', () => {
  const events = [...setup(),
    msg(10, 'chat', '你好，这个还有货吗？', { from: buyer, to: merchant }), msg(12, 'chat', '亲，有货的，拍下当天发'),
    reviewed(HOUR, 5), ...Array.from({ length: 8 }, (_, i) => msg(2 * HOUR + i * 10, 'phone'))];
  assert.deepEqual(harassmentAlerts(events), []);
});

test('a conversation the consumer keeps going is no campaign; "stop calling me" does not excuse a call storm', () => {
  const talk = [...setup(), reviewed(0, 1)];
  for (let i = 0; i < 8; i++) {
    talk.push(msg(HOUR + i * 90, 'chat', '请问换货怎么操作？', { from: buyer, to: merchant }));
    talk.push(msg(HOUR + i * 90 + 5, 'chat', '亲，您直接申请就行'), msg(HOUR + i * 90 + 6, 'chat', '亲，48小时内处理哦'));
  }
  assert.deepEqual(harassmentAlerts(talk), []);
  const storm = [...setup(), reviewed(0, 1), msg(HOUR, 'chat', '别再打电话了', { from: buyer, to: merchant }),
    ...Array.from({ length: 7 }, (_, i) => msg(HOUR + 5 + i * 10, 'phone'))];
  const [a] = harassmentAlerts(storm);
  const inc = evidence(a!).incidents[0]! as Incident & { replies: number };
  assert.equal(inc.replies, 2);
  assert.deepEqual(inc.reasons, ['repeated_contact']);
});

test('a watch ends: contacts after watchMs are not about the review, and the watch is forgotten', () => {
  const days = 24 * HOUR;
  const events = [...setup(), reviewed(0, 1), ...Array.from({ length: 6 }, (_, i) => msg(15 * days + i * 20, 'phone'))];
  const { alerts, state } = run(events, [harassmentDetector]);
  assert.equal(alerts.size, 0);
  assert.equal(state.get('det.harassment.watch', `${merchant}|${buyer}`), undefined);
});
