import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, AlertKind, BulwarkEvent } from '../contract/index.js';
import { eventAt } from '../contract/index.js';
import { decide, type DecisionPolicy, type SourcedContribution } from './decide.js';
import { MemoryAppliedEvents, MemoryStateStore } from './state/memory-state.js';
import { Entities, applyToEntities } from './state/entities.js';
import { Pipeline, type ProcessOutcome } from './pipeline.js';
import {
  DEFAULT_WARNING_PARAMS, compareWarnings, shopWarnings, warningRules, type Warning, type WarningParams,
} from './warnings.js';
import { detectors } from '../detectors/index.js';
import { ev, fullAddress } from '../../test/support/events.js';

const policy: DecisionPolicy = { thresholds: { challenge: 0.5, review: 0.75, deny: 0.95 }, byType: {} };

function pipeline(warnings?: Partial<WarningParams>): Pipeline {
  return new Pipeline({
    detectors, params: {}, policy, state: new MemoryStateStore(), applied: new MemoryAppliedEvents(),
    alerts: { alertChanged: () => undefined }, ...(warnings ? { warnings } : {}),
  });
}

function accepted(out: ProcessOutcome): Extract<ProcessOutcome, { status: 'accepted' }> {
  assert.equal(out.status, 'accepted');
  return out as Extract<ProcessOutcome, { status: 'accepted' }>;
}

/** A listing history of item i1 of shop s1 at 5,999.00, then the same price typed as 59.99. */
const priceTypo = [
  ...Array.from({ length: 8 }, (_, k) => ev('listing.updated', k, { item_id: 'i1', shop_id: 's1', price: 599900 }, `l_${k}`)),
  ev('listing.updated', 10, { item_id: 'i1', shop_id: 's1', price: 5999 }, 'l_typo'),
];
const orderAtTypo = ev('order.placed', 12, {
  order_id: 'o1', buyer_id: 'b1', shop_id: 's1', lines: [{ item_id: 'i1', qty: 1, unit_price: 5999 }], amount: 5999,
  address: { ...fullAddress, phone: '13800138000' }, device_id: 'dev_secret', ip: '10.1.2.3', payment_id: 'pay_secret',
}, 'ev_o1');

test('a price typo warns its shop: the listing paused, then the order held with its reasons, and the alert as it grows', () => {
  const p = pipeline();
  for (const e of priceTypo.slice(0, -1)) assert.deepEqual(accepted(p.process(e)).warnings, []);
  const typo = accepted(p.process(priceTypo.at(-1)!)).warnings;
  assert.deepEqual(typo.map((w) => [w.shop_id, w.kind, w.id === 'l_typo']), [['s1', 'listing_paused', true], ['s1', 'price_error', false]]);
  const listing = typo[0]!;
  assert.ok(listing.source === 'decision');
  assert.equal(listing.time, '2026-11-02T00:10:00.000Z');
  assert.deepEqual(listing.item_ids, ['i1']);
  assert.ok(listing.actions.includes('pause_listing'));
  assert.deepEqual(Object.keys(listing.reasons[0]!), ['code', 'message'], 'a reason shows its code and message only');

  const order = accepted(p.process(orderAtTypo)).warnings;
  assert.deepEqual(order.map((w) => w.kind), ['order_held', 'price_error']);
  const held = order[0]!;
  assert.ok(held.source === 'decision');
  assert.equal(held.id, 'ev_o1');
  assert.equal(held.order_id, 'o1');
  assert.equal(held.decision, 'review');
  assert.ok(held.reasons.some((r) => r.code === 'order_at_price_error'));
  const alert = order[1]!;
  assert.ok(alert.source === 'alert');
  assert.equal(alert.id, typo[1]!.id, 'the alert warning keeps its id as the alert grows');
  assert.equal(alert.order_count, 1);
  assert.equal(alert.time, '2026-11-02T00:10:00.000Z');
  assert.equal(alert.updated, '2026-11-02T00:12:00.000Z');
});

