// API keys in SQLite: the KeyStore port over the api_keys table (only each key's hash is kept).
import type Database from 'better-sqlite3';
import type { Page } from '../../core/index.js';
import { KEY_COLUMNS, keyFromRow, type ApiKeyRecord, type KeyQuery, type KeyRow } from '../keys.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

export function insertKey(db: Database.Database, k: ApiKeyRecord): void {
  db.prepare(`INSERT INTO api_keys (${KEY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(k.id, k.hash, k.role, k.shop ?? null, k.account ?? null, k.source, k.createdAt, k.revokedAt ?? null);
}

export function selectKey(db: Database.Database, hash: string): ApiKeyRecord | undefined {
  const row = db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE hash = ?`).get(hash) as KeyRow | undefined;
  return row && keyFromRow(row);
}

export function listKeys(db: Database.Database, q: KeyQuery): Page<ApiKeyRecord> {
  const args: unknown[] = [q.source];
  let after = '';
  if (q.cursor) {
    const [createdAt, id] = decodeCursor(q.cursor, 2);
    after = ' AND (created_at < ? OR (created_at = ? AND id < ?))';
    args.push(createdAt, createdAt, id);
  }
  const rows = db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE source = ?${after} ORDER BY created_at DESC, id DESC LIMIT ?`)
    .all(...args, q.limit + 1) as KeyRow[];
  const items = rows.slice(0, q.limit).map(keyFromRow);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

export function revokeKey(db: Database.Database, id: string, source: string, at: string): ApiKeyRecord | undefined {
  db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND source = ? AND revoked_at IS NULL').run(at, id, source);
  const row = db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = ? AND source = ?`).get(id, source) as KeyRow | undefined;
  return row && keyFromRow(row);
}
