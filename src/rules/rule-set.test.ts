import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BulwarkEvent, Decision } from '../contract/index.js';
import { MemoryAppliedEvents, MemoryStateStore, Pipeline, type ProcessOutcome } from '../core/index.js';
import { detectors } from '../detectors/index.js';
import { defaultConfig } from '../config/index.js';
import { keyAddress } from '../text/index.js';
import { ev, fullAddress } from '../../test/support/events.js';
import { ListHasher, ListIndex, RuleSet, RulesError, type ListEntry } from './index.js';

/** The real pipeline with every detector, keeping windowed activity, deciding with `rules`. */
function pipelineWith(rules: RuleSet) {
  const cfg = defaultConfig();
  return new Pipeline({
    detectors, params: cfg.detectors as Record<string, unknown>,
    policy: { thresholds: cfg.decision.thresholds, byType: cfg.decision.byType },
    state: new MemoryStateStore(), applied: new MemoryAppliedEvents(), alerts: { alertChanged: () => undefined },
    addressKey: keyAddress, rules: () => rules, activity: true,
  });
}

function decisionOf(out: ProcessOutcome): Decision {
  assert.equal(out.status, 'accepted');
  assert.ok(out.status === 'accepted' && out.decision);
  return out.decision;
}

const registered = (minute: number, id: string, extra: Record<string, unknown> = {}) =>
  ev('account.registered', minute, { account_id: id, role: 'buyer', ...extra });
const placed = (minute: number, id: string, buyer: string, amount: number, extra: Record<string, unknown> = {}) =>
  ev('order.placed', minute, { order_id: id, buyer_id: buyer, shop_id: 's1', lines: [{ item_id: 'i1', qty: 1, unit_price: amount }], amount,
    address: fullAddress, ...extra });
const refund = (minute: number, id: string, order: string, buyer: string, amount: number, kind = 'refund_only') =>
  ev('refund.requested', minute, { refund_id: id, order_id: order, buyer_id: buyer, kind, amount });

const ISSUE_RULE = `
rules:
  - id: big-refund-young-account
    description: Refund-only over 1,000 yuan from an account younger than a week
    when: event.type == "refund.requested" && event.data.kind == "refund_only" && event.data.amount > 100000 && account.ageDays < 7
    decision: review
    actions: [require_evidence]
    mode: active
`;

test('the issue\'s rule reviews a large refund-only request from a young account, and leaves an old account alone', () => {
  const p = pipelineWith(RuleSet.fromText(ISSUE_RULE, 'rules.yaml'));
  const run = (events: BulwarkEvent[]) => events.map((e) => p.process(e));
  run([registered(0, 'young'), placed(10, 'o1', 'young', 150_000), ev('order.delivered', 60, { order_id: 'o1' })]);
  const d = decisionOf(p.process(refund(24 * 60, 'r1', 'o1', 'young', 150_000)));
  assert.equal(d.decision, 'review');
  assert.deepEqual(d.actions.includes('require_evidence'), true);
  assert.ok(d.reasons.some((r) => r.rule === 'big-refund-young-account' && r.code === 'rule_big_refund_young_account'));

  run([registered(0, 'old'), placed(8 * 24 * 60, 'o2', 'old', 150_000)]);
  const old = decisionOf(p.process(refund(9 * 24 * 60, 'r2', 'o2', 'old', 150_000)));
  assert.ok(!old.reasons.some((r) => r.rule === 'big-refund-young-account'));
});

test('a rule naming an unknown feature is refused at load time with its id, line, column and a hint', () => {
  const text = 'rules:\n  - id: young\n    when: event.type == "order.placed" && account.agedays < 7\n    decision: review\n';
  assert.throws(() => RuleSet.fromText(text, 'rules.yaml'), (err: unknown) => {
    assert.ok(err instanceof RulesError);
    const p = err.problems[0]!;
    assert.equal(p.ruleId, 'young');
    assert.equal(p.path, 'rules[0].when');
    assert.equal(p.line, 3);
    // `when: ` starts at column 5; `agedays` is 46 characters into the expression.
    assert.equal(p.column, 11 + 'event.type == "order.placed" && account.'.length);
    assert.match(err.message, /unknown feature 'account\.agedays'; did you mean 'account\.ageDays'\?/);
    return true;
  });
});

test('a file with one bad rule is refused whole, listing every problem', () => {
  const text = [
    'rules:',
    '  - id: ok-rule', '    when: event.type == "order.placed"', '    decision: review',
    '  - id: broken', '    when: event.data.amount >', '    decision: deny',
    '  - id: typo', '    when: "true"', '    decison: deny',
    '  - id: badlist', '    when: event.data.device_id in lists.blocked_device', '    decision: deny',
  ].join('\n');
  assert.throws(() => RuleSet.fromText(text, 'f.yaml'), (err: unknown) => {
    assert.ok(err instanceof RulesError);
    const msg = err.message;
    assert.match(msg, /rules\[2\]\.decison \[typo\] \(line 10, column 5\): unknown field 'decison'; did you mean 'decision'\?/);
    assert.match(msg, /rules\[1\]\.when \[broken\].*not a valid CEL expression/);
    assert.match(msg, /unknown list 'lists\.blocked_device'; did you mean 'lists\.blocked_devices'\?/);
    return true;
  });
});

