// The PostgreSQL strategy store against the StrategyStore contract, each store in a fresh schema,
// and its versions refusing changes made with SQL.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { strategyStoreContract } from '../strategy-store.contract.js';
import { PostgresStore } from './postgres-store.js';
import { PostgresStrategyStore } from './strategy-store.js';
import { testDatabaseUrl } from './test-database.js';

const schemas: string[] = [];
after(async () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await pool.end();
});

function open(): { strategies: PostgresStrategyStore; store: PostgresStore; schema: string } {
  const schema = `bw_strategies_${process.pid}_${schemas.length}_${Date.now().toString(36)}`;
  schemas.push(schema);
  const store = new PostgresStore(`${testDatabaseUrl()}?schema=${schema}`);
  return { strategies: new PostgresStrategyStore(store), store, schema };
}

strategyStoreContract('PostgresStrategyStore', async () => {
  const { strategies, store } = open();
  return Object.assign(strategies, { close: () => store.close() });
});

test('PostgresStrategyStore: versions survive reopening and cannot be rewritten behind its back', async () => {
  const { strategies, store, schema } = open();
  await strategies.saveStrategyVersion({ tenant: 'default', shop_id: 's1', version: 1, strategies: {}, previous: null, changed_by: 'k', changed_at: '2026-11-02T10:00:00.000Z', position: 3 });
  await store.close();
  const again = new PostgresStore(`${testDatabaseUrl()}?schema=${schema}`);
  assert.equal((await new PostgresStrategyStore(again).currentStrategies('default', 's1'))!.position, 3);
  await again.close();
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  try {
    await assert.rejects(pool.query(`UPDATE ${schema}.strategy_versions SET changed_by = 'someone else'`), /append-only/);
    await assert.rejects(pool.query(`DELETE FROM ${schema}.strategy_versions`), /append-only/);
  } finally {
    await pool.end();
  }
});
