// The case desk's tables (src/cases), migrated on their own list and version table so that they
// can grow without renumbering the pipeline's migrations. A migration is never edited once
// released; a change is a new entry at the end.
import type Database from 'better-sqlite3';
import { StoreError } from '../store-error.js';

export const caseMigrations: readonly string[] = [
  // Records as JSON with the columns their lists filter and sort on. The audit log refuses updates
  // and deletes: append-only by construction, not by habit. Consumer keys are scoped to an account.
  `CREATE TABLE cases (
     id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, severity_rank INTEGER NOT NULL,
     at_stake INTEGER NOT NULL, opened TEXT NOT NULL, assignee TEXT, body TEXT NOT NULL
   );
   CREATE INDEX cases_queue ON cases (source, severity_rank DESC, at_stake DESC, opened, id);
   CREATE INDEX cases_newest ON cases (source, opened DESC, id DESC);
   CREATE TABLE case_audit (
     seq INTEGER PRIMARY KEY, source TEXT NOT NULL, case_id TEXT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX case_audit_by_case ON case_audit (case_id, seq);
   CREATE TRIGGER case_audit_no_update BEFORE UPDATE ON case_audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER case_audit_no_delete BEFORE DELETE ON case_audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TABLE sanctions (
     id TEXT PRIMARY KEY, source TEXT NOT NULL, case_id TEXT NOT NULL, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
     effective_at TEXT NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX sanctions_by_subject ON sanctions (source, subject_type, subject_id, effective_at);
   CREATE INDEX sanctions_by_case ON sanctions (case_id);
   CREATE TABLE complaints (
     id TEXT PRIMARY KEY, source TEXT NOT NULL, by_id TEXT NOT NULL, status TEXT NOT NULL, filed_at TEXT NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX complaints_by_filer ON complaints (source, by_id, filed_at DESC, id DESC);
   CREATE INDEX complaints_by_time ON complaints (source, filed_at DESC, id DESC);
   CREATE TABLE appeals (
     id TEXT PRIMARY KEY, source TEXT NOT NULL, subject_id TEXT NOT NULL, status TEXT NOT NULL, filed_at TEXT NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX appeals_by_time ON appeals (source, filed_at DESC, id DESC);
   CREATE TABLE quality_scores (seq INTEGER PRIMARY KEY, source TEXT NOT NULL, shop TEXT NOT NULL, at TEXT NOT NULL, body TEXT NOT NULL);
   CREATE INDEX quality_by_shop ON quality_scores (source, shop, seq DESC);
   CREATE TABLE webhook_deliveries (
     id TEXT PRIMARY KEY, source TEXT NOT NULL, status TEXT NOT NULL, next_at TEXT NOT NULL, created_at TEXT NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX deliveries_due ON webhook_deliveries (status, next_at);
   CREATE TABLE case_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   ALTER TABLE api_keys ADD COLUMN account TEXT;`,
];

/** Applies the case migrations `db` has not had yet, each in its own transaction. */
export function migrateCases(db: Database.Database, path: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS case_schema_migrations (version INTEGER PRIMARY KEY)');
  const row = db.prepare('SELECT MAX(version) AS v FROM case_schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > caseMigrations.length) {
    throw new StoreError('ERR_STORE_SCHEMA_NEWER', `database ${path} has case schema version ${current}, newer than this ` +
      `Bulwark knows (${caseMigrations.length}); upgrade Bulwark or use another --db`, false);
  }
  for (let v = current + 1; v <= caseMigrations.length; v++) {
    db.transaction(() => {
      db.exec(caseMigrations[v - 1]!);
      db.prepare('INSERT INTO case_schema_migrations (version) VALUES (?)').run(v);
    })();
  }
}
