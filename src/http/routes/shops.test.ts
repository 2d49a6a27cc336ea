import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventJson, listingEvent, ndjson, startServer, type TestServer } from '../../../test/support/http.js';
import { ev, fullAddress } from '../../../test/support/events.js';

interface WarningJson {
  id: string; shop_id: string; kind: string; source: string; time: string; updated: string;
  decision?: string; actions?: string[]; reasons?: Array<Record<string, unknown>>; order_id?: string; item_ids?: string[];
  summary?: string; severity?: string; order_count?: number;
}
interface Answer { status: number; json: { items: WarningJson[]; next_cursor: string | null; error: { code: string; message: string } } }

let server: TestServer;
let analyst: string;
let merchant1: string;
const ITEMS = 3;
const NDJSON = { 'content-type': 'application/x-ndjson' };

/** An order of one unit of `item` of shop s_1 at `price`, `minute` after 10:00. */
const order = (id: string, item: string, price: number, minute: number) => eventJson({
  id, type: 'order.placed', time: new Date(Date.UTC(2026, 10, 2, 10) + minute * 60_000).toISOString(),
  data: { order_id: `o_${id}`, buyer_id: `b_${id}`, shop_id: 's_1', lines: [{ item_id: item, qty: 1, unit_price: price }], amount: price,
    address: { ...fullAddress, phone: '13912345678' }, device_id: `dev_${id}`, payment_id: `pay_${id}` },
});

async function post(events: readonly unknown[]): Promise<Array<{ event_id: string; status: string; decision?: { decision: string; reasons: Array<{ code: string }> } }>> {
  const res = await server.request('/v1/events', { method: 'POST', key: await server.key('ingest'), headers: NDJSON, body: ndjson(events) });
  assert.equal(res.status, 200);
  return (await res.json() as { results: never[] }).results;
}

before(async () => {
  server = await startServer();
  analyst = await server.key('analyst');
  merchant1 = await server.key('merchant', { shop: 's_1' });
  // Shop s_1: per item, a price of 5,999.00 typed as 59.99 (the listing paused, a price error
  // alert), then an order at the wrong price (held); each item ten minutes after the one before.
  const events: unknown[] = [];
  for (let i = 0; i < ITEMS; i++) {
    events.push(listingEvent(`pe_${i}_a`, `item_${i}`, 599900, i * 10), listingEvent(`pe_${i}_b`, `item_${i}`, 5999, i * 10 + 1),
      order(`ord_${i}`, `item_${i}`, 5999, i * 10 + 3));
  }
  // Shop s_2 has a price error of its own.
  for (const [id, price, minute] of [['x_a', 799900, 50], ['x_b', 7999, 51]] as const) {
    events.push(eventJson({ id, type: 'listing.updated', time: new Date(Date.UTC(2026, 10, 2, 10, minute)).toISOString(),
      data: { item_id: 'item_x', shop_id: 's_2', price } }));
  }
  const results = await post(events);
  assert.ok(results.every((r) => r.status === 'accepted'));
});
after(() => server.close());

/** GET with `key` (the s_1 merchant's by default; null sends none). */
async function get(path: string, key: string | null = merchant1): Promise<Answer> {
  const res = await server.request(path, key === null ? {} : { key });
  return { status: res.status, json: await res.json() as Answer['json'] };
}

test("a shop's merchant key sees its held orders, paused listings and price errors, newest first, with reasons", async () => {
  const { status, json } = await get('/v1/shops/s_1/warnings');
  assert.equal(status, 200);
  assert.equal(json.next_cursor, null);
  // At one time the listing's event id sorts after the alert id (newest first: id descending).
  assert.deepEqual(json.items.map((w) => [w.kind, w.source]), Array.from({ length: ITEMS }, () => [
    ['order_held', 'decision'], ['listing_paused', 'decision'], ['price_error', 'alert']]).flat());
  assert.deepEqual(json.items.filter((w) => w.source === 'decision').map((w) => w.id), ['ord_2', 'pe_2_b', 'ord_1', 'pe_1_b', 'ord_0', 'pe_0_b']);
  assert.ok(json.items.every((w) => w.shop_id === 's_1'));
  const times = json.items.map((w) => w.time);
  assert.deepEqual(times, [...times].sort().reverse());

  const held = json.items[0]!;
  assert.equal(held.order_id, 'o_ord_2');
  assert.deepEqual(held.item_ids, ['item_2']);
  assert.equal(held.decision, 'review');
  assert.ok(held.actions!.includes('hold_shipment'));
  const reason = held.reasons!.find((r) => r.code === 'order_at_price_error');
  assert.ok(reason, JSON.stringify(held.reasons));
  assert.deepEqual(Object.keys(reason).sort(), ['code', 'message']);
  assert.match(String(reason.message), /item_2 bought at/);

  const alert = json.items[2]!;
  assert.equal(alert.severity !== undefined && alert.order_count, 1);
  assert.deepEqual(alert.item_ids, ['item_2']);
  assert.equal(alert.time, '2026-11-02T10:21:00.000Z');
  assert.equal(alert.updated, '2026-11-02T10:23:00.000Z', 'the alert warning is updated as its alert grows');
  assert.match(alert.summary!, /item_2 of shop s_1/);

  const text = JSON.stringify(json);
  for (const secret of ['13912345678', 'dev_ord', 'pay_ord', 'b_ord', fullAddress.detail]) assert.ok(!text.includes(secret), secret);
});

