import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent, Decision } from '../contract/index.js';
import { ev } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { analyzeText } from '../text/index.js';
import { demandIntentOf, maliciousClaimDetector } from './malicious-claim.js';

/** The detector opening alerts as soon as a case is certain, to test what the case holds; the day's wait has a test of its own. */
const atOnce: typeof maliciousClaimDetector = { ...maliciousClaimDetector, defaults: { ...maliciousClaimDetector.defaults, accuseAfterMs: 0 } };

/** Runs events through the real pipeline with this detector alone; its decisions and alerts. */
function replay(events: readonly BulwarkEvent[], detector = atOnce): { decisions: Map<string, Decision>; alerts: Alert[] } {
  const { decisions, alerts } = run(events, [detector]);
  return { decisions, alerts: [...alerts.values()].filter((a) => a.kind === 'malicious_claim') };
}

const PRICE = 1_990; // a 19.90 yuan snack: what professional claimants buy

/** A merchant with one shop. */
function merchant(n: number): BulwarkEvent[] {
  return [
    ev('account.registered', 0, { account_id: `m${n}`, role: 'merchant' }),
    ev('shop.opened', 0, { shop_id: `s${n}`, owner_id: `m${n}`, category: 'food' }),
  ];
}

/** Each buyer's own door (one shared door would link every buyer in the identity graph). */
function homeOf(buyer: string) {
  return { province: '浙江省', city: '杭州市', district: '西湖区', detail: `文三路${buyer.charCodeAt(0)}号${buyer}小区1栋${buyer.length}01室`, recipient: buyer };
}

/** A buyer's delivered order `o` from shop `s{n}`. */
function bought(minute: number, o: { order: string; buyer: string; n: number; device?: string; price?: number }): BulwarkEvent[] {
  const price = o.price ?? PRICE;
  return [
    ev('order.placed', minute, {
      order_id: o.order, buyer_id: o.buyer, shop_id: `s${o.n}`, address: homeOf(o.buyer), lines: [{ item_id: `i${o.n}`, qty: 1, unit_price: price }],
      amount: price, device_id: o.device ?? `d_${o.buyer}`, payment_id: `p_${o.buyer}`,
    }, `ev_${o.order}`),
    ev('order.delivered', minute + 1440, { order_id: o.order }),
  ];
}

function say(minute: number, o: { id: string; from: string; to: string; text: string; order?: string }): BulwarkEvent {
  return ev('message.sent', minute, {
    message_id: o.id, from_id: o.from, to_id: o.to, channel: 'chat', text: o.text, ...(o.order ? { order_id: o.order } : {}),
  }, `ev_${o.id}`);
}

function claim(minute: number, o: { id: string; order: string; buyer: string; n: number; amount: number; text?: string; reason?: string }): BulwarkEvent {
  return ev('claim.filed', minute, {
    claim_id: o.id, order_id: o.order, buyer_id: o.buyer, shop_id: `s${o.n}`, amount: o.amount,
    ...(o.reason ? { reason: o.reason } : {}), ...(o.text ? { text: o.text } : {}),
  }, `ev_${o.id}`);
}

function report(minute: number, o: { id: string; by: string; against: string; kind?: string; order?: string; text?: string }): BulwarkEvent {
  return ev('complaint.filed', minute, {
    complaint_id: o.id, by_id: o.by, against_id: o.against, kind: o.kind ?? 'extortion',
    ...(o.order ? { order_ids: [o.order] } : {}), ...(o.text ? { text: o.text } : {}),
  }, `ev_${o.id}`);
}

const ours = (d: Decision | undefined) => (d?.reasons ?? []).filter((r) => r.rule === 'malicious_claim');

