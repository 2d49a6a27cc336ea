// API keys: only a hash of each key is stored; the key itself is shown once when created.

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
}

/** Storage of API keys by hash. */
export interface KeyStore {
  createKey(k: ApiKeyRecord): Promise<void>;
  findKey(hash: string): Promise<ApiKeyRecord | undefined>;
}
