import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backtests, Engine, Policy, createKey } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { SqlitePolicyStore, SqliteStore } from '../../store/index.js';
import { buildServer } from '../server.js';

const LIST_KEY = 'a-test-list-key-that-is-long-enough-0123456789';

/** A real server on a SQLite file with the analysts' policy, on a free port. */
async function start(db: string, opts: { listKey?: boolean } = {}) {
  const store = new SqliteStore(db);
  const engine = await Engine.open(loadConfig(), store, { activity: true });
  const policyStore = new SqlitePolicyStore(db);
  const policy = await Policy.open({ engine, store: policyStore, ...(opts.listKey === false ? {} : { hashKey: LIST_KEY }) });
  const backtests = new Backtests({ config: loadConfig(), policy, history: policyStore });
  const app = await buildServer({ engine, store, keys: store, policy, backtests });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    store,
    key: async (role: string) => (await createKey({ role, db, keys: store })).key,
    call: (path: string, key: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${key}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async close() { await app.close(); await engine.flush(); await policyStore.close(); await store.close(); },
  };
}

const RULES = `rules:
  - id: blocked-device
    description: a device on the block list
    when: event.type == "account.registered" && event.data.device_id in lists.blocked_devices
    decision: deny
    override: true
  - id: watch-referrals
    when: event.type == "account.registered" && has(event.data.referrer_id)
    decision: review
    mode: shadow
`;

const registration = (id: string, extra: Record<string, unknown>) => JSON.stringify({
  id: `evt_${id}`, type: 'account.registered', time: '2026-11-02T10:00:00.000Z', data: { account_id: id, role: 'buyer', ...extra },
});

