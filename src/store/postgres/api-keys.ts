// API keys in PostgreSQL: the KeyStore port over the api_keys table.
import type pg from 'pg';
import type { ApiKeyRecord } from '../keys.js';

export async function insertKey(pool: pg.Pool, k: ApiKeyRecord): Promise<void> {
  await pool.query('INSERT INTO api_keys (id, hash, role, shop, source, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [k.id, k.hash, k.role, k.shop ?? null, k.source, k.createdAt]);
}

export async function selectKey(pool: pg.Pool, hash: string): Promise<ApiKeyRecord | undefined> {
  const { rows } = await pool.query<{ id: string; hash: string; role: string; shop: string | null; source: string; created_at: string }>(
    'SELECT id, hash, role, shop, source, created_at FROM api_keys WHERE hash = $1', [hash]);
  const row = rows[0];
  if (!row) return undefined;
  const rec: ApiKeyRecord = { id: row.id, hash: row.hash, role: row.role as ApiKeyRecord['role'], source: row.source, createdAt: row.created_at };
  if (row.shop !== null) rec.shop = row.shop;
  return rec;
}
