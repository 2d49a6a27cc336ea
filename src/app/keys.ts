// `keys create`, `keys list` and `keys revoke` over the store a server uses. A key is made by the
// HTTP layer's mintKey (the same checks as POST /v1/keys); only its SHA-256 is stored and the key
// is handed back once.
import { KEY_PREFIX, KeyOptionsError, mintKey } from '../http/index.js';
import type { ApiKeyRecord, KeyStore } from '../store/index.js';
import { openStore } from './stores.js';

export { KEY_PREFIX, KeyOptionsError };

/** No key of that id in the tenant: a failure (exit 1), not a usage error. */
export class KeyNotFoundError extends Error {
  readonly code = 'ERR_KEYS_NOT_FOUND';
}

export interface CreateKeyOptions {
  role: string;
  /** The shop a merchant key is scoped to; required for merchant keys, refused for others. */
  shop?: string;
  /** The account a consumer key is scoped to; required for consumer keys, refused for others. */
  account?: string;
  /** The tenant (event `source`) the key belongs to; defaults to "default". */
  source?: string;
  /** SQLite file the key is stored in. */
  db: string;
  /** Where to store the key instead of opening `db` (tests). */
  keys?: KeyStore;
}

/** Creates a key with `role` and returns it; only its hash is stored. */
export async function createKey(opts: CreateKeyOptions): Promise<{ key: string; record: ApiKeyRecord }> {
  const made = mintKey(opts, new Date().toISOString());
  await withKeys(opts, (keys) => keys.createKey(made.record));
  return made;
}

/** Every key of a tenant, newest first, revoked ones included (hashes and all; callers print no hash). */
export async function listKeys(opts: { db: string; source: string; keys?: KeyStore }): Promise<ApiKeyRecord[]> {
  return withKeys(opts, async (keys) => {
    const all: ApiKeyRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await keys.listKeys({ source: opts.source, limit: 500, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return all;
  });
}

/** Revokes the tenant's key `id` now; it authenticates no further request. */
export async function revokeKey(opts: { db: string; source: string; id: string; keys?: KeyStore }): Promise<ApiKeyRecord> {
  const record = await withKeys(opts, (keys) => keys.revokeKey(opts.id, opts.source, new Date().toISOString()));
  if (!record) {
    throw new KeyNotFoundError(`tenant ${JSON.stringify(opts.source)} has no key ${JSON.stringify(opts.id)} in ${opts.db}; ` +
      'list the ids with `bulwark keys list` (and pass --source for another tenant)');
  }
  return record;
}

async function withKeys<T>(opts: { db: string; keys?: KeyStore }, f: (keys: KeyStore) => Promise<T>): Promise<T> {
  if (opts.keys) return f(opts.keys);
  const store = openStore(opts.db);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}
