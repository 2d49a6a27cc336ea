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
