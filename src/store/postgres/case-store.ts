// The case desk's storage in PostgreSQL, beside the PostgresStore's tables: each record as JSON
// text with the columns its lists filter and sort on, as the SQLite case store keeps them. The
// shops and accounts a case names are arrays with GIN indexes, so "cases naming this shop" is an
// index lookup. A write is one transaction; the audit log refuses changes (a trigger).
import type { EventOf } from '../../contract/index.js';
import { SEVERITIES } from '../../contract/index.js';
import type { Page } from '../../core/index.js';
import type {
  Appeal, AppealQuery, AuditEntry, CaseQuery, CaseRecord, CaseStore, CaseWrite, Complaint, ComplaintQuery, Delivery,
  DeliveryStatus, QualityScore, Sanction, SanctionQuery,
} from '../../cases/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { Params, PortTables, bodies } from './port-tables.js';
import type { PostgresStore } from './postgres-store.js';

/** The case tables; never edited once released, a change is a new entry at the end. */
export const caseMigrations: readonly string[] = [
  // Sorted text columns use the "C" collation: byte order, as SQLite sorts, so pages come out alike.
  `CREATE TABLE cases (
     id TEXT COLLATE "C" PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, severity_rank INTEGER NOT NULL,
     at_stake BIGINT NOT NULL, opened TEXT COLLATE "C" NOT NULL, assignee TEXT,
     shops TEXT[] NOT NULL, accounts TEXT[] NOT NULL, victim_shops TEXT[] NOT NULL, accused_shops TEXT[] NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX cases_queue ON cases (source, severity_rank DESC, at_stake DESC, opened, id);
   CREATE INDEX cases_newest ON cases (source, opened DESC, id DESC);
   CREATE INDEX cases_by_shop ON cases USING GIN (shops);
   CREATE INDEX cases_by_account ON cases USING GIN (accounts);
   CREATE INDEX cases_by_victim ON cases USING GIN (victim_shops);
   CREATE TABLE case_audit (
     seq BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, case_id TEXT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX case_audit_by_case ON case_audit (case_id, seq);
   CREATE FUNCTION case_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
   CREATE TRIGGER case_audit_no_change BEFORE UPDATE OR DELETE ON case_audit
     FOR EACH ROW EXECUTE FUNCTION case_audit_append_only();
   CREATE TABLE sanctions (
     id TEXT COLLATE "C" PRIMARY KEY, source TEXT NOT NULL, case_id TEXT NOT NULL, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
     effective_at TEXT COLLATE "C" NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX sanctions_by_subject ON sanctions (source, subject_type, subject_id, effective_at);
   CREATE INDEX sanctions_by_case ON sanctions (case_id);
   CREATE TABLE complaints (
     id TEXT COLLATE "C" PRIMARY KEY, source TEXT NOT NULL, by_id TEXT NOT NULL, status TEXT NOT NULL, filed_at TEXT COLLATE "C" NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX complaints_by_filer ON complaints (source, by_id, filed_at DESC, id DESC);
   CREATE INDEX complaints_by_time ON complaints (source, filed_at DESC, id DESC);
   CREATE TABLE appeals (
     id TEXT COLLATE "C" PRIMARY KEY, source TEXT NOT NULL, subject_id TEXT NOT NULL, status TEXT NOT NULL, filed_at TEXT COLLATE "C" NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX appeals_by_time ON appeals (source, filed_at DESC, id DESC);
   CREATE TABLE quality_scores (seq BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, shop TEXT NOT NULL, at TEXT NOT NULL, body TEXT NOT NULL);
   CREATE INDEX quality_by_shop ON quality_scores (source, shop, seq DESC);
   CREATE TABLE webhook_deliveries (
     id TEXT COLLATE "C" PRIMARY KEY, source TEXT NOT NULL, status TEXT NOT NULL, next_at TEXT COLLATE "C" NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX deliveries_due ON webhook_deliveries (status, next_at);
   CREATE TABLE case_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

const UPSERT = (table: string, cols: readonly string[]) =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) ` +
  `ON CONFLICT (id) DO UPDATE SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
const CASE_COLS = ['id', 'source', 'kind', 'status', 'severity_rank', 'at_stake', 'opened', 'assignee', 'shops', 'accounts', 'victim_shops', 'accused_shops', 'body'];
const DELIVERY_COLS = ['id', 'source', 'status', 'next_at', 'created_at', 'body'];

/** CaseStore over a PostgresStore's schema. */
export class PostgresCaseStore implements CaseStore {
  readonly #t: PortTables;

  constructor(store: PostgresStore) {
    this.#t = new PortTables(store, 'cases', caseMigrations);
  }

  async write(w: CaseWrite): Promise<void> {
    await this.#t.tx('saving case records', async (c) => {
      for (const k of w.cases ?? []) {
        await c.query(UPSERT('cases', CASE_COLS), [k.id, k.source, k.kind, k.status, SEVERITIES.indexOf(k.severity), k.at_stake_fen, k.opened,
          k.assignee ?? null, k.shops, k.accounts, k.victim_shops, k.accused_shops, JSON.stringify(k)]);
      }
      for (const s of w.sanctions ?? []) {
        await c.query(UPSERT('sanctions', ['id', 'source', 'case_id', 'subject_type', 'subject_id', 'effective_at', 'body']),
          [s.id, s.source, s.case_id, s.subject.type, s.subject.id, s.effective_at, JSON.stringify(s)]);
      }
      for (const k of w.complaints ?? []) {
        await c.query(UPSERT('complaints', ['id', 'source', 'by_id', 'status', 'filed_at', 'body']), [k.id, k.source, k.by_id, k.status, k.filed_at, JSON.stringify(k)]);
      }
      for (const a of w.appeals ?? []) {
        await c.query(UPSERT('appeals', ['id', 'source', 'subject_id', 'status', 'filed_at', 'body']), [a.id, a.source, a.subject.id, a.status, a.filed_at, JSON.stringify(a)]);
      }
      for (const e of w.audit ?? []) {
        await c.query('INSERT INTO case_audit (source, case_id, at, actor, action, body) VALUES ($1, $2, $3, $4, $5, $6)',
          [e.source, e.case_id ?? null, e.at, e.actor, e.action, JSON.stringify(e)]);
      }
      for (const q of w.quality ?? []) {
        await c.query('INSERT INTO quality_scores (source, shop, at, body) VALUES ($1, $2, $3, $4)', [q.source, q.shop, q.at, JSON.stringify(q)]);
      }
      // A message queued again (the same id) is left as it is: its attempts and status stand.
      for (const d of w.enqueue ?? []) {
        await c.query(`INSERT INTO webhook_deliveries (${DELIVERY_COLS.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
          [d.id, d.source, d.status, d.next_at, d.created_at, JSON.stringify(d)]);
      }
      for (const d of w.deliveries ?? []) {
        await c.query(UPSERT('webhook_deliveries', DELIVERY_COLS), [d.id, d.source, d.status, d.next_at, d.created_at, JSON.stringify(d)]);
      }
      if (w.complaintsThrough !== undefined) {
        await c.query("INSERT INTO case_meta (key, value) VALUES ('complaints_through', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
          [String(w.complaintsThrough)]);
      }
    });
  }

  getCase(id: string): Promise<CaseRecord | undefined> {
    return this.#one<CaseRecord>('reading a case', 'SELECT body FROM cases WHERE id = $1', id);
  }

  async listCases(q: CaseQuery): Promise<Page<CaseRecord>> {
    const p = new Params();
    const where = [`source = ${p.add(q.source)}`];
    if (q.kind) where.push(`kind = ${p.add(q.kind)}`);
    if (q.status) where.push(`status = ${p.add(q.status)}`);
    if (q.severity) where.push(`severity_rank = ${p.add(SEVERITIES.indexOf(q.severity as never))}`);
    if (q.assignee) where.push(`assignee = ${p.add(q.assignee)}`);
    if (q.openedBefore) where.push(`opened <= ${p.add(q.openedBefore)}`);
    if (q.shop) where.push(`shops @> ARRAY[${p.add(q.shop)}::text]`);
    if (q.account) where.push(`accounts @> ARRAY[${p.add(q.account)}::text]`);
    if (q.visibleToShop) {
      const s = p.add(q.visibleToShop);
      where.push(`(victim_shops @> ARRAY[${s}::text] OR (status = 'confirmed' AND accused_shops @> ARRAY[${s}::text]))`);
    }
    // Queue: most severe first, then most money at stake, then the oldest; `newest`: by first seen.
    const queue = q.order === 'queue';
    if (q.cursor) {
      if (queue) {
        const [rank, stake, opened, id] = decodeCursor(q.cursor, 4);
        const r = p.add(Number(rank));
        const st = p.add(Number(stake));
        const o = p.add(opened);
        where.push(`(severity_rank < ${r} OR (severity_rank = ${r} AND (at_stake < ${st} OR (at_stake = ${st} AND (opened > ${o} OR (opened = ${o} AND id > ${p.add(id)}))))))`);
      } else {
        const [opened, id] = decodeCursor(q.cursor, 2);
        const o = p.add(opened);
        where.push(`(opened < ${o} OR (opened = ${o} AND id < ${p.add(id)}))`);
      }
    }
    const order = queue ? 'severity_rank DESC, at_stake DESC, opened ASC, id ASC' : 'opened DESC, id DESC';
    const sql = `SELECT body FROM cases WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p.add(q.limit + 1)}`;
    const rows = await this.#t.read('listing cases', async (pool) => (await pool.query<{ body: string }>(sql, p.args)).rows);
    const items = bodies<CaseRecord>(rows.slice(0, q.limit));
    const last = items[items.length - 1];
    const next = rows.length > q.limit && last
      ? encodeCursor(queue ? [String(SEVERITIES.indexOf(last.severity)), String(last.at_stake_fen), last.opened, last.id] : [last.opened, last.id])
      : null;
    return { items, next_cursor: next };
  }

  audit(caseId: string): Promise<AuditEntry[]> {
    return this.#all<AuditEntry>('reading a case\'s audit log', 'SELECT body FROM case_audit WHERE case_id = $1 ORDER BY seq', [caseId]);
  }

  getSanction(id: string): Promise<Sanction | undefined> {
    return this.#one<Sanction>('reading a sanction', 'SELECT body FROM sanctions WHERE id = $1', id);
  }

  sanctions(q: SanctionQuery): Promise<Sanction[]> {
    const p = new Params();
    const where = [`source = ${p.add(q.source)}`];
    if (q.subjectType) where.push(`subject_type = ${p.add(q.subjectType)}`);
    if (q.subjectId) where.push(`subject_id = ${p.add(q.subjectId)}`);
    if (q.caseId) where.push(`case_id = ${p.add(q.caseId)}`);
    return this.#all<Sanction>('listing sanctions', `SELECT body FROM sanctions WHERE ${where.join(' AND ')} ORDER BY effective_at, id`, p.args);
  }

  getComplaint(id: string): Promise<Complaint | undefined> {
    return this.#one<Complaint>('reading a complaint', 'SELECT body FROM complaints WHERE id = $1', id);
  }

  complaintsByIds(ids: readonly string[]): Promise<Complaint[]> {
    // One array parameter, however many ids: no placeholder limit to chunk under.
    return this.#all<Complaint>('reading complaints', 'SELECT body FROM complaints WHERE id = ANY($1::text[]) ORDER BY id', [ids]);
  }

  complaintIds(): Promise<string[]> {
    return this.#t.read('listing complaint ids', async (pool) => (await pool.query<{ id: string }>('SELECT id FROM complaints')).rows.map((r) => r.id));
  }

  listComplaints(q: ComplaintQuery): Promise<Page<Complaint>> {
    const p = new Params();
    const where = [`source = ${p.add(q.source)}`];
    if (q.byId !== undefined) where.push(`by_id = ${p.add(q.byId)}`);
    if (q.status) where.push(`status = ${p.add(q.status)}`);
    return this.#page<Complaint>('complaints', p, where, q, (c) => [c.filed_at, c.id]);
  }

  getAppeal(id: string): Promise<Appeal | undefined> {
    return this.#one<Appeal>('reading an appeal', 'SELECT body FROM appeals WHERE id = $1', id);
  }

  listAppeals(q: AppealQuery): Promise<Page<Appeal>> {
    const p = new Params();
    const where = [`source = ${p.add(q.source)}`];
    if (q.subjectId !== undefined) where.push(`subject_id = ${p.add(q.subjectId)}`);
    if (q.status) where.push(`status = ${p.add(q.status)}`);
    return this.#page<Appeal>('appeals', p, where, q, (a) => [a.filed_at, a.id]);
  }

  qualityHistory(source: string, shop: string, limit: number): Promise<QualityScore[]> {
    return this.#all<QualityScore>('reading quality scores', 'SELECT body FROM quality_scores WHERE source = $1 AND shop = $2 ORDER BY seq DESC LIMIT $3',
      [source, shop, limit]);
  }

  dueDeliveries(now: string, limit: number): Promise<Delivery[]> {
    return this.#all<Delivery>('reading due deliveries',
      "SELECT body FROM webhook_deliveries WHERE status = 'pending' AND next_at <= $1 ORDER BY next_at, id LIMIT $2", [now, limit]);
  }

  listDeliveries(q: { source?: string; status?: DeliveryStatus; limit: number }): Promise<Delivery[]> {
    const p = new Params();
    const where: string[] = [];
    if (q.source !== undefined) where.push(`source = ${p.add(q.source)}`);
    if (q.status) where.push(`status = ${p.add(q.status)}`);
    return this.#all<Delivery>('listing deliveries',
      `SELECT body FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${p.add(q.limit)}`, p.args);
  }

  async deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
    const out: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0 };
    const rows = await this.#t.read('counting deliveries', async (pool) =>
      (await pool.query<{ status: DeliveryStatus; n: string }>('SELECT status, COUNT(*) AS n FROM webhook_deliveries GROUP BY status')).rows);
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  async complaintEvents(limit: number): Promise<{ events: Array<EventOf<'complaint.filed'>>; through: number }> {
    return this.#t.read('reading complaint events', async (pool) => {
      const mark = await pool.query<{ value: string }>("SELECT value FROM case_meta WHERE key = 'complaints_through'");
      const after = mark.rows[0] ? Number(mark.rows[0].value) : 0;
      // BIGINT comes back from pg as a string.
      const { rows } = await pool.query<{ seq: string; body: string }>(
        "SELECT seq, body FROM events WHERE seq > $1 AND type = 'complaint.filed' ORDER BY seq LIMIT $2", [after, limit]);
      const events = bodies<EventOf<'complaint.filed'>>(rows);
      // A full page ends at its last complaint; a short one has read every event there is.
      if (rows.length === limit) return { events, through: Number(rows[rows.length - 1]!.seq) };
      const last = await pool.query<{ m: string | null }>('SELECT MAX(seq) AS m FROM events');
      return { events, through: Math.max(after, Number(last.rows[0]?.m ?? 0)) };
    });
  }

  async #one<T>(what: string, sql: string, id: string): Promise<T | undefined> {
    return (await this.#all<T>(what, sql, [id]))[0];
  }

  #all<T>(what: string, sql: string, args: unknown[]): Promise<T[]> {
    return this.#t.read(what, async (pool) => bodies<T>((await pool.query<{ body: string }>(sql, args)).rows));
  }

  async #page<T extends { id: string }>(table: string, p: Params, where: string[], q: { limit: number; cursor?: string },
    key: (x: T) => [string, string]): Promise<Page<T>> {
    if (q.cursor) {
      const [time, id] = decodeCursor(q.cursor, 2);
      const t = p.add(time);
      where.push(`(filed_at < ${t} OR (filed_at = ${t} AND id < ${p.add(id)}))`);
    }
    const rows = await this.#all<T>(`listing ${table}`,
      `SELECT body FROM ${table} WHERE ${where.join(' AND ')} ORDER BY filed_at DESC, id DESC LIMIT ${p.add(q.limit + 1)}`, p.args);
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > q.limit && last ? encodeCursor(key(last)) : null };
  }
}
