import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { EVENT_TYPES } from '../contract/index.js';
import { createLogger } from './index.js';
import { listingEvent, ndjson, startServer, type TestServer } from '../../test/support/http.js';

let server: TestServer;
let analyst: string;
let ingest: string;
const logLines: string[] = [];

before(async () => {
  // A real pino logger into memory, to check what a request writes to the log.
  const sink = new Writable({ write(chunk, _enc, done) { logLines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  server = await startServer({ logger: createLogger({ destination: sink }) });
  analyst = await server.key('analyst');
  ingest = await server.key('ingest');
});
after(() => server.close());

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = await res.json() as { error: { code: string; message: string } };
  return body.error;
}

test('a route that needs a key answers 401 without one, with an unknown one, or with a malformed header', async () => {
  const variants: Array<Record<string, string>> = [{}, { authorization: 'Bearer bwk_unknown' }, { authorization: `Basic ${analyst}` }];
  for (const headers of variants) {
    const res = await server.request('/v1/alerts', { headers });
    assert.equal(res.status, 401, JSON.stringify(headers));
    assert.equal((await errorOf(res)).code, 'unauthorized');
  }
});

test('a known key outside its role gets 403 on alerts and metrics', async () => {
  for (const role of ['ingest', 'merchant', 'consumer', 'partner']) {
    const key = await server.key(role, role === 'merchant' ? { shop: 's_1' } : role === 'consumer' ? { account: 'u_1' } : {});
    for (const path of ['/v1/alerts', '/metrics']) {
      const res = await server.request(path, { key });
      assert.equal(res.status, 403, `${role} ${path}`);
      assert.equal((await errorOf(res)).code, 'forbidden');
    }
  }
  const admin = await server.key('admin');
  assert.equal((await server.request('/v1/alerts', { key: admin })).status, 200);
});

test('healthz and readyz answer without a key', async () => {
  const health = await server.request('/healthz');
  assert.deepEqual([health.status, await health.json()], [200, { status: 'ok' }]);
  const ready = await server.request('/readyz');
  assert.deepEqual([ready.status, await ready.json()], [200, { status: 'ready' }]);
});

test('readyz answers 503 not_ready when the store does not answer', async () => {
  const other = await startServer();
  try {
    await other.closeStore();
    const res = await other.request('/readyz');
    assert.equal(res.status, 503);
    assert.equal((await errorOf(res)).code, 'not_ready');
  } finally {
    await other.close();
  }
});

test('metrics count events by type and status, decisions, alerts by kind and latencies', async () => {
  const body = ndjson([listingEvent('m_1', 'i_m', 599900), listingEvent('m_2', 'i_m', 5999, 1), '{"broken"']);
  assert.equal((await server.request('/v1/events', { method: 'POST', key: ingest, headers: { 'content-type': 'application/x-ndjson' }, body })).status, 200);
  const res = await server.request('/metrics', { key: analyst });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
  const text = await res.text();
  assert.match(text, /^bulwark_events_total\{type="listing.updated",status="accepted"\} 2$/m);
  assert.match(text, /^bulwark_events_total\{type="invalid",status="rejected"\} 1$/m);
  assert.match(text, /^bulwark_decisions_total\{decision="review"\} 1$/m);
  assert.match(text, /^bulwark_decisions_total\{decision="deny"\} 0$/m);
  assert.match(text, /^bulwark_alerts\{kind="price_error"\} 1$/m);
  assert.match(text, /^bulwark_decision_seconds_count\{type="listing.updated"\} 2$/m);
  assert.match(text, /^bulwark_store_seconds_count\{op="flush"\} \d+$/m);
});

test('openapi.json is OpenAPI 3.1 with the contract\'s event schema on POST /v1/events', async () => {
  const res = await server.request('/openapi.json');
  assert.equal(res.status, 200);
  const doc = await res.json() as {
    openapi: string;
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
    components: { schemas: Record<string, { oneOf: Array<{ title: string }> }> };
  };
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/v1/events', '/v1/alerts', '/v1/alerts/{id}', '/healthz', '/readyz', '/metrics']) assert.ok(doc.paths[p], p);
  const content = doc.paths['/v1/events']!.post!.requestBody!.content;
  assert.deepEqual(Object.keys(content).sort(),
    ['application/cloudevents+json', 'application/cloudevents-batch+json', 'application/json', 'application/x-ndjson']);
  assert.equal(content['application/json']!.schema.$ref, '#/components/schemas/Event');
  const variants = doc.components.schemas.Event!.oneOf.map((v) => v.title);
  assert.deepEqual(variants, [...EVENT_TYPES]);
});

test('an unknown route answers 404, a malformed URL 400, both in the error format', async () => {
  const res = await server.request('/v2/nothing');
  assert.equal(res.status, 404);
  assert.equal((await errorOf(res)).code, 'not_found');
  const bad = await server.request('/v1/alerts/%E0%A4%A', { key: analyst });
  assert.equal(bad.status, 400);
  assert.equal((await errorOf(bad)).code, 'invalid_request');
});

test('logs one JSON line per request, with the key id and never the key', async () => {
  const before = logLines.length;
  await server.request('/v1/alerts?limit=1', { key: analyst });
  await new Promise((r) => setImmediate(r));
  const lines = logLines.slice(before).map((l) => JSON.parse(l) as { req: { url: string }; res: { statusCode: number }; key?: { role: string } });
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.req.url, '/v1/alerts?limit=1');
  assert.equal(lines[0]!.res.statusCode, 200);
  assert.equal(lines[0]!.key?.role, 'analyst');
  assert.ok(!logLines.some((l) => l.includes(analyst) || l.includes(ingest)), 'a key reached the log');
});
