// Builds the store named by a --db value. Only SQLite files are known here so far.
import { SqliteStore } from '../store/index.js';

/** Opens the store at `db` (a SQLite file path). */
export function openStore(db: string): SqliteStore {
  return new SqliteStore(db);
}
