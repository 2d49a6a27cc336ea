import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../../test/support/http.js';

let server: TestServer;
before(async () => { server = await startServer(); });
after(() => server.close());

test("tells a key its own role, tenant and shop, and nothing without a key", async () => {
  const merchant = await (await server.request('/v1/me', { key: await server.key('merchant', { shop: 's_7', source: 'mall-a' }) })).json() as Record<string, string>;
  assert.equal(merchant.role, 'merchant');
  assert.equal(merchant.shop, 's_7');
  assert.equal(merchant.source, 'mall-a');
  assert.match(merchant.key_id!, /\S/);
  assert.ok(!JSON.stringify(merchant).includes('bwk_'), 'the key itself is never echoed');
  const analyst = await (await server.request('/v1/me', { key: await server.key('analyst') })).json() as Record<string, string>;
  assert.deepEqual([analyst.role, analyst.source, 'shop' in analyst], ['analyst', 'default', false]);
  assert.equal((await server.request('/v1/me')).status, 401);
  assert.equal((await server.request('/v1/me', { key: 'bwk_unknown' })).status, 401);
});