test('analysts manage rules and lists over HTTP: versions, audit, refusal of a bad set, effect without restart, shadow stats', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-http-'));
  const db = join(dir, 'bulwark.db');
  let s = await start(db);
  try {
    const analyst = await s.key('analyst');
    const ingest = await s.key('ingest');
    const yaml = { 'content-type': 'application/yaml' };
    const json = { 'content-type': 'application/json' };
    const send = async (id: string, extra: Record<string, unknown>) => {
      const r = await s.call('/v1/events', ingest, { method: 'POST', headers: json, body: registration(id, extra) });
      assert.equal(r.status, 200);
      return (await r.json()).results[0].decision;
    };

    assert.deepEqual((await (await s.call('/v1/rules', analyst)).json()).version, 0);
    assert.equal((await s.call('/v1/rules', ingest)).status, 403);

    // A set with a bad rule is refused whole, naming the rule, line and column.
    const bad = await s.call('/v1/rules', analyst, { method: 'PUT', headers: yaml, body: `${RULES}  - id: typo\n    when: account.agedays < 1\n    decision: deny\n` });
    assert.equal(bad.status, 400);
    const badBody = await bad.json();
    assert.equal(badBody.error.code, 'invalid_request');
    assert.deepEqual(badBody.error.details.problems[0], { path: 'rules[2].when', ruleId: 'typo', line: 12, column: 19,
      message: "unknown feature 'account.agedays'; did you mean 'account.ageDays'?" });
    assert.equal((await (await s.call('/v1/rules', analyst)).json()).version, 0);

    const put = await s.call('/v1/rules', analyst, { method: 'PUT', headers: yaml, body: RULES });
    assert.equal(put.status, 200, await put.clone().text());
    assert.equal((await put.json()).version, 1);

    // A device added to the block list is stored as a keyed hash, and the rule matches it from the next event.
    const added = await s.call('/v1/lists/blocked_devices', analyst, { method: 'POST', headers: json, body: JSON.stringify({ value: 'dev-9', note: 'chargeback ring' }) });
    assert.equal(added.status, 201);
    const entry = await added.json();
    assert.equal(entry.hashed, true);
    assert.match(entry.value, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(await (await s.call('/v1/lists/blocked_devices', analyst)).json()).includes('dev-9'));
    const denied = await send('u1', { device_id: 'dev-9' });
    assert.equal(denied.decision, 'deny');
    assert.deepEqual(denied.reasons.map((r: { rule: string }) => r.rule), ['blocked-device']);
    assert.equal((await send('u2', { device_id: 'dev-1' })).decision, 'allow');

    // The shadow rule never acts, but says what it would have changed.
    assert.equal((await send('u3', { referrer_id: 'u1' })).decision, 'allow');
    const shadow = await (await s.call('/v1/rules/watch-referrals', analyst)).json();
    assert.deepEqual(shadow.stats.wouldChange, { 'allow>review': 1 });
    const metrics = await (await s.call('/metrics', analyst)).text();
    assert.match(metrics, /bulwark_rule_shadow_changes\{rule="watch-referrals",from="allow",to="review"\} 1/);
    assert.match(metrics, /bulwark_rule_hits\{rule="blocked-device",mode="active"\} 1/);

    // One rule changed, then deleted: two more versions, each audited with who and what.
    const one = await s.call('/v1/rules/blocked-device', analyst, { method: 'PUT', headers: json,
      body: JSON.stringify({ when: 'event.type == "account.registered" && event.data.device_id in lists.blocked_devices', decision: 'review' }) });
    assert.equal(one.status, 200);
    assert.equal((await one.json()).version, 2);
    assert.equal((await send('u4', { device_id: 'dev-9' })).decision, 'review');
    assert.equal((await s.call('/v1/rules/blocked-device', analyst, { method: 'DELETE' })).status, 200);
    assert.equal((await send('u5', { device_id: 'dev-9' })).decision, 'allow');
    const versions = await (await s.call('/v1/rules/versions?limit=10', analyst)).json();
    assert.deepEqual(versions.items.map((v: { version: number; action: string }) => `${v.version}:${v.action}`), ['3:delete', '2:put', '1:replace']);
    assert.equal(versions.items[1].before.decision, 'deny');
    assert.equal(versions.items[1].after.decision, 'review');
    assert.match(versions.items[0].by, /^key_/);
    assert.equal((await s.call('/v1/rules/nope', analyst)).status, 404);

    // After a restart the same version and list are in force.
    await s.close();
    s = await start(db);
    const again = await (await s.call('/v1/rules', await s.key('analyst'))).json();
    assert.equal(again.version, 3);
    assert.deepEqual(again.rules.map((r: { rule: { id: string } }) => r.rule.id), ['watch-referrals']);
    assert.equal((await (await s.call('/v1/lists', await s.key('analyst'))).json()).items.length, 1);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rule change on top of a version saved meanwhile is 409 conflict, a set with bad rules 400 with every problem, a hashed entry without the list key 503 not_configured', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-codes-'));
  const s = await start(join(dir, 'a.db'));
  const other = new SqlitePolicyStore(join(dir, 'a.db'));
  const keyless = await start(join(dir, 'b.db'), { listKey: false });
  try {
    const analyst = await s.key('analyst');
    const yaml = { 'content-type': 'application/yaml' };
    // Another server on the same database saves version 1 while this one still has none.
    await other.saveRules({ action: 'replace', by: 'key_other', at: new Date().toISOString(), before: [], after: [], expectedVersion: 0, rules: [] });
    const conflict = await s.call('/v1/rules', analyst, { method: 'PUT', headers: yaml, body: RULES });
    assert.equal(conflict.status, 409);
    const body = await conflict.json();
    assert.equal(body.error.code, 'conflict');
    assert.equal(body.error.details.retry, true);
    assert.match(body.error.message, /changed meanwhile.*read them again/);
    assert.equal((await (await s.call('/v1/rules', analyst)).json()).version, 0, 'nothing of the refused change applies');

    const bad = await s.call('/v1/rules', analyst, { method: 'PUT', headers: yaml,
      body: 'rules:\n  - id: a\n    when: account.agedays < 1\n    decision: deny\n  - id: b\n    when: event.type == \n    decision: review\n' +
        '  - id: c\n    when: account.ageDays < 1.0\n    decision: nope\n' });
    assert.equal(bad.status, 400);
    const badBody = await bad.json();
    assert.equal(badBody.error.code, 'invalid_request');
    const problems = badBody.error.details.problems as Array<{ ruleId: string; path: string }>;
    assert.deepEqual(problems.map((p) => `${p.ruleId} ${p.path}`), ['a rules[0].when', 'b rules[1].when', 'c rules[2].decision'], JSON.stringify(problems));

    const keylessAnalyst = await keyless.key('analyst');
    const post = (list: string, value: string) => keyless.call(`/v1/lists/${list}`, keylessAnalyst, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value }) });
    const noKey = await post('blocked_devices', 'dev-1');
    assert.equal(noKey.status, 503);
    const noKeyBody = await noKey.json();
    assert.equal(noKeyBody.error.code, 'not_configured');
    assert.match(noKeyBody.error.message, /BULWARK_LIST_KEY/);
    assert.equal((await post('blocked_accounts', 'acc-1')).status, 201, 'accounts are kept as they are, without the key');
  } finally {
    await other.close();
    await keyless.close();
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a list entry is checked before it is stored: a bad IP, an unknown list, an address normalised', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-lists-http-'));
  const s = await start(join(dir, 'bulwark.db'));
  try {
    const analyst = await s.key('analyst');
    const post = (list: string, body: unknown) => s.call(`/v1/lists/${list}`, analyst, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const badIp = await post('blocked_ips', { value: '300.1.2.3' });
    assert.equal(badIp.status, 400);
    assert.match((await badIp.json()).error.message, /not an IP address or CIDR range/);
    assert.equal((await post('blocked_things', { value: 'x' })).status, 404);
    const range = await (await post('blocked_ips', { value: '203.0.113.0/24', expires: '2026-12-01T00:00:00.000Z' })).json();
    assert.deepEqual([range.value, range.hashed, range.expiresAt], ['203.0.113.0/24', false, Date.parse('2026-12-01T00:00:00.000Z')]);
    const a = await (await post('blocked_addresses', { value: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号3号楼502室' } })).json();
    const b = await (await post('blocked_addresses', { value: { province: '浙江', city: '杭州', district: '西湖区', detail: '文三路九十号3号楼502室' } })).json();
    assert.equal(a.value, b.value, 'one door however it is written');
    assert.equal((await (await s.call('/v1/lists/blocked_addresses', analyst)).json()).items.length, 1);
    const del = await s.call('/v1/lists/blocked_ips?value=203.0.113.0%2F24', analyst, { method: 'DELETE' });
    assert.equal(del.status, 204);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('POST /v1/backtests replays the stored events in the background beside the rules in force, with progress and a report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-backtests-http-'));
  const s = await start(join(dir, 'bulwark.db'));
  try {
    const analyst = await s.key('analyst');
    const ingest = await s.key('ingest');
    const body = ['u1', 'u2', 'u3'].map((id, i) => registration(id, { device_id: i < 2 ? 'dev-shared' : 'dev-own' })).join('\n');
    assert.equal((await s.call('/v1/events', ingest, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body })).status, 200);
    const bad = await s.call('/v1/backtests', analyst, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: 'rules:\n  - id: x\n    when: shop.nope > 1\n    decision: deny\n' });
    assert.equal(bad.status, 400);
    const started = await s.call('/v1/backtests', analyst, { method: 'POST', headers: { 'content-type': 'application/yaml' },
      body: 'rules:\n  - id: shared-device\n    when: event.type == "account.registered" && event.data.device_id == "dev-shared"\n    decision: challenge\n' });
    assert.equal(started.status, 202);
    const run = await started.json();
    assert.equal(run.progress.of, 3);
    let done = run;
    for (let i = 0; i < 200 && done.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      done = await (await s.call(`/v1/backtests/${run.id}`, analyst)).json();
    }
    assert.equal(done.status, 'done', JSON.stringify(done));
    assert.equal(done.progress.events, 3);
    assert.equal(done.report.decisions, 3);
    assert.deepEqual(done.report.changes.map((c: { from: string; to: string; count: number }) => [c.from, c.to, c.count]), [['allow', 'challenge', 2]]);
    assert.equal(done.report.rules[0].hits_candidate, 2);
    assert.equal((await s.call('/v1/backtests/bt_99', analyst)).status, 404);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
