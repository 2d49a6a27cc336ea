// `keys create`: makes an API key, stores only its SHA-256 and hands the key back once.
import { randomBytes } from 'node:crypto';
import { hashKey } from '../http/index.js';
import { ROLES, type ApiKeyRecord, type KeyStore, type Role } from '../store/index.js';
import { openStore } from './stores.js';

/** Prefix of every key, so a leaked one is recognisable (and greppable by secret scanners). */
export const KEY_PREFIX = 'bwk_';

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

/** Options that cannot make a key; the CLI shows the message as a usage error. */
export class KeyOptionsError extends Error {
  readonly code = 'ERR_KEYS_OPTIONS';
}

/** Creates a key with `role` and returns it; only its hash is stored. */
export async function createKey(opts: CreateKeyOptions): Promise<{ key: string; record: ApiKeyRecord }> {
  const role = checkRole(opts.role);
  if (role === 'merchant' && !opts.shop) {
    throw new KeyOptionsError('a merchant key is scoped to one shop: pass --shop SHOP_ID');
  }
  if (role !== 'merchant' && opts.shop !== undefined) {
    throw new KeyOptionsError(`--shop scopes merchant keys only, and this key's role is ${role}; leave --shop out`);
  }
  if (role === 'consumer' && !opts.account) {
    throw new KeyOptionsError('a consumer key is scoped to one account: pass --account ACCOUNT_ID');
  }
  if (role !== 'consumer' && opts.account !== undefined) {
    throw new KeyOptionsError(`--account scopes consumer keys only, and this key's role is ${role}; leave --account out`);
  }
  if (opts.source !== undefined && opts.source.trim() === '') {
    throw new KeyOptionsError('--source must name a tenant (the events\' "source"), received an empty string');
  }
  // 32 random bytes: 256 bits, beyond guessing; base64url keeps the key one shell-safe word.
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id: `key_${randomBytes(8).toString('hex')}`,
    hash: hashKey(key),
    role,
    source: opts.source ?? 'default',
    createdAt: new Date().toISOString(),
  };
  if (opts.shop !== undefined) record.shop = opts.shop;
  if (opts.account !== undefined) record.account = opts.account;
  if (opts.keys) {
    await opts.keys.createKey(record);
  } else {
    const store = openStore(opts.db);
    try {
      await store.createKey(record);
    } finally {
      await store.close();
    }
  }
  return { key, record };
}

function checkRole(role: string): Role {
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new KeyOptionsError(`unknown role ${JSON.stringify(role)}; pass --role with one of: ${ROLES.join(', ')}`);
}
