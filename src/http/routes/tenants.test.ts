// Tenants through HTTP: two platforms send events to one server with their own ingest keys; each
// tenant's analyst and merchant keys see that tenant's alerts, warnings and accounts only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventJson, ndjson, startServer, type TestServer } from '../../../test/support/http.js';

let server: TestServer;
const keys: Record<string, string> = {};

/** A price error on tenant `t`'s item, an order at the wrong price by its buyer, on its own shop. */
function priceErrorWorld(t: string): Record<string, unknown>[] {
  const at = (m: number) => new Date(Date.UTC(2026, 10, 2, 10) + m * 60_000).toISOString();
  return [
    eventJson({ id: `${t}_l1`, type: 'listing.updated', time: at(0), data: { item_id: `${t}_i`, shop_id: `${t}_s`, price: 599900 } }),
    eventJson({ id: `${t}_l2`, type: 'listing.updated', time: at(1), data: { item_id: `${t}_i`, shop_id: `${t}_s`, price: 5999 } }),
    eventJson({ id: `${t}_o1`, type: 'order.placed', time: at(2), data: {
      order_id: `${t}_o1`, buyer_id: `${t}_u1`, shop_id: `${t}_s`, lines: [{ item_id: `${t}_i`, qty: 1, unit_price: 5999 }], amount: 5999,
      address: { province: '浙江省', city: '杭州市', detail: '文三路90号3号楼502室' }, device_id: `${t}_dev` } }),
  ];
}

before(async () => {
  server = await startServer();
  for (const t of ['ta', 'tb']) {
    const res = await server.request('/v1/events', { method: 'POST', key: await server.key('ingest', { source: t }),
      headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(priceErrorWorld(t)) });
    assert.equal(res.status, 200);
    keys[`${t}_analyst`] = await server.key('analyst', { source: t });
    keys[`${t}_merchant`] = await server.key('merchant', { source: t, shop: `${t}_s` });
  }
});
after(() => server.close());

const get = async (path: string, key: string) => {
  const res = await server.request(path, { key });
  return { status: res.status, json: await res.json() as Record<string, unknown> & { items: Array<Record<string, unknown>> } };
};

test("an analyst lists its own tenant's alerts only, and another tenant's alert is not found", async () => {
  const a = await get('/v1/alerts', keys.ta_analyst!);
  const b = await get('/v1/alerts', keys.tb_analyst!);
  assert.equal(a.json.items.length, 1);
  assert.equal(b.json.items.length, 1);
  assert.equal(a.json.items[0]!.source, 'ta');
  assert.deepEqual((a.json.items[0]!.subjects as { items: string[] }).items, ['ta_i']);
  assert.equal((await get(`/v1/alerts/${String(a.json.items[0]!.id)}`, keys.ta_analyst!)).status, 200);
  const other = await get(`/v1/alerts/${String(b.json.items[0]!.id)}`, keys.ta_analyst!);
  assert.equal(other.status, 404);
  assert.equal((other.json.error as { code: string }).code, 'not_found');
});

test("an analyst reading another tenant's shop sees no warnings; its own shop's are there", async () => {
  const own = await get('/v1/shops/ta_s/warnings', keys.ta_analyst!);
  assert.deepEqual(own.json.items.map((w) => w.kind).sort(), ['listing_paused', 'order_held', 'price_error']);
  assert.ok(own.json.items.every((w) => w.tenant === 'ta'));
  assert.deepEqual((await get('/v1/shops/tb_s/warnings', keys.ta_analyst!)).json, { items: [], next_cursor: null });
  // A merchant key of tenant tb with a shop id of tenant ta is another shop: 403.
  assert.equal((await get('/v1/shops/ta_s/warnings', keys.tb_merchant!)).status, 403);
});

test("an account of another tenant is not found; one's own is", async () => {
  assert.equal((await get('/v1/accounts/ta_u1/links', keys.ta_analyst!)).status, 200);
  assert.equal((await get('/v1/accounts/tb_u1/links', keys.ta_analyst!)).status, 404);
});

test('a default-tenant analyst sees neither tenant', async () => {
  const d = await server.key('analyst');
  assert.deepEqual((await get('/v1/alerts', d)).json, { items: [], next_cursor: null });
});
