import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];
const KEY = 'a-cli-test-list-key-that-is-long-enough-42';
function bulwark(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, BULWARK_LIST_KEY: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('bulwark lists add, show and remove: personal data stored as keyed hashes, accounts and ranges as they are', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'bulwark-lists-cli-')), 'b.db');
  const noKey = bulwark(['lists', 'add', 'blocked_phones', '+86 138 1234 5678', '--db', db]);
  assert.equal(noKey.code, 1);
  assert.match(noKey.stderr, /ERR_LISTS_NO_KEY: blocked_phones keeps only keyed hashes, and there is no key: set BULWARK_LIST_KEY/);

  const phone = bulwark(['lists', 'add', 'blocked_phones', '+86 138 1234 5678', '--note', 'ring', '--db', db], { BULWARK_LIST_KEY: KEY });
  assert.equal(phone.code, 0, phone.stderr);
  const stored = JSON.parse(phone.stdout);
  assert.equal(stored.hashed, true);
  assert.ok(!phone.stdout.includes('13812345678'));
  assert.equal(bulwark(['lists', 'add', 'allowed_accounts', 'u_vip', '--expires', '2026-12-01T00:00:00.000Z', '--db', db]).code, 0);
  const shown = bulwark(['lists', 'show', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(shown.map((e) => [e.list, e.hashed]), [['allowed_accounts', false], ['blocked_phones', true]]);
  assert.equal(shown[0].value, 'u_vip');

  // Removed by its raw value, written another way: the same number once normalised.
  assert.equal(bulwark(['lists', 'remove', 'blocked_phones', '13812345678', '--db', db], { BULWARK_LIST_KEY: KEY }).code, 0);
  assert.equal(bulwark(['lists', 'show', 'blocked_phones', '--db', db]).stdout, '');
  const missing = bulwark(['lists', 'remove', 'blocked_phones', '13812345678', '--db', db], { BULWARK_LIST_KEY: KEY });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no entry "13812345678" in blocked_phones/);
  assert.match(bulwark(['lists', 'add', 'blocked_ips', '10.0.0.0/33', '--db', db]).stderr, /not an IP address or CIDR range/);
});