test('paging with a cursor returns every warning exactly once, in the order of one page', async () => {
  const { json: whole } = await get('/v1/shops/s_1/warnings?limit=500');
  const seen: WarningJson[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { status, json }: Answer = await get(`/v1/shops/s_1/warnings?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(status, 200);
    assert.ok(json.items.length <= 2);
    seen.push(...json.items);
    cursor = json.next_cursor;
    pages++;
  } while (cursor);
  assert.equal(pages, Math.ceil((3 * ITEMS) / 2));
  assert.deepEqual(seen, whole.items);
  assert.equal(new Set(seen.map((w) => w.id)).size, 3 * ITEMS);
});

test("analysts and admins read any shop's warnings; a shop without any has an empty list", async () => {
  const mine = await get('/v1/shops/s_1/warnings');
  assert.deepEqual(await get('/v1/shops/s_1/warnings', analyst), mine);
  assert.deepEqual(await get('/v1/shops/s_1/warnings', await server.key('admin')), mine);
  const other = await get('/v1/shops/s_2/warnings', analyst);
  assert.deepEqual(other.json.items.map((w) => [w.shop_id, w.kind]), [['s_2', 'listing_paused'], ['s_2', 'price_error']]);
  assert.deepEqual((await get('/v1/shops/s_quiet/warnings', analyst)).json, { items: [], next_cursor: null });
});

test("another shop's merchant key gets 403 and learns nothing about whether the shop exists", async () => {
  const merchant2 = await server.key('merchant', { shop: 's_2' });
  const messages = new Set<string>();
  for (const path of ['/v1/shops/s_1/warnings', '/v1/shops/s_nope/warnings', '/v1/shops/s_1/warnings?limit=0', '/v1/shops/s_1/warnings?cursor=junk']) {
    const { status, json } = await get(path, merchant2);
    assert.equal(status, 403, path);
    assert.equal(json.error.code, 'forbidden');
    assert.equal((json as { items?: unknown }).items, undefined);
    messages.add(json.error.message);
  }
  assert.equal(messages.size, 1, 'the answer must not differ between a shop that exists and one that does not');
  assert.doesNotMatch([...messages][0]!, /s_1|s_2|s_nope/);
  assert.equal((await get('/v1/shops/s_2/warnings', merchant2)).status, 200);
});

test('an ingest key gets 403 and no key 401', async () => {
  const ingest = await get('/v1/shops/s_1/warnings', await server.key('ingest'));
  assert.equal(ingest.status, 403);
  assert.equal(ingest.json.error.code, 'forbidden');
  assert.equal((await get('/v1/shops/s_1/warnings', null)).status, 401);
  assert.equal((await get('/v1/shops/s_1/warnings', await server.key('consumer', { account: 'u_1' }))).status, 403);
});

test('a bad cursor or query gets 400 naming what to fix', async () => {
  const cursor = await get('/v1/shops/s_1/warnings?cursor=not-a-cursor');
  assert.equal(cursor.status, 400);
  assert.equal(cursor.json.error.code, 'invalid_cursor');
  for (const q of ['limit=0', 'limit=501', 'kind=price_error']) {
    const bad = await get(`/v1/shops/s_1/warnings?${q}`);
    assert.equal(bad.status, 400, q);
    assert.equal(bad.json.error.code, 'invalid_request', q);
  }
});

test('the OpenAPI document describes the route and both shapes of a warning', async () => {
  const doc = await (await server.request('/openapi.json')).json() as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> };
  const route = doc.paths['/v1/shops/{shop_id}/warnings'];
  assert.ok(route?.get, Object.keys(doc.paths).join(', '));
  const schema = JSON.stringify(route.get.responses['200']);
  for (const field of ['order_held', 'order_count', 'reasons', 'next_cursor']) assert.ok(schema.includes(field), field);
});

// A brushing ring: 12 brushers on 3 shared devices buy round after round from three shops, parcels
// of a few grams against a usual 800 g, each praised with one template within the hour.
const TEMPLATE = (noun: string) => `宝贝收到了，质量非常好，${noun}和描述的一模一样，物流很快，好评！`;
const NOUN: Record<string, string> = { s_r1: '四件套', s_r2: '乳胶枕', s_r3: '收纳箱', s_h1: '保温杯', s_h2: '不粘锅', s_h3: '拖把' };
const HOUR = 60;

function brushingRing(): unknown[] {
  const out: Array<{ at: number; seq: number; e: unknown }> = [];
  let seq = 0;
  let n = 0;
  const add = (at: number, type: Parameters<typeof ev>[0], data: Record<string, unknown>, id?: string) => {
    seq++;
    out.push({ at, seq, e: ev(type, at, data, id ?? `br_${seq}`) });
  };
  const buy = (at: number, buyer: string, shop: string, weightG: number, device: string, review?: { afterMin: number; text: string }) => {
    const id = `bo${++n}`;
    add(at, 'order.placed', { order_id: id, buyer_id: buyer, shop_id: shop, lines: [{ item_id: `i_${shop}`, qty: 1, unit_price: 8900 }],
      amount: 8900, address: fullAddress, device_id: device }, `ev_${id}`);
    add(at + 2, 'order.paid', { order_id: id });
    add(at + 3 * HOUR, 'order.shipped', { order_id: id, weight_g: weightG });
    add(at + 27 * HOUR, 'order.delivered', { order_id: id });
    if (review) add(at + 27 * HOUR + review.afterMin, 'review.posted', { review_id: `rv_${id}`, order_id: id, buyer_id: buyer, shop_id: shop,
      item_id: `i_${shop}`, rating: 5, text: review.text });
  };
  const ring = ['s_r1', 's_r2', 's_r3'];
  const shops = [...ring, 's_h1', 's_h2', 's_h3'];
  for (const s of shops) {
    add(0, 'shop.opened', { shop_id: s, owner_id: `m_${s}`, category: 'home' });
    add(0, 'listing.updated', { item_id: `i_${s}`, shop_id: s, price: 8900, category: 'home', title: `新款${NOUN[s]}` });
  }
  let g = 0;
  for (const s of shops) for (let k = 0; k < 10; k++) { const b = `g_${g++}`; buy(10 + k * 30, b, s, 780 + (k % 4) * 25, `d_${b}`); }
  for (let r = 0; r < 4; r++) {
    for (let i = 0; i < 12; i++) {
      const shop = ring[(r + i) % ring.length]!;
      buy(2 * 24 * HOUR + r * 6 * HOUR + i * 3, `b${i}`, shop, 12 + (i % 5) * 3, `d_ring${i % 3}`, { afterMin: 60 + i * 7, text: TEMPLATE(NOUN[shop]!) });
    }
  }
  // Later, a named brusher orders again at a shop of its ring.
  add(10 * 24 * HOUR, 'order.placed', { order_id: 'o_again', buyer_id: 'b3', shop_id: 's_r1', lines: [{ item_id: 'i_s_r1', qty: 1, unit_price: 8900 }],
    amount: 8900, address: fullAddress }, 'ev_again');
  return out.sort((a, b) => a.at - b.at || a.seq - b.seq).map((x) => x.e);
}

test('a shop accused of brushing is never warned of the accusation: neither the alert nor the ring order it flags', async () => {
  const results = await post(brushingRing());
  // The accusation must exist for this test to mean anything.
  const alerts = await server.request('/v1/alerts?kind=brushing', { key: analyst });
  const ringAlerts = (await alerts.json() as { items: Array<{ id: string; subjects: { shops: string[] } }> }).items;
  assert.ok(ringAlerts.some((a) => a.subjects.shops.includes('s_r1')), 'the fixture no longer makes a brushing alert naming s_r1; update it');
  const again = results.find((r) => r.event_id === 'ev_again')!.decision!;
  assert.notEqual(again.decision, 'allow', 'the fixture no longer flags the ring order; update it');
  assert.ok(again.reasons.some((r) => r.code === 'brushing_ring_order'));

  const merchant = await server.key('merchant', { shop: 's_r1' });
  for (const key of [merchant, analyst]) {
    const { status, json } = await get('/v1/shops/s_r1/warnings?limit=500', key);
    assert.equal(status, 200);
    const ids = new Set(ringAlerts.map((a) => a.id));
    assert.deepEqual(json.items.filter((w) => ids.has(w.id) || w.kind === 'brushing' || w.id === 'ev_again'), []);
    assert.doesNotMatch(JSON.stringify(json), /brush/);
  }
});
