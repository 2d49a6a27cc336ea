// The people around a case: a shop's or an account's sanctions ledger with its points and level,
// appeals of sanctions and their outcome, complaints and merchants' reports with their status.
// Scoped like the desk: a merchant sees its own shop, a consumer its own account and complaints.
import type { Page } from '../core/index.js';
import type { Actor, CaseDesk } from './desk.js';
import { CaseError, notFound } from './errors.js';
import { pointsSummary, type PointsSummary } from './sanctions.js';
import { appealIdOf, reversalByAppeal } from './reversal.js';
import type { Appeal, AppealStatus, Complaint, ComplaintStatus, QualityScore, Sanction, SanctionSubject } from './types.js';

export interface Ledger {
  subject: SanctionSubject;
  sanctions: Sanction[];
  /** Points and level (shops). */
  points: PointsSummary;
}

const STAFF = new Set(['analyst', 'admin']);

/** Whether `actor` may act for `subject`: staff of its tenant, the shop's merchant, or the account's consumer. */
export function ownsSubject(actor: Actor, subject: SanctionSubject): boolean {
  if (STAFF.has(actor.role)) return true;
  if (subject.type === 'shop') return actor.role === 'merchant' && actor.shop === subject.id;
  return actor.role === 'consumer' && actor.account === subject.id;
}

function forbidden(what: string): CaseError {
  return new CaseError('ERR_CASES_FORBIDDEN', `this key may not see or act on ${what}: a merchant key is scoped to its own shop, ` +
    'a consumer key to its own account');
}

/** The ledger of a shop or account. */
export async function ledgerOf(desk: CaseDesk, actor: Actor, subject: SanctionSubject): Promise<Ledger> {
  if (!ownsSubject(actor, subject)) throw forbidden(`the ledger of ${subject.type} ${subject.id}`);
  const sanctions = await desk.store.sanctions({ source: actor.source, subjectType: subject.type, subjectId: subject.id });
  return { subject, sanctions, points: pointsSummary(sanctions, desk.now(), desk.config.escalation) };
}

/** Files an appeal of a sanction: the sanction is `appealed` until an analyst decides. */
export async function appeal(desk: CaseDesk, actor: Actor, sanctionId: string, reason: string): Promise<Appeal> {
  const s = await desk.store.getSanction(sanctionId);
  if (!s || s.source !== actor.source) {
    if (!STAFF.has(actor.role)) throw forbidden(`sanction ${sanctionId}`);
    throw notFound('sanction', sanctionId, 'read the ledger with GET /v1/shops/{shop_id}/sanctions');
  }
  if (!ownsSubject(actor, s.subject)) throw forbidden(`sanction ${sanctionId}`);
  if (s.state !== 'active') {
    throw new CaseError('ERR_CASES_CONFLICT', `sanction ${sanctionId} is ${s.state}; only an active sanction can be appealed, once`);
  }
  const at = desk.now();
  const a: Appeal = {
    id: appealIdOf(sanctionId), source: s.source, sanction_id: s.id, case_id: s.case_id, subject: s.subject,
    reason, filed_by: actor.keyId, filed_at: at, status: 'pending',
  };
  const next: Sanction = { ...s, state: 'appealed' };
  await desk.write({
    appeals: [a], sanctions: [next],
    audit: [
      desk.audited(actor, 'appeal.file', { type: 'appeal', id: a.id }, s.case_id, null, a),
      desk.audited(actor, 'sanction.appealed', { type: 'sanction', id: s.id }, s.case_id, { state: s.state }, { state: next.state }),
    ],
    enqueue: [desk.delivery(s.source, 'sanction.changed', next, `${s.id}@appealed`)],
  });
  return a;
}

