import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALERT_KINDS } from '../contract/index.js';
import { alertMatches, evaluate, indexIncident, type AlertRef, type DecisionRef, type EventRef } from './eval.js';
import { formatEvalTable } from './eval-format.js';
import type { Truth } from './truth.js';

// A hand-made world: one reverse-brushing incident, two brushing incidents, one price error, and two
// look-alikes (a viral burst and a promotion). Expected numbers are worked out in the comments.
const truth: Truth = {
  seed: 9, scale: 1, days: 7, start: '2026-11-02T00:00:00.000Z', end: '2026-11-09T00:00:00.000Z', events: 12, late_events: [],
  incidents: [
    { id: 'inc_rb_1', kind: 'reverse_brushing', accounts: ['a1', 'a2', 'a3', 'a4'], shops: ['s1'], items: ['i1'], orders: ['o1', 'o2'],
      start: '2026-11-02T10:00:00.000Z', events: ['e1', 'e2', 'e3'], victim_shops: ['s1'] },
    { id: 'inc_br_1', kind: 'brushing', accounts: ['b1', 'b2'], shops: ['s2', 's3'], items: ['i2'], orders: ['o4'],
      start: '2026-11-03T10:00:00.000Z', events: ['e4'] },
    { id: 'inc_br_2', kind: 'brushing', accounts: ['b3'], shops: ['s4'], items: ['i4'], orders: [],
      start: '2026-11-04T10:00:00.000Z', events: [] },
    { id: 'inc_pe_1', kind: 'price_error', accounts: [], shops: ['s5'], items: ['i5'], orders: [],
      start: '2026-11-05T10:00:00.000Z', events: ['e5'] },
  ],
  lookalikes: [
    { id: 'look_viral_1', kind: 'viral_burst', resembles: 'reverse_brushing', accounts: ['v1', 'v2'], shops: ['s6'], items: ['i6'],
      orders: [], start: '2026-11-06T10:00:00.000Z', events: ['e6', 'e7'] },
    { id: 'look_promo_1', kind: 'promotion', resembles: 'price_error', accounts: [], shops: ['s7'], items: ['i7'],
      orders: [], start: '2026-11-06T12:00:00.000Z', events: ['e8'] },
  ],
};

const events: EventRef[] = [
  { id: 'e1', type: 'order.placed' }, { id: 'e2', type: 'order.placed' }, { id: 'e3', type: 'refund.requested' },
  { id: 'e4', type: 'order.placed' }, { id: 'e5', type: 'listing.updated' }, { id: 'e6', type: 'order.placed' },
  { id: 'e7', type: 'order.placed' }, { id: 'e8', type: 'listing.updated' }, { id: 'e9', type: 'order.placed' },
  { id: 'e10', type: 'order.placed' }, { id: 'e11', type: 'account.login' }, { id: 'e12', type: 'account.registered' },
];

const decisions: DecisionRef[] = [
  { event_id: 'e1', decision: 'review' }, { event_id: 'e2', decision: 'allow' }, { event_id: 'e3', decision: 'deny' },
  { event_id: 'e4', decision: 'challenge' }, { event_id: 'e5', decision: 'review' }, { event_id: 'e6', decision: 'allow' },
  { event_id: 'e7', decision: 'review' }, { event_id: 'e8', decision: 'allow' }, { event_id: 'e9', decision: 'allow' },
  { event_id: 'e10', decision: 'review' }, { event_id: 'e99', decision: 'allow' },
];

const alert = (id: string, kind: AlertRef['kind'], time: string, s: Partial<AlertRef['subjects']>): AlertRef =>
  ({ id, kind, time, subjects: { accounts: [], shops: [], items: [], orders: [], ...s } });
const alerts: AlertRef[] = [
  alert('A1', 'reverse_brushing', '2026-11-02T10:12:00.000Z', { accounts: ['a1', 'a2', 'x1'], shops: ['s1'], items: ['i1'] }),
  alert('A2', 'reverse_brushing', '2026-11-02T10:05:00.000Z', { shops: ['s1'], items: ['i1'] }),
  alert('A3', 'reverse_brushing', '2026-11-06T11:00:00.000Z', { accounts: ['v1'], shops: ['s6'], items: ['i6'] }),
  alert('A4', 'brushing', '2026-11-03T12:00:00.000Z', { accounts: ['b1'], shops: ['s2'] }),
  alert('A5', 'brushing', '2026-11-03T13:00:00.000Z', { shops: ['s3'] }),
  alert('A6', 'price_error', '2026-11-05T10:30:00.000Z', { shops: ['s5'], items: ['i5'] }),
  alert('A7', 'price_error', '2026-11-06T13:00:00.000Z', { shops: ['s7'], items: ['i7'] }),
];

