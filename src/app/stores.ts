// Builds the store named by a --db value: a postgres:// URL opens PostgreSQL (shared by servers
// and workers), anything else is a SQLite file path (or :memory:).
import { PostgresStore, SqliteStore, isPostgresUrl } from '../store/index.js';

/**
 * Opens the store at `db`: PostgreSQL for a postgres:// or postgresql:// URL, else a SQLite file.
 * `serving`: a server's SQLite file checkpoints its log on a thread of its own (SqliteStore).
 */
export function openStore(db: string, opts: { serving?: boolean } = {}): SqliteStore | PostgresStore {
  return isPostgresUrl(db) ? new PostgresStore(db) : new SqliteStore(db, { backgroundCheckpoints: opts.serving === true });
}
