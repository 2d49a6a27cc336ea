import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent, Decision } from '../contract/index.js';
import { ev } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { networkOf, promoAbuseDetector } from './promo-abuse.js';

const COUPON = 'newuser-15';
const VALUE = 1500;

/** Runs events through the real pipeline with this detector; its promo_abuse alerts. */
function replay(events: readonly BulwarkEvent[]) {
  const { decisions, alerts } = run(events, [promoAbuseDetector]);
  return { decisions, alerts: [...alerts.values()].filter((a) => a.kind === 'promo_abuse') };
}

interface Seen { device: string; ip: string; phone?: string }

/** account.registered, event id `ev_reg_<account>`. */
function reg(minute: number, account: string, s: Seen): BulwarkEvent {
  return ev('account.registered', minute, {
    account_id: account, role: 'buyer', phone: s.phone ?? `170${String(hash(account)).padStart(8, '0')}`, device_id: s.device, ip: s.ip,
  }, `ev_reg_${account}`);
}

/** coupon.claimed of the new-user coupon, event id `ev_cc_<account>`. */
function claim(minute: number, account: string, s: Seen, value = VALUE): BulwarkEvent {
  return ev('coupon.claimed', minute, {
    claim_id: `cc_${account}`, coupon_id: COUPON, campaign_id: 'newuser', account_id: account, value, device_id: s.device, ip: s.ip,
  }, `ev_cc_${account}`);
}

/** A cheap first order spending the coupon, event id `ev_o_<account>`. */
function couponOrder(minute: number, account: string, s: Seen & { payment: string; detail: string; price?: number }): BulwarkEvent {
  const price = s.price ?? 1990;
  return ev('order.placed', minute, {
    order_id: `o_${account}`, buyer_id: account, shop_id: 's_shop', lines: [{ item_id: 'i_socks', qty: 1, unit_price: price }],
    amount: price - VALUE, discount: VALUE, coupon_id: COUPON, device_id: s.device, ip: s.ip, payment_id: s.payment,
    address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: s.detail, recipient: '李' },
  }, `ev_o_${account}`);
}

function login(minute: number, account: string, s: Seen): BulwarkEvent {
  return ev('account.login', minute, { account_id: account, device_id: s.device, ip: s.ip });
}

const promoReasons = (d: Decision | undefined) => (d?.reasons ?? []).filter((r) => r.rule === 'promo_abuse');

function hash(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 1e8;
  return h;
}