async function* slowly<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield await Promise.resolve(x);
}

test('an alert matches an incident by a shared account, or by a shop together with an item', () => {
  const inc = indexIncident(truth.incidents[0]!);
  assert.equal(alertMatches(alerts[0]!, inc), true);
  assert.equal(alertMatches(alerts[1]!, inc), true);
  assert.equal(alertMatches(alert('x', 'reverse_brushing', '', { shops: ['s1'] }), inc), false);
  assert.equal(alertMatches(alert('x', 'reverse_brushing', '', { shops: ['s1'], items: ['i9'] }), inc), false);
});

test('per-kind metrics match the hand computation', async () => {
  const r = await evaluate({ truth, events: slowly(events), decisions: slowly(decisions), alerts });
  assert.deepEqual(r.kinds.map((k) => k.kind), [...ALERT_KINDS]);
  const kind = (k: string) => r.kinds.find((x) => x.kind === k)!;

  // Reverse brushing: alert accounts {a1, a2, x1, v1}, of which a1, a2 are attackers: P = 2/4, R = 2/4.
  // A1 (accounts) and A2 (shop + item) match; A3 names the viral look-alike's v1 and s6.
  assert.deepEqual(kind('reverse_brushing'), {
    kind: 'reverse_brushing', incidents: 1, alerts: 3, detected: 1, unmatched_alerts: 1,
    account_precision: 0.5, account_recall: 0.5, shop_recall: 1, item_recall: 1, alerts_per_detected_incident: 2,
    lookalike_flags: 2, lookalike_flags_by_kind: { viral_burst: 2 },
  });
  // Brushing: accounts {b1} of {b1, b2, b3}: P = 1, R = 1/3; shops {s2, s3} of {s2, s3, s4}: 2/3;
  // no items named: 0/2. A5 names a shop without an item or account, so it matches nothing.
  assert.deepEqual(kind('brushing'), {
    kind: 'brushing', incidents: 2, alerts: 2, detected: 1, unmatched_alerts: 1,
    account_precision: 1, account_recall: 1 / 3, shop_recall: 2 / 3, item_recall: 0, alerts_per_detected_incident: 1,
    lookalike_flags: 0, lookalike_flags_by_kind: {},
  });
  // Price error: no accounts anywhere (null ratios); A7 flags the promotion's shop.
  assert.deepEqual(kind('price_error'), {
    kind: 'price_error', incidents: 1, alerts: 2, detected: 1, unmatched_alerts: 1,
    account_precision: null, account_recall: null, shop_recall: 1, item_recall: 1, alerts_per_detected_incident: 1,
    lookalike_flags: 1, lookalike_flags_by_kind: { promotion: 1 },
  });
  assert.deepEqual(kind('scalping'), {
    kind: 'scalping', incidents: 0, alerts: 0, detected: 0, unmatched_alerts: 0,
    account_precision: null, account_recall: null, shop_recall: null, item_recall: null, alerts_per_detected_incident: null,
    lookalike_flags: 0, lookalike_flags_by_kind: {},
  });
  // Its orders e1 (review) and e2 (allow): one of two held.
  assert.deepEqual(r.reverse_brushing_detection, [
    { incident: 'inc_rb_1', start: '2026-11-02T10:00:00.000Z', first_alert: '2026-11-02T10:05:00.000Z', minutes: 5,
      orders: 2, held: 1, held_share: 0.5 },
  ]);
  // The brushing alerts name s2 and s3, not the victim s1.
  assert.deepEqual(r.brushing_alerts_on_reverse_brushing_victims, { count: 0, alert_ids: [] });
});

test('brushing alerts that name a reverse-brushing victim shop are counted, once each', async () => {
  const more = [...alerts,
    alert('B1', 'brushing', '2026-11-03T14:00:00.000Z', { accounts: ['a1'], shops: ['s2', 's1'] }),
    alert('B1', 'brushing', '2026-11-03T15:00:00.000Z', { accounts: ['a1'], shops: ['s2', 's1'] }),
    alert('B0', 'brushing', '2026-11-03T16:00:00.000Z', { shops: ['s1'] }),
    // A reverse-brushing alert naming its victim is what it should do, not a brushing flag.
    alert('R1', 'reverse_brushing', '2026-11-02T10:06:00.000Z', { shops: ['s1'], items: ['i1'] })];
  const r = await evaluate({ truth, events, decisions, alerts: more });
  assert.deepEqual(r.brushing_alerts_on_reverse_brushing_victims, { count: 2, alert_ids: ['B0', 'B1'] });
  assert.match(formatEvalTable(r), /brushing alerts naming a reverse-brushing victim shop: 2 \(B0, B1\)/);
});

