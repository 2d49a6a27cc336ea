import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BulwarkEvent } from '../../contract/index.js';
import { ev, listing, order } from '../../../test/support/events.js';
import { ndjson, startServer, type TestServer } from '../../../test/support/http.js';

interface ActivityJson {
  from: string; bucket_ms: number; buckets: number;
  events: number[]; decisions: Record<string, number[]>; alerts: Record<string, number[]>;
}
interface ItemJson { from: string; bucket_ms: number; buckets: number; orders: number[]; refunds: number[]; baseline_per_bucket: number | null; baseline_per_hour?: number | null }

let server: TestServer;
let analyst: string;
const sent: BulwarkEvent[] = [];
const minuteOf = (e: BulwarkEvent) => Math.floor((Date.parse(e.time) - Date.UTC(2026, 10, 2)) / 60_000);

before(async () => {
  server = await startServer();
  analyst = await server.key('analyst');
  // An item's quiet week: one order every 12 hours for the 6 days before day 6, then a burst of 12
  // orders in minutes 0-3 of day 6, three refunded; and a price error on another item.
  const day6 = 6 * 1440;
  for (let i = 0; i < 12; i++) sent.push(order(i * 720, { id: `q${i}`, buyer: `u_q${i}`, shop: 's_1', item: 'i_burst', price: 1999 }));
  for (let i = 0; i < 12; i++) sent.push(order(day6 + Math.floor(i / 4), { id: `b${i}`, buyer: `u_b${i}`, shop: 's_1', item: 'i_burst', price: 1999 }));
  for (let i = 0; i < 3; i++) {
    sent.push(ev('refund.requested', day6 + 5, { refund_id: `r${i}`, order_id: `b${i}`, buyer_id: `u_b${i}`, kind: 'refund_only', amount: 1999 }, `ev_r${i}`));
  }
  sent.push(listing(day6 + 1, { item: 'i_pe', shop: 's_2', price: 599900 }, 'ev_pe1'), listing(day6 + 2, { item: 'i_pe', shop: 's_2', price: 5999 }, 'ev_pe2'));
  const res = await server.request('/v1/events', { method: 'POST', key: await server.key('ingest'),
    headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(sent) });
  assert.equal(res.status, 200);
  // Another tenant's events are not counted for this tenant's analyst.
  const other = await server.key('ingest', { source: 'tenant-b' });
  const theirs = [order(6 * 1440 + 1, { id: 'x1', buyer: 'u_x1', shop: 's_9', item: 'i_burst', price: 10 })].map((e) => ({ ...e, source: 'tenant-b' }));
  assert.equal((await server.request('/v1/events', { method: 'POST', key: other, headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(theirs) })).status, 200);
});
after(() => server.close());

async function get<T>(path: string, key = analyst): Promise<{ status: number; json: T & { error: { code: string; message: string } } }> {
  const res = await server.request(path, { key });
  return { status: res.status, json: await res.json() as never };
}

const day6Iso = new Date(Date.UTC(2026, 10, 8)).toISOString();
const day6End = new Date(Date.UTC(2026, 10, 8, 0, 10)).toISOString();

test('counts events, decisions by value and alerts by kind per minute of event time, for the key\'s tenant only', async () => {
  const { status, json } = await get<ActivityJson>(`/v1/stats/activity?since=${day6Iso}&until=${day6End}&bucket=1m`);
  assert.equal(status, 200);
  assert.equal(json.from, day6Iso);
  assert.equal(json.bucket_ms, 60_000);
  assert.equal(json.buckets, 10);
  const expected = new Array(10).fill(0);
  for (const e of sent) {
    const m = minuteOf(e) - 6 * 1440;
    if (m >= 0 && m < 10) expected[m]++;
  }
  assert.deepEqual(json.events, expected);
  // Every order and listing is a decision point; the three refund requests are one too.
  const decided = json.decisions.allow!.map((n, i) => n + json.decisions.challenge![i]! + json.decisions.review![i]! + json.decisions.deny![i]!);
  assert.deepEqual(decided, expected);
  assert.deepEqual(Object.keys(json.alerts), ['price_error']);
  assert.equal(json.alerts.price_error!.reduce((a, b) => a + b, 0), 1);
  assert.equal(json.alerts.price_error![2], 1, 'the price error is first seen at the minute of its second listing');
});

test('without a range, covers every stored event in at most 500 buckets', async () => {
  const { status, json } = await get<ActivityJson>('/v1/stats/activity');
  assert.equal(status, 200);
  assert.ok(json.buckets <= 500 && json.buckets > 0);
  assert.equal(json.events.reduce((a, b) => a + b, 0), sent.length);
  assert.ok(Date.parse(json.from) <= Date.parse(sent[0]!.time));
});

test("an item's timeline shows its burst and refunds against the week before as baseline", async () => {
  const { status, json } = await get<ItemJson>(`/v1/stats/items/i_burst/activity?since=${day6Iso}&until=${day6End}&bucket=1m`);
  assert.equal(status, 200);
  assert.deepEqual(json.orders, [4, 4, 4, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(json.refunds, [0, 0, 0, 0, 0, 3, 0, 0, 0, 0]);
  // 12 orders over the 6 days (8,640 one-minute buckets) since the first stored event.
  assert.ok(json.baseline_per_bucket !== null && Math.abs(json.baseline_per_bucket - 12 / 8640) < 1e-9);
});

test("an item's baseline is also stated an hour, the unit alerts use, whatever the bucket", async () => {
  // 12 orders over 144 hours: 1/12 an hour, whether the chart's bucket is a minute or an hour
  // (a case page once compared a per-minute figure, shown as 0, with an alert's hourly one).
  for (const bucket of ['1m', '5m', '1h']) {
    const { json } = await get<ItemJson>(`/v1/stats/items/i_burst/activity?since=${day6Iso}&until=${day6End}&bucket=${bucket}`);
    assert.ok(json.baseline_per_hour != null && Math.abs(json.baseline_per_hour - 12 / 144) < 1e-9, `${bucket}: ${json.baseline_per_hour}`);
  }
});

test('refuses a range past the bucket limit, an inverted range and an unknown bucket, saying what to change', async () => {
  const tooMany = await get<ActivityJson>('/v1/stats/activity?since=2026-01-01T00:00:00.000Z&until=2026-12-01T00:00:00.000Z&bucket=1m');
  assert.equal(tooMany.status, 400);
  assert.match(tooMany.json.error.message, /over the limit of 5000; pass a wider bucket/);
  const inverted = await get<ActivityJson>(`/v1/stats/activity?since=${day6End}&until=${day6Iso}`);
  assert.equal(inverted.status, 400);
  assert.match(inverted.json.error.message, /is before since/);
  assert.equal((await get<ActivityJson>('/v1/stats/activity?bucket=2m')).status, 400);
});

test('is for analysts and admins only', async () => {
  assert.equal((await get('/v1/stats/activity', await server.key('merchant', { shop: 's_1' }))).status, 403);
  assert.equal((await get('/v1/stats/items/i_burst/activity', await server.key('ingest'))).status, 403);
  assert.equal((await server.request('/v1/stats/activity')).status, 401);
});
