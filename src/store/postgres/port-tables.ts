// What every port's PostgreSQL store shares: its own tables beside the PostgresStore's, on the
// store's pool, migrated from their own list on first use (so each port grows without
// renumbering the others), reads and one-transaction writes that report StoreErrors.
import type pg from 'pg';
import { StoreError } from '../store-error.js';
import { CursorError } from '../cursor.js';
import { storeError } from './connection.js';
import { migrateSet } from './migrations.js';
import type { PostgresStore } from './postgres-store.js';

/** A port's tables in a PostgresStore's schema, named `name` (its version table is `<name>_schema_migrations`). */
export class PortTables {
  #ready: Promise<pg.Pool> | undefined;

  constructor(readonly store: PostgresStore, readonly name: string, readonly migrations: readonly string[]) {}

  /** The store's pool once this port's tables are migrated; a failure is retried on the next call. */
  pool(): Promise<pg.Pool> {
    this.#ready ??= this.store.ready().then(async (pool) => {
      await migrateSet(pool, this.store.schema, this.store.display, this.name, this.migrations);
      return pool;
    }).catch((err: unknown) => {
      this.#ready = undefined;
      throw storeError('ERR_STORE_OPEN', `migrating the ${this.name} tables of ${this.store.display}`, err);
    });
    return this.#ready;
  }

  /** Runs a read; a driver error becomes ERR_STORE_READ (or ERR_STORE_UNAVAILABLE) naming `what`. */
  async read<T>(what: string, f: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const pool = await this.pool();
    try {
      return await f(pool);
    } catch (err) {
      // Our own errors (a bad cursor is the caller's, answered 400) pass through as they are.
      if (err instanceof StoreError || err instanceof CursorError) throw err;
      throw storeError('ERR_STORE_READ', `${what} in ${this.store.display}`, err);
    }
  }

  /** Runs `f` in one transaction on one connection: all of it is kept or none. */
  async tx<T>(what: string, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const pool = await this.pool();
    let client: pg.PoolClient;
    try { client = await pool.connect(); } catch (err) { throw storeError('ERR_STORE_WRITE', `${what} in ${this.store.display}`, err); }
    let broken = false;
    try {
      await client.query('BEGIN');
      const out = await f(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      if (err instanceof StoreError) throw err;
      throw storeError('ERR_STORE_WRITE', `${what} in ${this.store.display}`, err);
    } finally {
      // A connection that could not even roll back is not given to the next caller.
      client.release(broken);
    }
  }
}

/** The JSON bodies of `rows` (column `body`), parsed. */
export function bodies<T>(rows: ReadonlyArray<{ body: string }>): T[] {
  return rows.map((r) => JSON.parse(r.body) as T);
}

/** `$n` placeholders for SQL text built from a list of arguments. */
export class Params {
  readonly args: unknown[] = [];

  /** Adds `v` and answers its placeholder. */
  add(v: unknown): string {
    this.args.push(v);
    return `$${this.args.length}`;
  }
}