test('a claim for damaged goods in ordinary words, after asking the merchant, is allowed and raises nothing', () => {
  const { decisions, alerts } = replay([
    ...merchant(1), ...bought(0, { order: 'o1', buyer: 'b1', n: 1 }),
    say(1500, { id: 'msg1', from: 'b1', to: 'm1', text: '你好，收到的东西坏了，怎么处理？', order: 'o1' }),
    claim(1600, { id: 'c1', order: 'o1', buyer: 'b1', n: 1, amount: PRICE, reason: '商品问题', text: '收到的商品有破损，申请赔偿' }),
  ]);
  assert.equal(decisions.get('ev_c1')!.decision, 'allow');
  assert.deepEqual(ours(decisions.get('ev_c1')), []);
  assert.equal(alerts.length, 0);
});

test('a consumer who threatens to complain to 12315 unless refunded is exercising a right, not extorting', () => {
  const { decisions, alerts } = replay([
    ...merchant(1), ...bought(0, { order: 'o1', buyer: 'b1', n: 1 }),
    say(1500, { id: 'msg1', from: 'b1', to: 'm1', text: '质量太差了，申请退款19.9元，不然我去12315投诉', order: 'o1' }),
    claim(1600, { id: 'c1', order: 'o1', buyer: 'b1', n: 1, amount: PRICE, text: '商家不处理，请平台介入，不退款就去消协投诉' }),
  ]);
  assert.equal(decisions.get('ev_c1')!.decision, 'allow');
  assert.equal(alerts.length, 0);
});

test('a demand by chat, then a claim in ordinary words: the claim goes to review with hold_payout and protect_merchant', () => {
  const { decisions, alerts } = replay([
    ...merchant(1), ...bought(0, { order: 'o1', buyer: 'x1', n: 1 }),
    say(1500, { id: 'msg1', from: 'x1', to: 'm1', text: '你们这个零食标签不合格，私了转388元，不然我就去12315举报', order: 'o1' }),
    claim(1800, { id: 'c1', order: 'o1', buyer: 'x1', n: 1, amount: 38_800, reason: '标签不合格', text: '商品标签不合格，申请赔偿' }),
  ]);
  const d = decisions.get('ev_c1')!;
  assert.equal(d.decision, 'review');
  assert.deepEqual(d.actions, ['hold_payout', 'protect_merchant']);
  assert.equal(ours(d)[0]!.code, 'extortion_demand');
  assert.match(ours(d)[0]!.message, /5 h before this claim/);
  // One merchant, one demand: the claim is held, but no one is accused of a practice yet.
  assert.equal(alerts.length, 0);
});

test('the same demand in traditional script, full-width digits, Chinese numerals or digits split by spaces is a demand', () => {
  const p = maliciousClaimDetector.defaults;
  for (const text of [
    '你們產品有問題，私了轉３８８元，不然舉報到12315',
    '產品有問題，私了轉三百八十八元，否則投訴到你關店',
    '私了吧，3 8 8 元，不然我天天投诉让你店铺降权',
    '給你一天時間，轉八百八十八塊封口費，否則我向市場監管局舉報',
  ]) {
    const a = analyzeText(text);
    assert.ok(demandIntentOf(a, PRICE, p) >= p.demandIntent, `${text}: ${a.intents.extortion} ${JSON.stringify(a.cues)}`);
    assert.ok(a.amounts.includes(388) || a.amounts.includes(888), `${text}: ${a.amounts.join(',')}`);
  }
  // Phrasings of extortion cases in the news: paying privately to have a complaint withdrawn, a
  // video posted online unless paid.
  for (const text of ['私下给我转1000，我就撤销投诉', '不给我1000块，我就把视频发到网上']) {
    assert.ok(demandIntentOf(analyzeText(text), PRICE, p) > 0, text);
  }
  // An ultimatum with no complaint threat is a demand only when its price is out of proportion to the order.
  const ultimatum = analyzeText('给我转500元，不然你等着');
  assert.ok(demandIntentOf(ultimatum, PRICE, p) > 0);
  assert.equal(demandIntentOf(ultimatum, 80_000, p), 0);
  assert.equal(demandIntentOf(analyzeText('说好的好评返现5元红包呢？不然我给差评'), PRICE, p), 0);
});

