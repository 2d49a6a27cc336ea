import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { syntheticNdjson } from '../../test/support/synthetic.js';

const CLI = ['--import', 'tsx', new URL('../cli/main.ts', import.meta.url).pathname];
const dir = mkdtempSync(join(tmpdir(), 'bulwark-replay-'));
const input = join(dir, 'events.ndjson');
writeFileSync(input, syntheticNdjson(60_000));

function bulwark(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { input: stdin, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const OUTPUTS = ['decisions.ndjson', 'alerts.ndjson', 'warnings.ndjson', 'rejected.ndjson'];

test('replaying the same file twice gives byte-identical decisions and alerts', () => {
  const a = join(dir, 'a'); const b = join(dir, 'b');
  const first = bulwark(['replay', input, '--out', a]);
  assert.equal(first.code, 0);
  assert.ok(!first.stderr.includes('\r'), 'no progress bar when standard error is not a terminal');
  assert.match(first.stderr, /^replayed \d+ lines: .* events\/s; outputs in /);
  assert.equal(bulwark(['replay', input, '--out', b]).code, 0);
  for (const f of OUTPUTS) assert.equal(read(a, f), read(b, f), f);
  const alerts = read(a, 'alerts.ndjson').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0].kind, 'price_error');
  assert.deepEqual(alerts[0].subjects.items, ['i_7']);
  const summary = JSON.parse(read(a, 'summary.json'));
  assert.equal(summary.events.accepted, 60_000);
  assert.ok(summary.throughput.events_per_sec > 0);
  assert.equal(summary.decisions.review, 3);
  // The price error warns its shop: the paused listing, the two orders held at the wrong price, the alert.
  const warnings = read(a, 'warnings.ndjson').trim().split('\n').map((l) => JSON.parse(l));
  // By shop, time, id: the alert was first seen with the typo, and its id sorts before the typo's event id.
  assert.deepEqual(warnings.map((w) => [w.shop_id, w.kind, w.id]), [
    ['s_7', 'price_error', alerts[0].id], ['s_7', 'listing_paused', 'typo_2000'], ['s_7', 'order_held', 'o_2007'], ['s_7', 'order_held', 'o_2057'],
  ]);
  assert.equal(warnings.find((w) => w.kind === 'price_error').order_count, 2);
  assert.deepEqual(summary.warnings, { total: 4, by_kind: { listing_paused: 1, order_held: 2, price_error: 1 } });
});

test('bad lines go to rejected.ndjson with their line number and reason, and never lose their neighbours', () => {
  const good = (id: string) => JSON.stringify({ id, type: 'order.paid', time: '2026-11-02T10:00:00.000Z', data: { order_id: 'o' } });
  const lines = [
    good('g1'), 'not json', '\u00ff'.repeat(0) + good('g2'), good('g1'),
    JSON.stringify({ id: 'x1', type: 'order.teleported', time: '2026-11-02T10:00:00.000Z', data: {} }),
    JSON.stringify({ id: 'x2', type: 'refund.requested', time: '2026-11-02T10:00:00.000Z', data: { refund_id: 'r', order_id: 'o', buyer_id: 'b', kind: 'refund_only', amount: -100 } }),
    JSON.stringify({ id: 'x3', type: 'order.paid', time: 'yesterday', data: { order_id: 'o' } }),
    JSON.stringify({ id: 'x4', type: 'order.paid', time: '2026-11-02T10:00:00.000Z', data: {} }),
    JSON.stringify({ id: 'x5', type: 'order.paid', time: '2026-11-02T10:00:00.000Z', data: { order_id: 'o', pad: 'x'.repeat(1_100_000) } }),
    good('g3'),
  ];
  const bytes = Buffer.concat([Buffer.from(lines.slice(0, 2).join('\n') + '\n'), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from(lines.slice(2).join('\n') + '\n')]);
  const out = join(dir, 'bad');
  const r = spawnSync(process.execPath, [...CLI, 'replay', '-', '--out', out], { input: bytes, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rejected = read(out, 'rejected.ndjson').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rejected.map((x) => [x.line, x.code, x.path]), [
    [2, 'ERR_EVENT_NOT_JSON', ''], [3, 'ERR_EVENT_NOT_UTF8', ''], [5, 'ERR_EVENT_DUPLICATE_ID', 'id'],
    [6, 'ERR_EVENT_UNKNOWN_TYPE', 'type'], [7, 'ERR_EVENT_INVALID_FIELD', 'data.amount'], [8, 'ERR_EVENT_BAD_TIME', 'time'],
    [9, 'ERR_EVENT_MISSING_FIELD', 'data.order_id'], [10, 'ERR_EVENT_TOO_LARGE', ''],
  ]);
  const summary = JSON.parse(read(out, 'summary.json'));
  assert.equal(summary.events.accepted, 3);
  assert.equal(summary.rejected.total, 8);
});

test('a missing input file is a usage error (exit 2) that names the file', () => {
  const r = bulwark(['replay', join(dir, 'nope.ndjson'), '--out', join(dir, 'x')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.ndjson does not exist/);
});

test('replaying the same file again into the same db applies nothing twice and writes the same outputs', () => {
  const db = join(dir, 'again.db');
  const a = join(dir, 'again1'); const b = join(dir, 'again2');
  assert.equal(bulwark(['replay', input, '--out', a, '--db', db]).code, 0);
  assert.equal(bulwark(['replay', input, '--out', b, '--db', db]).code, 0);
  for (const f of OUTPUTS) assert.equal(read(a, f), read(b, f), f);
  assert.equal(read(a, 'warnings.ndjson'), read(join(dir, 'a'), 'warnings.ndjson'), 'warnings read back from the store are those kept in memory');
  const s = JSON.parse(read(b, 'summary.json'));
  assert.equal(s.events.accepted, 0);
  assert.equal(s.events.already_applied, 60_000);
  const raw = new Database(db, { readonly: true });
  assert.equal((raw.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n, 60_000);
  raw.close();
});

test('killed with SIGKILL in the middle of a replay into a db, a second run ends with the outputs of one clean run', async () => {
  const big = join(dir, 'big.ndjson');
  writeFileSync(big, syntheticNdjson(300_000));
  const clean = join(dir, 'clean');
  assert.equal(bulwark(['replay', big, '--out', clean, '--db', join(dir, 'clean.db')]).code, 0);

  const db = join(dir, 'crash.db');
  const child = spawn(process.execPath, [...CLI, 'replay', big, '--out', join(dir, 'crashed'), '--db', db], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let committed = 0;
  for (let i = 0; i < 600 && committed < 20_000; i++) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      const raw = new Database(db, { readonly: true, fileMustExist: true });
      committed = (raw.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      raw.close();
    } catch { /* not created or not migrated yet */ }
  }
  child.kill('SIGKILL');
  await exited;
  assert.ok(committed >= 20_000 && committed < 300_000, `killed after ${committed} committed events, in the middle`);

  const resumed = join(dir, 'resumed');
  const r = bulwark(['replay', big, '--out', resumed, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  for (const f of OUTPUTS) assert.equal(read(resumed, f), read(clean, f), f);
  const s = JSON.parse(read(resumed, 'summary.json'));
  assert.ok(s.events.already_applied >= 20_000);
  const cleanSummary = JSON.parse(read(clean, 'summary.json'));
  assert.equal(s.events.accepted + s.events.already_applied, cleanSummary.events.accepted);
});
