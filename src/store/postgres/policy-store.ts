// Rule sets and list entries in PostgreSQL, beside the PostgresStore's tables and on its pool, with
// their own migration list and version table (so they grow without renumbering the store's), as
// the SQLite policy store does. (Backtests' EventHistory is not here: its openEvents() answers a
// cursor with its total synchronously, which a remote database cannot; see docs/scaling.md.)
import type pg from 'pg';
import type { ListStore, RuleChange, RuleStore, StoredListEntry, StoredRuleSet } from '../../core/index.js';
import { StoreError } from '../store-error.js';
import { storeError } from './connection.js';
import { migrateSet } from './migrations.js';
import type { PostgresStore } from './postgres-store.js';

/** The policy tables; never edited once released, a change is a new entry at the end. */
export const policyMigrations: readonly string[] = [
  // One row per rule-set version with its audit record (append-only: a trigger refuses changes).
  `CREATE TABLE rule_versions (
     version INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, action TEXT NOT NULL, rule_id TEXT,
     before TEXT, after TEXT, rules TEXT NOT NULL
   );
   CREATE FUNCTION rule_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'rule versions are append-only'; END $$;
   CREATE TRIGGER rule_versions_no_change BEFORE UPDATE OR DELETE ON rule_versions
     FOR EACH ROW EXECUTE FUNCTION rule_versions_append_only();
   CREATE TABLE list_entries (
     list TEXT COLLATE "C" NOT NULL, value TEXT COLLATE "C" NOT NULL, body TEXT NOT NULL, PRIMARY KEY (list, value)
   );
   CREATE TABLE list_audit (
     seq BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, action TEXT NOT NULL, list TEXT NOT NULL, value TEXT NOT NULL, body TEXT
   );`,
  // Where in the stream of applied events each version took effect (NULL for older versions: from the start).
  'ALTER TABLE rule_versions ADD COLUMN position BIGINT;',
];

interface VersionRow { version: number; at: string; by: string; rules: string; position: string | number | null }

function ruleSetOf(r: VersionRow): StoredRuleSet {
  // BIGINT comes back as a string from pg.
  return { version: r.version, at: r.at, by: r.by, rules: JSON.parse(r.rules), ...(r.position === null ? {} : { position: Number(r.position) }) };
}

/** RuleStore and ListStore over a PostgresStore's schema. */
export class PostgresPolicyStore implements RuleStore, ListStore {
  #ready: Promise<pg.Pool> | undefined;

  constructor(readonly store: PostgresStore) {}

