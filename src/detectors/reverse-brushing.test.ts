import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Alert, BulwarkEvent } from '../contract/index.js';
import { ev, fullAddress, listing } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { reverseBrushingDetector } from './reverse-brushing.js';

const DAY = 24 * 60;
const VAGUE = ['万达广场附近', '文三路', '人民医院门口 到了打电话', '见备注'];
const vagueAddress = (k: number) => ({ province: '浙江省', city: '杭州市', detail: VAGUE[k % VAGUE.length]!, recipient: '李先生' });
/** Each buyer's own door (the pipeline links buyers who share one, so no two households may). */
const doors = new Map<string, number>();
const doorAddress = (buyer: string) => {
  const k = doors.get(buyer) ?? doors.set(buyer, doors.size).size - 1;
  return { ...fullAddress, detail: `学院路${k + 1}号阳光花园${(k % 9) + 1}栋2单元${300 + (k % 40)}室` };
};

interface Order { minute: number; id: string; buyer: string; shop: string; item: string; vague: boolean; device: string; payment: string }

function placed(o: Order): BulwarkEvent {
  return ev('order.placed', o.minute, {
    order_id: o.id, buyer_id: o.buyer, shop_id: o.shop, lines: [{ item_id: o.item, qty: 1, unit_price: 2990 }], amount: 2990,
    address: o.vague ? vagueAddress(Number(o.id.replace(/\D/g, '')) || 0) : doorAddress(o.buyer),
    device_id: o.device, payment_id: o.payment,
  }, `ev_${o.id}`);
}

function refund(minute: number, orderId: string, buyer: string): BulwarkEvent {
  return ev('refund.requested', minute, { refund_id: `rf_${orderId}`, order_id: orderId, buyer_id: buyer, kind: 'refund_only',
    amount: 2990, reason: '不想要了' }, `ev_rf_${orderId}`);
}

/** Established buyers: seen days before, each on a device, payment and door of their own. */
function established(prefix: string, n: number): BulwarkEvent[] {
  return Array.from({ length: n }, (_, i) => ev('account.login', (i % 48) * 60, { account_id: `${prefix}${i}`, device_id: `dev_${prefix}${i}` }));
}

/** A flood on an item: `orders` orders over `minutes` from a farm sharing devices and payments, refunded 97%. */
function flood(o: { tag: string; shop: string; item: string; at: number; orders: number; minutes: number; accounts: number;
  vagueShare: number; devices: number; refunds?: boolean; waves?: { count: number; pauseMin: number } }): { events: BulwarkEvent[]; farm: string[]; orders: string[] } {
  const events: BulwarkEvent[] = [];
  const farm = Array.from({ length: o.accounts }, (_, i) => `${o.tag}_u${i}`);
  const orders: string[] = [];
  const loggedIn = new Set<string>();
  const waves = o.waves ?? { count: 1, pauseMin: 0 };
  const perWave = Math.ceil(o.orders / waves.count);
  const waveMin = o.minutes / waves.count;
  for (let k = 0; k < o.orders; k++) {
    const wave = Math.floor(k / perWave);
    const minute = o.at + wave * (waveMin + waves.pauseMin) + ((k % perWave) / perWave) * waveMin;
    const buyer = farm[k % farm.length]!;
    const device = `dev_${o.tag}_${k % o.devices}`;
    if (!loggedIn.has(buyer)) { loggedIn.add(buyer); events.push(ev('account.login', minute - 0.5, { account_id: buyer, device_id: device })); }
    const id = `${o.tag}_o${k}`;
    orders.push(id);
    // Spread evenly: k * share crosses an integer for the share of vague orders.
    const vague = Math.floor((k + 1) * o.vagueShare) > Math.floor(k * o.vagueShare);
    events.push(placed({ minute, id, buyer, shop: o.shop, item: o.item, vague, device, payment: `pay_${o.tag}_${k % Math.ceil(o.devices * 1.5)}` }));
    if ((o.refunds ?? true) && k % 33 !== 0) events.push(refund(minute + 120 + (k % 600), id, buyer));
  }
  return { events, farm, orders };
}

