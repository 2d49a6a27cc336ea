// A reversed case takes back its shared signals at once: through `serve` as the CLI runs it (a real
// SQLite file, the HTTP server on a free port, the alliance on), an analyst confirms a coupon farm's
// case and shares its signals; reversing the case (POST /v1/cases/{id}/reversal), or an appeal that
// lifts its last sanction, revokes them before the answer, with no reconcile run in between (the
// alliance's timer is an hour here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { BulwarkEvent } from '../contract/index.js';
import { generateAllianceKeys } from '../alliance/index.js';
import { defaultConfig, type Config } from '../config/index.js';
import { ev } from '../../test/support/events.js';
import { createKey, serve } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-alliance-cases-'));
const STOP = 'SIGUSR2';
const keys = generateAllianceKeys();
process.env.BULWARK_ALLIANCE_SIGNING_KEY = keys.signingKey;
process.env.BULWARK_ALLIANCE_KEY_K1 = keys.sharedKey;

/** A coupon farm per `tag`: 20 new accounts on 5 devices from one cloud range, each spending the new-user coupon on a cheap order to one drop door. */
function farm(tag: string, minute: number): BulwarkEvent[] {
  const drop = { province: '浙江省', city: '杭州市', district: '西湖区', detail: `文三路${minute}号翠苑3栋2单元501室`, recipient: '李' };
  const out: BulwarkEvent[] = [];
  for (let i = 0; i < 20; i++) {
    const a = `${tag}${i}`;
    const s = { device_id: `d_${tag}${i % 5}`, ip: `47.${minute % 200}.12.${10 + i}` };
    out.push(ev('account.registered', minute + i, { account_id: a, role: 'buyer', phone: `170${String(minute).padStart(3, '0')}5${1000 + i}`, ...s }, `reg_${a}`));
    out.push(ev('coupon.claimed', minute + 1.5 + i, { claim_id: `cc_${a}`, coupon_id: 'newuser-15', campaign_id: 'newuser', account_id: a, value: 1500, ...s }, `cc_${a}`));
    out.push(ev('order.placed', minute + 30 + i, { order_id: `o_${a}`, buyer_id: a, shop_id: 's_socks', lines: [{ item_id: 'i_socks', qty: 1, unit_price: 1990 }],
      amount: 490, discount: 1500, coupon_id: 'newuser-15', payment_id: `p_${tag}${i % 3}`, address: drop, ...s }, `o_${a}`));
  }
  return out.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
}

