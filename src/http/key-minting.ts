// Making an API key: the checks on its role and scope, 256 random bits and the record that keeps
// only its hash. Shared by `bulwark keys create` and POST /v1/keys, so both refuse the same specs.
import { randomBytes } from 'node:crypto';
import { ROLES, type ApiKeyRecord, type Role } from '../store/index.js';
import { hashKey } from './auth.js';

/** Prefix of every key, so a leaked one is recognisable (and greppable by secret scanners). */
export const KEY_PREFIX = 'bwk_';

/** What a key is for: its role and, for some roles, its scope. */
export interface KeySpec {
  role: string;
  /** The shop a merchant key is scoped to; required for merchant keys, refused for others. */
  shop?: string;
  /** The account a consumer key is scoped to; required for consumer keys, refused for others. */
  account?: string;
  /** The tenant (event `source`) the key belongs to; defaults to "default". */
  source?: string;
}

/** A spec that cannot make a key; the message names the option to change. */
export class KeyOptionsError extends Error {
  readonly code = 'ERR_KEYS_OPTIONS';
}

/** How the caller names the spec's fields in messages: command-line flags or JSON fields. */
export type SpecNaming = 'flags' | 'fields';

/** Checks `spec` and makes a new key for it, created at `createdAt`; only the record is stored. */
export function mintKey(spec: KeySpec, createdAt: string, naming: SpecNaming = 'flags'): { key: string; record: ApiKeyRecord } {
  const name = (field: string) => (naming === 'flags' ? `--${field}` : field);
  const role = checkRole(spec.role, name('role'));
  if (role === 'merchant' && !spec.shop) {
    throw new KeyOptionsError(`a merchant key is scoped to one shop: pass ${name('shop')} ${naming === 'flags' ? 'SHOP_ID' : 'with the shop id'}`);
  }
  if (role !== 'merchant' && spec.shop !== undefined) {
    throw new KeyOptionsError(`${name('shop')} scopes merchant keys only, and this key's role is ${role}; leave ${name('shop')} out`);
  }
  if (role === 'consumer' && !spec.account) {
    throw new KeyOptionsError(`a consumer key is scoped to one account: pass ${name('account')} ${naming === 'flags' ? 'ACCOUNT_ID' : 'with the account id'}`);
  }
  if (role !== 'consumer' && spec.account !== undefined) {
    throw new KeyOptionsError(`${name('account')} scopes consumer keys only, and this key's role is ${role}; leave ${name('account')} out`);
  }
  if (spec.source !== undefined && spec.source.trim() === '') {
    throw new KeyOptionsError(`${name('source')} must name a tenant (the events' "source"), received an empty string`);
  }
  // 32 random bytes: 256 bits, beyond guessing; base64url keeps the key one shell-safe word.
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = { id: `key_${randomBytes(8).toString('hex')}`, hash: hashKey(key), role, source: spec.source ?? 'default', createdAt };
  if (spec.shop !== undefined) record.shop = spec.shop;
  if (spec.account !== undefined) record.account = spec.account;
  return { key, record };
}

function checkRole(role: string, flag: string): Role {
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new KeyOptionsError(`unknown role ${JSON.stringify(role)}; pass ${flag} with one of: ${ROLES.join(', ')}`);
}
