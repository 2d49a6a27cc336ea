import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from '../store.contract.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-sqlite-'));
let n = 0;

storeContract('SqliteStore (file)', async () => new SqliteStore(join(dir, `s${++n}.db`)));
storeContract('SqliteStore (:memory:)', async () => new SqliteStore(':memory:'));

test('SqliteStore opens in WAL mode and keeps its data across reopening', async () => {
  const path = join(dir, 'reopen.db');
  const s = new SqliteStore(path);
  await s.commit({ events: [], decisions: [], alerts: [], snapshot: [['k:1', { v: 1 }]] });
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
  assert.throws(() => new SqliteStore(path), /schema version 99, newer than this Bulwark knows \(1\)/);
});

test('SqliteStore names the path and the fix when the file cannot be opened', () => {
  const notDir = join(dir, 'plain-file');
  writeFileSync(notDir, 'x');
  assert.throws(() => new SqliteStore(join(notDir, 'x.db')), /cannot open SQLite database .*check that its folder exists/);
});