test('a warning never carries the buyer\'s address, phone, device, IP or payment id', () => {
  const p = pipeline();
  for (const e of priceTypo) p.process(e);
  const text = JSON.stringify(accepted(p.process(orderAtTypo)).warnings);
  for (const secret of ['13800138000', 'dev_secret', '10.1.2.3', 'pay_secret', fullAddress.detail, fullAddress.recipient, 'b1']) {
    assert.ok(!text.includes(secret), `${secret} leaked into ${text}`);
  }
});

test('allowed events and alerts of kinds that do not warn share one empty list', () => {
  const p = pipeline();
  const a = accepted(p.process(ev('listing.updated', 0, { item_id: 'i9', shop_id: 's9', price: 100 })));
  const b = accepted(p.process(ev('order.paid', 1, { order_id: 'nope' })));
  assert.equal(a.warnings, b.warnings);
  assert.equal(a.warnings.length, 0);
});

test('alert kinds that warn are configuration: without price_error the typo warns of the paused listing only', () => {
  const p = pipeline({ alertKinds: [] });
  let last: readonly Warning[] = [];
  for (const e of priceTypo) last = accepted(p.process(e)).warnings;
  assert.deepEqual(last.map((w) => w.kind), ['listing_paused']);
});

// Hand-made alerts and decisions: the pure function on its own.
const state = new MemoryStateStore();
const entities = new Entities(state);
const rules = warningRules(DEFAULT_WARNING_PARAMS);
const T = '2026-11-02T10:00:00.000Z';

function alert(kind: AlertKind, shops: string[], evidence: Record<string, unknown> = {}): Alert {
  return { id: `alr_${kind}`, kind, time: T, updated: T, status: 'open', severity: 'high', score: 0.9, summary: `a ${kind} incident`,
    subjects: { accounts: ['u1', 'u2'], shops, items: ['i1'], orders: ['o1', 'o2', 'o3'] }, evidence };
}

function warningsOf(event: BulwarkEvent, o: { contributions?: SourcedContribution[]; alerts?: Alert[] } = {}): readonly Warning[] {
  const contributions = o.contributions ?? [];
  const decision = decide(event, contributions, policy);
  return shopWarnings({ event, decision, contributions, alerts: o.alerts ?? [], entities, policy, rules });
}

const login = ev('account.login', 0, { account_id: 'u1' });

test('a shop is never warned of an alert that accuses it: brushing, harassment, review manipulation, refund and promo abuse', () => {
  for (const kind of ['brushing', 'harassment', 'review_manipulation', 'refund_abuse', 'promo_abuse'] as const) {
    assert.deepEqual(warningsOf(login, { alerts: [alert(kind, ['s1', 's2'])] }), [], kind);
  }
});

test('an alert that harms shops warns each of them, with its kind, summary, severity, items and order count', () => {
  const got = warningsOf(login, { alerts: [alert('malicious_claim', ['s1', 's2'])] });
  assert.deepEqual(got, ['s1', 's2'].map((shop) => ({
    id: 'alr_malicious_claim', shop_id: shop, time: T, updated: T, source: 'alert', kind: 'malicious_claim', severity: 'high',
    summary: 'a malicious_claim incident', item_ids: ['i1'], order_count: 3,
  })));
});

test('reverse brushing warns the victim its evidence names, not the other shops the alert names', () => {
  const got = warningsOf(login, { alerts: [alert('reverse_brushing', ['s_victim', 's_other'], { victim: { shop: 's_victim', item: 'i1' } })] });
  assert.deepEqual(got.map((w) => w.shop_id), ['s_victim']);
});

const ringOrder = ev('order.placed', 0, {
  order_id: 'o7', buyer_id: 'b7', shop_id: 's1', lines: [{ item_id: 'i1', qty: 1, unit_price: 100 }, { item_id: 'i1', qty: 1, unit_price: 100 }],
  amount: 200, address: fullAddress,
}, 'ev_o7');
const brushingReason: SourcedContribution = {
  source: 'brushing', code: 'brushing_ring_order', score: 0.8, actions: ['exclude_from_sales_rank'], message: 'buyer b7 is a named brusher of ring r1',
};
const priceReason: SourcedContribution = {
  source: 'price_error', code: 'order_at_price_error', score: 0.9, actions: ['hold_shipment'], atLeast: 'review', message: 'bought at 1.00',
};

