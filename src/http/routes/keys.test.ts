// Keys over HTTP: an admin lists, creates and revokes its tenant's keys; nobody else may; a
// created key works at once and a revoked one is refused at once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../../test/support/http.js';

let server: TestServer;
let admin: string;

before(async () => {
  server = await startServer();
  admin = await server.key('admin', { source: 't1' });
});
after(() => server.close());

// The answers are read loosely: each assertion names the field it checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(path: string, key: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await server.request(path, { key, ...(body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  return { status: res.status, json: await res.json() };
}

test('an admin creates a merchant key, shown once; it works at once, and the list shows what it is but never its secret or hash', async () => {
  const created = await call('/v1/keys', admin, { role: 'merchant', shop: 's_1' });
  assert.equal(created.status, 200);
  assert.match(created.json.key, /^bwk_/);
  assert.equal(created.json.record.role, 'merchant');
  assert.equal(created.json.record.shop, 's_1');
  assert.equal(created.json.record.source, 't1', "the admin's own tenant");
  const me = await call('/v1/me', created.json.key);
  assert.deepEqual(me.json, { key_id: created.json.record.id, role: 'merchant', source: 't1', shop: 's_1' });

  const list = await call('/v1/keys', admin);
  assert.equal(list.status, 200);
  assert.equal(list.json.items[0].id, created.json.record.id, 'newest first');
  assert.deepEqual(Object.keys(list.json.items[0]).sort(), ['created_at', 'id', 'role', 'shop', 'source']);
  const text = JSON.stringify(list.json);
  assert.ok(!text.includes(created.json.key.slice(4)), 'the secret is never listed');
  assert.ok(!text.includes('hash'));
});

test('the list pages by cursor and holds only the tenant\'s own keys', async () => {
  await server.key('analyst', { source: 't2' });
  for (let i = 0; i < 3; i++) await call('/v1/keys', admin, { role: 'consumer', account: `u_${i}` });
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: Array<{ id: string; source: string }>; next_cursor: string | null } } =
      await call(`/v1/keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`, admin);
    assert.ok(page.json.items.every((k) => k.source === 't1'));
    ids.push(...page.json.items.map((k) => k.id));
    cursor = page.json.next_cursor;
  } while (cursor);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.length, 5, 'the admin itself, the merchant and three consumers');
});

test('a revoked key gets 401 at once, is listed with its revocation time, and revoking it again keeps that time', async () => {
  const made = await call('/v1/keys', admin, { role: 'analyst' });
  assert.equal((await call('/v1/alerts', made.json.key)).status, 200);
  const revoked = await call(`/v1/keys/${made.json.record.id}/revoke`, admin, {});
  assert.equal(revoked.status, 200);
  assert.match(revoked.json.revoked_at, /^\d{4}-\d\d-\d\dT/);
  const refused = await call('/v1/alerts', made.json.key);
  assert.equal(refused.status, 401);
  assert.equal(refused.json.error.code, 'unauthorized');
  assert.match(refused.json.error.message, /revoked/);
  const again = await call(`/v1/keys/${made.json.record.id}/revoke`, admin, {});
  assert.equal(again.json.revoked_at, revoked.json.revoked_at);
  const listed = (await call('/v1/keys?limit=500', admin)).json.items.find((k: { id: string }) => k.id === made.json.record.id);
  assert.equal(listed.revoked_at, revoked.json.revoked_at);
});

test('an admin cannot revoke the key it calls with, nor another tenant\'s key (404)', async () => {
  const me = await call('/v1/me', admin);
  const self = await call(`/v1/keys/${me.json.key_id}/revoke`, admin, {});
  assert.equal(self.status, 409);
  assert.equal((await call('/v1/alerts', admin)).status, 200);
  const otherAdmin = await server.key('admin', { source: 't2' });
  const otherId = (await call('/v1/me', otherAdmin)).json.key_id;
  const other = await call(`/v1/keys/${otherId}/revoke`, admin, {});
  assert.equal(other.status, 404);
  assert.equal((await call('/v1/me', otherAdmin)).status, 200);
});

test('a spec that cannot make a key is refused whole, naming the field to change', async () => {
  const before = (await call('/v1/keys?limit=500', admin)).json.items.length;
  const noShop = await call('/v1/keys', admin, { role: 'merchant' });
  assert.equal(noShop.status, 400);
  assert.match(noShop.json.error.message, /pass shop/);
  const stray = await call('/v1/keys', admin, { role: 'analyst', account: 'u_1' });
  assert.equal(stray.status, 400);
  assert.match(stray.json.error.message, /leave account out/);
  assert.equal((await call('/v1/keys', admin, { role: 'root' })).status, 400);
  assert.equal((await call('/v1/keys', admin, { role: 'analyst', source: 't2' })).status, 400, 'the tenant is the admin\'s own');
  assert.equal((await call('/v1/keys?limit=500', admin)).json.items.length, before);
});

test('every other role gets 403 on every keys route, and no key gets 401', async () => {
  const target = (await call('/v1/keys', admin, { role: 'ingest' })).json.record.id as string;
  const others = [await server.key('analyst', { source: 't1' }), await server.key('merchant', { source: 't1', shop: 's_1' }),
    await server.key('ingest', { source: 't1' }), await server.key('consumer', { source: 't1', account: 'u_9' }), await server.key('partner', { source: 't1' })];
  for (const key of others) {
    for (const [path, body] of [['/v1/keys', undefined], ['/v1/keys', { role: 'admin' }], [`/v1/keys/${target}/revoke`, {}]] as const) {
      const res = await call(path, key, body);
      assert.equal(res.status, 403, `${path} ${JSON.stringify(body)}`);
      assert.equal(res.json.error.code, 'forbidden');
    }
  }
  assert.equal((await server.request('/v1/keys')).status, 401);
  const listed = (await call('/v1/keys?limit=500', admin)).json.items.find((k: { id: string }) => k.id === target);
  assert.equal(listed.revoked_at, undefined, 'nothing was revoked by the refused calls');
});
