// Two Bulwark platforms as two processes (`bulwark serve`, each with its own SQLite file), partners
// of each other through recording proxies: platform A confirms a coupon farm and a review-service
// gang and shares their signals; platform B, which never saw them, flags the farm's device and the
// gang's handle on its first events; a reversal on A revokes them on B; nothing raw crosses the wire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulwarkEvent } from '../contract/index.js';
import { ev } from '../../test/support/events.js';
import { generateAllianceKeys, newNonce, privateKeyFrom, requestPayload, signText, SIG_HEADERS } from './index.js';

const CLI = ['--import', 'tsx', new URL('../cli/main.ts', import.meta.url).pathname];
const root = mkdtempSync(join(tmpdir(), 'bulwark-alliance-'));
const shared = generateAllianceKeys().sharedKey;
const keysA = generateAllianceKeys();
const keysB = generateAllianceKeys();

function bulwark(args: string[]): string {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

interface Exchange { method: string; url: string; headers: Record<string, unknown>; status: number; body: string }

/** A proxy that forwards to `target` and records every request and answer that crosses it. */
function recordingProxy(): Promise<{ server: Server; url: string; log: Exchange[]; target: { url: string } }> {
  const log: Exchange[] = [];
  const target = { url: '' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      // Until its server is up, the proxy answers as a platform that is down would.
      if (!target.url) { res.writeHead(503).end(); return; }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection')) as Record<string, string>;
      const r = await fetch(`${target.url}${req.url}`, { method: req.method!, headers });
      const body = await r.text();
      log.push({ method: req.method!, url: req.url!, headers: req.headers, status: r.status, body: `${JSON.stringify([...r.headers])}\n${body}` });
      res.writeHead(r.status, Object.fromEntries([...r.headers].filter(([k]) => k !== 'content-length' && k !== 'transfer-encoding')));
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address() as { port: number };
    resolve({ server, url: `http://127.0.0.1:${a.port}`, log, target });
  }));
}

function start(name: string, db: string, config: unknown, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; stderr: string[] }> {
  const file = join(root, `${name}.json`);
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', db, '--config', file], {
    stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env },
  });
  const stderr: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${stderr.join('')}`)), 30_000);
    child.stderr!.on('data', (c: Buffer) => {
      stderr.push(c.toString());
      const m = /listening on (http:\/\/\S+)/.exec(stderr.join(''));
      if (m) { clearTimeout(timer); resolve({ child, url: m[1]!, stderr }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited with ${code}: ${stderr.join('')}`)); });
  });
}

async function call(base: string, key: string, path: string, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined };
}