test('a decision made only of reasons that accuse the shop gives it no warning', () => {
  assert.equal(decide(ringOrder, [brushingReason], policy).decision, 'review');
  assert.deepEqual(warningsOf(ringOrder, { contributions: [brushingReason] }), []);
});

test('reasons that accuse the shop are withheld with their actions; the shop sees what its other reasons decide', () => {
  const [w] = warningsOf(ringOrder, { contributions: [brushingReason, priceReason] });
  assert.deepEqual(w, {
    id: 'ev_o7', shop_id: 's1', time: ringOrder.time, updated: ringOrder.time, source: 'decision', kind: 'order_held',
    event_type: 'order.placed', decision: 'review', actions: ['hold_shipment'],
    reasons: [{ code: 'order_at_price_error', message: 'bought at 1.00' }], order_id: 'o7', item_ids: ['i1'],
  });
});

test('an order flagged without hold_shipment is order_flagged', () => {
  const limit: SourcedContribution = { source: 'scalping', code: 'item_limit_exceeded', score: 0.6, actions: ['limit_quantity'], message: 'over the limit' };
  assert.deepEqual(warningsOf(ringOrder, { contributions: [limit] }).map((w) => [w.kind, w.source === 'decision' && w.decision]), [['order_flagged', 'challenge']]);
});

test('a flagged claim warns the shop it is filed against; a flagged refund the shop of its order, found in entity state', () => {
  const flag: SourcedContribution = { source: 'malicious_claim', code: 'claim_extortion', score: 0.8, message: 'threatens a bad review' };
  const claim = ev('claim.filed', 0, { claim_id: 'c1', order_id: 'o1', buyer_id: 'b1', shop_id: 's3', amount: 100 }, 'ev_c1');
  assert.deepEqual(warningsOf(claim, { contributions: [flag] }).map((w) => [w.shop_id, w.kind, w.source === 'decision' && w.claim_id]),
    [['s3', 'claim_flagged', 'c1']]);

  const refund = ev('refund.requested', 5, { refund_id: 'r1', order_id: 'o4', buyer_id: 'b1', kind: 'refund_only', amount: 100 }, 'ev_r1');
  assert.deepEqual(warningsOf(refund, { contributions: [flag] }), [], 'an order the state does not know names no shop');
  const placed = ev('order.placed', 1, { order_id: 'o4', buyer_id: 'b1', shop_id: 's4', lines: [{ item_id: 'i4', qty: 1, unit_price: 100 }],
    amount: 100, address: fullAddress });
  applyToEntities(state, placed, eventAt(placed));
  assert.deepEqual(warningsOf(refund, { contributions: [flag] }).map((w) => [w.shop_id, w.kind, w.source === 'decision' && w.refund_id]),
    [['s4', 'refund_flagged', 'r1']]);
});

test('events that concern no shop give no warning whatever their decision', () => {
  const reg = ev('account.registered', 0, { account_id: 'u9', role: 'buyer' });
  assert.deepEqual(warningsOf(reg, { contributions: [priceReason] }), []);
});

test('warnings sort for files by shop, time and id in code-point order, as SQLite sorts text', () => {
  const w = (shop: string, id: string, time = T): Warning => ({ ...alert('price_error', [shop]), id, shop_id: shop, time, source: 'alert',
    severity: 'high', item_ids: [], order_count: 0 });
  const sorted = [w('s2', 'a'), w('s1', 'b'), w('s1', 'a', '2026-11-02T11:00:00.000Z'), w('s1', '\u{1F600}'), w('s1', '\uFF21')]
    .sort(compareWarnings).map((x) => `${x.shop_id}/${x.id}`);
  assert.deepEqual(sorted, ['s1/b', 's1/\uFF21', 's1/\u{1F600}', 's1/a', 's2/a']);
});
