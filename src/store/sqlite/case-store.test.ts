import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { caseStoreContract } from '../../cases/case-store.contract.js';
import { SqliteStore } from './sqlite-store.js';

caseStoreContract('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'bulwark-cases-')), 'c.db'));
  return Object.assign(store.cases, { close: () => store.close() });
});

test('SQLite: the audit log cannot be edited or deleted, even with SQL', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bulwark-audit-')), 'a.db');
  const store = new SqliteStore(path);
  await store.cases.write({ audit: [{ source: 'default', at: 'x', actor: 'k', role: 'analyst', action: 'case.comment', target: { type: 'case', id: 'c' }, case_id: 'c', before: null, after: {} }] });
  await store.close();
  const db = new Database(path);
  assert.throws(() => db.prepare("UPDATE case_audit SET action = 'x'").run(), /append-only/);
  assert.throws(() => db.prepare('DELETE FROM case_audit').run(), /append-only/);
  db.close();
});
