// The SQLite policy store against the policy store contract.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyStoreContract } from '../policy-store.contract.js';
import { SqliteStore } from './sqlite-store.js';
import { SqlitePolicyStore } from './policy-store.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-policy-'));
let n = 0;

policyStoreContract('SqlitePolicyStore', async () => {
  const path = join(dir, `p${n++}.db`);
  await new SqliteStore(path).close();
  return new SqlitePolicyStore(path);
});
