import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_CACHE_MS } from '../../http/index.js';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];

function bulwark(args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `bulwark serve` on `db` and a free port, as an operator runs it. */
async function serve(db: string): Promise<{ get(path: string, key: string): Promise<Response>; close(): Promise<void> }> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  return {
    get: (path, key) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } }),
    async close() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

test('bulwark keys list shows what each key of a tenant is, never its secret, and keys revoke makes a serving key get 401', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-keys-cli-'));
  const db = join(dir, 'b.db');
  try {
    const analyst = bulwark(['keys', 'create', '--role', 'analyst', '--db', db]);
    assert.equal(analyst.code, 0, analyst.stderr);
    const key = analyst.stdout.trim();
    assert.equal(bulwark(['keys', 'create', '--role', 'merchant', '--shop', 's_1', '--db', db]).code, 0);
    assert.equal(bulwark(['keys', 'create', '--role', 'admin', '--source', 'other', '--db', db]).code, 0);

    const listed = bulwark(['keys', 'list', '--db', db]);
    assert.equal(listed.code, 0, listed.stderr);
    const rows = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    assert.deepEqual(rows.map((r) => r.role), ['merchant', 'analyst'], 'the default tenant only, newest first');
    assert.equal(rows[0]!.shop, 's_1');
    assert.ok(!listed.stdout.includes(key.slice(4)) && !listed.stdout.includes('hash'), 'no secret and no hash');
    assert.match(listed.stderr, /2 keys of source default/);
    assert.equal(bulwark(['keys', 'list', '--source', 'other', '--db', db]).stdout.trim().split('\n').length, 1);

    const analystId = rows[1]!.id!;
    const server = await serve(db);
    try {
      assert.equal((await server.get('/v1/alerts', key)).status, 200);
      const revoked = bulwark(['keys', 'revoke', analystId, '--db', db]);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.match(revoked.stderr, new RegExp(`key ${analystId} \\(analyst\\) of source default revoked at \\d{4}-`));
      // The server trusts a key it found for KEY_CACHE_MS; revoked by another process, the key
      // is refused once that has passed.
      const deadline = Date.now() + KEY_CACHE_MS + 2_000;
      let status = (await server.get('/v1/alerts', key)).status;
      while (status === 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await server.get('/v1/alerts', key)).status;
      }
      assert.equal(status, 401, `the running server refuses the key within ${KEY_CACHE_MS} ms`);
    } finally {
      await server.close();
    }
    const after = bulwark(['keys', 'list', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    assert.match(after.find((r) => r.id === analystId)!.revoked_at!, /^\d{4}-/);

    const unknown = bulwark(['keys', 'revoke', 'key_nope', '--db', db]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /tenant "default" has no key "key_nope".*bulwark keys list/);
    const elsewhere = bulwark(['keys', 'revoke', analystId, '--source', 'other', '--db', db]);
    assert.equal(elsewhere.code, 1, "another tenant's key is not found");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
