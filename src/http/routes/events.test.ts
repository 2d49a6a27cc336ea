import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DECISION_POINTS, type EventType } from '../../contract/index.js';
import { eventJson, listingEvent, ndjson, startServer, type TestServer } from '../../../test/support/http.js';

const examples = readFileSync(new URL('../../../../shared/contract/examples.ndjson', import.meta.url), 'utf8');
const NDJSON = { 'content-type': 'application/x-ndjson' };

let server: TestServer;
let ingest: string;

before(async () => {
  server = await startServer({ limits: { bodyBytes: 8 * 1024 * 1024 } });
  ingest = await server.key('ingest');
});
after(() => server.close());

interface Result { line: number; event_id?: string; status: string; error?: string; code?: string; path?: string; decision?: { decision: string; event_id: string } }

async function post(body: string, headers: Record<string, string> = NDJSON, key = ingest): Promise<{ status: number; json: { results: Result[]; error?: { code: string; message: string } } }> {
  const res = await server.request('/v1/events', { method: 'POST', key, headers, body });
  return { status: res.status, json: await res.json() as { results: Result[] } };
}

const paid = (id: string, extra: Record<string, unknown> = {}) => eventJson({ id, type: 'order.paid', data: { order_id: `o_${id}` }, ...extra });

test('accepts every line of the contract examples as one NDJSON batch, with decisions at decision points', async () => {
  const lines = examples.split('\n').filter((l) => l.trim());
  const { status, json } = await post(examples);
  assert.equal(status, 200);
  assert.equal(json.results.length, lines.length);
  json.results.forEach((r, i) => {
    const sent = JSON.parse(lines[i]!) as { id: string; type: EventType };
    assert.deepEqual([r.line, r.event_id, r.status], [i + 1, sent.id, 'accepted'], JSON.stringify(r));
    assert.equal(r.decision !== undefined, DECISION_POINTS.has(sent.type), `${sent.type} decision`);
    if (r.decision) assert.equal(r.decision.event_id, sent.id);
  });
  // The batch is committed before the answer: its decisions are already in the store.
  assert.ok(await server.store.decisionFor(JSON.parse(lines[0]!).id));
});

test('applies a batch of 10,000 lines and reports its one bad line by number and field path', async () => {
  const events: unknown[] = [];
  for (let i = 1; i <= 10_000; i++) {
    events.push(i === 4242 ? paid(`big_${i}`, { data: { order_id: 42 } }) : paid(`big_${i}`));
  }
  const { status, json } = await post(ndjson(events));
  assert.equal(status, 200);
  assert.equal(json.results.length, 10_000);
  const bad = json.results.filter((r) => r.status !== 'accepted');
  assert.equal(bad.length, 1);
  assert.equal(bad[0]!.line, 4242);
  assert.equal(bad[0]!.path, 'data.order_id');
  assert.equal(bad[0]!.code, 'ERR_EVENT_INVALID_FIELD');
  assert.match(bad[0]!.error!, /data\.order_id: expected string.*received number 42/);
  // Committed before the answer: the other 9,999 are in the SQLite file.
  const db = new Database(server.db, { readonly: true });
  const row = db.prepare("SELECT COUNT(*) AS n FROM events WHERE id GLOB 'big_*'").get() as { n: number };
  db.close();
  assert.equal(row.n, 9_999);
});

test('refuses 10,001 lines whole with 413, applying none of them', async () => {
  const events = Array.from({ length: 10_001 }, (_, i) => paid(`over_${i}`));
  const { status, json } = await post(ndjson(events));
  assert.equal(status, 413);
  assert.equal(json.error!.code, 'batch_too_large');
  assert.match(json.error!.message, /at most 10,000 events/);
  const again = await post(ndjson([paid('over_0')]));
  assert.equal(again.json.results[0]!.status, 'accepted');
});

test('a body that is not JSON gets 400, one over the size limit 413', async () => {
  const notJson = await post('this is not json\nnor is this\n');
  assert.equal(notJson.status, 400);
  assert.equal(notJson.json.error!.code, 'body_not_json');
  const single = await post('{"id": 1,', { 'content-type': 'application/json' });
  assert.equal(single.status, 400);
  const huge = await post('x'.repeat(9 * 1024 * 1024));
  assert.equal(huge.status, 413);
  assert.equal(huge.json.error!.code, 'payload_too_large');
});

test('an id sent again, in the same batch or a later request, is a duplicate and keeps its first decision', async () => {
  const first = await post(ndjson([listingEvent('dup_1', 'i_dup', 1000), paid('dup_2'), paid('dup_2')]));
  assert.deepEqual(first.json.results.map((r) => r.status), ['accepted', 'accepted', 'duplicate']);
  const again = await post(ndjson([listingEvent('dup_1', 'i_dup', 1000)]));
  assert.equal(again.json.results[0]!.status, 'duplicate');
  assert.deepEqual(again.json.results[0]!.decision, first.json.results[0]!.decision);
});

