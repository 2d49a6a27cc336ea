// The case desk's storage in the SQLite file of the store: each record as JSON with the columns
// its lists filter and sort on. A write is one transaction on this connection (cases are few and
// written by people's actions, not by the event stream's batches).
import type Database from 'better-sqlite3';
import type { EventOf } from '../../contract/index.js';
import { SEVERITIES } from '../../contract/index.js';
import type { Page } from '../../core/index.js';
import type {
  Appeal, AppealQuery, AuditEntry, CaseQuery, CaseRecord, CaseStore, CaseWrite, Complaint, ComplaintQuery, Delivery,
  DeliveryStatus, QualityScore, Sanction, SanctionQuery,
} from '../../cases/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

const parse = <T>(rows: Array<[string]>): T[] => rows.map((r) => JSON.parse(r[0]) as T);
/** SQLite's IN list stays under its variable limit in chunks of this many. */
const IN_CHUNK = 500;

export class SqliteCaseStore implements CaseStore {
  constructor(private readonly db: Database.Database) {}

  async write(w: CaseWrite): Promise<void> {
    const db = this.db;
    db.transaction(() => {
      const putCase = db.prepare('INSERT OR REPLACE INTO cases (id, source, kind, status, severity_rank, at_stake, opened, assignee, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const c of w.cases ?? []) {
        putCase.run(c.id, c.source, c.kind, c.status, SEVERITIES.indexOf(c.severity), c.at_stake_fen, c.opened, c.assignee ?? null, JSON.stringify(c));
      }
      const putSanction = db.prepare('INSERT OR REPLACE INTO sanctions (id, source, case_id, subject_type, subject_id, effective_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const s of w.sanctions ?? []) putSanction.run(s.id, s.source, s.case_id, s.subject.type, s.subject.id, s.effective_at, JSON.stringify(s));
      const putComplaint = db.prepare('INSERT OR REPLACE INTO complaints (id, source, by_id, status, filed_at, body) VALUES (?, ?, ?, ?, ?, ?)');
      for (const c of w.complaints ?? []) putComplaint.run(c.id, c.source, c.by_id, c.status, c.filed_at, JSON.stringify(c));
      const putAppeal = db.prepare('INSERT OR REPLACE INTO appeals (id, source, subject_id, status, filed_at, body) VALUES (?, ?, ?, ?, ?, ?)');
      for (const a of w.appeals ?? []) putAppeal.run(a.id, a.source, a.subject.id, a.status, a.filed_at, JSON.stringify(a));
      const addAudit = db.prepare('INSERT INTO case_audit (source, case_id, at, actor, action, body) VALUES (?, ?, ?, ?, ?, ?)');
      for (const e of w.audit ?? []) addAudit.run(e.source, e.case_id ?? null, e.at, e.actor, e.action, JSON.stringify(e));
      const addQuality = db.prepare('INSERT INTO quality_scores (source, shop, at, body) VALUES (?, ?, ?, ?)');
      for (const q of w.quality ?? []) addQuality.run(q.source, q.shop, q.at, JSON.stringify(q));
      const enqueue = db.prepare('INSERT OR IGNORE INTO webhook_deliveries (id, source, status, next_at, created_at, body) VALUES (?, ?, ?, ?, ?, ?)');
      for (const d of w.enqueue ?? []) enqueue.run(d.id, d.source, d.status, d.next_at, d.created_at, JSON.stringify(d));
      const putDelivery = db.prepare('INSERT OR REPLACE INTO webhook_deliveries (id, source, status, next_at, created_at, body) VALUES (?, ?, ?, ?, ?, ?)');
      for (const d of w.deliveries ?? []) putDelivery.run(d.id, d.source, d.status, d.next_at, d.created_at, JSON.stringify(d));
      if (w.complaintsThrough !== undefined) {
        db.prepare("INSERT OR REPLACE INTO case_meta (key, value) VALUES ('complaints_through', ?)").run(String(w.complaintsThrough));
      }
    })();
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    return this.#one<CaseRecord>('SELECT body FROM cases WHERE id = ?', id);
  }

  async listCases(q: CaseQuery): Promise<Page<CaseRecord>> {
    const where = ['source = ?'];
    const args: unknown[] = [q.source];
    if (q.kind) { where.push('kind = ?'); args.push(q.kind); }
    if (q.status) { where.push('status = ?'); args.push(q.status); }
    if (q.severity) { where.push('severity_rank = ?'); args.push(SEVERITIES.indexOf(q.severity as never)); }
    if (q.assignee) { where.push('assignee = ?'); args.push(q.assignee); }
    if (q.openedBefore) { where.push('opened <= ?'); args.push(q.openedBefore); }
    if (q.shop) { where.push("EXISTS (SELECT 1 FROM json_each(body, '$.shops') WHERE value = ?)"); args.push(q.shop); }
    if (q.account) { where.push("EXISTS (SELECT 1 FROM json_each(body, '$.accounts') WHERE value = ?)"); args.push(q.account); }
    if (q.visibleToShop) {
      where.push("(EXISTS (SELECT 1 FROM json_each(body, '$.victim_shops') WHERE value = ?) OR " +
        "(status = 'confirmed' AND EXISTS (SELECT 1 FROM json_each(body, '$.accused_shops') WHERE value = ?)))");
      args.push(q.visibleToShop, q.visibleToShop);
    }
    // Queue: most severe first, then most money at stake, then the oldest; `newest`: by first seen.
    const queue = q.order === 'queue';
    if (q.cursor) {
      if (queue) {
        const [rank, stake, opened, id] = decodeCursor(q.cursor, 4);
        where.push('(severity_rank < ? OR (severity_rank = ? AND (at_stake < ? OR (at_stake = ? AND (opened > ? OR (opened = ? AND id > ?))))))');
        args.push(Number(rank), Number(rank), Number(stake), Number(stake), opened, opened, id);
      } else {
        const [opened, id] = decodeCursor(q.cursor, 2);
        where.push('(opened < ? OR (opened = ? AND id < ?))'); args.push(opened, opened, id);
      }
    }
    const order = queue ? 'severity_rank DESC, at_stake DESC, opened ASC, id ASC' : 'opened DESC, id DESC';
    const rows = this.db.prepare(`SELECT body FROM cases WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`).raw().all(...args, q.limit + 1) as Array<[string]>;
    const items = parse<CaseRecord>(rows.slice(0, q.limit));
    const last = items[items.length - 1];
    const next = rows.length > q.limit && last
      ? encodeCursor(queue ? [String(SEVERITIES.indexOf(last.severity)), String(last.at_stake_fen), last.opened, last.id] : [last.opened, last.id])
      : null;
    return { items, next_cursor: next };
  }

  async audit(caseId: string): Promise<AuditEntry[]> {
    return parse<AuditEntry>(this.db.prepare('SELECT body FROM case_audit WHERE case_id = ? ORDER BY seq').raw().all(caseId) as Array<[string]>);
  }

  async getSanction(id: string): Promise<Sanction | undefined> {
    return this.#one<Sanction>('SELECT body FROM sanctions WHERE id = ?', id);
  }

  async sanctions(q: SanctionQuery): Promise<Sanction[]> {
    const where = ['source = ?'];
    const args: unknown[] = [q.source];
    if (q.subjectType) { where.push('subject_type = ?'); args.push(q.subjectType); }
    if (q.subjectId) { where.push('subject_id = ?'); args.push(q.subjectId); }
    if (q.caseId) { where.push('case_id = ?'); args.push(q.caseId); }
    return parse<Sanction>(this.db.prepare(`SELECT body FROM sanctions WHERE ${where.join(' AND ')} ORDER BY effective_at, id`).raw().all(...args) as Array<[string]>);
  }

  async getComplaint(id: string): Promise<Complaint | undefined> {
    return this.#one<Complaint>('SELECT body FROM complaints WHERE id = ?', id);
  }

  async complaintsByIds(ids: readonly string[]): Promise<Complaint[]> {
    const out: Complaint[] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      out.push(...parse<Complaint>(this.db.prepare(`SELECT body FROM complaints WHERE id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`)
        .raw().all(...chunk) as Array<[string]>));
    }
    return out;
  }

