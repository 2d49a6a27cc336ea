import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent } from '../contract/index.js';
import { ev, fullAddress } from '../../test/support/events.js';
import { run } from '../../test/support/run.js';
import { brushingDetector } from './brushing.js';

const TEMPLATE = (noun: string) => `宝贝收到了，质量非常好，${noun}和描述的一模一样，物流很快，好评！`;
const GENUINE = ['质量不错，用了一周才来评价，值得购买', '物流一般，东西还可以', '和描述一致，家里人都说好'];
const HOUR = 60;

/** A deterministic little marketplace: events are collected with their minute and sorted at the end. */
class Market {
  readonly #events: Array<{ at: number; seq: number; e: BulwarkEvent }> = [];
  #seq = 0;
  #orders = 0;

  add(at: number, type: Parameters<typeof ev>[0], data: Record<string, unknown>, id?: string): void {
    const seq = this.#seq++;
    this.#events.push({ at, seq, e: ev(type, at, data, id ?? `m_${seq}`) });
  }

  shop(shop: string, item: string, noun: string): void {
    this.add(0, 'shop.opened', { shop_id: shop, owner_id: `m_${shop}`, category: 'home' });
    this.add(0, 'listing.updated', { item_id: item, shop_id: shop, price: 8900, category: 'home', title: `新款${noun}` });
  }

  /** An order through delivery, with an optional five-star review `reviewAfterMin` after delivery. */
  order(o: {
    at: number; buyer: string; shop: string; item: string; weightG: number; device?: string; ip?: string;
    review?: { afterMin: number; text?: string; rating?: number }; refund?: boolean; ship?: boolean;
  }): string {
    const id = `o${++this.#orders}`;
    this.add(o.at, 'order.placed', {
      order_id: id, buyer_id: o.buyer, shop_id: o.shop, lines: [{ item_id: o.item, qty: 1, unit_price: 8900 }], amount: 8900,
      address: fullAddress, ...(o.device ? { device_id: o.device } : {}), ...(o.ip ? { ip: o.ip } : {}),
    }, `ev_${id}`);
    this.add(o.at + 2, 'order.paid', { order_id: id });
    if (o.refund) {
      this.add(o.at + 90, 'refund.requested', { refund_id: `r_${id}`, order_id: id, buyer_id: o.buyer, kind: 'refund_only', amount: 8900 });
      this.add(o.at + 120, 'refund.resolved', { refund_id: `r_${id}`, outcome: 'approved' });
    }
    if (o.ship === false) return id;
    this.add(o.at + 3 * HOUR, 'order.shipped', { order_id: id, weight_g: o.weightG });
    this.add(o.at + 27 * HOUR, 'order.delivered', { order_id: id });
    if (o.review) {
      this.add(o.at + 27 * HOUR + o.review.afterMin, 'review.posted', {
        review_id: `rv_${id}`, order_id: id, buyer_id: o.buyer, shop_id: o.shop, item_id: o.item, rating: o.review.rating ?? 5,
        ...(o.review.text ? { text: o.review.text } : {}),
      });
    }
    return id;
  }

