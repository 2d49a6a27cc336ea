// The alliance's SignalStore over a SQLite file (the one of the SqliteStore), migrated on its
// own version table, on a connection of its own: signals are few and written rarely, so they do not go through the
// event writer thread. Each method is one transaction.
import type Database from 'better-sqlite3';
import type { FeedPage, FeedSignal, PublishedSignal, ReceivedSignal, SignalStore } from '../../alliance/index.js';
import { migrateAlliance } from './alliance-migrations.js';
import { openDatabase } from './open.js';
import { StoreError } from '../store-error.js';

/** Fields of a published signal that go on the wire, in this order. */
const FEED_FIELDS = ['id', 'seq', 'kind', 'key_id', 'hash', 'abuse', 'confidence', 'first_seen', 'last_seen', 'expires_at', 'case_ref', 'status'] as const;

export class SqliteSignalStore implements SignalStore {
  readonly #db: Database.Database;

  /** Opens (and migrates) the alliance tables of the SQLite file at `path`. */
  constructor(readonly path: string) {
    if (path === ':memory:' || path === '') {
      throw new StoreError('ERR_STORE_SIGNALS_MEMORY', 'the alliance needs a SQLite file (--db PATH): an in-memory database is private to one connection', false);
    }
    this.#db = openDatabase(path, 'reads');
    try {
      migrateAlliance(this.#db, path);
    } catch (err) {
      this.#db.close();
      throw err;
    }
  }

  async savePublished(signals: readonly Omit<PublishedSignal, 'seq'>[]): Promise<PublishedSignal[]> {
    const next = this.#db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM alliance_published');
    const upsert = this.#db.prepare(`INSERT INTO alliance_published (id, seq, case_id, tenant, status, body) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, status = excluded.status, body = excluded.body`);
    // IMMEDIATE: the next feed position is read and taken under the write lock, so two writers never take the same one.
    return this.#db.transaction(() => signals.map((s) => {
      const seq = (next.get() as { seq: number }).seq;
      const stored: PublishedSignal = { ...s, seq };
      upsert.run(s.id, seq, s.caseId, s.tenant, s.status, JSON.stringify(stored));
      return stored;
    })).immediate();
  }

  async publishedOfCase(caseId: string): Promise<PublishedSignal[]> {
    return (this.#db.prepare('SELECT body FROM alliance_published WHERE case_id = ? ORDER BY id').raw().all(caseId) as [string][])
      .map(([b]) => JSON.parse(b) as PublishedSignal);
  }

  async casesWithActiveSignals(): Promise<string[]> {
    return (this.#db.prepare("SELECT DISTINCT case_id FROM alliance_published WHERE status = 'active' ORDER BY case_id").raw().all() as [string][]).map(([c]) => c);
  }

  async listPublished(q: { tenant?: string; caseId?: string; limit: number; cursor?: number }): Promise<{ items: PublishedSignal[]; next: number | null }> {
    const where: string[] = ['seq < ?'];
    const args: unknown[] = [q.cursor ?? Number.MAX_SAFE_INTEGER];
    if (q.tenant !== undefined) { where.push('tenant = ?'); args.push(q.tenant); }
    if (q.caseId !== undefined) { where.push('case_id = ?'); args.push(q.caseId); }
    const rows = this.#db.prepare(`SELECT body FROM alliance_published WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
      .raw().all(...args, q.limit + 1) as [string][];
    const items = rows.slice(0, q.limit).map(([b]) => JSON.parse(b) as PublishedSignal);
    return { items, next: rows.length > q.limit ? items.at(-1)!.seq : null };
  }

  async feed(after: number, limit: number): Promise<FeedPage> {
    const rows = this.#db.prepare('SELECT body FROM alliance_published WHERE seq > ? ORDER BY seq LIMIT ?').raw().all(after, limit + 1) as [string][];
    const items = rows.slice(0, limit).map(([b]) => toFeed(JSON.parse(b) as PublishedSignal));
    return { items, cursor: items.at(-1)?.seq ?? after, hasMore: rows.length > limit };
  }

  async saveReceived(partner: string, signals: readonly ReceivedSignal[], cursor: number | undefined): Promise<void> {
    const put = this.#db.prepare('INSERT INTO alliance_received (id, partner, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    const setCursor = this.#db.prepare('INSERT INTO alliance_cursors (partner, cursor) VALUES (?, ?) ON CONFLICT (partner) DO UPDATE SET cursor = excluded.cursor');
    this.#db.transaction(() => {
      for (const s of signals) put.run(s.id, s.partner, JSON.stringify(s));
      if (cursor !== undefined) setCursor.run(partner, cursor);
    }).immediate();
  }

  async received(each: (s: ReceivedSignal) => void): Promise<void> {
    for (const [b] of this.#db.prepare('SELECT body FROM alliance_received ORDER BY id').raw().iterate() as Iterable<[string]>) {
      each(JSON.parse(b) as ReceivedSignal);
    }
  }

  async partnerCursor(partner: string): Promise<number> {
    const row = this.#db.prepare('SELECT cursor FROM alliance_cursors WHERE partner = ?').get(partner) as { cursor: number } | undefined;
    return row?.cursor ?? 0;
  }

  async useNonce(partner: string, nonce: string, expiresMs: number, nowMs: number): Promise<boolean> {
    return this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM alliance_nonces WHERE expires_ms <= ?').run(nowMs);
      return this.#db.prepare('INSERT INTO alliance_nonces (partner, nonce, expires_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
        .run(partner, nonce, expiresMs).changes === 1;
    }).immediate();
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}

/** The wire form of a published signal: only the feed's fields, never the case id, tenant or value. */
function toFeed(s: PublishedSignal): FeedSignal {
  const out: Record<string, unknown> = {};
  for (const f of FEED_FIELDS) out[f] = s[f];
  return out as unknown as FeedSignal;
}
