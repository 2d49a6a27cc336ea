// Reversing a confirmed case: every sanction of it lifted at once, its pending appeals decided with
// it, the case reopened (back in the queue) or dismissed, each change audited, in one write. An
// appeal decided for the appellant that lifts the last sanction in force reverses the case too.
// Listeners registered on the desk (CaseDesk.onCaseReversed) are told after the write, so that
// what was built on the confirmation (the alliance's shared signals) is taken back at once.
import type { Actor, CaseDesk } from './desk.js';
import { CaseError } from './errors.js';
import type { Appeal, AuditEntry, CaseRecord, QualityScore, Reversal, Sanction } from './types.js';

const STAFF = new Set(['analyst', 'admin']);

/** The id of the appeal of a sanction (a sanction is appealed once). */
export function appealIdOf(sanctionId: string): string {
  return `apl_${sanctionId.replace(/^snc_/, '')}`;
}

/** Reverses a confirmed case (an analyst's decision): reopened for another look, or dismissed as no abuse. */
export async function reverseCase(desk: CaseDesk, actor: Actor, id: string, r: { outcome: 'reopened' | 'dismissed'; note: string }):
  Promise<{ case: CaseRecord; sanctions: Sanction[] }> {
  const c = await desk.getCase(actor, id);
  if (!STAFF.has(actor.role)) throw new CaseError('ERR_CASES_FORBIDDEN', `a ${actor.role} key may not reverse a case; it needs an analyst or admin key`);
  if (c.status !== 'confirmed') {
    throw new CaseError('ERR_CASES_CONFLICT', `case ${id} is ${c.status}; only a confirmed case is reversed ` +
      '(resolve an open case; a dismissed case sanctioned nobody)');
  }
  const at = desk.now();
  const all = await desk.store.sanctions({ source: c.source, caseId: c.id });
  const lifted = all.filter((s) => s.state !== 'reversed').map((s): Sanction => ({ ...s, state: 'reversed' }));
  // An appeal still pending on a lifted sanction has nothing left to decide: it is decided with the case.
  const appeals: Appeal[] = [];
  for (const s of all) {
    if (s.state !== 'appealed') continue;
    const a = await desk.store.getAppeal(appealIdOf(s.id));
    if (a?.status === 'pending') appeals.push({ ...a, status: 'reversed', decided_by: actor.keyId, decided_at: at, note: `decided with the reversal of case ${id}` });
  }
  const reversal: Reversal = { outcome: r.outcome, by: actor.keyId, at, note: r.note, sanction_ids: lifted.map((s) => s.id), round: (c.reversal?.round ?? 0) + 1 };
  const { resolution: _resolution, ...rest } = c;
  const next: CaseRecord = r.outcome === 'dismissed'
    ? { ...c, status: 'dismissed', resolution: { outcome: 'dismissed', by: actor.keyId, at, note: r.note, sanction_ids: [] }, reversal }
    : { ...rest, status: 'open', reversal };
  const audit: AuditEntry[] = [
    desk.audited(actor, 'case.reverse', { type: 'case', id }, id, { status: c.status }, { status: next.status, outcome: r.outcome, note: r.note, sanction_ids: reversal.sanction_ids }),
    ...lifted.map((s) => desk.audited(actor, 'sanction.changed', { type: 'sanction', id: s.id }, id, { state: all.find((x) => x.id === s.id)!.state }, { state: 'reversed' })),
    ...appeals.map((a) => desk.audited(actor, 'appeal.decide', { type: 'appeal', id: a.id }, id, { status: 'pending' }, { status: a.status, note: a.note })),
  ];
  const quality = await qualityAfter(desk, c, lifted);
  await desk.write({
    cases: [next], sanctions: lifted, appeals, audit, quality,
    enqueue: [
      desk.delivery(c.source, 'case.reversed', { case_id: id, kind: c.kind, status: next.status, reversal }, `${id}@reversed@${reversal.round}`),
      ...lifted.map((s) => desk.delivery(c.source, 'sanction.changed', s, `${s.id}@reversed@${at}`)),
      ...appeals.map((a) => desk.delivery(c.source, 'appeal.decided', a, `${a.id}@decided`)),
    ],
  });
  await desk.caseReversed(next);
  return { case: next, sanctions: lifted };
}

/**
 * For an appeal about to lift `sanction`: when no other sanction of its case stays in force, the
 * case's reversal (with its audit entry and webhook) to write with the appeal; otherwise undefined.
 */
export async function reversalByAppeal(desk: CaseDesk, actor: Actor, o: { appeal: Appeal; sanction: Sanction; note: string }):
  Promise<{ case: CaseRecord; audit: AuditEntry; enqueue: ReturnType<CaseDesk['delivery']> } | undefined> {
  const c = await desk.store.getCase(o.sanction.case_id);
  if (!c || c.status !== 'confirmed') return undefined;
  const others = (await desk.store.sanctions({ source: c.source, caseId: c.id })).filter((s) => s.id !== o.sanction.id);
  if (others.some((s) => s.state !== 'reversed')) return undefined;
  const at = desk.now();
  const reversal: Reversal = { outcome: 'appeal', by: actor.keyId, at, note: o.note, sanction_ids: [o.sanction.id], appeal_id: o.appeal.id,
    round: (c.reversal?.round ?? 0) + 1 };
  const next: CaseRecord = { ...c, reversal };
  return {
    case: next,
    audit: desk.audited(actor, 'case.reverse', { type: 'case', id: c.id }, c.id, { status: c.status }, { status: c.status, outcome: 'appeal', appeal_id: o.appeal.id, note: o.note }),
    enqueue: desk.delivery(c.source, 'case.reversed', { case_id: c.id, kind: c.kind, status: c.status, reversal }, `${c.id}@reversed@${reversal.round}`),
  };
}

async function qualityAfter(desk: CaseDesk, c: CaseRecord, lifted: readonly Sanction[]): Promise<QualityScore[]> {
  const shops = [...new Set([...c.victim_shops, ...lifted.filter((s) => s.subject.type === 'shop').map((s) => s.subject.id)])];
  const out: QualityScore[] = [];
  for (const shop of shops) out.push(await desk.qualityOf(c.source, shop, lifted));
  return out;
}