/** A farm registering `n` accounts over `devices` phones (round robin) from one cloud /24, each claiming within two minutes. */
function farmBurst(o: { n: number; devices: number; start?: number; every?: number; prefix?: string; net?: string }): BulwarkEvent[] {
  const events: BulwarkEvent[] = [];
  const start = o.start ?? 600;
  for (let i = 0; i < o.n; i++) {
    const a = `${o.prefix ?? 'f'}${i}`;
    const s = { device: `d_rack${i % o.devices}`, ip: `${o.net ?? '47.100.12'}.${10 + i}` };
    const t = start + i * (o.every ?? 1);
    events.push(reg(t, a, s), claim(t + 1.5, a, s));
  }
  return events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

test('a family of three on one tablet, each registering and taking the new-user coupon, is allowed and raises no alert', () => {
  const tablet = { device: 'd_tablet', ip: '115.200.3.8' };
  const events: BulwarkEvent[] = [login(0, 'mum', tablet)];
  // Dad joins on the first evening, the grandmother two days later; both claim at once and order home.
  for (const [who, t] of [['dad', 60], ['gran', 2 * 24 * 60]] as const) {
    events.push(reg(t, who, tablet), claim(t + 2, who, tablet),
      couponOrder(t + 30, who, { ...tablet, payment: `p_${who}`, detail: '文三路90号翠苑3栋2单元501室' }));
  }
  const { decisions, alerts } = replay(events);
  for (const e of events.filter((x) => decisions.has(x.id))) {
    assert.equal(decisions.get(e.id)!.decision, 'allow', e.id);
    assert.deepEqual(promoReasons(decisions.get(e.id)), [], e.id);
  }
  assert.equal(alerts.length, 0);
});

test('a household of four registering on one tablet in the same evening is still a household', () => {
  const tablet = { device: 'd_tablet', ip: '115.200.3.8' };
  const events: BulwarkEvent[] = [];
  ['mum', 'dad', 'son', 'gran'].forEach((who, i) => events.push(reg(60 + i * 5, who, tablet), claim(62 + i * 5, who, tablet)));
  const { decisions, alerts } = replay(events);
  for (const e of events) assert.equal(decisions.get(e.id)!.decision, 'allow', e.id);
  assert.equal(alerts.length, 0);
});

test('a campus /24 with 200 students, 60 of them new in one orientation hour and six to a dorm room, is allowed', () => {
  const events: BulwarkEvent[] = [];
  const campus = (i: number) => ({ device: `d_stu${i}`, ip: `202.120.1.${1 + (i % 250)}` });
  for (let i = 0; i < 140; i++) events.push(login(i * 0.5, `old${i}`, campus(i)));
  for (let i = 0; i < 60; i++) {
    const s = campus(140 + i);
    const a = `fresh${i}`;
    const t = 120 + i;
    // Everyone claims within minutes and ships the first order to their room: six freshmen to a room.
    events.push(reg(t, a, s), claim(t + 1 + (i % 3), a, s),
      couponOrder(t + 20, a, { ...s, payment: `p_${a}`, detail: `浙江大学紫金港校区蓝田${1 + Math.floor(i / 6)}舍${101 + Math.floor(i / 6)}室` }));
  }
  const { decisions, alerts } = replay(events);
  let judged = 0;
  for (const e of events.filter((x) => decisions.has(x.id))) {
    judged++;
    assert.equal(decisions.get(e.id)!.decision, 'allow', e.id);
  }
  assert.equal(judged, 180);
  assert.equal(alerts.length, 0);
});

test('a burst of 20 registrations over 5 devices with coupons claimed within minutes is stopped and gets one alert that grows', () => {
  const events = farmBurst({ n: 20, devices: 5 });
  const { pipeline } = run([], [promoAbuseDetector]);
  const alertsSeen: Alert[] = [];
  const decided = new Map<string, Decision>();
  for (const e of events) {
    const out = pipeline.process(e);
    if (out.status !== 'accepted') continue;
    if (out.decision) decided.set(e.id, out.decision);
    for (const a of out.alerts) if (a.kind === 'promo_abuse') alertsSeen.push(structuredClone(a));
  }
  // Four accounts on each device is a household each; the range filling with such households shows the farm.
  const regs = Array.from({ length: 20 }, (_, i) => decided.get(`ev_reg_f${i}`)!.decision);
  const firstStopped = regs.findIndex((d) => d !== 'allow');
  assert.ok(firstStopped > 0 && firstStopped <= 10, `first registration stopped: ${firstStopped}`);
  assert.ok(regs.slice(firstStopped).every((d) => d === 'deny'), regs.join(' '));
  assert.equal(promoReasons(decided.get(`ev_reg_f${firstStopped}`))[0]!.code, 'promo_farm_linked_range');
  for (let i = firstStopped; i < 20; i++) {
    const d = decided.get(`ev_cc_f${i}`)!;
    assert.equal(d.decision, 'deny', `claim of f${i}`);
    assert.ok(d.actions.includes('withhold_coupon'));
  }
  // One alert id throughout, growing to every account of the burst, early ones included.
  assert.equal(new Set(alertsSeen.map((a) => a.id)).size, 1);
  const sizes = alertsSeen.map((a) => a.subjects.accounts.length);
  assert.ok(sizes[0]! < 20 && sizes.at(-1) === 20, sizes.join(' '));
  assert.deepEqual([...alertsSeen.at(-1)!.subjects.accounts].sort(), Array.from({ length: 20 }, (_, i) => `f${i}`).sort());
  const e = alertsSeen.at(-1)!.evidence as { accounts: number; couponClaims: number; ipRanges: string[]; devices: string[];
    amounts: { atStakeFen: number; withheldCouponFen: number; savedFen: number }; couponIds: string[] };
  assert.equal(e.accounts, 20);
  assert.equal(e.couponClaims, 20);
  assert.deepEqual(e.ipRanges, ['47.100.12.0/24']);
  assert.deepEqual([...e.devices].sort(), ['d_rack0', 'd_rack1', 'd_rack2', 'd_rack3', 'd_rack4']);
  assert.deepEqual(e.couponIds, [COUPON]);
  assert.equal(e.amounts.atStakeFen, 20 * VALUE);
  assert.equal(e.amounts.withheldCouponFen, (20 - firstStopped) * VALUE + (decided.get(`ev_cc_f${firstStopped - 1}`)!.decision === 'allow' ? 0 : VALUE));
});

test('eight accounts on one phone: the fifth registration shows the farm, the first four are named too', () => {
  const events = farmBurst({ n: 8, devices: 1, every: 2 });
  const { decisions, alerts } = replay(events);
  assert.deepEqual(Array.from({ length: 8 }, (_, i) => decisions.get(`ev_reg_f${i}`)!.decision),
    ['allow', 'allow', 'allow', 'allow', 'deny', 'deny', 'deny', 'deny']);
  assert.equal(promoReasons(decisions.get('ev_reg_f4'))[0]!.code, 'promo_farm_burst');
  assert.match(promoReasons(decisions.get('ev_reg_f4'))[0]!.message, /one of 5 new accounts seen with one device/);
  assert.equal(promoReasons(decisions.get('ev_reg_f5'))[0]!.code, 'promo_farm_linked');
  // f0-f3 claimed before the farm showed (allowed), f4's claim comes after it.
  assert.deepEqual(Array.from({ length: 8 }, (_, i) => decisions.get(`ev_cc_f${i}`)!.decision),
    ['allow', 'allow', 'allow', 'allow', 'deny', 'deny', 'deny', 'deny']);
  assert.equal(alerts.length, 1);
  assert.deepEqual([...alerts[0]!.subjects.accounts].sort(), ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7']);
  const e = alerts[0]!.evidence as { shownBy: { via: string; accounts: number }; amounts: { atStakeFen: number; withheldCouponFen: number } };
  assert.deepEqual([e.shownBy.via, e.shownBy.accounts], ['device', 5]);
  assert.deepEqual([e.amounts.atStakeFen, e.amounts.withheldCouponFen], [8 * VALUE, 4 * VALUE]);
});

test('coupon orders of a farm: challenged with void_coupon, drop doors and the amounts saved and taken in the evidence', () => {
  const events = farmBurst({ n: 10, devices: 2 });
  const doors = ['延安路704号青山湖畔4栋3单元2401室', '体育路480号翠苑28栋4单元1104室'];
  for (let i = 0; i < 10; i++) {
    // f0 orders at once, before the farm shows; the rest after it.
    const t = i === 0 ? 602 : 640 + i;
    events.push(couponOrder(t, `f${i}`, { device: `d_rack${i % 2}`, ip: `47.100.12.${10 + i}`, payment: `p_${i % 3}`, detail: doors[i % 2]! }));
  }
  events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const { decisions, alerts } = replay(events);
  assert.equal(decisions.get('ev_o_f0')!.decision, 'allow');
  for (let i = 1; i < 10; i++) {
    const d = decisions.get(`ev_o_f${i}`)!;
    assert.equal(d.decision, 'challenge', `order of f${i}`);
    assert.deepEqual(d.actions, ['void_coupon']);
    assert.equal(promoReasons(d)[0]!.code, 'promo_farm_order');
  }
  assert.equal(alerts.length, 1);
  const a = alerts[0]!;
  assert.equal(a.subjects.orders.length, 10, 'every coupon order of a named account, the one before the farm showed included');
  const e = a.evidence as { dropAddresses: Array<{ form: string; orders: number }>; payments: string[];
    amounts: { atStakeFen: number; savedFen: number; withheldCouponFen: number; stoppedDiscountFen: number; takenDiscountFen: number; discountOnOrdersFen: number } };
  assert.deepEqual(e.dropAddresses.map((d) => [d.form, d.orders]), [[doors[1], 5], [doors[0], 4]]);
  assert.deepEqual([...e.payments].sort(), ['p_0', 'p_1', 'p_2']);
  const claimsWithheld = [...Array(10).keys()].filter((i) => decisions.get(`ev_cc_f${i}`)!.decision !== 'allow').length;
  assert.equal(e.amounts.atStakeFen, 10 * VALUE);
  assert.equal(e.amounts.withheldCouponFen, claimsWithheld * VALUE);
  assert.equal(e.amounts.takenDiscountFen, VALUE, "f0's order went through before the farm showed");
  assert.equal(e.amounts.discountOnOrdersFen, 10 * VALUE);
  // Saved: the coupons withheld, and the discount of challenged orders whose coupon was not withheld already.
  assert.equal(e.amounts.stoppedDiscountFen, (10 - claimsWithheld - 1) * VALUE);
  assert.equal(e.amounts.savedFen, 9 * VALUE);
});

test('amid a farm\'s burst on a range it dominates, its accounts on phones of their own are named; strangers after it are not', () => {
  // Cloud range: 12 accounts on two racks and 6 on phones of their own, interleaved in one burst.
  const cloud: BulwarkEvent[] = [];
  for (let i = 0; i < 18; i++) {
    const a = `c${i}`;
    const s = { device: i % 3 === 2 ? `d_own${i}` : `d_rack${i % 2}`, ip: `47.100.12.${10 + i}` };
    cloud.push(reg(600 + i, a, s), claim(604 + i, a, s));
  }
  // Carrier gateway range: a rack of 6 at a quiet hour, then 40 strangers registering over the next hour.
  const carrier: BulwarkEvent[] = [];
  for (let i = 0; i < 46; i++) {
    const a = i < 6 ? `k${i}` : `stranger${i}`;
    const s = { device: i < 6 ? 'd_rackK' : `d_${a}`, ip: `112.7.13.${1 + i}` };
    carrier.push(reg(600 + i * 1.2, a, s), claim(602 + i * 1.2, a, s));
  }
  const events = [...cloud, ...carrier].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const { decisions, alerts } = replay(events);
  assert.equal(alerts.length, 2);
  const named = alerts.flatMap((a) => a.subjects.accounts).sort();
  // c17 registered after the farm's last linked registration: nothing says it is the farm's.
  assert.deepEqual(named, [...Array.from({ length: 17 }, (_, i) => `c${i}`), ...Array.from({ length: 6 }, (_, i) => `k${i}`)].sort());
  for (const i of [11, 14]) {
    const d = decisions.get(`ev_cc_c${i}`)!;
    assert.equal(d.decision, 'challenge', `c${i} is known by its range only`);
    assert.equal(promoReasons(d)[0]!.code, 'promo_farm_network');
    assert.deepEqual(d.actions, ['verify_identity', 'withhold_coupon']);
  }
  for (let i = 6; i < 46; i++) {
    assert.equal(decisions.get(`ev_reg_stranger${i}`)!.decision, 'allow');
    assert.equal(decisions.get(`ev_cc_stranger${i}`)!.decision, 'allow');
  }
});

test('past the 20 accounts where the graph stops merging a device, later accounts on it still join the farm', () => {
  const events = farmBurst({ n: 30, devices: 1, net: '47.100.12' }).map((e) => e);
  // Each registers from a different range, so only the device ties them together.
  const spread = events.map((e) => {
    const d = e.data as { ip?: string };
    if (!d.ip) return e;
    const n = Number(d.ip.split('.')[3]);
    return ev(e.type, e.time, { ...e.data, ip: `100.${n}.1.1` }, e.id);
  });
  const { decisions, alerts } = replay(spread);
  for (let i = 4; i < 30; i++) assert.equal(decisions.get(`ev_reg_f${i}`)!.decision, 'deny', `f${i}`);
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]!.subjects.accounts.length, 30);
});