test('decision shares split attack, benign and look-alike events per decision point', async () => {
  const r = await evaluate({ truth, events, decisions, alerts: [] });
  const row = (t: string) => r.decisions_by_type.find((d) => d.type === t)!;
  // order.placed: attack e1 e2 e4 (flagged e1, e4); benign e6 e7 e9 e10 (flagged e7, e10); look-alike e6 e7 (flagged e7).
  assert.deepEqual(row('order.placed'), { type: 'order.placed',
    attack: { events: 3, flagged: 2, share: 2 / 3 }, benign: { events: 4, flagged: 2, share: 0.5 }, lookalike: { events: 2, flagged: 1, share: 0.5 } });
  assert.deepEqual(row('refund.requested'), { type: 'refund.requested',
    attack: { events: 1, flagged: 1, share: 1 }, benign: { events: 0, flagged: 0, share: null }, lookalike: { events: 0, flagged: 0, share: null } });
  assert.deepEqual(row('listing.updated'), { type: 'listing.updated',
    attack: { events: 1, flagged: 1, share: 1 }, benign: { events: 1, flagged: 0, share: 0 }, lookalike: { events: 1, flagged: 0, share: 0 } });
  // e12 got no decision: counted as not flagged and reported; e99 names no event.
  assert.deepEqual(row('account.registered').benign, { events: 1, flagged: 0, share: 0 });
  assert.equal(r.undecided, 1);
  assert.equal(r.unknown_decisions, 1);
  assert.equal(r.events, 12);
  assert.equal(r.decisions, 11);
  assert.equal(r.reverse_brushing_detection[0]!.minutes, null);
});

test('the text table lists every kind, the decision points and the detection time', async () => {
  const r = await evaluate({ truth, events, decisions, alerts });
  const text = formatEvalTable(r);
  for (const k of ALERT_KINDS) assert.match(text, new RegExp(`^${k} `, 'm'));
  assert.match(text, /^order\.placed\s+3\s+66\.7%\s+4\s+50\.0%\s+2\s+50\.0%$/m);
  assert.match(text, /inc_rb_1: first alert 5 min after the start .*; 1 of 2 orders held/);
  assert.match(text, /brushing alerts naming a reverse-brushing victim shop: 0$/m);
  assert.match(text, /1 decision-point events had no decision; 1 decisions named unknown events/);
});

test('genuine buyers of a limited launch: the share denied and the share not allowed, scalpers left out', async () => {
  const launchTruth: Truth = { ...truth, incidents: [...truth.incidents,
    { id: 'inc_sc_1', kind: 'scalping', accounts: ['k1', 'k2'], shops: ['s8'], items: ['i8'], orders: ['o20', 'o21'],
      start: '2026-11-07T02:00:00.000Z', events: ['e20', 'e21'],
      launch: { item: 'i8', shop: 's8', orders: [
        { event: 'e20', account: 'k1' }, { event: 'e21', account: 'k2' },
        // f1 bought twice (one order allowed, one denied), f2 was challenged, f3 and f4 allowed, f5 has no decision.
        { event: 'e22', account: 'f1' }, { event: 'e23', account: 'f1' }, { event: 'e24', account: 'f2' },
        { event: 'e25', account: 'f3' }, { event: 'e26', account: 'f4' }, { event: 'e27', account: 'f5' },
      ] } }] };
  const placed = ['e20', 'e21', 'e22', 'e23', 'e24', 'e25', 'e26', 'e27'].map((id) => ({ id, type: 'order.placed' }));
  const r = await evaluate({ truth: launchTruth, events: [...events, ...placed], alerts: [], decisions: [...decisions,
    { event_id: 'e20', decision: 'deny' }, { event_id: 'e21', decision: 'deny' }, { event_id: 'e22', decision: 'allow' },
    { event_id: 'e23', decision: 'deny' }, { event_id: 'e24', decision: 'challenge' }, { event_id: 'e25', decision: 'allow' },
    { event_id: 'e26', decision: 'allow' }] });
  assert.deepEqual(r.limited_launch_buyers, { launches: 1, genuine_buyers: 5, denied: 1, denied_share: 0.2, not_allowed: 2, not_allowed_share: 0.4 });
  assert.match(formatEvalTable(r), /Genuine buyers of limited launches: 5 in 1 launch\(es\); denied 1 \(20\.0%\), not allowed 2 \(40\.0%\)/);
  assert.deepEqual((await evaluate({ truth, events, decisions, alerts: [] })).limited_launch_buyers,
    { launches: 0, genuine_buyers: 0, denied: 0, denied_share: null, not_allowed: 0, not_allowed_share: null });
});
