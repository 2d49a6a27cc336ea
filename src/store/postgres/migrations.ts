// The PostgreSQL schema as an ordered list of migrations, applied under an advisory lock so that
// several processes starting at once migrate once. A migration is never edited once released; a
// change is a new entry at the end.
//
// Text columns that are sorted use the "C" collation: byte order, as SQLite sorts, so that lists
// and exports come out in the same order from either store. Bodies are `text`, not `jsonb`, so that
// an event is kept byte for byte as received and a decision or alert reads back as it was written.
import type pg from 'pg';
import { StoreError } from '../store-error.js';

export const migrations: readonly string[] = [
  `CREATE TABLE events (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT COLLATE "C" NOT NULL UNIQUE,
     type TEXT NOT NULL,
     time TEXT COLLATE "C" NOT NULL,
     source TEXT NOT NULL,
     late BOOLEAN NOT NULL,
     body TEXT NOT NULL,
     -- Where a worker took the event from: its stream partition and sequence (null otherwise).
     stream_partition INTEGER,
     stream_seq BIGINT
   );
   CREATE INDEX events_by_partition ON events (stream_partition, stream_seq) WHERE stream_partition IS NOT NULL;
   CREATE TABLE decisions (
     seq BIGSERIAL PRIMARY KEY,
     event_id TEXT COLLATE "C" NOT NULL UNIQUE,
     decision TEXT NOT NULL,
     score DOUBLE PRECISION NOT NULL,
     body TEXT NOT NULL
   );
   CREATE TABLE alerts (
     id TEXT COLLATE "C" PRIMARY KEY,
     kind TEXT COLLATE "C" NOT NULL,
     time TEXT COLLATE "C" NOT NULL,
     updated TEXT NOT NULL,
     severity TEXT NOT NULL,
     -- The tenant: the alert's source, 'default' when it has none.
     source TEXT COLLATE "C" NOT NULL,
     -- Orders the writes of workers that commit one alert concurrently: a lower one is not applied.
     version BIGINT NOT NULL DEFAULT 0,
     body TEXT NOT NULL
   );
   -- Scanned forwards for exports, backwards for the console's newest-first pages.
   CREATE INDEX alerts_by_time ON alerts (time, id);
   CREATE INDEX alerts_by_kind_time ON alerts (kind, time, id);
   CREATE INDEX alerts_by_source_time ON alerts (source, time, id);
   CREATE TABLE warnings (
     shop TEXT COLLATE "C" NOT NULL,
     id TEXT COLLATE "C" NOT NULL,
     time TEXT COLLATE "C" NOT NULL,
     kind TEXT NOT NULL,
     -- The tenant: the warning's tenant, 'default' when it has none.
     tenant TEXT COLLATE "C" NOT NULL,
     version BIGINT NOT NULL DEFAULT 0,
     body TEXT NOT NULL,
     PRIMARY KEY (shop, id)
   );
   CREATE INDEX warnings_by_shop_time ON warnings (shop, time, id);
   CREATE TABLE state (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     shop TEXT,
     source TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   -- The last stream sequence committed per partition: where a worker taking a partition starts.
   CREATE TABLE stream_checkpoints (partition INTEGER PRIMARY KEY, seq BIGINT NOT NULL);`,
  // A consumer key's account; keys are revoked, never deleted, so that the request log's key ids
  // stay explained; an admin lists a tenant's keys newest first.
  `ALTER TABLE api_keys ADD COLUMN account TEXT;
   ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
   CREATE INDEX api_keys_by_source ON api_keys (source, created_at DESC, id DESC);`,
];

/** Any fixed number: the advisory lock every Bulwark process takes while it migrates. */
const MIGRATION_LOCK = 0x62_75_6c_77;

/** Creates `schema` if needed and applies the migrations it lacks, in one transaction. */
export async function migrate(pool: pg.Pool, schema: string, display: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > migrations.length) {
      throw new StoreError('ERR_STORE_SCHEMA_NEWER', `schema ${schema} of ${display} has version ${current}, newer than this ` +
        `Bulwark knows (${migrations.length}); upgrade Bulwark or point --db at another schema`, false);
    }
    for (let v = current + 1; v <= migrations.length; v++) {
      await client.query(migrations[v - 1]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { /* the first error is the one to report */ });
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Applies a set of migrations kept apart from the store's own (a port's tables, added by a file of
 * its own), with its own version table `<name>_schema_migrations`, under the same advisory lock.
 */
export async function migrateSet(pool: pg.Pool, schema: string, display: string, name: string, list: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${name}_schema_migrations (version INTEGER PRIMARY KEY)`);
    const { rows } = await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${name}_schema_migrations`);
    const current = rows[0]?.v ?? 0;
    if (current > list.length) {
      throw new StoreError('ERR_STORE_SCHEMA_NEWER', `the ${name} tables in schema ${schema} of ${display} have version ${current}, newer than ` +
        `this Bulwark knows (${list.length}); upgrade Bulwark or point --db at another schema`, false);
    }
    for (let v = current + 1; v <= list.length; v++) {
      await client.query(list[v - 1]!);
      await client.query(`INSERT INTO ${name}_schema_migrations (version) VALUES ($1)`, [v]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { /* the first error is the one to report */ });
    throw err;
  } finally {
    client.release();
  }
}
