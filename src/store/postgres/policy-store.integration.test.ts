// The PostgreSQL policy store against the policy store contract, each store in a fresh schema.
import { after } from 'node:test';
import pg from 'pg';
import { policyStoreContract } from '../policy-store.contract.js';
import { PostgresStore } from './postgres-store.js';
import { PostgresPolicyStore } from './policy-store.js';
import { testDatabaseUrl } from './test-database.js';

const schemas: string[] = [];
after(async () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await pool.end();
});

policyStoreContract('PostgresPolicyStore', async () => {
  const schema = `bw_policy_${process.pid}_${schemas.length}_${Date.now().toString(36)}`;
  schemas.push(schema);
  const store = new PostgresStore(`${testDatabaseUrl()}?schema=${schema}`);
  const policy = new PostgresPolicyStore(store);
  return Object.assign(policy, { close: () => store.close() });
});
