import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishedSignal, ReceivedSignal } from '../../alliance/index.js';
import { SqliteSignalStore } from './sqlite-signal-store.js';

function published(id: string, caseId: string, over: Partial<PublishedSignal> = {}): Omit<PublishedSignal, 'seq'> {
  return {
    id, kind: 'device', key_id: 'k1', hash: 'h'.repeat(43), abuse: 'promo_abuse', confidence: 0.9, first_seen: '2026-11-01T00:00:00.000Z',
    last_seen: '2026-11-02T00:00:00.000Z', expires_at: '2027-05-01T00:00:00.000Z', case_ref: 'cref_1', status: 'active',
    caseId, tenant: 'default', value: `raw-device-${id}`, publishedBy: 'key_1', publishedAt: '2026-11-02T00:00:00.000Z', ...over,
  };
}

test('the feed gives each change once, after the cursor, and never the case id, tenant or raw value', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'bulwark-signals-')), 'b.db');
  const store = new SqliteSignalStore(db);
  await store.savePublished([published('s1', 'case_1'), published('s2', 'case_1'), published('s3', 'case_2')]);
  const first = await store.feed(0, 2);
  assert.deepEqual(first.items.map((i) => [i.id, i.seq]), [['s1', 1], ['s2', 2]]);
  assert.equal(first.hasMore, true);
  assert.ok(!JSON.stringify(first).includes('raw-device') && !JSON.stringify(first).includes('case_1'));
  const second = await store.feed(first.cursor, 2);
  assert.deepEqual(second.items.map((i) => i.id), ['s3']);
  assert.equal(second.hasMore, false);
  // A revocation moves the signal past every cursor given so far: seen once more, as revoked.
  await store.savePublished([{ ...published('s1', 'case_1'), status: 'revoked' }]);
  const third = await store.feed(second.cursor, 10);
  assert.deepEqual(third.items.map((i) => [i.id, i.status, i.seq]), [['s1', 'revoked', 4]]);
  assert.deepEqual((await store.feed(third.cursor, 10)).items, []);
  assert.deepEqual(await store.casesWithActiveSignals(), ['case_1', 'case_2']);
  await store.close();
});

test('received signals are stored with the cursor atomically, and a nonce is accepted once until it expires', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'bulwark-signals-')), 'b.db');
  const store = new SqliteSignalStore(db);
  const s: ReceivedSignal = {
    id: 'a:s1', partner: 'a', remoteId: 's1', kind: 'phone', keyId: 'k1', hash: 'x'.repeat(43), abuse: 'promo_abuse', confidence: 0.9,
    firstSeen: '2026-11-01T00:00:00.000Z', lastSeen: '2026-11-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z', caseRef: 'c',
    status: 'active', inForce: [{ from: 5 }], suppressed: [], receivedAt: 'now',
  };
  await store.saveReceived('a', [s], 7);
  assert.equal(await store.partnerCursor('a'), 7);
  assert.equal(await store.partnerCursor('b'), 0);
  const all: ReceivedSignal[] = [];
  await store.received((x) => all.push(x));
  assert.deepEqual(all, [s]);
  assert.equal(await store.useNonce('a', 'n1', 1000, 0), true);
  assert.equal(await store.useNonce('a', 'n1', 1000, 10), false, 'replayed');
  assert.equal(await store.useNonce('b', 'n1', 1000, 10), true, 'nonces are per partner');
  assert.equal(await store.useNonce('a', 'n1', 3000, 2000), true, 'forgotten once expired');
  await store.close();
  // Reopening migrates nothing twice and keeps everything.
  const again = new SqliteSignalStore(db);
  assert.equal(await again.partnerCursor('a'), 7);
  await again.close();
});
