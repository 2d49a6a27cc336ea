// The shared store: PostgreSQL through a `pg` connection pool, migrated on first use. Each commit
// is one transaction, so the database always holds whole batches. Several processes (workers and
// servers) can use one database at once; the stream's workers add a partition checkpoint to
// their commits (commitFromStream) so that two of them never commit the same events.
import type pg from 'pg';
import type { Alert, BulwarkEvent, Decision } from '../../contract/index.js';
import type { AlertQuery, CommitBatch, Page, Store, Warning, WarningQuery } from '../../core/index.js';
import type { ApiKeyRecord, KeyQuery, KeyStore } from '../keys.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { StoreError } from '../store-error.js';
import { openPool, parsePostgresUrl, storeError, type PostgresTarget } from './connection.js';
import { migrate } from './migrations.js';
import { CheckpointMoved, toRows, writeBatch, type CommitOptions } from './commit.js';
import { insertKey, listKeys, revokeKey, selectKey } from './api-keys.js';
import { scan } from './scan.js';
import { PostgresCaseStore } from './case-store.js';
import { checkpoints, maxVersion, partitionEvents, storedAmong, type PartitionedEvent } from './stream-reads.js';

/** Store and KeyStore over a PostgreSQL schema. */
export class PostgresStore implements Store, KeyStore {
  readonly #target: PostgresTarget;
  readonly #pool: pg.Pool;
  #ready: Promise<void> | undefined;
  #closed = false;
  /** The case desk's records, in tables of their own beside these (migrated on first use). */
  readonly cases: PostgresCaseStore;

  /** `url` is postgres://USER@HOST:PORT/DATABASE, optionally with ?schema=NAME. */
  constructor(url: string) {
    this.#target = parsePostgresUrl(url);
    this.#pool = openPool(this.#target);
    this.cases = new PostgresCaseStore(this);
  }

  /** The schema Bulwark's tables live in (other ports' stores add theirs beside). */
  get schema(): string {
    return this.#target.schema;
  }

  /** The URL with any password redacted. */
  get display(): string {
    return this.#target.display;
  }