test('a claimant who extorts a second shop is named in one alert that grows across shops, with demands, claims and payouts held', () => {
  const events = [...merchant(1), ...merchant(2), ...merchant(3)];
  events.push(...bought(0, { order: 'o1', buyer: 'x1', n: 1 }), ...bought(10, { order: 'o2', buyer: 'x1', n: 2 }),
    ...bought(20, { order: 'o3', buyer: 'x1', n: 3 }));
  events.push(
    claim(1500, { id: 'c1', order: 'o1', buyer: 'x1', n: 1, amount: 38_800, text: '你們產品有問題，私了轉３８８元，不然舉報到12315' }),
    say(1600, { id: 'msg2', from: 'x1', to: 'm2', text: '我是职业打假的，你们违反广告法，五百元私了，不然等着被罚款', order: 'o2' }),
    claim(1700, { id: 'c2', order: 'o2', buyer: 'x1', n: 2, amount: 50_000, reason: '违反广告法', text: '虚假宣传' }),
    claim(1800, { id: 'c3', order: 'o3', buyer: 'x1', n: 3, amount: PRICE, text: '东西不好' }),
  );
  const { decisions, alerts } = replay(events);
  for (const c of ['c1', 'c2', 'c3']) {
    const d = decisions.get(`ev_${c}`)!;
    assert.equal(d.decision, 'review', c);
    assert.deepEqual(d.actions, ['hold_payout', 'protect_merchant'], c);
  }
  assert.equal(ours(decisions.get('ev_c3'))[0]!.code, 'known_malicious_claimant');
  assert.equal(alerts.length, 1);
  const a = alerts[0]!;
  assert.equal(a.time, '2026-11-03T02:40:00.000Z', 'raised at the demand to the second merchant');
  assert.deepEqual(a.subjects.accounts, ['x1']);
  assert.deepEqual([...a.subjects.shops].sort(), ['s1', 's2', 's3']);
  const e = a.evidence as { demands: Array<{ id: string; text: string; amounts: number[]; cues: Record<string, string[]> }>;
    claims: Array<{ id: string; held: boolean }>; payoutHeldFen: number; claimsHeld: number; messages: string[]; demandedYuan: number[] };
  assert.deepEqual(e.demands.map((x) => x.id), ['c1', 'msg2']);
  assert.equal(e.demands[0]!.text, '你们产品有问题私了转388元不然举报到12315', 'normalised: simplified, half-width');
  assert.deepEqual(e.demands[0]!.cues['money-demand'], ['私了', '转388元']);
  assert.deepEqual(e.demandedYuan, [388, 500]);
  assert.deepEqual(e.messages, ['msg2']);
  assert.deepEqual(e.claims.map((x) => [x.id, x.held]), [['c1', true], ['c2', true], ['c3', true]]);
  assert.equal(e.payoutHeldFen, 38_800 + 50_000 + PRICE);
  assert.equal(e.claimsHeld, 3);
  assert.equal(a.severity, 'high');
});

