// API keys: only a hash of each key is stored; the key itself is shown once when created.
import type { Page } from '../core/index.js';

export const ROLES = ['ingest', 'analyst', 'merchant', 'consumer', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyRecord {
  id: string;
  /** SHA-256 of the key, hex. */
  hash: string;
  role: Role;
  /** The shop a merchant key is scoped to. */
  shop?: string;
  /** The account a consumer key is scoped to. */
  account?: string;
  /** The tenant (event `source`) the key belongs to. */
  source: string;
  createdAt: string;
  /** When the key was revoked (wall clock, RFC 3339); a revoked key authenticates no request. */
  revokedAt?: string;
}

/** The api_keys table's columns, the same in every store, and a row of them. */
export const KEY_COLUMNS = 'id, hash, role, shop, account, source, created_at, revoked_at';

export interface KeyRow {
  id: string; hash: string; role: string; shop: string | null; account: string | null; source: string; created_at: string; revoked_at: string | null;
}

/** A stored row as a key record (absent columns left out). */
export function keyFromRow(row: KeyRow): ApiKeyRecord {
  const rec: ApiKeyRecord = { id: row.id, hash: row.hash, role: row.role as Role, source: row.source, createdAt: row.created_at };
  if (row.shop !== null) rec.shop = row.shop;
  if (row.account !== null) rec.account = row.account;
  if (row.revoked_at !== null) rec.revokedAt = row.revoked_at;
  return rec;
}

/** A page of one tenant's keys, newest first. */
export interface KeyQuery {
  source: string;
  limit: number;
  cursor?: string;
}

/** Storage of API keys by hash. */
export interface KeyStore {
  createKey(k: ApiKeyRecord): Promise<void>;
  /** The key with this hash, revoked or not: the caller refuses a revoked one. */
  findKey(hash: string): Promise<ApiKeyRecord | undefined>;
  /** A tenant's keys, newest first (by creation time, then id), revoked ones included. */
  listKeys(q: KeyQuery): Promise<Page<ApiKeyRecord>>;
  /**
   * Revokes the key `id` of tenant `source` at `at` and returns it; a key already revoked keeps
   * its first revocation time. Undefined when the tenant has no such key.
   */
  revokeKey(id: string, source: string, at: string): Promise<ApiKeyRecord | undefined>;
}
