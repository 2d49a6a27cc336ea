// Webhooks against a real local HTTP receiver: signed with HMAC-SHA256 over the timestamp and the
// body, retried with backoff after failures, delivered at least once with one idempotency key per
// message; a receiver that never answers 2xx ends failed, visible in /metrics and the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listingEvent, ndjson, startServer, type TestServer } from '../../test/support/http.js';
import { WEBHOOK_HEADERS, backoffMs, verifyWebhook } from './webhooks.js';

const SECRET = 'whsec_test';

interface Received { headers: IncomingMessage['headers']; body: string }

/** A receiver that answers 500 to the first `failFirst` requests of each message (by idempotency key), then 204. */
async function receiver(failFirst: number): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const tries = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const key = String(req.headers[WEBHOOK_HEADERS.idempotencyKey]);
      const n = (tries.get(key) ?? 0) + 1;
      tries.set(key, n);
      res.statusCode = n <= failFirst ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, got, server };
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

let flaky: Awaited<ReturnType<typeof receiver>>;
let api: TestServer;

before(async () => {
  flaky = await receiver(2);
  api = await startServer({ config: { cases: { webhooks: { url: flaky.url, secret: SECRET, backoffMs: 10, maxBackoffMs: 50, maxAttempts: 5 } } } });
});
after(async () => {
  await api.close();
  flaky.server.close();
});

test('an alert is pushed signed, retried after failures with one idempotency key, and delivered', async () => {
  const res = await api.request('/v1/events', { method: 'POST', key: await api.key('ingest'), headers: { 'content-type': 'application/x-ndjson' },
    body: ndjson([listingEvent('w1', 'i_w', 599900, 0), listingEvent('w2', 'i_w', 5999, 1)]) });
  assert.equal(res.status, 200);
  await until(() => flaky.got.filter((r) => r.headers[WEBHOOK_HEADERS.event] === 'alert.changed').length >= 3);
  const attempts = flaky.got.filter((r) => r.headers[WEBHOOK_HEADERS.event] === 'alert.changed');
  const keys = new Set(attempts.map((r) => r.headers[WEBHOOK_HEADERS.idempotencyKey]));
  assert.equal(keys.size, 1, 'every attempt of one message carries the same idempotency key');
  for (const r of attempts) {
    assert.ok(verifyWebhook({ secret: SECRET, header: String(r.headers[WEBHOOK_HEADERS.signature]), body: r.body, nowSeconds: Math.floor(Date.now() / 1000) }));
    assert.ok(!verifyWebhook({ secret: 'another', header: String(r.headers[WEBHOOK_HEADERS.signature]), body: r.body, nowSeconds: Math.floor(Date.now() / 1000) }));
    assert.ok(!verifyWebhook({ secret: SECRET, header: String(r.headers[WEBHOOK_HEADERS.signature]), body: `${r.body} `, nowSeconds: Math.floor(Date.now() / 1000) }));
  }
  const body = JSON.parse(attempts[0]!.body) as { id: string; type: string; data: { alert: { kind: string }; case_id: string } };
  assert.equal(body.type, 'alert.changed');
  assert.equal(body.data.alert.kind, 'price_error');
  assert.match(body.data.case_id, /^case_/);
  const analyst = await api.key('analyst');
  await until(async () => {
    const list = await (await api.request('/v1/webhooks/deliveries?status=delivered', { key: analyst })).json() as { items: Array<{ id: string; attempts: number }> };
    return list.items.some((d) => d.id === body.id && d.attempts === 3);
  });
  // A signature from another time is refused by a receiver that checks it.
  const old = String(attempts[0]!.headers[WEBHOOK_HEADERS.signature]);
  assert.ok(!verifyWebhook({ secret: SECRET, header: old, body: attempts[0]!.body, nowSeconds: Math.floor(Date.now() / 1000) + 3600 }));
});

test('a receiver that always fails: the delivery ends failed, in the API and in /metrics', async () => {
  const down = await receiver(Number.POSITIVE_INFINITY);
  const server = await startServer({ config: { cases: { webhooks: { url: down.url, secret: SECRET, backoffMs: 5, maxBackoffMs: 10, maxAttempts: 3 } } } });
  try {
    await server.request('/v1/events', { method: 'POST', key: await server.key('ingest'), headers: { 'content-type': 'application/x-ndjson' },
      body: ndjson([listingEvent('f1', 'i_f', 599900, 0), listingEvent('f2', 'i_f', 5999, 1)]) });
    const analyst = await server.key('analyst');
    await until(async () => {
      const list = await (await server.request('/v1/webhooks/deliveries?status=failed', { key: analyst })).json() as { items: unknown[] };
      return list.items.length === 1;
    });
    const failed = await (await server.request('/v1/webhooks/deliveries?status=failed', { key: analyst })).json() as
      { items: Array<{ attempts: number; last_error: string }> };
    assert.equal(failed.items[0]!.attempts, 3);
    assert.match(failed.items[0]!.last_error, /500/);
    const metrics = await (await server.request('/metrics', { key: analyst })).text();
    assert.match(metrics, /bulwark_webhook_deliveries\{status="failed"\} 1/);
    assert.equal(down.got.length, 3);
  } finally {
    await server.close();
    down.server.close();
  }
});

test('backoff doubles per attempt up to its cap, with at most a fifth more as jitter', () => {
  const cfg = { backoffMs: 1000, maxBackoffMs: 5000 };
  for (const [attempt, base] of [[1, 1000], [2, 2000], [3, 4000], [4, 5000], [9, 5000]] as const) {
    const d = backoffMs(attempt, cfg);
    assert.ok(d >= base && d <= base * 1.2, `attempt ${attempt}: ${d}`);
  }
});