test('a merchant\'s report links to the claimant\'s alert; two merchants\' reports alone open one', () => {
  const events = [...merchant(1), ...merchant(2), ...merchant(3),
    ...bought(0, { order: 'o1', buyer: 'x1', n: 1 }), ...bought(10, { order: 'o2', buyer: 'x1', n: 2 })];
  events.push(
    claim(1500, { id: 'c1', order: 'o1', buyer: 'x1', n: 1, amount: 38_800, text: '私了吧，388元，不然我天天投诉让你店铺降权' }),
    // The merchant reports it, by its shop: the demand it confirms makes the case certain.
    report(1600, { id: 'r1', by: 's1', against: 'x1', order: 'o1', text: '买家威胁投诉，要求私了388元' }),
    report(1700, { id: 'r2', by: 'm2', against: 'x1', kind: 'malicious_claim', order: 'o2' }),
  );
  const { alerts } = replay(events);
  assert.equal(alerts.length, 1);
  const e = alerts[0]!.evidence as { merchantComplaints: string[]; reports: Array<{ merchant: string; shop: string }> };
  assert.deepEqual(e.merchantComplaints, ['r1', 'r2']);
  assert.deepEqual(e.reports.map((r) => [r.merchant, r.shop]), [['m1', 's1'], ['m2', 's2']]);
  assert.deepEqual([...alerts[0]!.subjects.shops].sort(), ['s1', 's2']);

  // Reports only, no text: one merchant's word opens nothing and does not hold a claim; two do.
  const quiet = [...merchant(1), ...merchant(2), ...merchant(3), ...bought(0, { order: 'o1', buyer: 'y1', n: 1 }),
    ...bought(0, { order: 'o3', buyer: 'y1', n: 3 }),
    report(1600, { id: 'q1', by: 'm1', against: 'y1' }),
    claim(1700, { id: 'cq', order: 'o3', buyer: 'y1', n: 3, amount: PRICE, text: '东西坏了' })];
  const one = replay(quiet);
  assert.equal(one.alerts.length, 0);
  assert.equal(one.decisions.get('ev_cq')!.decision, 'allow');
  assert.equal(ours(one.decisions.get('ev_cq'))[0]!.code, 'merchant_reports');
  const two = replay([...quiet, report(1800, { id: 'q2', by: 'm2', against: 'y1' }),
    claim(1900, { id: 'cq2', order: 'o3', buyer: 'y1', n: 3, amount: PRICE, text: '还是坏的' })]);
  assert.equal(two.alerts.length, 1);
  assert.deepEqual(two.alerts[0]!.subjects.accounts, ['y1']);
  assert.equal(two.decisions.get('ev_cq2')!.decision, 'review');
});

test('claimants on one device are one group; a claimant pasting another\'s script joins its group: one alert each', () => {
  const events = [...merchant(1), ...merchant(2), ...merchant(3), ...merchant(4)];
  events.push(...bought(0, { order: 'o1', buyer: 'x1', n: 1, device: 'd_rack' }), ...bought(5, { order: 'o2', buyer: 'x2', n: 2, device: 'd_rack' }));
  events.push(
    claim(1500, { id: 'c1', order: 'o1', buyer: 'x1', n: 1, amount: 38_800, text: '你们产品有问题，私了转388元，不然举报到12315' }),
    claim(1510, { id: 'c2', order: 'o2', buyer: 'x2', n: 2, amount: 66_600, text: '给你一天时间，转666元封口费，否则我向市场监管局举报' }),
  );
  const graph = replay(events);
  assert.equal(graph.alerts.length, 1);
  assert.deepEqual([...graph.alerts[0]!.subjects.accounts].sort(), ['x1', 'x2']);
  const links = (graph.alerts[0]!.evidence as { links: Array<{ via: string; value: string }> }).links;
  assert.deepEqual(links.map((l) => [l.via, l.value]), [['graph', 'device:d_rack']]);

  // Two claimants sharing nothing but one script, word for word with another sum: one group.
  const script = [...merchant(1), ...merchant(2), ...merchant(3), ...merchant(4),
    ...bought(0, { order: 'o1', buyer: 'z1', n: 1 }), ...bought(0, { order: 'o2', buyer: 'z1', n: 2 }),
    ...bought(0, { order: 'o3', buyer: 'z2', n: 3 }), ...bought(0, { order: 'o4', buyer: 'z2', n: 4 }),
    say(1500, { id: 'm_a', from: 'z1', to: 'm1', text: '标签没有中文，按食品安全法十倍赔偿，1000元，不赔就举报', order: 'o1' }),
    say(1510, { id: 'm_b', from: 'z2', to: 'm3', text: '標籤沒有中文，按食品安全法十倍賠償，五百元，不賠就舉報', order: 'o3' }),
    say(1520, { id: 'm_c', from: 'z1', to: 'm2', text: '私了吧，888元，不然我天天投诉让你店铺降权', order: 'o2' }),
    say(1530, { id: 'm_d', from: 'z2', to: 'm4', text: '你们产品有问题，私了转666元，不然举报到12315', order: 'o4' })];
  const shared = replay(script);
  assert.equal(shared.alerts.length, 1);
  assert.deepEqual([...shared.alerts[0]!.subjects.accounts].sort(), ['z1', 'z2']);
  assert.equal((shared.alerts[0]!.evidence as { links: Array<{ via: string }> }).links[0]!.via, 'script');
});

