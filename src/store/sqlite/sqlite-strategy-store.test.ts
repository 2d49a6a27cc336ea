import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strategyStoreContract } from '../strategy-store.contract.js';
import { SqliteStore } from './sqlite-store.js';
import { SqliteStrategyStore } from './sqlite-strategy-store.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-strategies-'));
let n = 0;

/** A strategy store beside the event store on one file, as serve opens them. */
async function open(): Promise<SqliteStrategyStore> {
  const path = join(dir, `s${++n}.db`);
  await new SqliteStore(path).close();
  return new SqliteStrategyStore(path);
}

strategyStoreContract('SqliteStrategyStore', open);

test('SqliteStrategyStore: versions survive reopening and cannot be rewritten behind its back', async () => {
  const s = await open();
  await s.saveStrategyVersion({ tenant: 'default', shop_id: 's1', version: 1, strategies: {}, previous: null, changed_by: 'k', changed_at: '2026-11-02T10:00:00.000Z', position: 3 });
  await s.close();
  const again = new SqliteStrategyStore(s.path);
  assert.equal((await again.currentStrategies('default', 's1'))!.position, 3);
  await again.close();
  const raw = new Database(s.path);
  assert.throws(() => raw.prepare("UPDATE strategy_versions SET changed_by = 'someone else'").run(), /append-only/);
  assert.throws(() => raw.prepare('DELETE FROM strategy_versions').run(), /append-only/);
  raw.close();
});

test('SqliteStrategyStore: an in-memory database is refused with what to pass instead', () => {
  assert.throws(() => new SqliteStrategyStore(':memory:'), { code: 'ERR_STORE_STRATEGIES_MEMORY', message: /need a SQLite file \(--db PATH\)/ });
});
