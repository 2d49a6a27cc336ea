import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../test/support/http.js';

let dir: string;
let built: TestServer;
let unbuilt: TestServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not served');
  built = await startServer({ consoleDir: dir });
  unbuilt = await startServer({ consoleDir: join(dir, 'missing') });
});
after(async () => {
  await built.close();
  await unbuilt.close();
  rmSync(dir, { recursive: true, force: true });
});

test('serves the console page at / without a key, with a content security policy, and its hashed assets for good', async () => {
  const page = await built.request('/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.equal(await page.text(), '<!doctype html><title>console</title>');
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'.*connect-src 'self'/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const asset = await built.request('/assets/app-1a2b.js');
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
});

test('serves nothing else of the folder, and the API keeps its keys', async () => {
  assert.equal((await built.request('/secret.txt')).status, 404);
  assert.equal((await built.request('/assets/../secret.txt')).status, 404);
  assert.equal((await built.request('/assets/nope.js')).status, 404);
  assert.equal((await built.request('/v1/alerts')).status, 401);
});

test('says how to build the console when it is not built', async () => {
  const res = await unbuilt.request('/');
  assert.equal(res.status, 404);
  assert.match(((await res.json()) as { error: { message: string } }).error.message, /console is not built .*run npm run build/);
});