  events(): BulwarkEvent[] {
    return [...this.#events].sort((a, b) => a.at - b.at || a.seq - b.seq).map((x) => x.e);
  }
}

const RING_SHOPS = ['s_r1', 's_r2', 's_r3'];
const HONEST = ['s_h1', 's_h2', 's_h3'];
const NOUN: Record<string, string> = { s_r1: '四件套', s_r2: '乳胶枕', s_r3: '收纳箱', s_h1: '保温杯', s_h2: '不粘锅', s_h3: '拖把', s_v: '台灯' };
const itemOf = (shop: string) => `i_${shop}`;

/** Shops with genuine sales and parcels of about 800 g, so every item has a usual weight. */
function marketplace(m: Market, shops: readonly string[] = [...RING_SHOPS, ...HONEST]): void {
  for (const s of shops) m.shop(s, itemOf(s), NOUN[s]!);
  let g = 0;
  for (const s of shops) {
    for (let k = 0; k < 10; k++) {
      const buyer = `g_${g++}`;
      m.order({ at: 10 + k * 30, buyer, shop: s, item: itemOf(s), weightG: 780 + (k % 4) * 25, device: `d_${buyer}`,
        review: k % 3 === 0 ? { afterMin: 3 * 24 * HOUR, text: GENUINE[k % GENUINE.length]! } : undefined });
    }
  }
}

/** A ring of 12 brushers on 3 shared phones; each places one empty-parcel order per round, rotating over the ring's shops. */
function ring(m: Market, opts: { rounds?: number; start?: number; camouflage?: boolean; light?: boolean } = {}): { brushers: string[]; orders: string[] } {
  const brushers = Array.from({ length: 12 }, (_, i) => `b${String(i).padStart(2, '0')}`);
  const orders: string[] = [];
  const start = opts.start ?? 2 * 24 * HOUR;
  for (let r = 0; r < (opts.rounds ?? 4); r++) {
    brushers.forEach((b, i) => {
      const shop = RING_SHOPS[(r + i) % RING_SHOPS.length]!;
      orders.push(m.order({ at: start + r * 6 * HOUR + i * 3, buyer: b, shop, item: itemOf(shop), weightG: opts.light === false ? 800 : 12 + (i % 5) * 3,
        device: `d_ring${i % 3}`, review: { afterMin: 60 + i * 7, text: TEMPLATE(NOUN[shop]!) } }));
      if (opts.camouflage) {
        const honest = HONEST[(r + i) % HONEST.length]!;
        m.order({ at: start + r * 6 * HOUR + i * 3 + 90, buyer: b, shop: honest, item: itemOf(honest), weightG: 810, device: `d_ring${i % 3}`,
          review: { afterMin: 45, text: '好评' } });
      }
    });
  }
  return { brushers, orders };
}

/** The parts of a brushing alert's evidence these tests read. */
interface RingEvidence {
  parcels: { light: number; medianUsualG: number; medianWeightG: number };
  reviews: { quickFiveStar: number; templated: number; distinctTemplates: number };
  links: { sharedVia: Record<string, number>; largestCluster: number };
  shopsPerBrusher: { max: number; servingSeveral: number };
  block: { density: number; shops: number };
  ring: { accounts: number; orders: number };
}

const brushingAlerts = (alerts: Map<string, Alert>) => [...alerts.values()].filter((a) => a.kind === 'brushing');

test('names a ring of brushers on shared phones, its three shops, items and fake orders in one alert', () => {
  const m = new Market();
  marketplace(m);
  const { brushers, orders } = ring(m);
  const { alerts } = run(m.events(), [brushingDetector]);
  const found = brushingAlerts(alerts);
  assert.equal(found.length, 1, 'one alert for the ring, though several of its shops were peeled');
  const a = found[0]!;
  assert.deepEqual([...a.subjects.shops].sort(), RING_SHOPS);
  assert.deepEqual([...a.subjects.accounts].sort(), brushers);
  assert.deepEqual([...a.subjects.items].sort(), RING_SHOPS.map(itemOf));
  assert.deepEqual([...a.subjects.orders].sort(), [...orders].sort());
  const e = a.evidence as unknown as RingEvidence;
  assert.equal(e.parcels.light, 48);
  assert.ok(e.parcels.medianUsualG >= 780 && e.parcels.medianWeightG <= 30, JSON.stringify(e.parcels));
  assert.equal(e.reviews.quickFiveStar, 48);
  // One template filled with three products is one fingerprint: the product's name is left out.
  assert.ok(e.reviews.templated === 48 && e.reviews.distinctTemplates === 1, JSON.stringify(e.reviews));
  assert.ok((e.links.sharedVia.device ?? 0) >= 9 && e.links.largestCluster === 4, JSON.stringify(e.links));
  assert.ok(e.shopsPerBrusher.max === 3 && e.shopsPerBrusher.servingSeveral === 12, JSON.stringify(e.shopsPerBrusher));
  assert.ok(e.block.density > 0 && e.block.shops === 3, JSON.stringify(e.block));
  assert.equal(e.ring.accounts, 12);
  assert.equal(e.ring.orders, 48);
});

test('a ring that ships the real goods is still found by its quick copied praise', () => {
  const m = new Market();
  marketplace(m);
  const { brushers } = ring(m, { rounds: 8, light: false });
  const found = brushingAlerts(run(m.events(), [brushingDetector]).alerts);
  assert.equal(found.length, 1);
  assert.deepEqual([...found[0]!.subjects.accounts].sort(), brushers);
  assert.deepEqual([...found[0]!.subjects.shops].sort(), RING_SHOPS);
});

test('camouflage orders at honest shops neither hide a brusher nor name the honest shops', () => {
  const m = new Market();
  marketplace(m);
  const { brushers } = ring(m, { camouflage: true });
  const found = brushingAlerts(run(m.events(), [brushingDetector]).alerts);
  assert.equal(found.length, 1);
  assert.deepEqual([...found[0]!.subjects.accounts].sort(), brushers);
  assert.deepEqual([...found[0]!.subjects.shops].sort(), RING_SHOPS);
});

test('never names a reverse-brushing victim: a linked farm floods it, never reviews, and refunds in a wave', () => {
  const m = new Market();
  marketplace(m, ['s_v', ...HONEST]);
  for (let i = 0; i < 160; i++) {
    // Eight in a hundred are shipped before the refunds arrive, at the goods' weight.
    m.order({ at: 2 * 24 * HOUR + i / 8, buyer: `f${i % 80}`, shop: 's_v', item: itemOf('s_v'), weightG: 800, device: `d_farm${i % 8}`,
      refund: i % 50 !== 0, ship: i % 12 === 0 });
  }
  const found = brushingAlerts(run(m.events(), [brushingDetector]).alerts);
  assert.deepEqual(found, []);
});

test('flags none of the look-alikes: a family on one tablet, a campus behind one IP, a viral burst, one odd parcel each', () => {
  const m = new Market();
  marketplace(m, HONEST);
  const t = 2 * 24 * HOUR;
  // A family of three on one tablet, each buying three times with quick five-star reviews.
  for (let k = 0; k < 9; k++) {
    m.order({ at: t + k * 200, buyer: `fam${k % 3}`, shop: 's_h1', item: itemOf('s_h1'), weightG: 800, device: 'd_family',
      review: { afterMin: 30, text: '质量很好，物流也快，下次还来，给家里人也买了一个' } });
  }
  // Forty students behind one campus address, each once, quick and short.
  for (let k = 0; k < 40; k++) {
    m.order({ at: t + 10 + k * 7, buyer: `stu${k}`, shop: 's_h2', item: itemOf('s_h2'), weightG: 790, device: `d_stu${k}`, ip: '202.120.1.1',
      review: { afterMin: 20 + k, text: '很满意' } });
  }
  // A livestream sells 200 of one item in half an hour; a third review at once with the host's slogan.
  for (let k = 0; k < 200; k++) {
    m.order({ at: t + 600 + k / 7, buyer: `fan${k}`, shop: 's_h3', item: itemOf('s_h3'), weightG: 805, device: `d_fan${k}`,
      review: k % 3 === 0 ? { afterMin: 40, text: '直播间抢到的，主播推荐的果然好用，物超所值' } : undefined });
  }
  // Thirty buyers each get one parcel far under the usual weight (a variant shipped light), and praise it.
  for (let k = 0; k < 30; k++) {
    m.order({ at: t + 900 + k * 11, buyer: `odd${k}`, shop: 's_h1', item: itemOf('s_h1'), weightG: 120, device: `d_odd${k}`,
      review: { afterMin: 60, text: '小号的也很好用' } });
  }
  const found = brushingAlerts(run(m.events(), [brushingDetector]).alerts);
  assert.deepEqual(found.map((a) => a.subjects), []);
});

test('orders of a named brusher at a shop of its ring are challenged; a genuine buyer there is allowed', () => {
  const m = new Market();
  marketplace(m);
  ring(m);
  const later = 10 * 24 * HOUR;
  m.add(later, 'order.placed', { order_id: 'o_again', buyer_id: 'b03', shop_id: 's_r1', lines: [{ item_id: 'i_s_r1', qty: 1, unit_price: 8900 }],
    amount: 8900, address: fullAddress }, 'ev_again');
  m.add(later + 1, 'order.placed', { order_id: 'o_fan', buyer_id: 'g_3', shop_id: 's_r1', lines: [{ item_id: 'i_s_r1', qty: 1, unit_price: 8900 }],
    amount: 8900, address: fullAddress }, 'ev_fan');
  m.add(later + 2, 'order.placed', { order_id: 'o_else', buyer_id: 'b03', shop_id: 's_h1', lines: [{ item_id: 'i_s_h1', qty: 1, unit_price: 8900 }],
    amount: 8900, address: fullAddress }, 'ev_else');
  const { decisions } = run(m.events(), [brushingDetector]);
  const again = decisions.get('ev_again')!;
  assert.equal(again.decision, 'challenge');
  assert.equal(again.reasons[0]!.code, 'brushing_ring_order');
  assert.deepEqual(again.actions, ['exclude_from_sales_rank']);
  assert.equal(decisions.get('ev_fan')!.decision, 'allow');
  assert.equal(decisions.get('ev_else')!.decision, 'allow');
});

test('the same events give byte-identical alerts and decisions', () => {
  const build = () => { const m = new Market(); marketplace(m); ring(m, { camouflage: true }); return m.events(); };
  const a = run(build(), [brushingDetector]);
  const b = run(build(), [brushingDetector]);
  assert.equal(JSON.stringify([...a.alerts.values()]), JSON.stringify([...b.alerts.values()]));
  assert.equal(JSON.stringify([...a.decisions.values()]), JSON.stringify([...b.decisions.values()]));
  assert.equal(JSON.stringify([...a.state.takeChanges()]), JSON.stringify([...b.state.takeChanges()]));
});

test('a ring is found whichever order its shops are seen in: one alert, the same subjects', () => {
  const subjectsFor = (shops: readonly string[]) => {
    const m = new Market();
    marketplace(m);
    const brushers = Array.from({ length: 10 }, (_, i) => `w${i}`);
    shops.forEach((shop, r) => {
      brushers.forEach((b, i) => m.order({ at: 2 * 24 * HOUR + r * 12 * HOUR + i * 5, buyer: b, shop, item: itemOf(shop), weightG: 10,
        device: `d_w${i % 2}`, review: { afterMin: 90, text: TEMPLATE(NOUN[shop]!) } }));
    });
    const found = brushingAlerts(run(m.events(), [brushingDetector]).alerts);
    assert.equal(found.length, 1, shops.join(','));
    return { shops: [...found[0]!.subjects.shops].sort(), accounts: [...found[0]!.subjects.accounts].sort() };
  };
  const first = subjectsFor(RING_SHOPS);
  assert.deepEqual(first.shops, RING_SHOPS);
  assert.deepEqual(subjectsFor([...RING_SHOPS].reverse()), first);
  assert.deepEqual(subjectsFor(['s_r2', 's_r3', 's_r1']), first);
});
