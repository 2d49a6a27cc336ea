import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listingEvent, ndjson, startServer, type TestServer } from '../../../test/support/http.js';

interface AlertJson { id: string; kind: string; time: string; subjects: { items: string[] } }
interface PageJson { items: AlertJson[]; next_cursor: string | null }

let server: TestServer;
let analyst: string;
const ITEMS = 7;

before(async () => {
  server = await startServer();
  analyst = await server.key('analyst');
  // A price error per item: listed at 5,999.00, then at 59.99 (a misplaced decimal point), each
  // item a minute later than the one before so that "newest first" has one right answer.
  const events = [];
  for (let i = 0; i < ITEMS; i++) {
    events.push(listingEvent(`pe_${i}_a`, `item_${i}`, 599900, i * 2), listingEvent(`pe_${i}_b`, `item_${i}`, 5999, i * 2 + 1));
  }
  const res = await server.request('/v1/events', { method: 'POST', key: await server.key('ingest'),
    headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(events) });
  assert.equal(res.status, 200);
});
after(() => server.close());

async function get(path: string, key = analyst): Promise<{ status: number; json: PageJson & AlertJson & { error: { code: string; message: string } } }> {
  const res = await server.request(path, { key });
  return { status: res.status, json: await res.json() as never };
}

test('pages through the alerts newest first with cursors, each alert once', async () => {
  const seen: AlertJson[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { status, json } = await get(`/v1/alerts?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(status, 200);
    assert.ok(json.items.length <= 3);
    seen.push(...json.items);
    cursor = json.next_cursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.equal(seen.length, ITEMS);
  assert.ok(seen.every((a) => a.kind === 'price_error'));
  assert.deepEqual(seen.map((a) => a.subjects.items[0]), Array.from({ length: ITEMS }, (_, i) => `item_${ITEMS - 1 - i}`));
  assert.equal(new Set(seen.map((a) => a.id)).size, ITEMS);
});

test('filters by kind and since', async () => {
  const since = await get('/v1/alerts?since=2026-11-02T10:08:00.000Z&kind=price_error');
  assert.deepEqual(since.json.items.map((a) => a.subjects.items[0]), ['item_6', 'item_5', 'item_4']);
  const none = await get('/v1/alerts?kind=scalping');
  assert.deepEqual(none.json, { items: [], next_cursor: null });
});

test('answers one alert by id, and 404 not_found for an unknown one', async () => {
  const { json: page } = await get('/v1/alerts?limit=1');
  const one = await get(`/v1/alerts/${page.items[0]!.id}`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.json, page.items[0]);
  const missing = await get('/v1/alerts/alr_nope');
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error.code, 'not_found');
});

test('a bad cursor or query gets 400 with a code and what to fix', async () => {
  const cursor = await get('/v1/alerts?cursor=not-a-cursor');
  assert.equal(cursor.status, 400);
  assert.equal(cursor.json.error.code, 'invalid_cursor');
  assert.match(cursor.json.error.message, /next_cursor/);
  for (const q of ['limit=0', 'limit=501', 'kind=nonsense', 'since=yesterday', 'kinds=price_error']) {
    const bad = await get(`/v1/alerts?${q}`);
    assert.equal(bad.status, 400, q);
    assert.equal(bad.json.error.code, 'invalid_request', q);
  }
});

test('a merchant key gets 403 on alerts, whether or not the alert exists', async () => {
  const merchant = await server.key('merchant', { shop: 's_1' });
  const { json: page } = await get('/v1/alerts?limit=1');
  const messages = new Set<string>();
  for (const path of ['/v1/alerts', `/v1/alerts/${page.items[0]!.id}`, '/v1/alerts/alr_nope']) {
    const res = await get(path, merchant);
    assert.equal(res.status, 403, path);
    assert.equal(res.json.error.code, 'forbidden');
    if (path !== '/v1/alerts') messages.add(res.json.error.message);
  }
  assert.equal(messages.size, 1, 'the answer for an existing alert and a missing one must not differ');
});
