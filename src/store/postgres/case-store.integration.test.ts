// The PostgreSQL case store against the CaseStore contract, each store in a fresh schema, and its
// audit log refusing changes made with SQL.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { caseStoreContract } from '../../cases/case-store.contract.js';
import { PostgresStore } from './postgres-store.js';
import { PostgresCaseStore } from './case-store.js';
import { testDatabaseUrl } from './test-database.js';

const schemas: string[] = [];
after(async () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await pool.end();
});

function open(): { store: PostgresStore; schema: string } {
  const schema = `bw_cases_${process.pid}_${schemas.length}_${Date.now().toString(36)}`;
  schemas.push(schema);
  return { store: new PostgresStore(`${testDatabaseUrl()}?schema=${schema}`), schema };
}

caseStoreContract('PostgresCaseStore', async () => {
  const { store } = open();
  return Object.assign(new PostgresCaseStore(store), { close: () => store.close() });
});

test('PostgresCaseStore: the audit log cannot be edited or deleted, even with SQL', async () => {
  const { store, schema } = open();
  const cases = new PostgresCaseStore(store);
  await cases.write({ audit: [{ source: 'default', at: 'x', actor: 'k', role: 'analyst', action: 'case.comment', target: { type: 'case', id: 'c' }, case_id: 'c', before: null, after: {} }] });
  await store.close();
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  try {
    await assert.rejects(pool.query(`UPDATE ${schema}.case_audit SET action = 'x'`), /append-only/);
    await assert.rejects(pool.query(`DELETE FROM ${schema}.case_audit`), /append-only/);
  } finally {
    await pool.end();
  }
});