  async complaintIds(): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM complaints').raw().all() as Array<[string]>).map((r) => r[0]);
  }

  async listComplaints(q: ComplaintQuery): Promise<Page<Complaint>> {
    const where = ['source = ?'];
    const args: unknown[] = [q.source];
    if (q.byId !== undefined) { where.push('by_id = ?'); args.push(q.byId); }
    if (q.status) { where.push('status = ?'); args.push(q.status); }
    return this.#page<Complaint>('complaints', 'filed_at', where, args, q, (c) => [c.filed_at, c.id]);
  }

  async getAppeal(id: string): Promise<Appeal | undefined> {
    return this.#one<Appeal>('SELECT body FROM appeals WHERE id = ?', id);
  }

  async listAppeals(q: AppealQuery): Promise<Page<Appeal>> {
    const where = ['source = ?'];
    const args: unknown[] = [q.source];
    if (q.subjectId !== undefined) { where.push('subject_id = ?'); args.push(q.subjectId); }
    if (q.status) { where.push('status = ?'); args.push(q.status); }
    return this.#page<Appeal>('appeals', 'filed_at', where, args, q, (a) => [a.filed_at, a.id]);
  }

  async qualityHistory(source: string, shop: string, limit: number): Promise<QualityScore[]> {
    return parse<QualityScore>(this.db.prepare('SELECT body FROM quality_scores WHERE source = ? AND shop = ? ORDER BY seq DESC LIMIT ?')
      .raw().all(source, shop, limit) as Array<[string]>);
  }

  async dueDeliveries(now: string, limit: number): Promise<Delivery[]> {
    return parse<Delivery>(this.db.prepare("SELECT body FROM webhook_deliveries WHERE status = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?")
      .raw().all(now, limit) as Array<[string]>);
  }

  async listDeliveries(q: { source?: string; status?: DeliveryStatus; limit: number }): Promise<Delivery[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.source !== undefined) { where.push('source = ?'); args.push(q.source); }
    if (q.status) { where.push('status = ?'); args.push(q.status); }
    return parse<Delivery>(this.db.prepare(`SELECT body FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .raw().all(...args, q.limit) as Array<[string]>);
  }

  async deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
    const out: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0 };
    for (const [status, n] of this.db.prepare('SELECT status, COUNT(*) FROM webhook_deliveries GROUP BY status').raw().all() as Array<[DeliveryStatus, number]>) {
      out[status] = n;
    }
    return out;
  }

  async complaintEvents(limit: number): Promise<{ events: Array<EventOf<'complaint.filed'>>; through: number }> {
    const row = this.db.prepare("SELECT value FROM case_meta WHERE key = 'complaints_through'").get() as { value: string } | undefined;
    const after = row ? Number(row.value) : 0;
    const rows = this.db.prepare("SELECT seq, body FROM events WHERE seq > ? AND type = 'complaint.filed' ORDER BY seq LIMIT ?")
      .raw().all(after, limit) as Array<[number, string]>;
    const events = rows.map((r) => JSON.parse(r[1]) as EventOf<'complaint.filed'>);
    // A full page ends at its last complaint; a short one has read every event there is.
    if (rows.length === limit) return { events, through: rows[rows.length - 1]![0] };
    const last = this.db.prepare('SELECT MAX(seq) FROM events').raw().get() as [number | null];
    return { events, through: Math.max(after, last[0] ?? 0) };
  }

  #one<T>(sql: string, id: string): T | undefined {
    const row = this.db.prepare(sql).raw().get(id) as [string] | undefined;
    return row ? JSON.parse(row[0]) as T : undefined;
  }

  #page<T extends { id: string }>(table: string, timeCol: string, where: string[], args: unknown[], q: { limit: number; cursor?: string },
    key: (x: T) => [string, string]): Page<T> {
    if (q.cursor) {
      const [time, id] = decodeCursor(q.cursor, 2);
      where.push(`(${timeCol} < ? OR (${timeCol} = ? AND id < ?))`); args.push(time, time, id);
    }
    const rows = this.db.prepare(`SELECT body FROM ${table} WHERE ${where.join(' AND ')} ORDER BY ${timeCol} DESC, id DESC LIMIT ?`)
      .raw().all(...args, q.limit + 1) as Array<[string]>;
    const items = parse<T>(rows.slice(0, q.limit));
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > q.limit && last ? encodeCursor(key(last)) : null };
  }
}