test('accepts CloudEvents in structured, batched and binary modes', async () => {
  const structured = await post(JSON.stringify({ ...paid('ce_1'), specversion: '1.0', source: 'default', datacontenttype: 'application/json' }),
    { 'content-type': 'application/cloudevents+json' });
  assert.deepEqual([structured.status, structured.json.results[0]!.status], [200, 'accepted']);

  const batched = await post(JSON.stringify([paid('ce_2', { specversion: '1.0' }), paid('ce_3', { specversion: '1.0' })]),
    { 'content-type': 'application/cloudevents-batch+json' });
  assert.deepEqual(batched.json.results.map((r) => [r.line, r.event_id, r.status]), [[1, 'ce_2', 'accepted'], [2, 'ce_3', 'accepted']]);

  const binary = await post(JSON.stringify({ account_id: 'u_ce', role: 'buyer' }), {
    'content-type': 'application/json', 'ce-specversion': '1.0', 'ce-id': 'ce_4', 'ce-type': 'account.registered',
    'ce-time': '2026-11-02T10:00:00.000Z', 'ce-source': 'default',
  });
  assert.equal(binary.json.results[0]!.status, 'accepted');
  assert.equal(binary.json.results[0]!.decision!.decision, 'allow');
});

test('an ingest key may send its own tenant\'s events only; a missing source is the key\'s', async () => {
  const shopA = await server.key('ingest', { source: 'shop-a' });
  const { status, json } = await post(ndjson([paid('t_1', { source: 'shop-b' }), paid('t_2'), paid('t_3', { source: 'shop-a' })]), NDJSON, shopA);
  assert.equal(status, 200);
  assert.deepEqual(json.results.map((r) => [r.status, r.code]), [['rejected', 'ERR_AUTH_SOURCE_FORBIDDEN'], ['accepted', undefined], ['accepted', undefined]]);
  assert.match(json.results[0]!.error!, /source "shop-a" only.*"shop-b"/);
  // The store keeps an event's text as sent, or the event with its source filled in.
  const db = new Database(server.db, { readonly: true });
  const body = (id: string) => (db.prepare('SELECT source, body FROM events WHERE id = ?').get(id) as { source: string; body: string });
  assert.deepEqual(body('t_3'), { source: 'shop-a', body: JSON.stringify(paid('t_3', { source: 'shop-a' })) });
  assert.equal(body('t_2').source, 'shop-a');
  assert.equal(JSON.parse(body('t_2').body).source, 'shop-a');
  db.close();
});

test('only ingest keys may send events', async () => {
  const analyst = await server.key('analyst');
  const res = await post(ndjson([paid('role_1')]), NDJSON, analyst);
  assert.equal(res.status, 403);
  assert.equal(res.json.error!.code, 'forbidden');
});

test('concurrent requests share commits, and each is answered once its events are in the file', async () => {
  const flushes = async () => {
    const text = await (await server.request('/metrics', { key: await server.key('analyst') })).text();
    return Number(/bulwark_store_seconds_count\{op="flush"\} (\d+)/.exec(text)?.[1] ?? 0);
  };
  const before = await flushes();
  const reader = new Database(server.db, { readonly: true });
  const stored = reader.prepare('SELECT 1 FROM events WHERE id = ?');
  try {
    await Promise.all(Array.from({ length: 100 }, async (_, i) => {
      const { json } = await post(ndjson([paid(`grp_${i}`)]));
      assert.equal(json.results[0]!.status, 'accepted');
      assert.ok(stored.get(`grp_${i}`), `grp_${i} was answered before it was committed`);
    }));
  } finally {
    reader.close();
  }
  const commits = (await flushes()) - before;
  assert.ok(commits >= 1 && commits < 100, `100 requests took ${commits} commits`);
});

test('concurrent requests are applied in turn and all committed', async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, (_, r) =>
    post(ndjson(Array.from({ length: 50 }, (_, i) => paid(`conc_${r}_${i}`))))));
  for (const a of answers) assert.ok(a.json.results.every((x) => x.status === 'accepted'));
  for (let r = 0; r < 8; r++) {
    const again = await post(ndjson([paid(`conc_${r}_49`)]));
    assert.equal(again.json.results[0]!.status, 'duplicate');
  }
});

test('after a failed commit, ingest answers 503 and readiness goes down until a restart', async () => {
  const other = await startServer();
  const key = await other.key('ingest');
  const send = (id: string) => other.request('/v1/events', { method: 'POST', key, body: ndjson([paid(id)]),
    headers: { 'content-type': 'application/x-ndjson' } });
  try {
    assert.equal((await send('f_1')).status, 200);
    // Break the database under the server, as a damaged or replaced file would.
    const db = new Database(other.db);
    db.exec('DROP TABLE events');
    db.close();
    const failed = await send('f_2');
    assert.equal(failed.status, 503);
    assert.equal((await failed.json() as { error: { code: string } }).error.code, 'store_unavailable');
    const later = await send('f_3');
    assert.equal(later.status, 503);
    assert.match((await later.json() as { error: { message: string } }).error.message, /restart/);
    assert.equal((await other.request('/readyz')).status, 503);
  } finally {
    await other.close();
  }
});
