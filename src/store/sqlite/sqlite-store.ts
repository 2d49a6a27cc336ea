// The embedded store: one SQLite file through better-sqlite3, in WAL mode, migrated on open.
// Each commit is one transaction, so a crash leaves the file at the end of some whole batch.
import type Database from 'better-sqlite3';
import type { Alert, BulwarkEvent, Decision } from '../../contract/index.js';
import type { Activity, ActivityRange, ActivityReader, AlertQuery, CommitBatch, ItemActivity, Page, Store, Warning, WarningQuery } from '../../core/index.js';
import type { ApiKeyRecord, KeyQuery, KeyStore } from '../keys.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { migrations } from './migrations.js';
import { openDatabase } from './open.js';
import { BatchWriter, SNAPSHOT_CHUNK, stateChunks, toRows, type WriteStep } from './batch-writer.js';
import { WriterThread } from './writer-client.js';
import { StoreError } from '../store-error.js';
import { migrateCases } from './case-migrations.js';
import { SqliteCaseStore } from './case-store.js';
import { activity, activitySpan, itemActivity } from './activity.js';
import { insertKey, listKeys, revokeKey, selectKey } from './api-keys.js';

/**
 * Store and KeyStore over a SQLite file (or `:memory:`). Commits of a file store are written by
 * a writer thread, so that the pipeline overlaps with the disk; reads use this thread's connection.
 */
/** Snapshot chunks sent ahead of the writer: enough to keep both threads busy, few enough to hold little memory. */
const SNAPSHOT_WINDOW = 4;

export class SqliteStore implements Store, KeyStore, ActivityReader {
  readonly #db: Database.Database;
  readonly #writer: WriterThread | BatchWriter;
  /** The case desk's records, in the same file. */
  readonly cases: SqliteCaseStore;

