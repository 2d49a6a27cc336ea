// The first story through HTTP: a simulated marketplace with a reverse-brushing attack is
// sent to a real server; the alert and its case appear, the victim's merchant sees the case and
// its protection, an analyst confirms it, the attackers are restricted, the victim gets no
// sanction and its metrics leave the attack out, and the evidence package verifies against its
// manifest (through HTTP and as files written by the `evidence` command's library call).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateToDir, writeEvidence } from '../app/index.js';
import { loadConfig } from '../config/index.js';
import type { Truth, TruthIncident } from '../sim/index.js';
import { startServer, type TestServer } from '../../test/support/http.js';
import { verifyPackage, type EvidencePackage, type Manifest } from './index.js';

const SECRET = 'evidence-test-secret';
let dir: string;
let server: TestServer;
let analyst: string;
let incident: TruthIncident;
let victim: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-victim-'));
  await simulateToDir({ seed: 2, scale: 0.3, days: 3, outDir: join(dir, 'sim') });
  const truth = JSON.parse(readFileSync(join(dir, 'sim', 'truth.json'), 'utf8')) as Truth;
  incident = truth.incidents.find((i) => i.kind === 'reverse_brushing' && i.victim_shops?.length)!;
  assert.ok(incident, 'the simulated marketplace has a reverse-brushing attack');
  victim = incident.victim_shops![0]!;
  server = await startServer({ config: { cases: { evidence: { hashSecret: SECRET } } } });
  analyst = await server.key('analyst');
  // The attack replayed as the platform sends it: NDJSON batches of at most 10,000 events.
  const ingest = await server.key('ingest');
  const lines = readFileSync(join(dir, 'sim', 'events.ndjson'), 'utf8').split('\n').filter(Boolean);
  for (let i = 0; i < lines.length; i += 10_000) {
    const res = await server.request('/v1/events', { method: 'POST', key: ingest, headers: { 'content-type': 'application/x-ndjson' },
      body: `${lines.slice(i, i + 10_000).join('\n')}\n` });
    assert.equal(res.status, 200);
  }
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(path: string, key: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await server.request(path, { key, ...(body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  return { status: res.status, json: await res.json() as T };
}

interface CaseJson {
  id: string; status: string; victim_shops: string[]; accused_shops: string[]; accounts: string[]; at_stake_fen: number; role?: string;
  protections: Array<{ kind: string; shop: string; orders?: string[] }>;
}
interface SanctionJson { id: string; kind: string; subject: { type: string; id: string }; restrictions?: string[] }

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

test('the reverse-brushing victim: protected, shown the case, never sanctioned; attackers restricted; evidence verifies', async () => {
  // The alert and its case, naming the victim as harmed and protecting its orders.
  const alerts = await call<{ items: Array<{ id: string }> }>('/v1/alerts?kind=reverse_brushing', analyst);
  assert.ok(alerts.json.items.length >= 1);
  const cases = await call<{ items: CaseJson[] }>('/v1/cases?kind=reverse_brushing', analyst);
  const c = cases.json.items.find((x) => x.victim_shops.includes(victim))!;
  assert.ok(c, `a case names ${victim} as the victim`);
  assert.equal(c.status, 'open');
  assert.deepEqual(c.accused_shops, []);
  assert.ok(c.at_stake_fen > 0);
  const excluded = c.protections.find((p) => p.kind === 'orders_excluded' && p.shop === victim)!;
  assert.ok(excluded.orders!.length > 0, 'the flood orders are excluded from the victim\'s metrics');

  // The victim's merchant sees the case and its protection, not the attacking accounts.
  const merchant = await server.key('merchant', { shop: victim });
  const mine = await call<{ items: CaseJson[] }>('/v1/cases', merchant);
  const seen = mine.json.items.find((x) => x.id === c.id)!;
  assert.equal(seen.role, 'victim');
  assert.equal(seen.accounts, undefined);
  assert.deepEqual(seen.protections.map((p) => p.kind), ['orders_excluded']);

  // An analyst cannot sanction the victim for the attack's orders: refused whole, the case stays open.
  const refused = await call<{ error: { code: string; message: string } }>(`/v1/cases/${c.id}/resolve`, analyst, { outcome: 'confirmed', note: 'x',
    sanctions: [{ kind: 'account_restricted', subject: { type: 'account', id: c.accounts[0] }, reason: 'farm' },
      { kind: 'points', subject: { type: 'shop', id: victim }, points: 12, reason: 'fake sales' }] });
  assert.equal(refused.status, 400);
  assert.match(refused.json.error.message, /harmed by case/);
  assert.equal((await call<CaseJson>(`/v1/cases/${c.id}`, analyst)).json.status, 'open');
  assert.deepEqual((await call<{ sanctions: unknown[] }>(`/v1/accounts/${c.accounts[0]}/sanctions`, analyst)).json.sanctions, []);

  // Confirmed with the proposed sanctions: the attackers' accounts restricted, no shop touched.
  const resolved = await call<{ sanctions: SanctionJson[] }>(`/v1/cases/${c.id}/resolve`, analyst, { outcome: 'confirmed', note: 'one farm' });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.json));
  assert.ok(resolved.json.sanctions.every((s) => s.kind === 'account_restricted' && s.subject.type === 'account'));
  const restricted = new Set(resolved.json.sanctions.map((s) => s.subject.id));
  const attackers = incident.accounts.filter((a) => c.accounts.includes(a));
  assert.ok(attackers.length >= 0.9 * incident.accounts.length, `${attackers.length} of ${incident.accounts.length} attackers named`);
  assert.ok(attackers.every((a) => restricted.has(a)), 'every attacker the case names is restricted');
  assert.ok(resolved.json.sanctions.every((s) => s.restrictions?.includes('refund_only_disabled')));
  const one = await call<{ sanctions: SanctionJson[] }>(`/v1/accounts/${attackers[0]}/sanctions`, analyst);
  assert.equal(one.json.sanctions.length, 1);

  // The victim: no sanction, and its quality score leaves the flood's refunds out.
  const ledger = await call<{ sanctions: unknown[]; points: { points: number; level: string } }>(`/v1/shops/${victim}/sanctions`, merchant);
  assert.deepEqual(ledger.json.sanctions, []);
  assert.equal(ledger.json.points.level, 'none');
  const quality = await call<{ current: { score: number; components: Record<string, { value: number | null }> } }>(`/v1/shops/${victim}/quality`, merchant);
  const shop = server.engine.entities.shop(victim)!;
  assert.ok(quality.json.current.components.refunds!.value! < shop.refunds / shop.orders,
    `refund rate ${quality.json.current.components.refunds!.value} counts fewer refunds than the raw ${shop.refunds}/${shop.orders}`);
  assert.equal((await call(`/v1/cases/${c.id}`, merchant)).status, 200);

  // The victim's evidence package: keyed hashes, every file matching the manifest, no raw account id.
  const pkg = (await call<EvidencePackage>(`/v1/cases/${c.id}/evidence`, merchant)).json;
  assert.equal(pkg.manifest.personal_data, 'keyed_hashes');
  const byName = new Map(pkg.files.map((f) => [f.name, f.content]));
  assert.deepEqual(verifyPackage(pkg.manifest, (n) => byName.get(n)), []);
  assert.equal(sha256(byName.get('manifest.json')!), pkg.manifest_sha256);
  for (const f of pkg.files) for (const a of attackers.slice(0, 20)) assert.ok(!f.content.includes(`"${a}"`) && !f.content.includes(`,${a},`), `${f.name} shows ${a}`);
  const report = await server.request(`/v1/cases/${c.id}/evidence/report.html`, { key: merchant });
  assert.match(report.headers.get('content-type')!, /text\/html/);
  assert.match(await report.text(), /keyed hashes/);

  // The analyst's copy, written to a folder as `bulwark evidence` does: raw, and a changed byte shows.
  const out = join(dir, 'evidence');
  const written = await writeEvidence({ caseId: c.id, outDir: out, db: server.db, config: loadConfig({ overrides: { cases: { evidence: { hashSecret: SECRET } } } }) });
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  assert.equal(manifest.personal_data, 'raw');
  assert.equal(written.manifestSha256, sha256(readFileSync(join(out, 'manifest.json'))));
  const readOut = (n: string) => readFileSync(join(out, n));
  assert.deepEqual(verifyPackage(manifest, readOut), []);
  assert.ok(readFileSync(join(out, 'orders.csv'), 'utf8').includes(attackers[0]!), 'the analyst copy names the accounts');
  writeFileSync(join(out, 'orders.csv'), readFileSync(join(out, 'orders.csv'), 'utf8').replace(/,\d+,/, ',1,'));
  assert.deepEqual(verifyPackage(manifest, readOut), ['orders.csv']);
});
