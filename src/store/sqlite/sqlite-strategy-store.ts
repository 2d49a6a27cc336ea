// Merchant strategies over the SQLite file of a SqliteStore, on a connection of their own, with
// their own migration list and version table (so they grow without renumbering the pipeline's
// migrations). A shop changes its strategies a few times a day, so a change goes straight to the
// file rather than through the event writer thread. One row per version, never changed: the
// table is the audit trail (who, when, before and after), and triggers refuse updates and deletes.
import type Database from 'better-sqlite3';
import type { ShopStrategies } from '../../contract/index.js';
import type { Page, StrategyStore, StrategyVersion, StrategyVersionQuery } from '../../core/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { openDatabase } from './open.js';
import { StoreError } from '../store-error.js';

/** The strategy tables; a migration is never edited once released, a change is a new entry at the end. */
export const strategyMigrations: readonly string[] = [
  // `seq` orders versions as they were saved (the order the book is rebuilt in); (tenant, shop,
  // version) is unique, so two changes racing for one version number cannot both be saved.
  `CREATE TABLE strategy_versions (
     seq INTEGER PRIMARY KEY,
     tenant TEXT NOT NULL,
     shop TEXT NOT NULL,
     version INTEGER NOT NULL,
     position INTEGER NOT NULL,
     changed_by TEXT NOT NULL,
     changed_at TEXT NOT NULL,
     strategies TEXT NOT NULL,
     previous TEXT,
     UNIQUE (tenant, shop, version)
   );
   CREATE TRIGGER strategy_versions_no_update BEFORE UPDATE ON strategy_versions BEGIN SELECT RAISE(ABORT, 'strategy versions are append-only'); END;
   CREATE TRIGGER strategy_versions_no_delete BEFORE DELETE ON strategy_versions BEGIN SELECT RAISE(ABORT, 'strategy versions are append-only'); END;`,
];

interface Row {
  tenant: string;
  shop: string;
  version: number;
  position: number;
  changed_by: string;
  changed_at: string;
  strategies: string;
  previous: string | null;
}

const COLUMNS = 'tenant, shop, version, position, changed_by, changed_at, strategies, previous';

export class SqliteStrategyStore implements StrategyStore {
  readonly #db: Database.Database;

  /** Opens (and migrates) the strategy tables of the SQLite file at `path`. */
  constructor(readonly path: string) {
    if (path === ':memory:' || path === '') {
      throw new StoreError('ERR_STORE_STRATEGIES_MEMORY', 'merchant strategies need a SQLite file (--db PATH): an in-memory database is private to one connection', false);
    }
    this.#db = openDatabase(path, 'reads');
    this.#db.exec('CREATE TABLE IF NOT EXISTS strategy_schema_migrations (version INTEGER PRIMARY KEY)');
    const row = this.#db.prepare('SELECT MAX(version) AS v FROM strategy_schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > strategyMigrations.length) {
      this.#db.close();
      throw new StoreError('ERR_STORE_SCHEMA_NEWER', `database ${path} has strategy schema version ${current}, newer than this ` +
        `Bulwark knows (${strategyMigrations.length}); upgrade Bulwark or use another --db`, false);
    }
    for (let v = current + 1; v <= strategyMigrations.length; v++) {
      this.#db.transaction(() => {
        this.#db.exec(strategyMigrations[v - 1]!);
        this.#db.prepare('INSERT INTO strategy_schema_migrations (version) VALUES (?)').run(v);
      })();
    }
  }

  async strategyVersions(each: (v: StrategyVersion) => void): Promise<void> {
    for (const row of this.#db.prepare(`SELECT ${COLUMNS} FROM strategy_versions ORDER BY seq`).iterate() as Iterable<Row>) each(fromRow(row));
  }

  async currentStrategies(tenant: string, shopId: string): Promise<StrategyVersion | undefined> {
    const row = this.#db.prepare(`SELECT ${COLUMNS} FROM strategy_versions WHERE tenant = ? AND shop = ? ORDER BY version DESC LIMIT 1`)
      .get(tenant, shopId) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  async listStrategyVersions(tenant: string, shopId: string, q: StrategyVersionQuery): Promise<Page<StrategyVersion>> {
    const before = q.cursor ? Number(decodeCursor(q.cursor, 1)[0]) : Number.MAX_SAFE_INTEGER;
    const rows = this.#db.prepare(`SELECT ${COLUMNS} FROM strategy_versions WHERE tenant = ? AND shop = ? AND version < ? ORDER BY version DESC LIMIT ?`)
      .all(tenant, shopId, before, q.limit + 1) as Row[];
    const items = rows.slice(0, q.limit).map(fromRow);
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([String(last.version)]) : null };
  }

  async saveStrategyVersion(v: StrategyVersion): Promise<void> {
    try {
      this.#db.prepare(`INSERT INTO strategy_versions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
        v.tenant, v.shop_id, v.version, v.position, v.changed_by, v.changed_at, JSON.stringify(v.strategies),
        v.previous === null ? null : JSON.stringify(v.previous));
    } catch (err) {
      const code = String((err as { code?: unknown }).code);
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        throw new StoreError('ERR_STORE_STRATEGY_CONFLICT', `shop ${v.shop_id} already has strategies version ${v.version}; ` +
          'another change was saved first: read the current version and apply the change to it', false);
      }
      throw new StoreError('ERR_STORE_WRITE', `saving strategies of shop ${v.shop_id} to ${this.path} failed: ${(err as Error).message}`,
        /SQLITE_BUSY|SQLITE_LOCKED/.test(code));
    }
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}

function fromRow(r: Row): StrategyVersion {
  return {
    tenant: r.tenant, shop_id: r.shop, version: r.version, position: r.position, changed_by: r.changed_by, changed_at: r.changed_at,
    strategies: JSON.parse(r.strategies) as ShopStrategies,
    previous: r.previous === null ? null : JSON.parse(r.previous) as ShopStrategies,
  };
}
