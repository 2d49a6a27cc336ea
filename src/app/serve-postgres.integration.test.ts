// `bulwark serve --db postgres://...` through the CLI: it starts on PostgreSQL alone (no SQLite
// file named after the URL), takes an event, and keeps analysts' lists, merchants' strategies and the
// case desk in PostgreSQL across a restart.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createKey } from './keys.js';
import { POSTGRES, bulwark, dropSchema, listeningUrl } from './scale-test-support.js';

const schema = `bw_servepg_${process.pid}_${Date.now().toString(36)}`;
const db = `${POSTGRES}?schema=${schema}`;
after(() => dropSchema(schema));

async function withServe<T>(f: (url: string) => Promise<T>): Promise<T> {
  const p = bulwark(['serve', '--port', '0', '--db', db]);
  try {
    return await f(await listeningUrl(p));
  } finally {
    p.child.kill('SIGTERM');
    assert.equal(await p.exited, 0, p.err.join(''));
  }
}

test('serve --db postgres:// takes events and keeps list entries in PostgreSQL across a restart', async () => {
  const ingest = (await createKey({ role: 'ingest', db })).key;
  const admin = (await createKey({ role: 'admin', db })).key;
  const auth = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
  await withServe(async (url) => {
    const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: auth(ingest),
      body: JSON.stringify({ id: 'pg_1', type: 'account.registered', time: '2026-11-02T10:00:00.000Z', data: { account_id: 'u_1' } }) });
    assert.equal(res.status, 200, await res.text());
    const put = await fetch(`${url}/v1/lists/blocked_accounts`, { method: 'POST', headers: auth(admin), body: JSON.stringify({ value: 'u_2', note: 'chargebacks' }) });
    assert.ok(put.status < 300, await put.text());
  });
  await withServe(async (url) => {
    const res = await fetch(`${url}/v1/lists/blocked_accounts`, { headers: auth(admin) });
    assert.equal(res.status, 200, await res.clone().text());
    const body = await res.json() as { items: Array<{ value: string; note?: string }> };
    assert.deepEqual(body.items.map((e) => [e.value, e.note]), [['u_2', 'chargebacks']]);
  });
});

test('serve --db postgres:// offers merchant strategies and the case desk, kept in PostgreSQL across a restart', async () => {
  const merchant = (await createKey({ role: 'merchant', shop: 's_1', db })).key;
  const analyst = (await createKey({ role: 'analyst', db })).key;
  const auth = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
  const doc = { scalper_guards: [{ id: 'drop', item_ids: ['i_9'], per_group_limit: 4, action: 'deny' }] };
  await withServe(async (url) => {
    const put = await fetch(`${url}/v1/shops/s_1/strategies`, { method: 'PUT', headers: auth(merchant), body: JSON.stringify(doc) });
    assert.equal(put.status, 200, await put.clone().text());
    const cases = await fetch(`${url}/v1/cases?limit=5`, { headers: auth(analyst) });
    assert.equal(cases.status, 200, await cases.clone().text());
    assert.deepEqual((await cases.json() as { items: unknown[] }).items, []);
  });
  await withServe(async (url) => {
    const res = await fetch(`${url}/v1/shops/s_1/strategies/versions`, { headers: auth(merchant) });
    assert.equal(res.status, 200, await res.clone().text());
    const body = await res.json() as { items: Array<{ version: number; strategies: unknown; previous: unknown }> };
    assert.deepEqual(body.items.map((v) => [v.version, v.previous]), [[1, null]]);
    assert.deepEqual((body.items[0]!.strategies as typeof doc).scalper_guards[0]!.item_ids, ['i_9']);
    const deliveries = await fetch(`${url}/v1/webhooks/deliveries`, { headers: auth(analyst) });
    assert.equal(deliveries.status, 200, await deliveries.text());
  });
});
