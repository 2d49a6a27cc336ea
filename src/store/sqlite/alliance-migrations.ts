// The alliance's tables (src/alliance), migrated on their own list and version table, as the case
// desk's are, so that they grow without renumbering the pipeline's migrations. A migration is
// never edited once released; a change is a new entry at the end.
import type Database from 'better-sqlite3';
import { StoreError } from '../store-error.js';

export const allianceMigrations: readonly string[] = [
  // Signals this platform publishes (`seq` is the feed position, renumbered when a signal changes
  // so that partners see the change after their cursor; the body keeps the normalised raw value
  // to re-hash it under a new key, and it is never served), signals received from partners with
  // the spans they are in force, each partner's cursor, and partners' request nonces until they expire.
  `CREATE TABLE alliance_published (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL UNIQUE,
     case_id TEXT NOT NULL,
     tenant TEXT NOT NULL,
     status TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX alliance_published_by_case ON alliance_published (case_id);
   CREATE TABLE alliance_received (
     id TEXT PRIMARY KEY,
     partner TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE TABLE alliance_cursors (partner TEXT PRIMARY KEY, cursor INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE alliance_nonces (
     partner TEXT NOT NULL,
     nonce TEXT NOT NULL,
     expires_ms INTEGER NOT NULL,
     PRIMARY KEY (partner, nonce)
   ) WITHOUT ROWID;
   CREATE INDEX alliance_nonces_by_expiry ON alliance_nonces (expires_ms);`,
];

/** Applies the alliance migrations `db` has not had yet, each in its own transaction. */
export function migrateAlliance(db: Database.Database, path: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS alliance_schema_migrations (version INTEGER PRIMARY KEY)');
  const row = db.prepare('SELECT MAX(version) AS v FROM alliance_schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > allianceMigrations.length) {
    throw new StoreError('ERR_STORE_SCHEMA_NEWER', `database ${path} has alliance schema version ${current}, newer than this ` +
      `Bulwark knows (${allianceMigrations.length}); upgrade Bulwark or use another --db`, false);
  }
  for (let v = current + 1; v <= allianceMigrations.length; v++) {
    db.transaction(() => {
      db.exec(allianceMigrations[v - 1]!);
      db.prepare('INSERT INTO alliance_schema_migrations (version) VALUES (?)').run(v);
    }).immediate();
  }
}
