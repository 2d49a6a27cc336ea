// Connecting to PostgreSQL: the URL (with Bulwark's optional `schema` parameter), the pool, and
// turning driver errors into StoreErrors that say whether a retry can help.
import pg from 'pg';
import { StoreError } from '../store-error.js';

/** A --db value names PostgreSQL when it starts with one of these. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export interface PostgresTarget {
  /** The URL without Bulwark's own parameters, as the driver takes it. */
  connectionString: string;
  /** The schema Bulwark's tables live in; created when missing. */
  schema: string;
  /** The URL with any password replaced, for messages and logs. */
  display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads a postgres:// URL. `?schema=NAME` puts Bulwark's tables in that schema (tests use one per
 * run; several deployments can share a database); the default is `public`.
 */
export function parsePostgresUrl(db: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(db);
  } catch {
    throw new StoreError('ERR_STORE_URL', `--db ${JSON.stringify(redact(db))} is not a valid URL; write postgres://USER@HOST:PORT/DATABASE`, false);
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreError('ERR_STORE_URL', `schema ${JSON.stringify(schema)} in --db is not a plain lower-case SQL name; ` +
      'use letters, digits and _ (at most 63), starting with a letter or _', false);
  }
  url.searchParams.delete('schema');
  const display = new URL(url.href);
  if (display.password) display.password = '<redacted>';
  return { connectionString: url.href, schema, display: display.href };
}

function redact(db: string): string {
  return db.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:<redacted>@');
}

/** Pool size: one writer at a time per engine, plus readers for the HTTP API. */
const POOL_MAX = 8;

/** Opens a pool whose connections use `schema` first on their search path. */
export function openPool(target: PostgresTarget): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: POOL_MAX,
    // A refused or unreachable server fails a query within this time rather than hanging it.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path=${target.schema},public`,
    application_name: 'bulwark',
  });
  // An idle connection the server ends (a restart, pg_terminate_backend) reports here; without
  // a listener it would crash the process. The next query opens a fresh connection.
  pool.on('error', () => { /* the pool drops the client; queries report their own errors */ });
  // A connection cut while a client is checked out (a transaction under way when the server or
  // the network goes) is reported on the client itself; without a listener that crashes the
  // process. The query in flight fails with the same error, and the caller retries.
  pool.on('connect', (client) => { client.on('error', () => { /* reported by the query that fails */ }); });
  return pool;
}

/** Error codes of a server that is down, restarting or refusing connections: a retry can help. */
const TRANSIENT_SQLSTATE = /^(08|57P0[1-3]|53300|40001|40P01)/;
const TRANSIENT_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** True when `err` comes from a connection or server state that a later retry may not meet. */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string' && (TRANSIENT_SQLSTATE.test(e.code) || TRANSIENT_NODE.has(e.code))) return true;
  return typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message);
}

/** Wraps a driver error in a StoreError with `code`, naming what was being done. */
export function storeError(code: string, what: string, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const transient = isTransient(err);
  const hint = transient ? '; PostgreSQL is unreachable or refusing connections, a retry may succeed' : '';
  return new StoreError(transient ? 'ERR_STORE_UNAVAILABLE' : code, `${what} failed: ${(err as Error).message}${hint}`, transient);
}