const send = async (base: string, key: string, events: readonly BulwarkEvent[]) => {
  const r = await fetch(`${base}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    body: events.map((e) => JSON.stringify(e)).join('\n') });
  assert.equal(r.status, 200);
  return (await r.json() as { results: Array<{ event_id: string; decision?: { reasons: Array<{ rule: string; code: string; message: string }> } }> }).results;
};

// Platform A's coupon farm: 20 accounts over 5 devices on one cloud range, each claiming the new-user
// coupon within minutes and shipping a cheap order to one drop door; and a review-service gang of
// three sellers giving out one WeChat handle to twenty merchants.
const FARM_PHONE = (i: number) => `1705550${String(1000 + i)}`;
const DROP = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号翠苑3栋2单元501室', recipient: '李' };
function platformAEvents(): BulwarkEvent[] {
  const out: BulwarkEvent[] = [];
  for (let i = 0; i < 20; i++) {
    const a = `f${i}`;
    const s = { device_id: `d_rack${i % 5}`, ip: `47.100.12.${10 + i}` };
    out.push(ev('account.registered', 600 + i, { account_id: a, role: 'buyer', phone: FARM_PHONE(i), ...s }, `a_reg_${a}`));
    out.push(ev('coupon.claimed', 601.5 + i, { claim_id: `cc_${a}`, coupon_id: 'newuser-15', campaign_id: 'newuser', account_id: a, value: 1500, ...s }, `a_cc_${a}`));
    out.push(ev('order.placed', 630 + i, { order_id: `o_${a}`, buyer_id: a, shop_id: 's_socks', lines: [{ item_id: 'i_socks', qty: 1, unit_price: 1990 }],
      amount: 490, discount: 1500, coupon_id: 'newuser-15', payment_id: `p_farm${i % 3}`, address: DROP, ...s }, `a_o_${a}`));
  }
  const offers = ['老板您好，专业删差评，不成功不收费，30元一条，加V：gang_777', '店铺差評可以幫您處理，內部渠道，安全不降權，vx gang_777',
    '提供删*差*评改好评服务，老客户八折，微信 gang_777'];
  for (let i = 0; i < 20; i++) {
    out.push(ev('account.registered', 0, { account_id: `m_${i}`, role: 'merchant' }, `a_m_${i}`), ev('shop.opened', 0, { shop_id: `sh_${i}`, owner_id: `m_${i}` }, `a_sh_${i}`));
    out.push(ev('message.sent', 700 + i * 7, { message_id: `msg_${i}`, from_id: `u_s${i % 3}`, to_id: `m_${i}`, channel: 'chat', text: offers[i % 3]! }, `a_msg_${i}`));
  }
  return out.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
}

test('platform B flags platform A\'s coupon farm and review gang on its first events, A\'s reversal revokes them, and nothing raw crosses the wire', async (t) => {
  const proxyA = await recordingProxy(); // in front of A: what B fetches
  const proxyB = await recordingProxy(); // in front of B: what A fetches
  const junk = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"items": 5}'); });
  await new Promise<void>((r) => junk.listen(0, '127.0.0.1', r));
  const junkUrl = `http://127.0.0.1:${(junk.address() as { port: number }).port}`;
  const anyPublic = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const dbA = join(root, 'a.db');
  const dbB = join(root, 'b.db');
  const analystA = bulwark(['keys', 'create', '--role', 'analyst', '--db', dbA]);
  const ingestA = bulwark(['keys', 'create', '--role', 'ingest', '--db', dbA]);
  const partnerKeyForB = bulwark(['keys', 'create', '--role', 'partner', '--source', 'platform-b', '--db', dbA]);
  const analystB = bulwark(['keys', 'create', '--role', 'analyst', '--db', dbB]);
  const ingestB = bulwark(['keys', 'create', '--role', 'ingest', '--db', dbB]);
  const partnerKeyForA = bulwark(['keys', 'create', '--role', 'partner', '--source', 'platform-a', '--db', dbB]);
  const pull = { everyMs: 1000, retryMs: 200, maxBackoffMs: 2000, timeoutMs: 3000 };
  const A = await start('a', dbA, { alliance: { self: 'platform-a', keys: [{ id: 'k1' }], pull,
    partners: [{ name: 'platform-b', url: proxyB.url, publicKey: keysB.publicKey, trust: 0.9 }] } }, {
    BULWARK_ALLIANCE_SIGNING_KEY: keysA.signingKey, BULWARK_ALLIANCE_KEY_K1: shared, BULWARK_ALLIANCE_PARTNER_KEY_PLATFORM_B: partnerKeyForA });
  const B = await start('b', dbB, { alliance: { self: 'platform-b', keys: [{ id: 'k1' }], pull, partners: [
    { name: 'platform-a', url: proxyA.url, publicKey: keysA.publicKey, trust: 0.9 },
    { name: 'platform-down', url: 'http://127.0.0.1:1', publicKey: anyPublic, trust: 0.5 },
    { name: 'platform-junk', url: junkUrl, publicKey: anyPublic, trust: 0.5 }] } }, {
    BULWARK_ALLIANCE_SIGNING_KEY: keysB.signingKey, BULWARK_ALLIANCE_KEY_K1: shared, BULWARK_ALLIANCE_PARTNER_KEY_PLATFORM_A: partnerKeyForB,
    BULWARK_ALLIANCE_PARTNER_KEY_PLATFORM_DOWN: 'bwk_none', BULWARK_ALLIANCE_PARTNER_KEY_PLATFORM_JUNK: 'bwk_none' });
  t.after(async () => {
    for (const p of [A, B]) p.child.kill('SIGTERM');
    for (const s of [proxyA.server, proxyB.server, junk]) s.close();
  });
  proxyA.target.url = A.url;
  proxyB.target.url = B.url;

  // A: the attacks, their alerts, their cases confirmed, their signals published.
  await send(A.url, ingestA, platformAEvents());
  const caseOf = async (kind: string) => {
    const r = await call(A.url, analystA, `/v1/cases?kind=${kind}`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.items.length, 1, `${kind} cases: ${JSON.stringify(r.json.items.map((c: { id: string }) => c.id))}`);
    return r.json.items[0] as { id: string; accounts: string[] };
  };
  const farm = await caseOf('promo_abuse');
  const gang = await caseOf('review_manipulation');
  const confirmed = await call(A.url, analystA, `/v1/cases/${farm.id}/resolve`, { outcome: 'confirmed', note: 'coupon farm on five racks',
    sanctions: [{ kind: 'account_restricted', subject: { type: 'account', id: 'f0' }, reason: 'coupon farm', restrictions: ['coupons_barred'] }] });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
  const unconfirmed = await call(A.url, analystA, '/v1/alliance/signals', { case_id: gang.id });
  assert.equal(unconfirmed.status, 409, 'an open case shares nothing');
  assert.equal((await call(A.url, analystA, `/v1/cases/${gang.id}/resolve`, { outcome: 'confirmed', note: 'review deletion gang' })).status, 200);
  const farmSignals = await call(A.url, analystA, '/v1/alliance/signals', { case_id: farm.id });
  assert.equal(farmSignals.status, 201, JSON.stringify(farmSignals.json));
  const kinds = new Set(farmSignals.json.published.map((s: { kind: string }) => s.kind));
  for (const k of ['device', 'phone', 'payment', 'address', 'ip_range']) assert.ok(kinds.has(k), `farm shares ${k}: ${[...kinds].join(', ')}`);
  const gangSignals = await call(A.url, analystA, '/v1/alliance/signals', { case_id: gang.id });
  assert.equal(gangSignals.status, 201);
  assert.ok(gangSignals.json.published.some((s: { kind: string; value: string }) => s.kind === 'handle' && s.value === 'id:gang_777'));

  // B pulls and, on its very first events, flags the farm's device and the gang's handle.
  const pulled = await call(B.url, analystB, '/v1/alliance/partners/platform-a/pull', {});
  assert.equal(pulled.json.state, 'ok', JSON.stringify(pulled.json));
  const [reg] = await send(B.url, ingestB, [ev('account.registered', 900, { account_id: 'b_new1', role: 'buyer', device_id: 'd_rack3', ip: '10.1.1.1' }, 'b_reg_1')]);
  const reason = reg!.decision!.reasons.find((r) => r.rule === 'alliance');
  assert.equal(reason?.code, 'alliance_device');
  assert.match(reason!.message, /promo_abuse device signal shared by partner platform-a/);
  await send(B.url, ingestB, [ev('message.sent', 901, { message_id: 'b_m1', from_id: 'b_seller', to_id: 'b_merchant', channel: 'chat', text: '差评可删，联系vx gang_777' }, 'b_msg_1')]);
  const alertsB = (await call(B.url, analystB, '/v1/alerts?kind=review_manipulation')).json.items as Array<{ subjects: { accounts: string[] }; evidence: { partner: string } }>;
  assert.deepEqual(alertsB.map((a) => [a.subjects.accounts, a.evidence.partner]), [[['b_seller'], 'platform-a']]);

  // A reverses the farm's case on appeal; A revokes its signals; B stops using them.
  const sanction = confirmed.json.sanctions[0] as { id: string };
  const appeal = await call(A.url, analystA, `/v1/sanctions/${sanction.id}/appeals`, { reason: 'the accounts were a family' });
  assert.equal(appeal.status, 200, JSON.stringify(appeal.json));
  assert.equal((await call(A.url, analystA, `/v1/appeals/${appeal.json.id}/decision`, { outcome: 'reversed', note: 'family' })).status, 200);
  const deadline = Date.now() + 15_000;
  let revoked = false;
  while (!revoked && Date.now() < deadline) {
    await call(B.url, analystB, '/v1/alliance/partners/platform-a/pull', {});
    const received = (await call(B.url, analystB, '/v1/alliance/received?partner=platform-a&kind=device')).json.items as Array<{ status: string }>;
    revoked = received.length > 0 && received.every((s) => s.status === 'revoked');
    if (!revoked) await new Promise((r) => setTimeout(r, 300));
  }
  assert.ok(revoked, 'the farm\'s device signals were revoked on B');
  const [after] = await send(B.url, ingestB, [ev('account.registered', 960, { account_id: 'b_new2', role: 'buyer', device_id: 'd_rack3' }, 'b_reg_2')]);
  assert.deepEqual(after!.decision!.reasons.filter((r) => r.rule === 'alliance'), []);
  const handleStill = (await call(B.url, analystB, '/v1/alliance/received?partner=platform-a&kind=handle')).json.items as Array<{ status: string; inForceNow: boolean }>;
  assert.ok(handleStill.every((s) => s.status === 'active' && s.inForceNow), 'the gang\'s case stands');

  // Nothing raw crossed the wire, either way: no device, phone, IP, address, handle or case id.
  const wire = [...proxyA.log, ...proxyB.log].map((x) => `${x.method} ${x.url} ${JSON.stringify(x.headers)} ${x.body}`).join('\n');
  assert.ok(proxyA.log.some((x) => x.body.includes('"hash"')), 'signals did cross');
  const raw = ['d_rack', 'p_farm', '47.100.12', '17055501', 'gang_777', '文三路', '翠苑', '杭州', farm.id, gang.id, '"f0"', '"u_s1"'];
  for (const r of raw) assert.ok(!wire.includes(r), `${r} crossed the wire`);

  // The partner key reads the feed and nothing else.
  const spec = await (await fetch(`${A.url}/openapi.json`)).json() as { paths: Record<string, Record<string, unknown>> };
  for (const path of ['/v1/alliance/feed', '/v1/alliance/signals', '/v1/alliance/received', '/v1/alliance/partners']) assert.ok(spec.paths[path], `${path} in /openapi.json`);
  const PUBLIC = new Set(['/healthz', '/readyz', '/openapi.json', '/']);
  let checked = 0;
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (PUBLIC.has(path) || path === '/v1/alliance/feed') continue;
    for (const method of Object.keys(methods)) {
      const url = `${A.url}${path.replace(/\{[^}]+\}/g, 'x')}`;
      const r = await fetch(url, { method: method.toUpperCase(), headers: { authorization: `Bearer ${partnerKeyForB}`, 'content-type': 'application/json' },
        ...(method === 'get' || method === 'delete' ? {} : { body: '{}' }) });
      assert.equal(r.status, 403, `${method.toUpperCase()} ${path} answered ${r.status} to a partner key`);
      checked++;
    }
  }
  assert.ok(checked >= 20, `${checked} routes checked`);

  // A forged, a replayed and a stale request are refused.
  const feed = async (headers: Record<string, string>, key = partnerKeyForB) =>
    (await fetch(`${A.url}/v1/alliance/feed?after=0&limit=5`, { headers: { authorization: `Bearer ${key}`, ...headers } }));
  const signed = (signingKey: string, timestamp = String(Date.now())) => {
    const nonce = newNonce();
    const k = privateKeyFrom(signingKey, 'test key');
    return { [SIG_HEADERS.partner]: 'platform-b', [SIG_HEADERS.timestamp]: timestamp, [SIG_HEADERS.nonce]: nonce,
      [SIG_HEADERS.signature]: signText(k, requestPayload({ method: 'GET', path: '/v1/alliance/feed?after=0&limit=5', timestamp, nonce, partner: 'platform-b' })) };
  };
  const good = signed(keysB.signingKey);
  assert.equal((await feed(good)).status, 200);
  const replayed = await feed(good);
  assert.equal(replayed.status, 401);
  assert.equal(((await replayed.json()) as { error: { code: string } }).error.code, 'request_replayed');
  const forged = await feed(signed(generateAllianceKeys().signingKey));
  assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'signature_invalid');
  const stale = await feed(signed(keysB.signingKey, String(Date.now() - 3_600_000)));
  assert.equal(((await stale.json()) as { error: { code: string } }).error.code, 'request_stale');
  const unsigned = await feed({});
  assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'signature_missing');
  const captured = proxyA.log.find((x) => x.url.startsWith('/v1/alliance/feed'))!;
  const again = await fetch(`${A.url}${captured.url}`, { headers: Object.fromEntries(Object.entries(captured.headers)
    .filter(([k]) => k === 'authorization' || k.startsWith('bulwark-')) as Array<[string, string]>) });
  assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'request_replayed', 'a captured request replayed');
  assert.equal((await fetch(`${A.url}/v1/alliance/feed`, { headers: { authorization: `Bearer ${analystA}` } })).status, 403, 'an analyst key does not read the feed');

  // The feed that is down and the one that answers garbage are reported, and never held a decision up.
  const partners = (await call(B.url, analystB, '/v1/alliance/partners')).json.items as Array<{ partner: string; state: string; lastError?: { outcome: string } }>;
  const byName = Object.fromEntries(partners.map((p) => [p.partner, p]));
  assert.equal(byName['platform-down']?.state, 'failing');
  assert.equal(byName['platform-down']?.lastError?.outcome, 'unreachable');
  assert.equal(byName['platform-junk']?.lastError?.outcome, 'garbage');
  assert.equal(byName['platform-a']?.state, 'ok');
  const metrics = await (await fetch(`${B.url}/metrics`, { headers: { authorization: `Bearer ${analystB}` } })).text();
  assert.match(metrics, /bulwark_alliance_pulls_total\{partner="platform-down",outcome="unreachable"\} [1-9]/);
  assert.match(metrics, /bulwark_alliance_partner_up\{partner="platform-junk"\} 0/);
});
