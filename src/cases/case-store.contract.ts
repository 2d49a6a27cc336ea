// The behaviour every CaseStore must have, as a suite each implementation runs against itself
// (SQLite in src/store/sqlite/case-store.test.ts; a PostgreSQL one runs the same).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseStore } from './ports.js';
import type { AuditEntry, CaseRecord, Complaint, Delivery, Sanction } from './types.js';

const kase = (id: string, o: Partial<CaseRecord> = {}): CaseRecord => ({
  id, source: 'default', kind: 'harassment', status: 'open', severity: 'high', alert_ids: [`alr_${id}`], summary: id,
  opened: '2026-11-02T10:00:00.000Z', updated: '2026-11-02T10:00:00.000Z', shops: ['s1'], victim_shops: [], accused_shops: ['s1'],
  accounts: ['u1'], order_count: 0, at_stake_fen: 0, protections: [], complaint_ids: [], attachments: [], ...o,
});
const sanction = (id: string, subject: string, at: string): Sanction => ({
  id, source: 'default', case_id: 'c1', evidence: { alert_ids: [] }, subject: { type: 'shop', id: subject }, kind: 'points', points: 12,
  reason: 'r', effective_at: at, state: 'active', created_by: 'key_1',
});
const complaint = (id: string, by: string, at: string): Complaint => ({
  id, source: 'default', by_id: by, against_id: 's1', kind: 'harassment', order_ids: [], with_proof: false, filed_at: at,
  review_deadline: at, status: 'received',
});
const audit = (action: string): AuditEntry => ({
  source: 'default', at: '2026-11-05T00:00:00.000Z', actor: 'key_1', role: 'analyst', action, target: { type: 'case', id: 'c1' }, case_id: 'c1', before: null, after: { x: 1 },
});
const delivery = (id: string, status: Delivery['status'], nextAt: string): Delivery => ({
  id, source: 'default', type: 'case.resolved', payload: {}, status, attempts: 0, next_at: nextAt, created_at: nextAt,
});

/** Runs the CaseStore contract against stores made by `open` (a fresh, empty one each call). */
export function caseStoreContract(name: string, open: () => Promise<CaseStore & { close(): Promise<void> }>): void {
  test(`${name}: the queue is by severity, then money at stake, then oldest, paged by cursor; filters by tenant, shop, account, status`, async () => {
    const s = await open();
    await s.write({ cases: [
      kase('a', { severity: 'medium', at_stake_fen: 900 }), kase('b', { severity: 'critical', at_stake_fen: 10 }),
      kase('c', { severity: 'critical', at_stake_fen: 500 }), kase('d', { severity: 'critical', at_stake_fen: 500, opened: '2026-11-01T00:00:00.000Z' }),
      kase('e', { source: 'tb' }), kase('f', { shops: ['s2'], accounts: ['u2'], status: 'confirmed', victim_shops: ['s2'], accused_shops: [] }),
    ] });
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await s.listCases({ source: 'default', order: 'queue', limit: 2, ...(cursor ? { cursor } : {}) });
      ids.push(...p.items.map((c) => c.id));
      cursor = p.next_cursor ?? undefined;
    } while (cursor);
    assert.deepEqual(ids, ['d', 'c', 'b', 'f', 'a']);
    assert.deepEqual((await s.listCases({ source: 'tb', order: 'queue', limit: 10 })).items.map((c) => c.id), ['e']);
    assert.deepEqual((await s.listCases({ source: 'default', shop: 's2', order: 'queue', limit: 10 })).items.map((c) => c.id), ['f']);
    assert.deepEqual((await s.listCases({ source: 'default', account: 'u2', order: 'queue', limit: 10 })).items.map((c) => c.id), ['f']);
    assert.deepEqual((await s.listCases({ source: 'default', status: 'confirmed', order: 'newest', limit: 10 })).items.map((c) => c.id), ['f']);
    // A merchant sees a case where its shop is harmed, or accused once confirmed.
    assert.deepEqual((await s.listCases({ source: 'default', visibleToShop: 's2', order: 'queue', limit: 10 })).items.map((c) => c.id), ['f']);
    assert.deepEqual((await s.listCases({ source: 'default', visibleToShop: 's1', order: 'queue', limit: 10 })).items, []);
    await s.close();
  });

  test(`${name}: records are replaced by id; audit entries and scores are appended, the audit log refuses changes`, async () => {
    const s = await open();
    await s.write({ sanctions: [sanction('x1', 's1', '2026-11-03T00:00:00.000Z')], audit: [audit('case.resolve')] });
    await s.write({ sanctions: [{ ...sanction('x1', 's1', '2026-11-03T00:00:00.000Z'), state: 'appealed' }], audit: [audit('appeal.file')] });
    assert.equal((await s.getSanction('x1'))?.state, 'appealed');
    assert.deepEqual((await s.sanctions({ source: 'default', subjectType: 'shop', subjectId: 's1' })).map((x) => x.id), ['x1']);
    assert.deepEqual((await s.sanctions({ source: 'tb' })), []);
    assert.deepEqual((await s.audit('c1')).map((e) => e.action), ['case.resolve', 'appeal.file']);
    await s.close();
  });

  test(`${name}: a failing write keeps none of its records`, async () => {
    const s = await open();
    await assert.rejects(s.write({ cases: [kase('ok')], sanctions: [{ ...sanction('bad', 's1', 'x'), subject: undefined } as unknown as Sanction] }));
    assert.equal(await s.getCase('ok'), undefined);
    await s.close();
  });

  test(`${name}: complaints page newest first by filer; deliveries come due in order and a queued message is not queued twice`, async () => {
    const s = await open();
    await s.write({ complaints: [complaint('k1', 'u1', '2026-11-02T00:00:00.000Z'), complaint('k2', 'u1', '2026-11-03T00:00:00.000Z'), complaint('k3', 'u2', '2026-11-04T00:00:00.000Z')] });
    assert.deepEqual((await s.listComplaints({ source: 'default', byId: 'u1', limit: 10 })).items.map((c) => c.id), ['k2', 'k1']);
    assert.deepEqual((await s.complaintsByIds(['k3', 'nope'])).map((c) => c.id), ['k3']);
    assert.deepEqual((await s.complaintIds()).sort(), ['k1', 'k2', 'k3']);
    await s.write({ enqueue: [delivery('d1', 'pending', '2026-11-05T00:00:00.000Z'), delivery('d2', 'pending', '2026-11-06T00:00:00.000Z')] });
    await s.write({ deliveries: [{ ...delivery('d1', 'delivered', '2026-11-05T00:00:00.000Z'), attempts: 1 }] });
    await s.write({ enqueue: [delivery('d1', 'pending', '2026-11-05T00:00:00.000Z')] });
    assert.equal((await s.listDeliveries({ status: 'delivered', limit: 10 }))[0]?.id, 'd1');
    assert.deepEqual((await s.dueDeliveries('2026-11-05T12:00:00.000Z', 10)).map((d) => d.id), []);
    assert.deepEqual((await s.dueDeliveries('2026-11-07T00:00:00.000Z', 10)).map((d) => d.id), ['d2']);
    assert.deepEqual(await s.deliveryCounts(), { pending: 1, delivered: 1, failed: 0 });
    await s.close();
  });
}