/** Decides an appeal: `upheld` puts the sanction back in force, `reversed` lifts it (its points stop counting). */
export async function decideAppeal(desk: CaseDesk, actor: Actor, id: string, outcome: 'upheld' | 'reversed', note: string):
  Promise<{ appeal: Appeal; sanction: Sanction; quality?: QualityScore }> {
  if (!STAFF.has(actor.role)) throw forbidden('appeal decisions');
  const a = await desk.store.getAppeal(id);
  if (!a || a.source !== actor.source) throw notFound('appeal', id, 'list appeals with GET /v1/appeals');
  if (a.status !== 'pending') throw new CaseError('ERR_CASES_CONFLICT', `appeal ${id} was already decided (${a.status})`);
  const s = (await desk.store.getSanction(a.sanction_id))!;
  const at = desk.now();
  const decided: Appeal = { ...a, status: outcome, decided_by: actor.keyId, decided_at: at, note };
  const sanction: Sanction = { ...s, state: outcome === 'reversed' ? 'reversed' : 'active' };
  const quality = s.subject.type === 'shop' ? await desk.qualityOf(s.source, s.subject.id, [sanction]) : undefined;
  // Lifting the case's last sanction in force reverses the case: written with the appeal, told to listeners after.
  const reversal = outcome === 'reversed' ? await reversalByAppeal(desk, actor, { appeal: decided, sanction, note }) : undefined;
  await desk.write({
    appeals: [decided], sanctions: [sanction], ...(quality ? { quality: [quality] } : {}), ...(reversal ? { cases: [reversal.case] } : {}),
    audit: [
      desk.audited(actor, 'appeal.decide', { type: 'appeal', id }, a.case_id, { status: a.status }, { status: outcome, note }),
      desk.audited(actor, 'sanction.changed', { type: 'sanction', id: s.id }, a.case_id, { state: s.state }, { state: sanction.state }),
      ...(reversal ? [reversal.audit] : []),
    ],
    enqueue: [
      desk.delivery(s.source, 'appeal.decided', decided, `${id}@decided`),
      desk.delivery(s.source, 'sanction.changed', sanction, `${s.id}@${sanction.state}@${at}`),
      ...(reversal ? [reversal.enqueue] : []),
    ],
  });
  if (reversal) await desk.caseReversed(reversal.case);
  return { appeal: decided, sanction, ...(quality ? { quality } : {}) };
}

/** Appeals `actor` may see: staff every one of the tenant's, others those of their own shop or account. */
export async function listAppeals(desk: CaseDesk, actor: Actor, q: { status?: AppealStatus; limit: number; cursor?: string }): Promise<Page<Appeal>> {
  const subjectId = actor.role === 'merchant' ? actor.shop : actor.role === 'consumer' ? actor.account : undefined;
  if (!STAFF.has(actor.role) && subjectId === undefined) throw forbidden('appeals');
  return desk.store.listAppeals({ source: actor.source, ...q, ...(subjectId !== undefined ? { subjectId } : {}) });
}

/** Complaints `actor` may see: staff every one of the tenant's; a consumer or merchant only those it filed. */
export async function listComplaints(desk: CaseDesk, actor: Actor, q: { status?: ComplaintStatus; limit: number; cursor?: string }):
  Promise<Page<Complaint>> {
  if (STAFF.has(actor.role)) return desk.store.listComplaints({ source: actor.source, ...q });
  return desk.store.listComplaints({ source: actor.source, byId: filerOf(actor), ...q });
}

/** One complaint, for staff or the one who filed it; anyone else gets 403 whether or not it exists. */
export async function getComplaint(desk: CaseDesk, actor: Actor, id: string): Promise<Complaint> {
  const c = await desk.store.getComplaint(id);
  const mine = c !== undefined && c.source === actor.source;
  if (STAFF.has(actor.role)) {
    if (!mine) throw notFound('complaint', id, 'list complaints with GET /v1/complaints');
    return c;
  }
  if (!mine || c.by_id !== filerOf(actor)) throw forbidden(`complaint ${id}`);
  return c;
}

/** An analyst's decision on a complaint that no case decides (or before it does). */
export async function decideComplaint(desk: CaseDesk, actor: Actor, id: string, outcome: 'upheld' | 'rejected', note: string): Promise<Complaint> {
  if (!STAFF.has(actor.role)) throw forbidden('complaint decisions');
  const c = await getComplaint(desk, actor, id);
  if (c.status === 'upheld' || c.status === 'rejected') throw new CaseError('ERR_CASES_CONFLICT', `complaint ${id} was already decided (${c.status})`);
  const next: Complaint = { ...c, status: outcome, decided_at: desk.now(), note };
  await desk.write({ complaints: [next], audit: [desk.audited(actor, 'complaint.decide', { type: 'complaint', id }, c.case_id, { status: c.status }, { status: outcome, note })] });
  return next;
}

/**
 * The `by_id` a consumer or merchant files complaints under: its account, or its shop (the
 * detectors read a report by a shop id as its merchant's).
 */
export function filerOf(actor: Actor): string {
  if (actor.role === 'consumer' && actor.account) return actor.account;
  if (actor.role === 'merchant' && actor.shop) return actor.shop;
  throw forbidden('complaints');
}

/** A shop's quality score now, with its history (newest first), stored when it changed. */
export async function quality(desk: CaseDesk, actor: Actor, shop: string, historyLimit: number): Promise<{ current: QualityScore; history: QualityScore[] }> {
  if (!ownsSubject(actor, { type: 'shop', id: shop })) throw forbidden(`the quality score of shop ${shop}`);
  const current = await desk.qualityOf(actor.source, shop);
  const [last] = await desk.store.qualityHistory(actor.source, shop, 1);
  if (!last || last.score !== current.score || JSON.stringify(last.components) !== JSON.stringify(current.components)) {
    await desk.write({ quality: [current] });
  }
  return { current, history: await desk.store.qualityHistory(actor.source, shop, historyLimit) };
}
