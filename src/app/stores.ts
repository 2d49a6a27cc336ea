// Builds the store named by a --db value: a postgres:// URL opens PostgreSQL (shared by servers
// and workers), anything else is a SQLite file path (or :memory:).
import { PostgresStore, SqliteStore, isPostgresUrl } from '../store/index.js';

/** Opens the store at `db`: PostgreSQL for a postgres:// or postgresql:// URL, else a SQLite file. */
export function openStore(db: string): SqliteStore | PostgresStore {
  return isPostgresUrl(db) ? new PostgresStore(db) : new SqliteStore(db);
}