test('a claim by an account linked to a known extortionist is reviewed; the same claim by a stranger is not', () => {
  const base = [...merchant(1), ...merchant(2), ...merchant(3),
    ...bought(0, { order: 'o1', buyer: 'x1', n: 1, device: 'd_pair' }), ...bought(1, { order: 'o2', buyer: 'x1', n: 2, device: 'd_pair' }),
    say(1500, { id: 'm1a', from: 'x1', to: 'm1', text: '你们产品有问题，私了转388元，不然举报到12315', order: 'o1' }),
    say(1510, { id: 'm2a', from: 'x1', to: 'm2', text: '私了吧，500元，不然我天天投诉让你店铺降权', order: 'o2' })];
  const linked = replay([...base, ...bought(2, { order: 'o3', buyer: 'x9', n: 3, device: 'd_pair' }),
    claim(1600, { id: 'c3', order: 'o3', buyer: 'x9', n: 3, amount: PRICE, text: '东西坏了' })]);
  assert.equal(linked.decisions.get('ev_c3')!.decision, 'review');
  assert.equal(ours(linked.decisions.get('ev_c3'))[0]!.code, 'known_malicious_claimant');
  assert.deepEqual([...linked.alerts[0]!.subjects.accounts].sort(), ['x1', 'x9']);
  const stranger = replay([...base, ...bought(2, { order: 'o3', buyer: 'b9', n: 3 }),
    claim(1600, { id: 'c3', order: 'o3', buyer: 'b9', n: 3, amount: PRICE, text: '东西坏了' })]);
  assert.equal(stranger.decisions.get('ev_c3')!.decision, 'allow');
  assert.deepEqual(stranger.alerts[0]!.subjects.accounts, ['x1']);
});

test('a claim for far more than was paid by an account that claims on most orders is challenged, never more, and accuses no one', () => {
  const events = [...merchant(1), ...merchant(2), ...merchant(3)];
  for (let n = 1; n <= 3; n++) events.push(...bought(n, { order: `o${n}`, buyer: 'w1', n }));
  for (let n = 1; n <= 3; n++) events.push(claim(1500 + n, { id: `c${n}`, order: `o${n}`, buyer: 'w1', n, amount: PRICE * 10, text: '质量有问题，要求十倍赔偿' }));
  const { decisions, alerts } = replay(events);
  assert.equal(decisions.get('ev_c1')!.decision, 'allow', 'one claim past the price is lawful damages');
  assert.equal(decisions.get('ev_c3')!.decision, 'challenge');
  assert.deepEqual(ours(decisions.get('ev_c3')).map((r) => r.code).sort(), ['claim_exceeds_payment', 'serial_claimant']);
  assert.equal(alerts.length, 0);
});

