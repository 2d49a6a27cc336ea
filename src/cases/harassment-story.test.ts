// The second story through HTTP: a consumer's harassment complaint without proof, decided
// on the merchant's own record (its calls after a bad review), walked to its 12 points and an
// appeal; each party sees only what is its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventJson, ndjson, startServer, type TestServer } from '../../test/support/http.js';

const shop = 's_tea';
const merchant = 'm_tea';
const buyer = 'u_reviewer';
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2) + minutes * 60_000).toISOString();

let server: TestServer;
let analyst: string;
let shopKey: string;
let consumer: string;

before(async () => {
  server = await startServer();
  analyst = await server.key('analyst');
  shopKey = await server.key('merchant', { shop });
  consumer = await server.key('consumer', { account: buyer });
  // The shop's merchant calls the buyer three times after a 1-star review: not repeated contact by
  // itself, and no threat in words; only the consumer's complaint makes it an incident.
  const events = [
    eventJson({ id: 'e1', type: 'account.registered', time: at(0), data: { account_id: merchant, role: 'merchant' } }),
    eventJson({ id: 'e2', type: 'shop.opened', time: at(1), data: { shop_id: shop, owner_id: merchant } }),
    eventJson({ id: 'e3', type: 'account.registered', time: at(2), data: { account_id: buyer, role: 'buyer', phone: '13912345678' } }),
    eventJson({ id: 'e4', type: 'review.posted', time: at(3), data: { review_id: 'r1', order_id: 'o_1', buyer_id: buyer, shop_id: shop, rating: 1 } }),
    ...[1, 5, 9].map((h, i) => eventJson({ id: `call_${i}`, type: 'message.sent', time: at(h * 60),
      data: { message_id: `m_${i}`, from_id: merchant, to_id: buyer, channel: 'phone' } })),
  ];
  const res = await server.request('/v1/events', { method: 'POST', key: await server.key('ingest'),
    headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(events) });
  assert.equal(res.status, 200);
});
after(() => server.close());

