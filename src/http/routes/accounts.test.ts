import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventJson, ndjson, startServer, type TestServer } from '../../../test/support/http.js';

let server: TestServer;
let analyst: string;

before(async () => {
  server = await startServer();
  analyst = await server.key('analyst');
  const events = ['mum', 'son'].map((a, i) => eventJson({ id: `reg_${a}`, type: 'account.registered',
    data: { account_id: a, role: 'buyer', device_id: 'd_home', ip: `10.0.0.${i}` } }));
  const res = await server.request('/v1/events', { method: 'POST', key: await server.key('ingest'),
    headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(events) });
  assert.equal(res.status, 200);
});
after(() => server.close());

test('GET /v1/accounts/{id}/links answers the cluster with the evidence of each link', async () => {
  const res = await server.request('/v1/accounts/son/links', { key: analyst });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    root: 'mum', size: 2, accounts: ['mum', 'son'],
    links: [{ a: 'mum', b: 'son', via: 'device', value: 'd_home', weak: false }],
  });
});

test('an unknown account answers 404 in the error format', async () => {
  const res = await server.request('/v1/accounts/stranger/links', { key: analyst });
  assert.equal(res.status, 404);
  const body = await res.json() as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'not_found');
  assert.match(body.error.message, /no account "stranger"/);
});

test('an ingest key may not read links', async () => {
  const res = await server.request('/v1/accounts/son/links', { key: await server.key('ingest') });
  assert.equal(res.status, 403);
});
