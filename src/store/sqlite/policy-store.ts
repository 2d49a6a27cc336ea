// Rule sets and list entries over the SQLite file of a SqliteStore, on a connection of their own,
// with their own migration list and version table (so they grow without renumbering the
// pipeline's). Writes are small and rare (an analyst's change), so they go straight to the file.
import type Database from 'better-sqlite3';
import type { EventCursor, EventHistory, ListStore, RuleChange, RuleStore, StoredListEntry, StoredRuleSet } from '../../core/index.js';
import { openDatabase } from './open.js';
import { StoreError } from '../store-error.js';

/** The policy tables; never edited once released, a change is a new entry at the end. */
export const policyMigrations: readonly string[] = [
  // One row per rule-set version with its audit record (append-only: triggers refuse changes).
  `CREATE TABLE rule_versions (
     version INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, action TEXT NOT NULL, rule_id TEXT,
     before TEXT, after TEXT, rules TEXT NOT NULL
   );
   CREATE TRIGGER rule_versions_no_update BEFORE UPDATE ON rule_versions BEGIN SELECT RAISE(ABORT, 'rule versions are append-only'); END;
   CREATE TRIGGER rule_versions_no_delete BEFORE DELETE ON rule_versions BEGIN SELECT RAISE(ABORT, 'rule versions are append-only'); END;
   CREATE TABLE list_entries (
     list TEXT NOT NULL, value TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (list, value)
   ) WITHOUT ROWID;
   CREATE TABLE list_audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, action TEXT NOT NULL, list TEXT NOT NULL, value TEXT NOT NULL, body TEXT);`,
  // Where in the stream of applied events each version took effect (NULL for older versions: from the start).
  'ALTER TABLE rule_versions ADD COLUMN position INTEGER;',
];

interface VersionRow { version: number; at: string; by: string; rules: string; position: number | null }

function ruleSetOf(r: VersionRow): StoredRuleSet {
  return { version: r.version, at: r.at, by: r.by, rules: JSON.parse(r.rules), ...(r.position === null ? {} : { position: r.position }) };
}

/** RuleStore and ListStore over a SQLite file. */
export class SqlitePolicyStore implements RuleStore, ListStore, EventHistory {
  readonly #db: Database.Database;

  constructor(readonly path: string) {
    this.#db = openDatabase(path, 'reads');
    this.#db.exec('CREATE TABLE IF NOT EXISTS policy_schema_migrations (version INTEGER PRIMARY KEY)');
    const row = this.#db.prepare('SELECT MAX(version) AS v FROM policy_schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > policyMigrations.length) {
      throw new StoreError('ERR_STORE_SCHEMA_NEWER', `database ${path} has policy schema version ${current}, newer than this ` +
        `Bulwark knows (${policyMigrations.length}); upgrade Bulwark or use another --db`, false);
    }
    for (let v = current + 1; v <= policyMigrations.length; v++) {
      this.#db.transaction(() => {
        this.#db.exec(policyMigrations[v - 1]!);
        this.#db.prepare('INSERT INTO policy_schema_migrations (version) VALUES (?)').run(v);
      })();
    }
  }

  async currentRules(): Promise<StoredRuleSet | undefined> {
    const row = this.#db.prepare('SELECT version, at, by, rules, position FROM rule_versions ORDER BY version DESC LIMIT 1').get() as VersionRow | undefined;
    return row && ruleSetOf(row);
  }

  async ruleVersions(): Promise<StoredRuleSet[]> {
    return (this.#db.prepare('SELECT version, at, by, rules, position FROM rule_versions ORDER BY version').all() as VersionRow[]).map(ruleSetOf);
  }

  async saveRules(c: Omit<RuleChange, 'version'> & { expectedVersion: number; rules: Array<Record<string, unknown>>; position?: number }): Promise<StoredRuleSet> {
    const version = c.expectedVersion + 1;
    return this.#db.transaction(() => {
      const row = this.#db.prepare('SELECT MAX(version) AS v FROM rule_versions').get() as { v: number | null };
      if ((row.v ?? 0) !== c.expectedVersion) {
        throw new StoreError('ERR_STORE_CONFLICT', `the rules changed meanwhile (now version ${row.v ?? 0}, expected ${c.expectedVersion}); read them again and retry`, true);
      }
      this.#db.prepare('INSERT INTO rule_versions (version, at, by, action, rule_id, before, after, rules, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(version, c.at, c.by, c.action, c.rule_id ?? null, JSON.stringify(c.before ?? null), JSON.stringify(c.after ?? null), JSON.stringify(c.rules), c.position ?? null);
      return { version, at: c.at, by: c.by, rules: c.rules, ...(c.position === undefined ? {} : { position: c.position }) };
    }).immediate();
  }

  async ruleChanges(q: { limit: number; before?: number }): Promise<RuleChange[]> {
    const rows = this.#db.prepare('SELECT version, at, by, action, rule_id, before, after FROM rule_versions WHERE version < ? ORDER BY version DESC LIMIT ?')
      .all(q.before ?? Number.MAX_SAFE_INTEGER, q.limit) as Array<{ version: number; at: string; by: string; action: RuleChange['action']; rule_id: string | null; before: string; after: string }>;
    return rows.map((r) => ({
      version: r.version, at: r.at, by: r.by, action: r.action, ...(r.rule_id ? { rule_id: r.rule_id } : {}),
      before: JSON.parse(r.before), after: JSON.parse(r.after),
    }));
  }

  async listEntries(): Promise<StoredListEntry[]> {
    const rows = this.#db.prepare('SELECT body FROM list_entries ORDER BY list, value').raw().all() as Array<[string]>;
    return rows.map((r) => JSON.parse(r[0]) as StoredListEntry);
  }

  async putListEntry(e: StoredListEntry): Promise<void> {
    this.#db.transaction(() => {
      this.#db.prepare('INSERT OR REPLACE INTO list_entries (list, value, body) VALUES (?, ?, ?)').run(e.list, e.value, JSON.stringify(e));
      this.#db.prepare("INSERT INTO list_audit (at, by, action, list, value, body) VALUES (?, ?, 'put', ?, ?, ?)").run(e.addedAt, e.addedBy, e.list, e.value, JSON.stringify(e));
    }).immediate();
  }

  async removeListEntry(list: string, value: string, by: string, at: string): Promise<boolean> {
    return this.#db.transaction(() => {
      const gone = this.#db.prepare('DELETE FROM list_entries WHERE list = ? AND value = ?').run(list, value).changes > 0;
      if (gone) this.#db.prepare("INSERT INTO list_audit (at, by, action, list, value, body) VALUES (?, ?, 'remove', ?, ?, NULL)").run(at, by, list, value);
      return gone;
    }).immediate();
  }

  /** A cursor over the stored events on a connection of its own, so that other reads go on meanwhile. */
  openEvents(): EventCursor {
    const db = openDatabase(this.path, 'reads');
    const last = (db.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number | null }).s ?? 0;
    const total = (db.prepare('SELECT COUNT(*) AS n FROM events WHERE seq <= ?').get(last) as { n: number }).n;
    const page = db.prepare('SELECT seq, body FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?').raw();
    let after = 0;
    return {
      total,
      async next(max: number): Promise<string[]> {
        const rows = page.all(after, last, max) as Array<[number, string]>;
        if (rows.length) after = rows[rows.length - 1]![0];
        return rows.map((r) => r[1]);
      },
      close: () => db.close(),
    };
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
