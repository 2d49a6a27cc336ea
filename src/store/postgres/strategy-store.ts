// Merchant strategies in PostgreSQL, beside the PostgresStore's tables, with their own migration
// list, as the SQLite strategy store keeps them: one row per version, never changed (a trigger
// refuses updates and deletes), so the table is the audit trail; (tenant, shop, version) is
// unique, so two changes racing for one version number cannot both be saved.
import type { ShopStrategies } from '../../contract/index.js';
import type { Page, StrategyStore, StrategyVersion, StrategyVersionQuery } from '../../core/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { StoreError } from '../store-error.js';
import { storeError } from './connection.js';
import { PortTables } from './port-tables.js';
import type { PostgresStore } from './postgres-store.js';
import { scan } from './scan.js';

/** The strategy tables; never edited once released, a change is a new entry at the end. */
export const strategyMigrations: readonly string[] = [
  // `seq` orders versions as they were saved: the order the book is rebuilt in.
  `CREATE TABLE strategy_versions (
     seq BIGSERIAL PRIMARY KEY,
     tenant TEXT NOT NULL,
     shop TEXT NOT NULL,
     version INTEGER NOT NULL,
     position BIGINT NOT NULL,
     changed_by TEXT NOT NULL,
     changed_at TEXT NOT NULL,
     strategies TEXT NOT NULL,
     previous TEXT,
     UNIQUE (tenant, shop, version)
   );
   CREATE FUNCTION strategy_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'strategy versions are append-only'; END $$;
   CREATE TRIGGER strategy_versions_no_change BEFORE UPDATE OR DELETE ON strategy_versions
     FOR EACH ROW EXECUTE FUNCTION strategy_versions_append_only();`,
];

type Row = {
  seq?: string;
  tenant: string;
  shop: string;
  version: number;
  /** BIGINT: a string from pg. */
  position: string;
  changed_by: string;
  changed_at: string;
  strategies: string;
  previous: string | null;
};

const COLUMNS = 'tenant, shop, version, position, changed_by, changed_at, strategies, previous';
/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** StrategyStore over a PostgresStore's schema. */
export class PostgresStrategyStore implements StrategyStore {
  readonly #t: PortTables;

  constructor(readonly store: PostgresStore) {
    this.#t = new PortTables(store, 'strategy', strategyMigrations);
  }

  async strategyVersions(each: (v: StrategyVersion) => void): Promise<void> {
    await this.#t.read('reading strategy versions', (pool) =>
      scan<Row>(pool, { sql: `SELECT ${COLUMNS}, seq FROM strategy_versions WHERE $KEYSET ORDER BY seq LIMIT $LIMIT`, keys: ['seq'] }, (r) => each(fromRow(r))));
  }

  async currentStrategies(tenant: string, shopId: string): Promise<StrategyVersion | undefined> {
    const { rows } = await this.#t.read('reading strategies', (pool) => pool.query<Row>(
      `SELECT ${COLUMNS} FROM strategy_versions WHERE tenant = $1 AND shop = $2 ORDER BY version DESC LIMIT 1`, [tenant, shopId]));
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async listStrategyVersions(tenant: string, shopId: string, q: StrategyVersionQuery): Promise<Page<StrategyVersion>> {
    const before = q.cursor ? Number(decodeCursor(q.cursor, 1)[0]) : 2_147_483_647;
    const { rows } = await this.#t.read('listing strategy versions', (pool) => pool.query<Row>(
      `SELECT ${COLUMNS} FROM strategy_versions WHERE tenant = $1 AND shop = $2 AND version < $3 ORDER BY version DESC LIMIT $4`,
      [tenant, shopId, before, q.limit + 1]));
    const items = rows.slice(0, q.limit).map(fromRow);
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([String(last.version)]) : null };
  }

  async saveStrategyVersion(v: StrategyVersion): Promise<void> {
    const pool = await this.#t.pool();
    try {
      await pool.query(`INSERT INTO strategy_versions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        v.tenant, v.shop_id, v.version, v.position, v.changed_by, v.changed_at, JSON.stringify(v.strategies),
        v.previous === null ? null : JSON.stringify(v.previous)]);
    } catch (err) {
      if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) {
        throw new StoreError('ERR_STORE_STRATEGY_CONFLICT', `shop ${v.shop_id} already has strategies version ${v.version}; ` +
          'another change was saved first: read the current version and apply the change to it', false);
      }
      throw storeError('ERR_STORE_WRITE', `saving strategies of shop ${v.shop_id} to ${this.store.display}`, err);
    }
  }

  async close(): Promise<void> {
    // The pool is the store's: closed with it.
  }
}

function fromRow(r: Row): StrategyVersion {
  return {
    tenant: r.tenant, shop_id: r.shop, version: r.version, position: Number(r.position), changed_by: r.changed_by, changed_at: r.changed_at,
    strategies: JSON.parse(r.strategies) as ShopStrategies,
    previous: r.previous === null ? null : JSON.parse(r.previous) as ShopStrategies,
  };
}