  /**
   * `backgroundCheckpoints` (serve): the write-ahead log is checkpointed by a thread of its own,
   * never by a commit, which requests wait for; a replay's few large commits need none.
   */
  constructor(readonly path: string, opts: { backgroundCheckpoints?: boolean } = {}) {
    // An in-memory database exists only on this connection, so it is written here.
    const inMemory = path === ':memory:' || path === '';
    this.#db = openDatabase(path, inMemory ? 'writes' : 'reads');
    this.#migrate();
    migrateCases(this.#db, path);
    this.cases = new SqliteCaseStore(this.#db);
    this.#writer = inMemory ? new BatchWriter(this.#db) : new WriterThread(path, opts);
  }

  #migrate(): void {
    this.#db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const row = this.#db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > migrations.length) {
      throw new StoreError('ERR_STORE_SCHEMA_NEWER', `database ${this.path} has schema version ${current}, newer than this ` +
        `Bulwark knows (${migrations.length}); upgrade Bulwark or use another --db`, false);
    }
    for (let v = current + 1; v <= migrations.length; v++) {
      this.#db.transaction(() => {
        this.#db.exec(migrations[v - 1]!);
        this.#db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(v);
      })();
    }
  }

  async loadState(each: (key: string, value: unknown) => void): Promise<void> {
    for (const row of this.#db.prepare('SELECT key, value FROM state').iterate() as Iterable<{ key: string; value: string }>) {
      each(row.key, JSON.parse(row.value));
    }
  }

  async loadAppliedIds(each: (id: string) => void): Promise<void> {
    const upTo = this.#snapshotSeq();
    for (const row of this.#db.prepare('SELECT id FROM events WHERE seq <= ?').raw().iterate(upTo) as Iterable<[string]>) each(row[0]);
  }

  async eventsAfterSnapshot(each: (event: BulwarkEvent) => void): Promise<void> {
    const after = this.#snapshotSeq();
    for (const row of this.#db.prepare('SELECT body FROM events WHERE seq > ? ORDER BY seq').raw().iterate(after) as Iterable<[string]>) {
      each(JSON.parse(row[0]) as BulwarkEvent);
    }
  }

  #snapshotSeq(): number {
    const row = this.#db.prepare("SELECT value FROM meta WHERE key = 'snapshot_seq'").get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  async commit(batch: CommitBatch): Promise<void> {
    try {
      const rows = toRows(batch);
      const snapshot = batch.snapshot;
      if (!snapshot) {
        await this.#step({ op: 'batch', rows });
      } else {
        // Chunks go out up to SNAPSHOT_WINDOW ahead of the writer, so that this thread serialises
        // the next chunks while the writer inserts the earlier ones; the steps run in order, so a
        // failure midway leaves an open transaction that the rollback below undoes whole.
        const sent: Array<Promise<void>> = [];
        const send = (step: WriteStep) => {
          const p = this.#step(step);
          p.catch(() => { /* awaited below; this only keeps an early failure from going unhandled */ });
          sent.push(p);
        };
        try {
          send({ op: 'begin', rows });
          for (const rows of stateChunks(snapshot, SNAPSHOT_CHUNK)) {
            send({ op: 'state', rows });
            if (sent.length > SNAPSHOT_WINDOW) await sent.shift();
          }
          send({ op: 'commit' });
          batch.onSnapshotRead?.();
          for (const p of sent) await p;
        } catch (err) {
          await Promise.allSettled(sent);
          await this.#step({ op: 'rollback' }).catch(() => { /* the first error is the one to report */ });
          throw err;
        }
      }
    } catch (err) {
      throw new StoreError('ERR_STORE_WRITE', `writing a batch of ${batch.events.length} events to ${this.path} failed: ` +
        `${(err as Error).message}`, /SQLITE_BUSY|SQLITE_LOCKED/.test(String((err as { code?: string }).code)));
    }
  }

  #step(step: WriteStep): Promise<void> {
    if (this.#writer instanceof WriterThread) return this.#writer.step(step);
    this.#writer.step(step);
    return Promise.resolve();
  }

  async decisionFor(eventId: string): Promise<Decision | undefined> {
    const row = this.#db.prepare('SELECT body FROM decisions WHERE event_id = ?').get(eventId) as { body: string } | undefined;
    return row ? JSON.parse(row.body) as Decision : undefined;
  }

  async decisions(each: (d: Decision) => void): Promise<void> {
    for (const row of this.#db.prepare('SELECT body FROM decisions ORDER BY seq').raw().iterate() as Iterable<[string]>) {
      each(JSON.parse(row[0]) as Decision);
    }
  }

  async allAlerts(): Promise<Alert[]> {
    return (this.#db.prepare('SELECT body FROM alerts ORDER BY time, id').raw().all() as Array<[string]>)
      .map((r) => JSON.parse(r[0]) as Alert);
  }

  async listAlerts(q: AlertQuery): Promise<Page<Alert>> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.source !== undefined) { where.push('source = ?'); args.push(q.source); }
    if (q.kind) { where.push('kind = ?'); args.push(q.kind); }
    if (q.since) { where.push('time >= ?'); args.push(q.since); }
    if (q.cursor) {
      const [time, id] = decodeCursor(q.cursor, 2);
      where.push('(time < ? OR (time = ? AND id < ?))'); args.push(time, time, id);
    }
    const sql = `SELECT body FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time DESC, id DESC LIMIT ?`;
    const rows = this.#db.prepare(sql).raw().all(...args, q.limit + 1) as Array<[string]>;
    const items = rows.slice(0, q.limit).map((r) => JSON.parse(r[0]) as Alert);
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([last.time, last.id]) : null };
  }

  async getAlert(id: string): Promise<Alert | undefined> {
    const row = this.#db.prepare('SELECT body FROM alerts WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? JSON.parse(row.body) as Alert : undefined;
  }

  async listWarnings(shopId: string, q: WarningQuery): Promise<Page<Warning>> {
    const args: unknown[] = [shopId];
    let after = '';
    if (q.source !== undefined) { after += ' AND tenant = ?'; args.push(q.source); }
    if (q.cursor) {
      const [time, id] = decodeCursor(q.cursor, 2);
      after += ' AND (time < ? OR (time = ? AND id < ?))';
      args.push(time, time, id);
    }
    const rows = this.#db.prepare(`SELECT body FROM warnings WHERE shop = ?${after} ORDER BY time DESC, id DESC LIMIT ?`)
      .raw().all(...args, q.limit + 1) as Array<[string]>;
    const items = rows.slice(0, q.limit).map((r) => JSON.parse(r[0]) as Warning);
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([last.time, last.id]) : null };
  }

  async warnings(each: (w: Warning) => void): Promise<void> {
    for (const row of this.#db.prepare('SELECT body FROM warnings ORDER BY shop, time, id').raw().iterate() as Iterable<[string]>) {
      each(JSON.parse(row[0]) as Warning);
    }
  }

  async activitySpan(source?: string): Promise<{ firstMs: number; lastMs: number } | undefined> {
    return activitySpan(this.#db, source);
  }

  async activity(range: ActivityRange): Promise<Activity> {
    return activity(this.#db, range);
  }

  async itemActivity(itemId: string, range: ActivityRange): Promise<ItemActivity> {
    return itemActivity(this.#db, itemId, range);
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async createKey(k: ApiKeyRecord): Promise<void> {
    insertKey(this.#db, k);
  }

  async findKey(hash: string): Promise<ApiKeyRecord | undefined> {
    return selectKey(this.#db, hash);
  }

  async listKeys(q: KeyQuery): Promise<Page<ApiKeyRecord>> {
    return listKeys(this.#db, q);
  }

  async revokeKey(id: string, source: string, at: string): Promise<ApiKeyRecord | undefined> {
    return revokeKey(this.#db, id, source, at);
  }

  /** Waits for the commits under way, then closes; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.#writer instanceof WriterThread) await this.#writer.close();
    if (this.#db.open) this.#db.close();
  }
}