test('a claimant\'s complaint to the platform, against the shop or its merchant, presses the merchant like a claim', () => {
  const events = [...merchant(1), ...merchant(2), ...bought(0, { order: 'o1', buyer: 'x1', n: 1 }), ...bought(0, { order: 'o2', buyer: 'x1', n: 2 }),
    say(1500, { id: 'msg1', from: 'x1', to: 'm1', text: '私了吧，388元，不然我天天投诉让你店铺降权', order: 'o1' }),
    report(1600, { id: 'k1', by: 'x1', against: 's1', kind: 'counterfeit', order: 'o1', text: '商品有问题' }),
    report(1700, { id: 'k2', by: 'x1', against: 'm2', kind: 'other', order: 'o2', text: '给你一天时间，转666元封口费，否则我向市场监管局举报' }),
    claim(1800, { id: 'c2', order: 'o2', buyer: 'x1', n: 2, amount: PRICE, text: '东西坏了' })];
  const { decisions, alerts } = replay(events);
  assert.equal(alerts.length, 1);
  const e = alerts[0]!.evidence as { claimantComplaints: string[]; demands: Array<{ id: string; shop: string; merchant: string }> };
  assert.deepEqual(e.claimantComplaints, ['k1', 'k2']);
  assert.deepEqual(e.demands.map((x) => [x.id, x.merchant, x.shop]), [['msg1', 'm1', 's1'], ['k2', 'm2', 's2']]);
  assert.deepEqual([...alerts[0]!.subjects.shops].sort(), ['s1', 's2']);
  assert.equal(decisions.get('ev_c2')!.decision, 'review', 'a claim after the demand made in the complaint');
});

test('the alert waits a day after the case is certain, so that a ring member linked meanwhile joins it; claims are held at once', () => {
  const events = [...merchant(1), ...merchant(2), ...merchant(3), ...merchant(4),
    ...bought(0, { order: 'o1', buyer: 'z1', n: 1 }), ...bought(0, { order: 'o2', buyer: 'z1', n: 2 }),
    ...bought(0, { order: 'o3', buyer: 'z2', n: 3 }), ...bought(0, { order: 'o4', buyer: 'z2', n: 4 }),
    // z1 is certain at 1520 (a second merchant); z2, sharing nothing with it, at 1540.
    claim(1500, { id: 'c1', order: 'o1', buyer: 'z1', n: 1, amount: 38_800, text: '你们产品有问题，私了转388元，不然举报到12315' }),
    claim(1520, { id: 'c2', order: 'o2', buyer: 'z1', n: 2, amount: 50_000, text: '私了吧，500元，不然我天天投诉让你店铺降权' }),
    claim(1530, { id: 'c3', order: 'o3', buyer: 'z2', n: 3, amount: 66_600, text: '给你一天时间，转666元封口费，否则我向市场监管局举报' }),
    claim(1540, { id: 'c4', order: 'o4', buyer: 'z2', n: 4, amount: 100_000, text: '标签没有中文，按食品安全法十倍赔偿，1000元，不赔就举报' }),
    // Hours later z2 pastes z1's script to a merchant: one ring.
    say(1900, { id: 'm5', from: 'z2', to: 'm1', text: '你們產品有問題，私了轉２０００元，不然舉報到12315' }),
    // Any message a day after z1 became certain is the clock that opens the alert.
    say(1520 + 1440, { id: 'tick', from: 'b7', to: 'm3', text: '请问什么时候发货？' })];
  const { decisions, alerts } = replay(events, maliciousClaimDetector);
  for (const c of ['c1', 'c2', 'c3', 'c4']) assert.equal(decisions.get(`ev_${c}`)!.decision, 'review', c);
  assert.equal(alerts.length, 1);
  assert.deepEqual([...alerts[0]!.subjects.accounts].sort(), ['z1', 'z2']);
  assert.equal(alerts[0]!.time, '2026-11-04T01:20:00.000Z', 'opened by the first event a day after the case became certain');
  const early = replay(events.slice(0, -1), maliciousClaimDetector);
  assert.equal(early.alerts.length, 0, 'not before');
  // Opened at once, the two members would have had an alert each.
  assert.equal(replay(events).alerts.length, 2);
});
