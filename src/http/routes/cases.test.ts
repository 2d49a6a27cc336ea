// The case routes as documents and as gates: every route in /openapi.json with examples, bad
// input refused with what to change, and roles and scopes checked before anything is looked up.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../../test/support/http.js';

let server: TestServer;
before(async () => { server = await startServer(); });
after(() => server.close());

const ROUTES = [
  ['get', '/v1/cases'], ['get', '/v1/cases/{id}'], ['get', '/v1/cases/{id}/evidence'], ['get', '/v1/cases/{id}/evidence/{file}'],
  ['get', '/v1/cases/{id}/proposed-sanctions'], ['get', '/v1/cases/{id}/audit'], ['post', '/v1/cases/{id}/assign'],
  ['post', '/v1/cases/{id}/comments'], ['post', '/v1/cases/{id}/attachments'], ['post', '/v1/cases/{id}/resolve'],
  ['get', '/v1/shops/{shop_id}/sanctions'], ['get', '/v1/accounts/{id}/sanctions'], ['get', '/v1/shops/{shop_id}/quality'],
  ['post', '/v1/sanctions/{id}/appeals'], ['get', '/v1/appeals'], ['post', '/v1/appeals/{id}/decision'],
  ['post', '/v1/complaints'], ['get', '/v1/complaints'], ['get', '/v1/complaints/{id}'], ['post', '/v1/complaints/{id}/decision'],
  ['get', '/v1/webhooks/deliveries'],
] as const;

test('every case route is in /openapi.json, and the bodies and records carry examples', async () => {
  const doc = await (await server.request('/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { example?: unknown }> } }>> };
  for (const [method, path] of ROUTES) assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  // @fastify/swagger moves a schema's examples to the media type's `example`.
  assert.deepEqual(doc.paths['/v1/cases/{id}/resolve']!.post!.requestBody!.content['application/json']!.example,
    { outcome: 'confirmed', note: 'flood from one farm; victim protected, farm restricted' });
  for (const path of ['/v1/cases/{id}', '/v1/complaints/{id}', '/v1/shops/{shop_id}/sanctions']) {
    assert.match(JSON.stringify(doc.paths[path]), /"example/, path);
  }
});

test('bad input is refused with what to change, and nothing of it applies', async () => {
  const analyst = await server.key('analyst');
  const post = (path: string, body: unknown) => server.request(path, { key: analyst, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const bad = await post('/v1/cases/case_x/resolve', { outcome: 'maybe', note: 'x' });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json() as { error: { code: string } }).error.code, 'invalid_request');
  const missing = await post('/v1/cases/case_x/resolve', { outcome: 'dismissed', note: 'x' });
  assert.equal(missing.status, 404);
  assert.match((await missing.json() as { error: { message: string } }).error.message, /GET \/v1\/cases/);
  assert.equal((await server.request('/v1/cases?order=sideways', { key: analyst })).status, 400);
});

test('roles: ingest and partner keys get 403 on cases; a merchant asking for another shop gets 403 whatever exists', async () => {
  for (const role of ['ingest', 'partner']) assert.equal((await server.request('/v1/cases', { key: await server.key(role) })).status, 403);
  const merchant = await server.key('merchant', { shop: 's_a' });
  for (const path of ['/v1/cases?shop=s_b', '/v1/cases/case_nonexistent', '/v1/shops/s_b/sanctions', '/v1/shops/s_b/quality', '/v1/shops/s_b/warnings']) {
    assert.equal((await server.request(path, { key: merchant })).status, 403, path);
  }
  assert.equal((await server.request('/v1/shops/s_a/sanctions', { key: merchant })).status, 200);
});