test('reversing a confirmed case, or an appeal lifting its last sanction, revokes its shared signals before the answer', async (t) => {
  const db = join(dir, 'bulwark.db');
  const config: Config = { ...defaultConfig(), alliance: { self: 'platform-a', keys: [{ id: 'k1' }], partners: [], pull: { everyMs: 3_600_000 } } };
  const analyst = (await createKey({ role: 'analyst', db })).key;
  const ingest = (await createKey({ role: 'ingest', db })).key;
  let listening!: (url: string) => void;
  const started = new Promise<string>((resolve) => { listening = resolve; });
  const stopped = serve({ host: '127.0.0.1', port: 0, db, config, signals: [STOP], logger: pino({ level: 'silent' }), onListening: listening });
  const url = await Promise.race([started, stopped.then(() => { throw new Error('serve stopped before it listened'); })]);
  t.after(async () => { process.emit(STOP, STOP); await stopped; });

  const call = async (path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, { method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${analyst}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: r.status, json: await r.json() as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const events = [...farm('f', 600), ...farm('g', 2000)].sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
  const sent = await fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/x-ndjson' },
    body: events.map((e) => JSON.stringify(e)).join('\n') });
  assert.equal(sent.status, 200);
  const cases = (await call('/v1/cases?kind=promo_abuse&order=newest')).json.items as Array<{ id: string; accounts: string[] }>;
  const caseOf = (tag: string) => cases.find((c) => c.accounts.some((a) => a.startsWith(tag)))!;
  const [first, second] = [caseOf('f'), caseOf('g')];
  assert.ok(first && second && first.id !== second.id, `two farm cases: ${JSON.stringify(cases.map((c) => c.id))}`);

  /** Confirms a case with one sanction and shares its signals; answers the sanction. */
  const confirmAndShare = async (c: { id: string; accounts: string[] }) => {
    const r = await call(`/v1/cases/${c.id}/resolve`, { outcome: 'confirmed', note: 'coupon farm',
      sanctions: [{ kind: 'account_restricted', subject: { type: 'account', id: c.accounts[0] }, reason: 'coupon farm', restrictions: ['coupons_barred'] }] });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const shared = await call('/v1/alliance/signals', { case_id: c.id });
    assert.equal(shared.status, 201, JSON.stringify(shared.json));
    assert.ok(shared.json.published.length > 0);
    return r.json.sanctions[0] as { id: string };
  };
  const statuses = async (caseId: string) =>
    new Set(((await call(`/v1/alliance/signals?case_id=${caseId}&limit=500`)).json.items as Array<{ status: string }>).map((s) => s.status));

  // An analyst reopens the first case: its signals are revoked by the time the answer comes.
  const lifted = await confirmAndShare(first);
  assert.deepEqual(await statuses(first.id), new Set(['active']));
  const reversed = await call(`/v1/cases/${first.id}/reversal`, { outcome: 'reopened', note: 'the devices were a family\'s' });
  assert.equal(reversed.status, 200, JSON.stringify(reversed.json));
  assert.equal(reversed.json.case.status, 'open');
  assert.deepEqual(reversed.json.case.reversal, { ...reversed.json.case.reversal, outcome: 'reopened', sanction_ids: [lifted.id], round: 1 });
  assert.deepEqual(reversed.json.sanctions.map((s: { id: string; state: string }) => [s.id, s.state]), [[lifted.id, 'reversed']]);
  assert.deepEqual(await statuses(first.id), new Set(['revoked']));
  const audit = (await call(`/v1/cases/${first.id}/audit`)).json.items as Array<{ action: string; after: { outcome?: string } }>;
  assert.ok(audit.some((e) => e.action === 'case.reverse' && e.after.outcome === 'reopened'), 'the reversal is in the audit log');
  assert.equal((await call(`/v1/cases/${first.id}/reversal`, { outcome: 'dismissed', note: 'again' })).status, 409, 'an open case is not reversed');

  // The second case: an appeal decided for the appellant lifts its only sanction, which reverses the case.
  const sanction = await confirmAndShare(second);
  const appeal = await call(`/v1/sanctions/${sanction.id}/appeals`, { reason: 'a family' });
  assert.equal(appeal.status, 200, JSON.stringify(appeal.json));
  assert.deepEqual(await statuses(second.id), new Set(['active']), 'an appeal filed changes nothing yet');
  assert.equal((await call(`/v1/appeals/${appeal.json.id}/decision`, { outcome: 'reversed', note: 'family' })).status, 200);
  assert.deepEqual(await statuses(second.id), new Set(['revoked']));
  const after = (await call(`/v1/cases/${second.id}`)).json;
  assert.equal(after.reversal.outcome, 'appeal');
  assert.equal(after.reversal.appeal_id, appeal.json.id);

  // The reopened case confirmed again gets new sanctions, and the lifted one stays on the ledger as it was.
  const again = await call(`/v1/cases/${first.id}/resolve`, { outcome: 'confirmed', note: 'a farm after all',
    sanctions: [{ kind: 'account_restricted', subject: { type: 'account', id: first.accounts[0] }, reason: 'coupon farm', restrictions: ['coupons_barred'] }] });
  assert.equal(again.status, 200, JSON.stringify(again.json));
  assert.notEqual(again.json.sanctions[0].id, lifted.id);
  const ledger = (await call(`/v1/accounts/${first.accounts[0]}/sanctions`)).json.sanctions as Array<{ id: string; state: string }>;
  assert.deepEqual(ledger.map((s) => [s.id, s.state]).sort(), [[lifted.id, 'reversed'], [again.json.sanctions[0].id, 'active']].sort());
});
