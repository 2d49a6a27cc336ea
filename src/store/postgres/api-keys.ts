// API keys in PostgreSQL: the KeyStore port over the api_keys table.
import type pg from 'pg';
import type { Page } from '../../core/index.js';
import { KEY_COLUMNS, keyFromRow, type ApiKeyRecord, type KeyQuery, type KeyRow } from '../keys.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

export async function insertKey(pool: pg.Pool, k: ApiKeyRecord): Promise<void> {
  await pool.query(`INSERT INTO api_keys (${KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [k.id, k.hash, k.role, k.shop ?? null, k.account ?? null, k.source, k.createdAt, k.revokedAt ?? null]);
}

export async function selectKey(pool: pg.Pool, hash: string): Promise<ApiKeyRecord | undefined> {
  const { rows } = await pool.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE hash = $1`, [hash]);
  return rows[0] && keyFromRow(rows[0]);
}

export async function listKeys(pool: pg.Pool, q: KeyQuery): Promise<Page<ApiKeyRecord>> {
  const args: unknown[] = [q.source];
  let after = '';
  if (q.cursor) {
    const [createdAt, id] = decodeCursor(q.cursor, 2);
    args.push(createdAt, id);
    after = ' AND (created_at, id) < ($2, $3)';
  }
  args.push(q.limit + 1);
  const { rows } = await pool.query<KeyRow>(
    `SELECT ${KEY_COLUMNS} FROM api_keys WHERE source = $1${after} ORDER BY created_at DESC, id DESC LIMIT $${args.length}`, args);
  const items = rows.slice(0, q.limit).map(keyFromRow);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

export async function revokeKey(pool: pg.Pool, id: string, source: string, at: string): Promise<ApiKeyRecord | undefined> {
  // One statement: the first revocation time stands, and the row comes back either way.
  const { rows } = await pool.query<KeyRow>(
    `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND source = $2 RETURNING ${KEY_COLUMNS}`, [id, source, at]);
  return rows[0] && keyFromRow(rows[0]);
}