async function call<T = Record<string, unknown>>(path: string, key: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await server.request(path, { key, ...(body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  return { status: res.status, json: await res.json() as T };
}

interface Complaint { id: string; status: string; with_proof: boolean; case_id?: string; review_deadline: string }
interface CaseJson { id: string; kind: string; status: string; accused_shops: string[]; complaint_ids: string[]; role?: string; accounts?: string[] }
interface Ledger { sanctions: Array<{ id: string; kind: string; points: number; state: string }>; points: { points: number; level: string } }

test('a harassment complaint without proof: 12 points on the merchant\'s record, then appealed and reversed', async () => {
  // The consumer files the complaint: no text, no orders.
  const filed = await call<Complaint>('/v1/complaints', consumer, { complaint_id: 'cp_1', against_id: shop, kind: 'harassment', time: at(10 * 60) });
  assert.equal(filed.status, 200, JSON.stringify(filed.json));
  assert.equal(filed.json.with_proof, false);
  assert.equal(filed.json.review_deadline, at(10 * 60 + 3 * 24 * 60));
  // The merchant's own calls make it an incident: a case, and the complaint under review in it.
  assert.equal(filed.json.status, 'under_review');
  const caseId = filed.json.case_id!;
  const list = await call<{ items: CaseJson[] }>('/v1/cases?kind=harassment', analyst);
  assert.deepEqual(list.json.items.map((c) => c.id), [caseId]);
  assert.deepEqual(list.json.items[0]!.accused_shops, [shop]);
  assert.deepEqual(list.json.items[0]!.complaint_ids, ['cp_1']);

  // The accused shop does not see the open case (it would tip it off).
  assert.deepEqual((await call<{ items: unknown[] }>('/v1/cases', shopKey)).json.items, []);
  assert.equal((await call(`/v1/cases/${caseId}`, shopKey)).status, 403);

  const proposed = await call<{ items: Array<{ kind: string; points: number; subject: { id: string } }> }>(`/v1/cases/${caseId}/proposed-sanctions`, analyst);
  assert.deepEqual(proposed.json.items.map((s) => [s.kind, s.points, s.subject.id]), [['points', 12, shop]]);
  const resolved = await call<{ case: CaseJson; sanctions: Ledger['sanctions'] }>(`/v1/cases/${caseId}/resolve`, analyst,
    { outcome: 'confirmed', note: 'three calls after a 1-star review and the consumer\'s complaint' });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.json));
  assert.equal(resolved.json.case.status, 'confirmed');
  const again = await call(`/v1/cases/${caseId}/resolve`, analyst, { outcome: 'dismissed', note: 'again' });
  assert.equal(again.status, 409);

  // The consumer sees its complaint upheld; the merchant its 12 points and the case, without the accounts.
  assert.equal((await call<Complaint>('/v1/complaints/cp_1', consumer)).json.status, 'upheld');
  const ledger = await call<Ledger>(`/v1/shops/${shop}/sanctions`, shopKey);
  assert.deepEqual(ledger.json.sanctions.map((s) => [s.kind, s.points, s.state]), [['points', 12, 'active']]);
  assert.deepEqual(ledger.json.points, { points: 12, level: 'warning', to_next_level: 12 });
  const seen = await call<CaseJson>(`/v1/cases/${caseId}`, shopKey);
  assert.equal(seen.json.role, 'sanctioned');
  assert.equal(seen.json.accounts, undefined);

  // The merchant appeals; the sanction is appealed until an analyst decides, and reversed it stops counting.
  const sanctionId = ledger.json.sanctions[0]!.id;
  const appealed = await call<{ id: string; status: string }>(`/v1/sanctions/${sanctionId}/appeals`, shopKey, { reason: 'the consumer asked us to call back' });
  assert.equal(appealed.status, 200, JSON.stringify(appealed.json));
  assert.equal(appealed.json.status, 'pending');
  assert.equal((await call(`/v1/sanctions/${sanctionId}/appeals`, shopKey, { reason: 'twice' })).status, 409);
  assert.equal((await call<Ledger>(`/v1/shops/${shop}/sanctions`, shopKey)).json.sanctions[0]!.state, 'appealed');
  const pending = await call<{ items: Array<{ id: string }> }>('/v1/appeals?status=pending', analyst);
  assert.deepEqual(pending.json.items.map((a) => a.id), [appealed.json.id]);
  const decided = await call<{ appeal: { status: string }; sanction: { state: string } }>(`/v1/appeals/${appealed.json.id}/decision`, analyst,
    { outcome: 'reversed', note: 'the call log shows the consumer asked for the calls' });
  assert.equal(decided.json.appeal.status, 'reversed');
  assert.equal(decided.json.sanction.state, 'reversed');
  assert.deepEqual((await call<Ledger>(`/v1/shops/${shop}/sanctions`, shopKey)).json.points, { points: 0, level: 'none', to_next_level: 12 });
  assert.deepEqual((await call<{ items: Array<{ status: string }> }>('/v1/appeals', shopKey)).json.items.map((a) => a.status), ['reversed']);

  // Every action is in the audit log: who, what, before and after, in order.
  const audit = await call<{ items: Array<{ action: string; before: unknown; after: unknown; actor: string }> }>(`/v1/cases/${caseId}/audit`, analyst);
  assert.deepEqual(audit.json.items.map((e) => e.action),
    // The appeal lifted the case's only sanction, which reverses the case (docs/cases.md, Reversing a confirmed case).
    ['case.resolve', 'sanction.create', 'appeal.file', 'sanction.appealed', 'appeal.decide', 'sanction.changed', 'case.reverse']);
  assert.deepEqual(audit.json.items[5]!.before, { state: 'appealed' });
  assert.deepEqual(audit.json.items[5]!.after, { state: 'reversed' });
});

test('each party sees only its own: another consumer, another shop, another account', async () => {
  const other = await server.key('consumer', { account: 'u_other' });
  assert.equal((await call('/v1/complaints/cp_1', other)).status, 403);
  assert.deepEqual((await call<{ items: unknown[] }>('/v1/complaints', other)).json.items, []);
  assert.equal((await call('/v1/complaints', consumer)).status, 200);
  const otherShop = await server.key('merchant', { shop: 's_other' });
  assert.equal((await call(`/v1/shops/${shop}/sanctions`, otherShop)).status, 403);
  assert.equal((await call(`/v1/shops/${shop}/quality`, otherShop)).status, 403);
  assert.equal((await call(`/v1/shops/${shop}/warnings`, otherShop)).status, 403);
  assert.equal((await call(`/v1/cases?shop=${shop}`, otherShop)).status, 403);
  assert.equal((await call(`/v1/accounts/${buyer}/sanctions`, other)).status, 403);
  assert.equal((await call(`/v1/accounts/u_other/sanctions`, other)).status, 200);
  // A consumer is not staff: no case list, no resolving.
  assert.equal((await call('/v1/cases', consumer)).status, 403);
});