/** Ordinary orders of an item by established buyers, one every `everyMin` minutes, to their own doors. */
function background(o: { prefix: string; buyers: number; shop: string; item: string; from: number; to: number; everyMin: number; tag: string }): BulwarkEvent[] {
  const out: BulwarkEvent[] = [];
  let k = 0;
  for (let m = o.from; m < o.to; m += o.everyMin, k++) {
    const buyer = `${o.prefix}${k % o.buyers}`;
    out.push(placed({ minute: m, id: `${o.tag}_b${k}`, buyer, shop: o.shop, item: o.item, vague: false, device: `dev_${buyer}`, payment: `pay_${buyer}` }));
  }
  return out;
}

const byTime = (events: BulwarkEvent[]) => [...events].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
const rbAlerts = (alerts: Map<string, Alert>) => [...alerts.values()].filter((a) => a.kind === 'reverse_brushing');
const catalogue = [listing(0, { item: 'i_v', shop: 's_v', price: 2990 }), listing(0, { item: 'i_w', shop: 's_w', price: 2990 })];

/** The victim's item sells a few an hour for four days; on day four a farm floods it, with two genuine buyers in the middle. */
function attackWorld(): { events: BulwarkEvent[]; farm: string[]; floodOrders: string[]; genuine: string[]; floodAt: number } {
  const floodAt = 4 * DAY + 600;
  const f = flood({ tag: 'f', shop: 's_v', item: 'i_v', at: floodAt, orders: 300, minutes: 20, accounts: 160, vagueShare: 0.8, devices: 25 });
  const genuine = [
    placed({ minute: floodAt + 7, id: 'gen_1', buyer: 'g3', shop: 's_v', item: 'i_v', vague: false, device: 'dev_g3', payment: 'pay_g3' }),
    placed({ minute: floodAt + 12, id: 'gen_2', buyer: 'g4', shop: 's_v', item: 'i_v', vague: false, device: 'dev_g4', payment: 'pay_g4' }),
  ];
  const events = byTime([...catalogue, ...established('g', 200),
    ...background({ prefix: 'g', buyers: 200, shop: 's_v', item: 'i_v', from: 60, to: floodAt - 30, everyMin: 25, tag: 'bg' }),
    ...f.events, ...genuine]);
  return { events, farm: f.farm, floodOrders: f.orders, genuine: ['gen_1', 'gen_2'], floodAt };
}

