import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SqliteStore } from '../store/index.js';
import { KEY_PREFIX, KeyOptionsError, createKey } from './keys.js';

test('stores only the SHA-256 of a new key, with its role and tenant', async () => {
  const store = new SqliteStore(':memory:');
  const { key, record } = await createKey({ role: 'ingest', source: 'shop-a', db: ':memory:', keys: store });
  assert.ok(key.startsWith(KEY_PREFIX));
  assert.ok(key.length > 40);
  const found = await store.findKey(createHash('sha256').update(key).digest('hex'));
  assert.deepEqual(found, record);
  assert.equal(found?.role, 'ingest');
  assert.equal(found?.source, 'shop-a');
  assert.ok(!JSON.stringify(found).includes(key));
  await store.close();
});

test('every key is different and the tenant defaults to "default"', async () => {
  const store = new SqliteStore(':memory:');
  const a = await createKey({ role: 'analyst', db: ':memory:', keys: store });
  const b = await createKey({ role: 'analyst', db: ':memory:', keys: store });
  assert.notEqual(a.key, b.key);
  assert.notEqual(a.record.id, b.record.id);
  assert.equal(a.record.source, 'default');
  await store.close();
});

test('refuses an unknown role naming the allowed ones, and a merchant key without its shop', async () => {
  const store = new SqliteStore(':memory:');
  await assert.rejects(createKey({ role: 'root', db: ':memory:', keys: store }),
    (e: unknown) => e instanceof KeyOptionsError && /ingest, analyst, merchant, consumer, partner, admin/.test(e.message));
  await assert.rejects(createKey({ role: 'merchant', db: ':memory:', keys: store }),
    (e: unknown) => e instanceof KeyOptionsError && /--shop/.test(e.message));
  await assert.rejects(createKey({ role: 'ingest', shop: 's_1', db: ':memory:', keys: store }),
    (e: unknown) => e instanceof KeyOptionsError && /merchant keys only/.test(e.message));
  const merchant = await createKey({ role: 'merchant', shop: 's_1', db: ':memory:', keys: store });
  assert.equal(merchant.record.shop, 's_1');
  await store.close();
});

test('a consumer key is scoped to one account, kept with the key; --account is refused for other roles', async () => {
  const store = new SqliteStore(':memory:');
  await assert.rejects(createKey({ role: 'consumer', db: ':memory:', keys: store }),
    (e: unknown) => e instanceof KeyOptionsError && /--account/.test(e.message));
  await assert.rejects(createKey({ role: 'analyst', account: 'u_1', db: ':memory:', keys: store }),
    (e: unknown) => e instanceof KeyOptionsError && /consumer keys only/.test(e.message));
  const { key } = await createKey({ role: 'consumer', account: 'u_1', db: ':memory:', keys: store });
  assert.equal((await store.findKey(createHash('sha256').update(key).digest('hex')))?.account, 'u_1');
  await store.close();
});
