// Opening a SQLite connection with the settings every Bulwark connection uses.
import Database from 'better-sqlite3';
import { StoreError } from '../store-error.js';

/**
 * Opens `path` in WAL mode with Bulwark's pragmas. The connection that writes gets a 64 MB page
 * cache (a batch touches thousands of index pages); one that only reads beside a writer thread
 * serves lookups and scans, and 16 MB is plenty, which keeps 48 MB off the process's peak.
 */
export function openDatabase(path: string, use: 'writes' | 'reads' = 'writes'): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw new StoreError('ERR_STORE_OPEN', `cannot open SQLite database ${path}: ${(err as Error).message}; ` +
      'check that its folder exists and is writable', false);
  }
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode (only a power loss can drop the last
  // commits), which is the failure replay must survive; FULL would halve the write rate.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = ${use === 'writes' ? -65536 : -16384}`);
  // Checkpoint the WAL less often than the default 1,000 pages: batches are large.
  db.pragma('wal_autocheckpoint = 10000');
  return db;
}