  async #pool(): Promise<pg.Pool> {
    this.#ready ??= this.store.ready().then(async (pool) => {
      await migrateSet(pool, this.store.schema, this.store.display, 'policy', policyMigrations);
      return pool;
    }).catch((err: unknown) => {
      this.#ready = undefined;
      throw storeError('ERR_STORE_OPEN', `migrating the policy tables of ${this.store.display}`, err);
    });
    return this.#ready;
  }

  async #run<T>(what: string, f: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const pool = await this.#pool();
    try {
      return await f(pool);
    } catch (err) {
      throw storeError('ERR_STORE_READ', `${what} in ${this.store.display}`, err);
    }
  }

  /** Runs `f` in one transaction on one connection. */
  async #tx<T>(what: string, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const pool = await this.#pool();
    let client: pg.PoolClient;
    try { client = await pool.connect(); } catch (err) { throw storeError('ERR_STORE_WRITE', `${what} in ${this.store.display}`, err); }
    try {
      await client.query('BEGIN');
      const out = await f(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      if (err instanceof StoreError) throw err;
      throw storeError('ERR_STORE_WRITE', `${what} in ${this.store.display}`, err);
    } finally {
      client.release();
    }
  }

  async currentRules(): Promise<StoredRuleSet | undefined> {
    return this.#run('reading the rules', async (pool) => {
      const { rows } = await pool.query<VersionRow>('SELECT version, at, by, rules, position FROM rule_versions ORDER BY version DESC LIMIT 1');
      const r = rows[0];
      return r && ruleSetOf(r);
    });
  }

  async ruleVersions(): Promise<StoredRuleSet[]> {
    return this.#run('reading the rule versions', async (pool) =>
      (await pool.query<VersionRow>('SELECT version, at, by, rules, position FROM rule_versions ORDER BY version')).rows.map(ruleSetOf));
  }

  async saveRules(c: Omit<RuleChange, 'version'> & { expectedVersion: number; rules: Array<Record<string, unknown>>; position?: number }): Promise<StoredRuleSet> {
    const version = c.expectedVersion + 1;
    return this.#tx('saving the rules', async (client) => {
      // One writer at a time: the version check and the insert must see the same table.
      await client.query('LOCK TABLE rule_versions IN EXCLUSIVE MODE');
      const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM rule_versions');
      const now = rows[0]?.v ?? 0;
      if (now !== c.expectedVersion) {
        throw new StoreError('ERR_STORE_CONFLICT', `the rules changed meanwhile (now version ${now}, expected ${c.expectedVersion}); read them again and retry`, true);
      }
      await client.query('INSERT INTO rule_versions (version, at, by, action, rule_id, before, after, rules, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [version, c.at, c.by, c.action, c.rule_id ?? null, JSON.stringify(c.before ?? null), JSON.stringify(c.after ?? null), JSON.stringify(c.rules), c.position ?? null]);
      return { version, at: c.at, by: c.by, rules: c.rules, ...(c.position === undefined ? {} : { position: c.position }) };
    });
  }

  async ruleChanges(q: { limit: number; before?: number }): Promise<RuleChange[]> {
    return this.#run('reading rule changes', async (pool) => {
      const { rows } = await pool.query<{ version: number; at: string; by: string; action: RuleChange['action']; rule_id: string | null; before: string; after: string }>(
        'SELECT version, at, by, action, rule_id, before, after FROM rule_versions WHERE version < $1 ORDER BY version DESC LIMIT $2',
        [q.before ?? 2_147_483_647, q.limit]);
      return rows.map((r) => ({
        version: r.version, at: r.at, by: r.by, action: r.action, ...(r.rule_id ? { rule_id: r.rule_id } : {}),
        before: JSON.parse(r.before), after: JSON.parse(r.after),
      }));
    });
  }

  async listEntries(): Promise<StoredListEntry[]> {
    return this.#run('reading list entries', async (pool) =>
      (await pool.query<{ body: string }>('SELECT body FROM list_entries ORDER BY list, value')).rows.map((r) => JSON.parse(r.body) as StoredListEntry));
  }

  async putListEntry(e: StoredListEntry): Promise<void> {
    await this.#tx('saving a list entry', async (client) => {
      await client.query('INSERT INTO list_entries (list, value, body) VALUES ($1, $2, $3) ON CONFLICT (list, value) DO UPDATE SET body = EXCLUDED.body',
        [e.list, e.value, JSON.stringify(e)]);
      await client.query("INSERT INTO list_audit (at, by, action, list, value, body) VALUES ($1, $2, 'put', $3, $4, $5)", [e.addedAt, e.addedBy, e.list, e.value, JSON.stringify(e)]);
    });
  }

  async removeListEntry(list: string, value: string, by: string, at: string): Promise<boolean> {
    return this.#tx('removing a list entry', async (client) => {
      const gone = ((await client.query('DELETE FROM list_entries WHERE list = $1 AND value = $2', [list, value])).rowCount ?? 0) > 0;
      if (gone) await client.query("INSERT INTO list_audit (at, by, action, list, value, body) VALUES ($1, $2, 'remove', $3, $4, NULL)", [at, by, list, value]);
      return gone;
    });
  }

  async close(): Promise<void> {
    // The pool is the store's: closed with it.
  }
}
