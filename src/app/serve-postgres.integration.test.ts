// `bulwark serve --db postgres://...` through the CLI: it starts on PostgreSQL alone (no SQLite
// file named after the URL), takes an event, and keeps analysts' lists in PostgreSQL across a restart.
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
