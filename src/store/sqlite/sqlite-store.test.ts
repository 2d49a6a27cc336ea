import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from '../store.contract.js';
import { SqliteStore } from './sqlite-store.js';
import { migrations } from './migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-sqlite-'));
let n = 0;

storeContract('SqliteStore (file)', async () => new SqliteStore(join(dir, `s${++n}.db`)));
storeContract('SqliteStore (:memory:)', async () => new SqliteStore(':memory:'));

test('SqliteStore opens in WAL mode and keeps its data across reopening', async () => {
  const path = join(dir, 'reopen.db');
  const s = new SqliteStore(path);
  await s.commit({ events: [], decisions: [], alerts: [], warnings: [], snapshot: [['k:1', { v: 1 }]] });
  await s.close();
  const again = new SqliteStore(path);
  const got: unknown[] = [];
  await again.loadState((_k, v) => got.push(v));
  assert.deepEqual(got, [{ v: 1 }]);
  await again.close();
  const raw = new Database(path);
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.close();
});

test('SqliteStore refuses a database from a newer Bulwark, naming both versions', () => {
  const path = join(dir, 'newer.db');
  const raw = new Database(path);
  raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY); INSERT INTO schema_migrations VALUES (99)');
  raw.close();
  assert.throws(() => new SqliteStore(path), new RegExp(`schema version 99, newer than this Bulwark knows \\(${migrations.length}\\)`));
});

test('SqliteStore names the path and the fix when the file cannot be opened', () => {
  const notDir = join(dir, 'plain-file');
  writeFileSync(notDir, 'x');
  assert.throws(() => new SqliteStore(join(notDir, 'x.db')), /cannot open SQLite database .*check that its folder exists/);
});

test('SqliteStore migrates a database of the first release in place: its alerts stay and warnings can be stored', async () => {
  const path = join(dir, 'v1.db');
  const raw = new Database(path);
  raw.exec(migrations[0]!);
  raw.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY); INSERT INTO schema_migrations VALUES (1);");
  raw.prepare('INSERT INTO alerts (id, kind, time, updated, severity, body) VALUES (?, ?, ?, ?, ?, ?)')
    .run('a1', 'price_error', '2026-11-02T00:00:00.000Z', '2026-11-02T00:00:00.000Z', 'high', JSON.stringify({ id: 'a1' }));
  raw.close();
  const s = new SqliteStore(path);
  assert.deepEqual(await s.getAlert('a1'), { id: 'a1' });
  const w = { id: 'e1', shop_id: 's1', time: '2026-11-02T00:01:00.000Z', updated: '2026-11-02T00:01:00.000Z', source: 'decision',
    kind: 'order_flagged', event_type: 'order.placed', decision: 'challenge', actions: [], reasons: [] } as const;
  await s.commit({ events: [], decisions: [], alerts: [], warnings: [{ ...w, actions: [], reasons: [] }] });
  assert.deepEqual((await s.listWarnings('s1', { limit: 5 })).items, [w]);
  await s.close();
  const check = new Database(path, { readonly: true });
  assert.equal((check.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v, migrations.length);
  check.close();
});
