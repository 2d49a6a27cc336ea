import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];
const dir = mkdtempSync(join(tmpdir(), 'bulwark-serve-'));
const db = join(dir, 'bulwark.db');

function bulwark(args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Resolves with the URL `bulwark serve` prints to stderr once it listens. */
function listeningUrl(child: ChildProcess, stderr: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL in 20 s: ${stderr.join('')}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr.push(chunk.toString());
      const m = /listening on (http:\/\/\S+)/.exec(stderr.join(''));
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}: ${stderr.join('')}`)); });
  });
}

test('keys create prints the key alone on stdout and refuses bad options with exit 2', () => {
  const ok = bulwark(['keys', 'create', '--role', 'analyst', '--db', db]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^bwk_[A-Za-z0-9_-]{43}\n$/);
  const unknown = bulwark(['keys', 'create', '--role', 'root', '--db', db]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown role "root".*ingest, analyst, merchant, consumer, partner, admin/);
  const merchant = bulwark(['keys', 'create', '--role', 'merchant', '--db', db]);
  assert.equal(merchant.code, 2);
  assert.match(merchant.stderr, /--shop/);
  assert.equal(unknown.stdout + merchant.stdout, '');
});

test('serve answers on the port it prints, takes an event with a key from keys create, and exits 0 on SIGTERM', async () => {
  const key = bulwark(['keys', 'create', '--role', 'ingest', '--source', 'shop-a', '--db', db]).stdout.trim();
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await listeningUrl(child, stderr);
    const res = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'cli_1', type: 'order.paid', time: '2026-11-02T10:00:00.000Z', data: { order_id: 'o_1' } }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { results: [{ line: 1, event_id: 'cli_1', status: 'accepted' }] });
    assert.equal((await fetch(`${url}/v1/events`, { method: 'POST', body: '{}' })).status, 401);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, stderr.join(''));
  assert.match(stderr.join(''), /"msg":"request completed"/);
  assert.ok(!stderr.join('').includes(key), 'the key reached the log');
  const sqlite = new Database(db, { readonly: true });
  const row = sqlite.prepare("SELECT source FROM events WHERE id = 'cli_1'").get() as { source: string } | undefined;
  sqlite.close();
  assert.equal(row?.source, 'shop-a');
});

test('serve refuses a port that is not a number with exit 2', () => {
  const r = bulwark(['serve', '--port', 'http', '--db', db]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--port must be a whole number/);
});