test('accounts registered before the stream, merchants, and old accounts claiming coupons are left alone', () => {
  const rack = { device: 'd_rack', ip: '47.100.12.9' };
  const events: BulwarkEvent[] = [];
  for (let i = 0; i < 8; i++) events.push(login(i, `old${i}`, rack), claim(i + 1, `old${i}`, rack));
  for (let i = 0; i < 8; i++) {
    events.push(ev('account.registered', 20 + i, { account_id: `m${i}`, role: 'merchant', device_id: 'd_shopfront', ip: '47.100.13.9' }, `ev_m${i}`));
  }
  const { decisions, alerts } = replay(events);
  for (const [id, d] of decisions) assert.equal(d.decision, 'allow', id);
  assert.equal(alerts.length, 0);
});

test('the same events give byte-identical decisions and alerts', () => {
  const events = farmBurst({ n: 20, devices: 5 });
  const once = replay(events);
  const twice = replay(events);
  assert.equal(JSON.stringify([...twice.decisions]), JSON.stringify([...once.decisions]));
  assert.equal(JSON.stringify(twice.alerts), JSON.stringify(once.alerts));
});

test('networkOf: an IPv4 /24, an IPv6 /64 however written, nothing for a malformed address', () => {
  assert.equal(networkOf('47.100.12.201'), '47.100.12.0/24');
  assert.equal(networkOf('::ffff:47.100.12.201'), '47.100.12.0/24');
  assert.equal(networkOf('2408:8207:0024:0a10::1'), '2408:8207:24:a10::/64');
  assert.equal(networkOf('2408:8207:24:a10:0:0:0:1'), '2408:8207:24:a10::/64');
  assert.equal(networkOf('2408::1'), '2408:0:0:0::/64');
  assert.equal(networkOf('300.1.2.3'), undefined);
  assert.equal(networkOf('1.2.3'), undefined);
  assert.equal(networkOf('not-an-ip'), undefined);
  assert.equal(networkOf('1::2::3'), undefined);
  assert.equal(networkOf(undefined), undefined);
});