test('holds the flood\'s orders and raises one alert naming the victim, the farm and the refund wave', () => {
  const w = attackWorld();
  const { decisions, alerts } = run(w.events, [reverseBrushingDetector]);
  const found = rbAlerts(alerts);
  assert.equal(found.length, 1, 'one alert for one incident');
  const a = found[0]!;
  assert.deepEqual(a.subjects.shops, ['s_v']);
  assert.deepEqual(a.subjects.items, ['i_v']);
  const farm = new Set(w.farm);
  assert.ok(a.subjects.accounts.every((x) => farm.has(x)), 'only farm accounts are named');
  assert.ok(a.subjects.accounts.length >= 0.95 * w.farm.length, `${a.subjects.accounts.length} of ${w.farm.length} farm accounts named`);
  assert.ok(!a.subjects.accounts.includes('s_v') && !a.subjects.accounts.some((x) => x.startsWith('g')), 'neither the victim nor genuine buyers');
  assert.equal(a.subjects.orders.length, w.floodOrders.length, 'every flood order is listed');

  // Seen within ten minutes of the flood's first order.
  const minutesIn = (Date.parse(a.time) - Date.parse(ev('account.login', w.floodAt, { account_id: 'x' }).time)) / 60_000;
  assert.ok(minutesIn >= 0 && minutesIn <= 10, `first seen ${minutesIn} min in`);

  const e = a.evidence as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.deepEqual(e.victim, { shop: 's_v', item: 'i_v', items: ['i_v'] });
  assert.equal(e.exclude_from_victim_sales_and_ratings, true);
  assert.equal(e.excluded_orders.count, 300);
  assert.ok(e.excluded_orders.ids.length > 0 && e.excluded_orders.ids.length <= 100, 'ids capped, count exact');
  assert.ok(e.burst.orders_in_window >= 30 && e.burst.ratio >= 5, JSON.stringify(e.burst));
  assert.ok(e.vague_address_share >= 0.75 && e.new_or_dormant_share >= 0.95 && e.linked_share >= 0.5, JSON.stringify(e));
  assert.ok(e.links.clusters.length > 0 && e.links.clusters[0].links.length > 0, 'link evidence among the attackers');
  assert.ok(e.links.via.device > 0 && e.links.via.payment > 0, JSON.stringify(e.links.via));
  // 300 orders, every 33rd not refunded: 290 refunds attached, a refund wave.
  assert.equal(e.refunds.count, 290);
  assert.equal(e.refunds.amount_fen, 290 * 2990);
  assert.equal(e.refunds.wave, true);
  assert.equal(a.severity, 'critical');

  // After the alert, flood orders are held for review; before it, they were allowed.
  const floodDecisions = w.floodOrders.map((id) => decisions.get(`ev_${id}`)!);
  const firstHeld = floodDecisions.findIndex((d) => d.decision !== 'allow');
  assert.ok(firstHeld > 0 && firstHeld <= 40, `first held at order ${firstHeld}`);
  for (const d of floodDecisions.slice(firstHeld)) {
    assert.equal(d.decision, 'review');
    assert.deepEqual(d.actions, ['hold_shipment']);
    assert.equal(d.reasons[0]!.code, 'reverse_brushing_flood_order');
  }
  assert.equal(e.orders.before_alert, firstHeld);
  // Genuine buyers of the victim's item during the flood, and before it, are allowed.
  for (const id of w.genuine) assert.equal(decisions.get(`ev_${id}`)!.decision, 'allow', id);
  for (const [id, d] of decisions) if (id.startsWith('ev_bg_')) assert.equal(d.decision, 'allow', id);
});

test('a viral burst of established buyers to their own doors raises no alert and every order is allowed', () => {
  const viral = Array.from({ length: 400 }, (_, k) => placed({ minute: 3 * DAY + 600 + k * 0.05, id: `v${k}`, buyer: `b${k}`, shop: 's_w', item: 'i_w',
    vague: false, device: `dev_b${k}`, payment: `pay_b${k}` }));
  const returns = Array.from({ length: 10 }, (_, k) => refund(4 * DAY + 600 + k, `v${k * 40}`, `b${k * 40}`));
  const { decisions, alerts } = run(byTime([...catalogue, ...established('b', 400), ...viral, ...returns]), [reverseBrushingDetector]);
  assert.equal(rbAlerts(alerts).length, 0);
  for (const d of decisions.values()) assert.equal(d.decision, 'allow');
});

test('a flood in three waves with pauses stays one alert; a new flood on the item days later is a second one', () => {
  const first = flood({ tag: 'w1', shop: 's_v', item: 'i_v', at: 2 * DAY, orders: 240, minutes: 24, accounts: 120, vagueShare: 0.6, devices: 20,
    waves: { count: 3, pauseMin: 15 } });
  const second = flood({ tag: 'w2', shop: 's_v', item: 'i_v', at: 6 * DAY, orders: 150, minutes: 15, accounts: 80, vagueShare: 0.9, devices: 12 });
  const { alerts } = run(byTime([...catalogue, ...first.events, ...second.events]), [reverseBrushingDetector]);
  const found = rbAlerts(alerts).sort((a, b) => (a.time < b.time ? -1 : 1));
  assert.equal(found.length, 2);
  assert.equal(found[0]!.subjects.orders.length, 240, 'all three waves in the first alert');
  assert.ok(found[0]!.subjects.accounts.every((x) => x.startsWith('w1_')));
  assert.ok(found[1]!.subjects.accounts.every((x) => x.startsWith('w2_')));
  assert.notEqual(found[0]!.id, found[1]!.id);
});