test('an override sets the decision (an allow list beats a detector; the most severe override wins), at-least only raises', () => {
  const allow = RuleSet.fromText(`rules:
  - id: vip
    when: event.type == "order.placed" && event.data.buyer_id == "vip"
    decision: allow
    override: true
  - id: big
    when: event.type == "order.placed" && event.data.amount >= 1000
    decision: challenge
  - id: huge
    when: event.type == "order.placed" && event.data.amount >= 5000
    decision: deny
    override: true
`, 'o.yaml');
  const p = pipelineWith(allow);
  assert.equal(decisionOf(p.process(placed(0, 'a', 'vip', 2000))).decision, 'allow');
  const d = decisionOf(p.process(placed(1, 'b', 'vip', 6000)));
  assert.equal(d.decision, 'deny');
  assert.deepEqual(d.reasons.slice(0, 2).map((r) => r.rule), ['huge', 'vip']);
  assert.equal(decisionOf(p.process(placed(2, 'c', 'someone', 2000))).decision, 'challenge');
});

test('a shadow rule is evaluated and recorded but never acts', () => {
  const set = RuleSet.fromText(`rules:
  - id: would-deny
    when: event.type == "order.placed" && event.data.amount > 100
    decision: deny
    mode: shadow
`, 's.yaml');
  const out = pipelineWith(set).process(placed(0, 'o1', 'b1', 500));
  assert.ok(out.status === 'accepted');
  assert.equal(out.decision!.decision, 'allow');
  assert.deepEqual(out.decision!.reasons, []);
  assert.equal(out.rules?.shadow?.decision.decision, 'deny');
  assert.deepEqual(out.rules?.shadow?.hits.map((h) => h.rule), ['would-deny']);
  assert.equal(set.counters.get('would-deny')!.hits, 1);
});

test('window features count in event time: orders in the last hour drop out as the hour passes', () => {
  const p = pipelineWith(RuleSet.fromText(`rules:
  - id: burst
    when: event.type == "order.placed" && account.orders1h >= 3
    decision: review
`, 'w.yaml'));
  p.process(registered(0, 'b1'));
  assert.equal(decisionOf(p.process(placed(1, 'o1', 'b1', 100))).decision, 'allow');
  assert.equal(decisionOf(p.process(placed(2, 'o2', 'b1', 100))).decision, 'allow');
  assert.equal(decisionOf(p.process(placed(3, 'o3', 'b1', 100))).decision, 'review');
  // Two hours later the first three are outside the window.
  assert.equal(decisionOf(p.process(placed(125, 'o4', 'b1', 100))).decision, 'allow');
});

test('a rule naming an entity the event does not concern is skipped, not an error', () => {
  const set = RuleSet.fromText(`rules:
  - id: cheap-item
    when: item.priceRatio < 0.5
    decision: review
`, 'i.yaml');
  const p = pipelineWith(set);
  assert.equal(decisionOf(p.process(registered(0, 'u'))).decision, 'allow');
  assert.deepEqual(set.counters.get('cheap-item'), { hits: 0, errors: 0 });
});

test('lists match the event\'s own values through keyed hashes, honour expiry in event time and CIDR ranges', () => {
  const hasher = new ListHasher('k'.repeat(40));
  const at = (minute: number) => Date.UTC(2026, 10, 2) + minute * 60_000;
  const entry = (list: ListEntry['list'], value: string, hashed: boolean, extra: Partial<ListEntry> = {}): ListEntry =>
    ({ list, value, hashed, addedAt: '2026-11-01T00:00:00.000Z', addedBy: 'key_t', ...(hashed ? { keyId: hasher.keyId } : {}), ...extra });
  const lists = new ListIndex([
    entry('blocked_devices', hasher.hash('devices', 'dev-bad'), true, { expiresAt: at(60) }),
    entry('blocked_ips', '203.0.113.0/24', false),
    entry('blocked_phones', hasher.hash('phones', '13812345678'), true),
  ], hasher);
  const set = RuleSet.fromText(`rules:
  - id: blocked-device
    when: event.type == "account.registered" && event.data.device_id in lists.blocked_devices
    decision: deny
  - id: blocked-range
    when: event.type == "account.registered" && size(lists.blocked_ips) > 0
    decision: review
  - id: blocked-phone
    when: event.type == "account.registered" && size(lists.blocked_phones) > 0
    decision: challenge
`, 'l.yaml');
  set.useLists(lists);
  const p = pipelineWith(set);
  const reasonsOf = (e: BulwarkEvent) => decisionOf(p.process(e)).reasons.map((r) => r.rule);
  assert.deepEqual(reasonsOf(registered(0, 'u1', { device_id: 'dev-bad' })), ['blocked-device']);
  assert.deepEqual(reasonsOf(registered(61, 'u2', { device_id: 'dev-bad' })), [], 'the entry expired at minute 60');
  assert.deepEqual(reasonsOf(registered(2, 'u3', { ip: '203.0.113.77' })), ['blocked-range']);
  assert.deepEqual(reasonsOf(registered(3, 'u4', { ip: '198.51.100.1', phone: '+86 138-1234-5678' })), ['blocked-phone']);
  assert.equal(new ListIndex(lists === undefined ? [] : [entry('blocked_devices', 'x', true)], new ListHasher('z'.repeat(40))).staleEntries, 1);
});
