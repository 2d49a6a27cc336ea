// replay and backtest read block and allow lists as serve does: from a server's database (--db)
// and from a file (--lists), hashed with BULWARK_LIST_KEY, so that they reflect the lists in force.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decision } from '../../contract/index.js';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];
const KEY = 'a-list-key-for-the-replay-test-0123456789';
function bulwark(args: string[], env: Record<string, string> = { BULWARK_LIST_KEY: KEY }) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, BULWARK_LIST_KEY: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'bulwark-lists-replay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const events = join(dir, 'events.ndjson');
writeFileSync(events, ['dev-9', 'dev-1', 'dev-9', 'dev-5'].map((device, i) => JSON.stringify({
  id: `evt_${i}`, type: 'account.registered', time: `2026-11-02T10:0${i}:00.000Z`, data: { account_id: `u${i}`, role: 'buyer', device_id: device },
})).join('\n'));
const rules = join(dir, 'rules.yaml');
writeFileSync(rules, 'rules:\n  - id: blocked-device\n    when: event.type == "account.registered" && event.data.device_id in lists.blocked_devices\n    decision: deny\n');
const listsFile = join(dir, 'lists.yaml');
writeFileSync(listsFile, 'blocked_devices:\n  - dev-9\n  - {value: dev-5, expires: 2026-11-02T10:02:30Z, note: until the ring was caught}\n');

function replayDecisions(out: string, extra: string[]): string[] {
  const r = bulwark(['replay', events, '--out', join(dir, out), '--rules', rules, ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return readFileSync(join(dir, out, 'decisions.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Decision).decision);
}

test('replay --lists FILE: the rules read the file\'s entries, hashed with the key, each until its expiry', () => {
  assert.deepEqual(replayDecisions('plain', []), ['allow', 'allow', 'allow', 'allow']);
  // dev-5's entry expired (in event time) before its registration.
  assert.deepEqual(replayDecisions('file', ['--lists', listsFile]), ['deny', 'allow', 'deny', 'allow']);
});

test('replay --db and backtest --db read the lists stored in a server\'s database, then those of --lists', () => {
  const db = join(dir, 'server.db');
  assert.equal(bulwark(['lists', 'add', 'blocked_devices', 'dev-1', '--db', db]).code, 0);
  assert.deepEqual(replayDecisions('db', ['--db', db]), ['allow', 'deny', 'allow', 'allow']);

  const backtest = (out: string, extra: string[]) => {
    const r = bulwark(['backtest', '--events', events, '--rules', rules, '--out', join(dir, out), ...extra]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(readFileSync(join(dir, out, 'backtest.json'), 'utf8')) as { changes: Array<{ from: string; to: string; count: number }> };
    return report.changes.map((c) => `${c.from}>${c.to}:${c.count}`);
  };
  assert.deepEqual(backtest('bt-none', []), []);
  assert.deepEqual(backtest('bt-db', ['--db', db]), ['allow>deny:1']);
  assert.deepEqual(backtest('bt-both', ['--db', db, '--lists', listsFile]), ['allow>deny:3']);
});

test('a lists file that cannot be used is refused before anything runs, naming the entry', () => {
  const noKey = bulwark(['replay', events, '--out', join(dir, 'nokey'), '--rules', rules, '--lists', listsFile], {});
  assert.equal(noKey.code, 1);
  assert.match(noKey.stderr, /blocked_devices\[0\].*BULWARK_LIST_KEY/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'blocked_ips: [300.1.2.3]\n');
  const refused = bulwark(['backtest', '--events', events, '--rules', rules, '--out', join(dir, 'bad'), '--lists', bad]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /ERR_LISTS_FILE.*blocked_ips\[0\].*not an IP address/);
  const missing = bulwark(['backtest', '--events', events, '--rules', rules, '--out', join(dir, 'missing'), '--db', join(dir, 'nope.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.db does not exist/);
});
