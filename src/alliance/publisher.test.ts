import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSignalStore } from '../store/index.js';
import { Publisher } from './publisher.js';
import { DEFAULT_PUBLISH_POLICY } from './policy.js';
import { Keyring, normaliseHandle, normalisePhone, normaliseRange, type AllianceKey, type CaseSignals, type CaseSignalsSource } from './index.js';

const T0 = Date.UTC(2026, 10, 2, 10);
const farmCase = (status: CaseSignals['status'] = 'confirmed'): CaseSignals => ({
  caseId: 'case_farm', tenant: 'default', abuse: 'promo_abuse', status, firstSeenMs: T0, lastSeenMs: T0 + 3_600_000,
  values: { device: ['d_rack0', 'D_RACK0', 'd_cafe', 'd_shared_with_victim'], phone: ['+86 170 5550 1000', 'not a phone'], address: ['~浙江|杭州||'],
    ip_range: ['47.100.12.9'] },
  victims: { device: ['d_shared_with_victim'] },
  hubs: { device: ['d_cafe'] },
});

/** The cases port as a map: a real in-memory implementation. */
function cases(c: { current: CaseSignals }): CaseSignalsSource {
  return { caseSignals: async (id, tenant) => (id === c.current.caseId && tenant === c.current.tenant ? c.current : undefined) };
}

function setup(keys: AllianceKey[]) {
  const store = new SqliteSignalStore(join(mkdtempSync(join(tmpdir(), 'bulwark-pub-')), 'p.db'));
  const current = { current: farmCase() };
  const make = (k: AllianceKey[]) => new Publisher({ store, cases: cases(current), keyring: new Keyring(k), policy: DEFAULT_PUBLISH_POLICY,
    secret: Buffer.alloc(32, 7), eventNow: () => T0 + 7_200_000, wallNow: () => '2026-11-02T12:00:00.000Z' });
  return { store, current, publisher: make(keys), make };
}

test('values are normalised before hashing: phones, ranges and handles written differently are one', () => {
  assert.deepEqual(normalisePhone('+86 138-1234-5678'), { ok: true, value: '13812345678' });
  assert.equal(normalisePhone('12345').ok, false);
  assert.deepEqual(normaliseRange('47.100.12.77'), { ok: true, value: '47.100.12.0/24' });
  assert.deepEqual(normaliseRange('2001:DB8:0:1::5'), { ok: true, value: '2001:db8:0:1::/64' });
  assert.equal(normaliseRange('10.0.0.0/8').ok, false, 'only /24 ranges are shared');
  assert.deepEqual(normaliseHandle('加V：Shp123'), { ok: true, value: 'id:shp123' });
  assert.deepEqual(normaliseHandle('id:shp123'), { ok: true, value: 'id:shp123' });
});

test("a confirmed case publishes its abusers' values once each, never a victim's, a public place's or a vague door", async () => {
  const k1 = { id: 'k1', secret: randomBytes(32).toString('base64') };
  const { publisher, store } = setup([k1]);
  const r = await publisher.publish({ caseId: 'case_farm', tenant: 'default', by: 'key_a' });
  assert.deepEqual(r.published.map((s) => [s.kind, s.value]).sort(), [['device', 'd_rack0'], ['ip_range', '47.100.12.0/24'], ['phone', '17055501000']]);
  assert.deepEqual(r.skipped.map((s) => [s.kind, s.reason, s.count]).sort(),
    [['address', 'invalid', 1], ['device', 'hub', 1], ['device', 'victim', 1], ['phone', 'invalid', 1]]);
  assert.equal(r.published[0]!.expires_at, new Date(T0 + 3_600_000 + (r.published[0]!.kind === 'device' ? 180 : r.published[0]!.kind === 'phone' ? 90 : 30) * 86_400_000).toISOString());
  // Publishing again changes nothing: no new feed position, nothing fetched twice.
  const again = await publisher.publish({ caseId: 'case_farm', tenant: 'default', by: 'key_a' });
  assert.deepEqual(again.published.map((s) => s.seq), r.published.map((s) => s.seq));
  assert.equal((await store.feed(0, 100)).items.length, 3);
  await store.close();
});

test('an open case publishes nothing; a case reversed afterwards is revoked by reconcile', async () => {
  const { publisher, store, current } = setup([{ id: 'k1', secret: randomBytes(32).toString('base64') }]);
  current.current = farmCase('other');
  await assert.rejects(publisher.publish({ caseId: 'case_farm', tenant: 'default', by: 'a' }), { code: 'ERR_ALLIANCE_CASE_NOT_CONFIRMED' });
  await assert.rejects(publisher.publish({ caseId: 'case_farm', tenant: 'other-tenant', by: 'a' }), { code: 'ERR_ALLIANCE_CASE_UNKNOWN' });
  current.current = farmCase('confirmed');
  await publisher.publish({ caseId: 'case_farm', tenant: 'default', by: 'a' });
  assert.deepEqual(await publisher.reconcile(), []);
  current.current = farmCase('other');
  assert.deepEqual(await publisher.reconcile(), ['case_farm']);
  const feed = await store.feed(3, 100);
  assert.deepEqual(feed.items.map((i) => i.status), ['revoked', 'revoked', 'revoked']);
  await store.close();
});

test('a new alliance key: active signals are re-hashed under it at start, so partners match under either key', async () => {
  const k1 = { id: 'k1', secret: randomBytes(32).toString('base64') };
  const k2 = { id: 'k2', secret: randomBytes(32).toString('base64') };
  const { publisher, store, make } = setup([k1]);
  await publisher.publish({ caseId: 'case_farm', tenant: 'default', by: 'a' });
  const rotated = make([k1, k2]);
  assert.equal(await rotated.rehash(), 3);
  assert.equal(await rotated.rehash(), 0, 'once');
  const items = (await store.feed(0, 100)).items;
  const k2Ring = new Keyring([k2]);
  assert.deepEqual(items.filter((i) => i.key_id === 'k2').map((i) => i.hash).sort(),
    [k2Ring.hash('k2', 'device', 'd_rack0'), k2Ring.hash('k2', 'ip_range', '47.100.12.0/24'), k2Ring.hash('k2', 'phone', '17055501000')].sort());
  assert.equal(items.filter((i) => i.key_id === 'k1').length, 3, 'the old key\'s signals stay until it expires');
  await store.close();
});
