// API keys in SQLite: the KeyStore port over the api_keys table (only each key's hash is kept).
import type Database from 'better-sqlite3';
import type { Page } from '../../core/index.js';
import type { ApiKeyRecord, KeyQuery } from '../keys.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

const COLUMNS = 'id, hash, role, shop, account, source, created_at, revoked_at';

interface KeyRow {
  id: string; hash: string; role: string; shop: string | null; account: string | null; source: string; created_at: string; revoked_at: string | null;
}

function toRecord(row: KeyRow): ApiKeyRecord {
  const rec: ApiKeyRecord = { id: row.id, hash: row.hash, role: row.role as ApiKeyRecord['role'], source: row.source, createdAt: row.created_at };
  if (row.shop !== null) rec.shop = row.shop;
  if (row.account !== null) rec.account = row.account;
  if (row.revoked_at !== null) rec.revokedAt = row.revoked_at;
  return rec;
}

export function insertKey(db: Database.Database, k: ApiKeyRecord): void {
  db.prepare(`INSERT INTO api_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(k.id, k.hash, k.role, k.shop ?? null, k.account ?? null, k.source, k.createdAt, k.revokedAt ?? null);
}

export function selectKey(db: Database.Database, hash: string): ApiKeyRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE hash = ?`).get(hash) as KeyRow | undefined;
  return row && toRecord(row);
}

export function listKeys(db: Database.Database, q: KeyQuery): Page<ApiKeyRecord> {
  const args: unknown[] = [q.source];
  let after = '';
  if (q.cursor) {
    const [createdAt, id] = decodeCursor(q.cursor, 2);
    after = ' AND (created_at < ? OR (created_at = ? AND id < ?))';
    args.push(createdAt, createdAt, id);
  }
  const rows = db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE source = ?${after} ORDER BY created_at DESC, id DESC LIMIT ?`)
    .all(...args, q.limit + 1) as KeyRow[];
  const items = rows.slice(0, q.limit).map(toRecord);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

export function revokeKey(db: Database.Database, id: string, source: string, at: string): ApiKeyRecord | undefined {
  db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND source = ? AND revoked_at IS NULL').run(at, id, source);
  const row = db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ? AND source = ?`).get(id, source) as KeyRow | undefined;
  return row && toRecord(row);
}
