// The embedded store: one SQLite file through better-sqlite3, in WAL mode, migrated on open.
// Each commit is one transaction, so a crash leaves the file at the end of some whole batch.
import Database from 'better-sqlite3';
import type { Alert, Decision } from '../../contract/index.js';
import type { AlertQuery, CommitBatch, Page, Store } from '../../core/index.js';
import type { ApiKeyRecord, KeyStore } from '../keys.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { migrations } from './migrations.js';

/** Store and KeyStore over a SQLite file (or `:memory:`). */
export class SqliteStore implements Store, KeyStore {
  readonly #db: Database.Database;
  readonly #insertEvent: Database.Statement;
  readonly #insertDecision: Database.Statement;
  readonly #upsertAlert: Database.Statement;
  readonly #upsertState: Database.Statement;
  readonly #deleteState: Database.Statement;
  readonly #commitTx: (batch: CommitBatch) => void;

  constructor(readonly path: string) {
    try {
      this.#db = new Database(path);
    } catch (err) {
      throw new StoreError('ERR_STORE_OPEN', `cannot open SQLite database ${path}: ${(err as Error).message}; ` +
        'check that its folder exists and is writable', false);
    }
    this.#db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode (only a power loss can drop the last
    // commits), which is the failure replay must survive; FULL would halve the write rate.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
    this.#insertEvent = this.#db.prepare('INSERT INTO events (id, type, time, source, late, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.#insertDecision = this.#db.prepare('INSERT INTO decisions (event_id, decision, score, body) VALUES (?, ?, ?, ?)');
    this.#upsertAlert = this.#db.prepare(
      `INSERT INTO alerts (id, kind, time, updated, severity, body) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET time = excluded.time, updated = excluded.updated, severity = excluded.severity, body = excluded.body`);
    this.#upsertState = this.#db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#deleteState = this.#db.prepare('DELETE FROM state WHERE key = ?');
    this.#commitTx = this.#db.transaction((batch: CommitBatch) => {
      for (const { event, late } of batch.events) {
        this.#insertEvent.run(event.id, event.type, event.time, event.source ?? 'default', late ? 1 : 0, JSON.stringify(event));
      }
      for (const d of batch.decisions) this.#insertDecision.run(d.event_id, d.decision, d.score, JSON.stringify(d));
      for (const a of batch.alerts) this.#upsertAlert.run(a.id, a.kind, a.time, a.updated, a.severity, JSON.stringify(a));
      for (const [key, value] of batch.state) {
        if (value === undefined) this.#deleteState.run(key);
        else this.#upsertState.run(key, JSON.stringify(value));
      }
    });
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
    for (const row of this.#db.prepare('SELECT id FROM events').raw().iterate() as Iterable<[string]>) each(row[0]);
  }

  async commit(batch: CommitBatch): Promise<void> {
    try {
      this.#commitTx(batch);
    } catch (err) {
      throw new StoreError('ERR_STORE_WRITE', `writing a batch of ${batch.events.length} events to ${this.path} failed: ` +
        `${(err as Error).message}`, /SQLITE_BUSY|SQLITE_LOCKED/.test(String((err as { code?: string }).code)));
    }
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
    if (q.kind) { where.push('kind = ?'); args.push(q.kind); }
    if (q.since) { where.push('time >= ?'); args.push(q.since); }
    if (q.cursor) {
      const [time, id] = decodeCursor(q.cursor);
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

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async createKey(k: ApiKeyRecord): Promise<void> {
    this.#db.prepare('INSERT INTO api_keys (id, hash, role, shop, source, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(k.id, k.hash, k.role, k.shop ?? null, k.source, k.createdAt);
  }

  async findKey(hash: string): Promise<ApiKeyRecord | undefined> {
    const row = this.#db.prepare('SELECT id, hash, role, shop, source, created_at FROM api_keys WHERE hash = ?').get(hash) as
      { id: string; hash: string; role: string; shop: string | null; source: string; created_at: string } | undefined;
    if (!row) return undefined;
    const rec: ApiKeyRecord = { id: row.id, hash: row.hash, role: row.role as ApiKeyRecord['role'], source: row.source, createdAt: row.created_at };
    if (row.shop !== null) rec.shop = row.shop;
    return rec;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** A store failure; `retryable` says whether trying again can help. */
export class StoreError extends Error {
  constructor(readonly code: string, message: string, readonly retryable: boolean) { super(message); }
}