  /** Waits until the schema is migrated (done once, on first use); a failure is retried on the next call. */
  async ready(): Promise<pg.Pool> {
    if (this.#closed) throw new StoreError('ERR_STORE_CLOSED', `the PostgreSQL store ${this.display} is closed; open it again`, false);
    this.#ready ??= migrate(this.#pool, this.#target.schema, this.display).catch((err: unknown) => {
      this.#ready = undefined;
      throw storeError('ERR_STORE_OPEN', `migrating ${this.display}`, err);
    });
    await this.#ready;
    return this.#pool;
  }

  async #read<T>(what: string, f: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const pool = await this.ready();
    try {
      return await f(pool);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_QUERY_CURSOR') throw err;
      throw storeError('ERR_STORE_READ', `${what} from ${this.display}`, err);
    }
  }

  async loadState(each: (key: string, value: unknown) => void): Promise<void> {
    await this.#read('loading state', (pool) => scan<{ key: string; value: string }>(pool,
      { sql: 'SELECT value, key FROM state WHERE $KEYSET ORDER BY key LIMIT $LIMIT', keys: ['key'] },
      (r) => each(r.key, JSON.parse(r.value))));
  }

  async loadAppliedIds(each: (id: string) => void): Promise<void> {
    await this.#read('loading applied ids', async (pool) => {
      const upTo = await snapshotSeq(pool);
      await scan<{ id: string }>(pool, { sql: 'SELECT id, seq FROM events WHERE seq <= $1 AND $KEYSET ORDER BY seq LIMIT $LIMIT', keys: ['seq'], args: [upTo] },
        (r) => each(r.id));
    });
  }

  async eventsAfterSnapshot(each: (event: BulwarkEvent) => void): Promise<void> {
    await this.#read('loading events after the snapshot', async (pool) => {
      const after = await snapshotSeq(pool);
      await scan<{ body: string }>(pool, { sql: 'SELECT body, seq FROM events WHERE seq > $1 AND $KEYSET ORDER BY seq LIMIT $LIMIT', keys: ['seq'], args: [after] },
        (r) => each(JSON.parse(r.body) as BulwarkEvent));
    });
  }

  async commit(batch: CommitBatch): Promise<void> {
    await this.commitWith(batch, {});
  }

  /** Commits `batch` with a worker's controls (stream checkpoint, alert versions); see CommitOptions. */
  async commitWith(batch: CommitBatch, opts: CommitOptions): Promise<void> {
    // Serialised before the first await: the pipeline goes on mutating alerts once we yield.
    const rows = toRows(batch);
    const pool = await this.ready();
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw storeError('ERR_STORE_WRITE', `connecting to ${this.display} to write a batch of ${batch.events.length} events`, err);
    }
    let broken = false;
    try {
      await writeBatch(client, rows, batch, opts);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      if (err instanceof CheckpointMoved) throw err;
      throw storeError('ERR_STORE_WRITE', `writing a batch of ${batch.events.length} events to ${this.display}`, err);
    } finally {
      // A connection that could not even roll back is not given to the next caller.
      client.release(broken);
    }
  }

  async decisionFor(eventId: string): Promise<Decision | undefined> {
    return this.#read('reading a decision', async (pool) => {
      const { rows } = await pool.query<{ body: string }>('SELECT body FROM decisions WHERE event_id = $1', [eventId]);
      return rows[0] ? JSON.parse(rows[0].body) as Decision : undefined;
    });
  }

  async decisions(each: (d: Decision) => void): Promise<void> {
    await this.#read('reading decisions', (pool) => scan<{ body: string }>(pool,
      { sql: 'SELECT body, seq FROM decisions WHERE $KEYSET ORDER BY seq LIMIT $LIMIT', keys: ['seq'] },
      (r) => each(JSON.parse(r.body) as Decision)));
  }

  async allAlerts(): Promise<Alert[]> {
    const out: Alert[] = [];
    await this.#read('reading alerts', (pool) => scan<{ body: string }>(pool,
      { sql: 'SELECT body, time, id FROM alerts WHERE $KEYSET ORDER BY time, id LIMIT $LIMIT', keys: ['time', 'id'] },
      (r) => out.push(JSON.parse(r.body) as Alert)));
    return out;
  }

  async listAlerts(q: AlertQuery): Promise<Page<Alert>> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => { args.push(v); return `$${args.length}`; };
    if (q.source !== undefined) where.push(`source = ${arg(q.source)}`);
    if (q.kind) where.push(`kind = ${arg(q.kind)}`);
    if (q.since) where.push(`time >= ${arg(q.since)}`);
    if (q.cursor) {
      const [time, id] = decodeCursor(q.cursor, 2);
      where.push(`(time, id) < (${arg(time)}, ${arg(id)})`);
    }
    const sql = `SELECT body FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time DESC, id DESC LIMIT ${arg(q.limit + 1)}`;
    return this.#read('listing alerts', async (pool) => page<Alert>((await pool.query<{ body: string }>(sql, args)).rows, q.limit));
  }

  async getAlert(id: string): Promise<Alert | undefined> {
    return this.#read('reading an alert', async (pool) => {
      const { rows } = await pool.query<{ body: string }>('SELECT body FROM alerts WHERE id = $1', [id]);
      return rows[0] ? JSON.parse(rows[0].body) as Alert : undefined;
    });
  }

  async listWarnings(shopId: string, q: WarningQuery): Promise<Page<Warning>> {
    const args: unknown[] = [shopId];
    let after = '';
    if (q.source !== undefined) { args.push(q.source); after += ` AND tenant = $${args.length}`; }
    if (q.cursor) {
      const [time, id] = decodeCursor(q.cursor, 2);
      args.push(time, id);
      after += ` AND (time, id) < ($${args.length - 1}, $${args.length})`;
    }
    args.push(q.limit + 1);
    const sql = `SELECT body FROM warnings WHERE shop = $1${after} ORDER BY time DESC, id DESC LIMIT $${args.length}`;
    return this.#read('listing warnings', async (pool) => page<Warning>((await pool.query<{ body: string }>(sql, args)).rows, q.limit));
  }

  async warnings(each: (w: Warning) => void): Promise<void> {
    await this.#read('reading warnings', (pool) => scan<{ body: string }>(pool,
      { sql: 'SELECT body, shop, time, id FROM warnings WHERE $KEYSET ORDER BY shop, time, id LIMIT $LIMIT', keys: ['shop', 'time', 'id'] },
      (r) => each(JSON.parse(r.body) as Warning)));
  }

  async ping(): Promise<void> {
    await this.#read('ping', (pool) => pool.query('SELECT 1'));
  }

  async createKey(k: ApiKeyRecord): Promise<void> {
    await this.#read('storing an API key', (pool) => insertKey(pool, k));
  }

  async findKey(hash: string): Promise<ApiKeyRecord | undefined> {
    return this.#read('looking up an API key', (pool) => selectKey(pool, hash));
  }

  async listKeys(q: KeyQuery): Promise<Page<ApiKeyRecord>> {
    return this.#read('listing API keys', (pool) => listKeys(pool, q));
  }

  async revokeKey(id: string, source: string, at: string): Promise<ApiKeyRecord | undefined> {
    return this.#read('revoking an API key', (pool) => revokeKey(pool, id, source, at));
  }

  /** The stream's partition checkpoints: the last sequence committed per partition. */
  async checkpoints(): Promise<Map<number, number>> {
    return this.#read('reading partition checkpoints', checkpoints);
  }

  /** Which of `ids` are stored events. */
  async storedAmong(ids: readonly string[]): Promise<Set<string>> {
    return this.#read('looking up applied events', (pool) => storedAmong(pool, ids));
  }

  /** The highest alert or warning version stored. */
  async maxVersion(): Promise<number> {
    return this.#read('reading the highest version', maxVersion);
  }

  /** The stored events of some partitions past a sequence each, in commit order. */
  async partitionEvents(after: ReadonlyMap<number, number>, each: (e: PartitionedEvent) => void): Promise<void> {
    await this.#read('reading stored events', (pool) => partitionEvents(pool, after, each));
  }

  /** Waits for the queries under way, then closes the pool; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ready?.catch(() => { /* reported to whoever used the store */ });
    await this.#pool.end();
  }
}

async function snapshotSeq(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'snapshot_seq'");
  return rows[0] ? Number(rows[0].value) : 0;
}

function page<T extends { time: string; id: string }>(rows: Array<{ body: string }>, limit: number): Page<T> {
  const items = rows.slice(0, limit).map((r) => JSON.parse(r.body) as T);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > limit && last ? encodeCursor([last.time, last.id]) : null };
}
