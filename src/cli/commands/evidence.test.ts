// `bulwark evidence CASE_ID --out DIR` as an operator runs it: the built CLI (bin/bulwark.js runs
// dist/, which `npm run build` writes and `npm ci` runs) on a SQLite file holding a confirmed case;
// every file it writes matches the SHA-256 its manifest lists, and stdout quotes the manifest's own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { BulwarkEvent } from '../../contract/index.js';
import { Engine, openCaseDesk, openStore, replay } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { ev } from '../../../test/support/events.js';

const BIN = new URL('../../../bin/bulwark.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bulwark-evidence-cli-'));
const db = join(dir, 'bulwark.db');
let caseId: string;
/** The key of the keyed hashes (`--hashed`), in the configuration file as an operator keeps it. */
const configFile = join(dir, 'config.json');
writeFileSync(configFile, JSON.stringify({ cases: { evidence: { hashSecret: 'evidence-cli-test-secret' } } }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
function bulwark(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A coupon farm: 20 new accounts on 5 devices from one cloud range, each spending the new-user coupon on a cheap order to one drop door. */
function farm(): BulwarkEvent[] {
  const drop = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号翠苑3栋2单元501室', recipient: '李' };
  const out: BulwarkEvent[] = [];
  for (let i = 0; i < 20; i++) {
    const a = `f${i}`;
    const s = { device_id: `d_rack${i % 5}`, ip: `47.100.12.${10 + i}` };
    out.push(ev('account.registered', 600 + i, { account_id: a, role: 'buyer', phone: `1705550${1000 + i}`, ...s }, `reg_${a}`));
    out.push(ev('coupon.claimed', 601.5 + i, { claim_id: `cc_${a}`, coupon_id: 'newuser-15', campaign_id: 'newuser', account_id: a, value: 1500, ...s }, `cc_${a}`));
    out.push(ev('order.placed', 630 + i, { order_id: `o_${a}`, buyer_id: a, shop_id: 's_socks', lines: [{ item_id: 'i_socks', qty: 1, unit_price: 1990 }],
      amount: 490, discount: 1500, coupon_id: 'newuser-15', payment_id: `p_farm${i % 3}`, address: drop, ...s }, `o_${a}`));
  }
  return out.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
}

before(async () => {
  assert.ok(existsSync(new URL('../../../dist/cli/main.js', import.meta.url)), 'the CLI is built: run `npm run build` first');
  const config = loadConfig();
  // The store as `replay --db` leaves it, then an analyst confirms the farm's case as the desk does over HTTP.
  const store = openStore(db);
  await replay({ input: Readable.from(farm().map((e) => `${JSON.stringify(e)}\n`)), outDir: join(dir, 'run'), config, store });
  const engine = await Engine.open(config, store);
  assert.ok('cases' in store, 'a SQLite store keeps cases');
  const handle = await openCaseDesk({ config, engine, store });
  const analyst = { keyId: 'key_analyst', role: 'analyst', source: 'default' };
  const [farmCase] = (await handle.desk.listCases(analyst, { kind: 'promo_abuse', order: 'queue', limit: 10 })).items;
  assert.ok(farmCase, 'the farm opened a promo_abuse case');
  caseId = farmCase.id;
  const r = await handle.desk.resolve(analyst, caseId, { outcome: 'confirmed', note: 'coupon farm on five racks' });
  assert.equal(r.case.status, 'confirmed');
  await handle.close();
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the built CLI writes a confirmed case\'s package whose files match the SHA-256s of its manifest, raw and with keyed hashes', () => {
  for (const hashed of [false, true]) {
    const out = join(dir, hashed ? 'hashed' : 'raw');
    const r = bulwark(['evidence', caseId, '--out', out, '--db', db, ...(hashed ? ['--hashed', '--config', configFile] : [])]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`wrote \\d+ files of case ${caseId} to `));
    const printed = JSON.parse(r.stdout) as { out: string; manifest_sha256: string; files: Array<{ name: string; bytes: number; sha256: string }> };
    const manifestBytes = readFileSync(join(out, 'manifest.json'));
    assert.equal(sha256(manifestBytes), printed.manifest_sha256, 'stdout quotes the SHA-256 of manifest.json as written');
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as { case_id: string; personal_data: string; files: typeof printed.files };
    assert.equal(manifest.case_id, caseId);
    assert.equal(manifest.personal_data, hashed ? 'keyed_hashes' : 'raw');
    assert.deepEqual(printed.files, manifest.files);
    assert.ok(manifest.files.length >= 4, `files: ${manifest.files.map((f) => f.name).join(', ')}`);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.name));
      assert.equal(bytes.length, f.bytes, `${f.name} bytes`);
      assert.equal(sha256(bytes), f.sha256, `${f.name} matches its manifest entry`);
    }
    const everything = manifest.files.map((f) => readFileSync(join(out, f.name), 'utf8')).join('\n');
    assert.equal(everything.includes('"f0"') || everything.includes(',f0,'), !hashed, hashed ? 'no raw account id in the hashed copy' : 'the analyst copy names the accounts');
  }
  const unkeyed = bulwark(['evidence', caseId, '--out', join(dir, 'unkeyed'), '--db', db, '--hashed']);
  assert.equal(unkeyed.code, 1, 'keyed hashes need a key');
  assert.match(unkeyed.stderr, /ERR_CASES_NO_HASH_SECRET.*set cases\.evidence\.hashSecret/);
  // A file changed after the fact no longer matches its manifest entry.
  const out = join(dir, 'raw');
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ name: string; sha256: string }> };
  const victim = manifest.files[0]!;
  writeFileSync(join(out, victim.name), `${readFileSync(join(out, victim.name), 'utf8')} `);
  assert.notEqual(sha256(readFileSync(join(out, victim.name))), victim.sha256);
});

test('the built CLI refuses a case that is not in the database with exit code 1 and says where case ids come from', () => {
  const r = bulwark(['evidence', 'case_nope', '--out', join(dir, 'nope'), '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no case "case_nope" in .*GET \/v1\/cases/);
});