test('a burst that looked clean is found by its refund wave, with the refunders named and no order held', () => {
  // Established, unlinked buyers to their own doors: nothing to see when they order; then 97% refund.
  const orders = Array.from({ length: 200 }, (_, k) => placed({ minute: 3 * DAY + k * 0.1, id: `r${k}`, buyer: `c${k}`, shop: 's_w', item: 'i_w',
    vague: false, device: `dev_c${k}`, payment: `pay_c${k}` }));
  const refunds = Array.from({ length: 200 }, (_, k) => k).filter((k) => k % 33 !== 0).map((k) => refund(3 * DAY + 180 + k * 3, `r${k}`, `c${k}`));
  const { decisions, alerts } = run(byTime([...catalogue, ...established('c', 200), ...orders, ...refunds]), [reverseBrushingDetector]);
  const [a, ...more] = rbAlerts(alerts);
  assert.ok(a && more.length === 0, 'one alert');
  assert.equal((a.evidence as { detected_by: string }).detected_by, 'refund_wave');
  assert.deepEqual(a.subjects.shops, ['s_w']);
  assert.ok(a.subjects.accounts.length >= 190 && a.subjects.accounts.every((x) => Number(x.slice(1)) % 33 !== 0), 'the refunders');
  for (const [id, d] of decisions) if (id.startsWith('ev_r')) assert.equal(d.decision, 'allow', id);
});

test('a limited launch selling out through linked accounts is left to the scalping detector', () => {
  const launch = ev('listing.updated', 100, { item_id: 'i_l', shop_id: 's_l', price: 2990, limited: true, per_account_limit: 1, stock: 500 });
  const f = flood({ tag: 'l', shop: 's_l', item: 'i_l', at: DAY, orders: 200, minutes: 5, accounts: 200, vagueShare: 0.5, devices: 20, refunds: false });
  const { alerts } = run(byTime([launch, ...f.events]), [reverseBrushingDetector]);
  assert.equal(rbAlerts(alerts).length, 0);
});

test('the same events give byte-identical decisions and alerts', () => {
  const w = attackWorld();
  const once = run(w.events, [reverseBrushingDetector]);
  const twice = run(w.events, [reverseBrushingDetector]);
  assert.equal(JSON.stringify([...twice.decisions]), JSON.stringify([...once.decisions]));
  assert.equal(JSON.stringify([...twice.alerts]), JSON.stringify([...once.alerts]));
});

test('property: any flood of at least four orders a minute is one alert within ten minutes, naming only the farm', () => {
  fc.assert(fc.property(
    fc.integer({ min: 60, max: 400 }), fc.integer({ min: 5, max: 40 }), fc.double({ min: 0.45, max: 1, noNaN: true }),
    fc.integer({ min: 4, max: 40 }), fc.integer({ min: 2, max: 6 * 24 * 60 }),
    (orders, minutesWanted, vagueShare, devices, at) => {
      const minutes = Math.min(minutesWanted, orders / 4);
      const f = flood({ tag: 'p', shop: 's_v', item: 'i_v', at, orders, minutes, accounts: Math.ceil(orders / 1.5), vagueShare, devices });
      const { alerts } = run(byTime([...catalogue, ...f.events]), [reverseBrushingDetector]);
      const found = rbAlerts(alerts);
      assert.equal(found.length, 1);
      const farm = new Set(f.farm);
      assert.ok(found[0]!.subjects.accounts.every((x) => farm.has(x)));
      assert.deepEqual(found[0]!.subjects.shops, ['s_v']);
      const firstOrderAt = Date.parse(ev('account.login', at, { account_id: 'x' }).time);
      assert.ok(Date.parse(found[0]!.time) - firstOrderAt <= 10 * 60_000, `seen ${(Date.parse(found[0]!.time) - firstOrderAt) / 60_000} min in`);
    },
  ), { numRuns: 25, seed: 20261102 });
});
