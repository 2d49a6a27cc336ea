// The case desk: keeps cases in step with alerts and complaints with the stored complaint events,
// and carries out people's actions on cases (assign, comment, attach, resolve with sanctions),
// each written with its audit entry in one atomic store write. Who may see what is decided here,
// in one place, so that every route and the CLI apply the same rules.
import { DEFAULT_SOURCE, type Alert, type EventOf } from '../contract/index.js';
import type { Entities, Page } from '../core/index.js';
import type { CasesConfig } from './config.js';
import { CaseError, notFound } from './errors.js';
import type { CaseQuery, CaseStore, CaseWrite } from './ports.js';
import { caseIdOf, evidenceStrings, projectAlert } from './project.js';
import { isLive, pointsSummary, proposeSanctions, sanctionOf, type SanctionSpec } from './sanctions.js';
import { qualityScore } from './quality.js';
import type { Attachment, AuditEntry, CaseRecord, Complaint, Delivery, QualityScore, Sanction, WebhookType } from './types.js';
import { newDelivery } from './webhooks.js';

/** Who acts or reads: the API key (or the operator at the command line). */
export interface Actor {
  keyId: string;
  role: string;
  source: string;
  shop?: string;
  account?: string;
}

export interface DeskOptions {
  store: CaseStore;
  config: CasesConfig;
  /** Alert kinds whose shops are harmed, not accused (configuration warnings.alertKinds). */
  harmKinds: readonly string[];
  /** The live entity state (orders, shops), for money at stake, cleared sales and quality scores. */
  entities: () => Entities;
  /** An alert by id (for proposing sanctions from its evidence). */
  alert: (id: string) => Promise<Alert | undefined>;
  /** Wall clock: analysts' actions happen in real time, not event time. */
  now?: () => Date;
  /** Told after a write that queued webhook deliveries (the sender sends them soon). */
  onEnqueued?: () => void;
}

const STAFF = new Set(['analyst', 'admin']);

/** Told of a confirmed case reversed (its `reversal` says how), after it is stored. */
export type CaseReversedListener = (c: CaseRecord) => Promise<void> | void;

export class CaseDesk {
  readonly #o: DeskOptions;
  readonly #now: () => Date;
  #complaintIds: Set<string> | undefined;
  readonly #reversed: CaseReversedListener[] = [];

  constructor(opts: DeskOptions) {
    this.#o = opts;
    this.#now = opts.now ?? (() => new Date());
  }

  get store(): CaseStore { return this.#o.store; }

  /**
   * Adds a listener told, after the write, of every reversal of a confirmed case (an analyst's, or
   * an appeal lifting its last sanction), awaited before the action answers. Adapters hook in
   * here (the alliance revokes the case's shared signals); a listener's failure does not undo the
   * reversal, so a listener must catch up by itself (the alliance's reconcile does).
   */
  onCaseReversed(listener: CaseReversedListener): void { this.#reversed.push(listener); }

  /** Tells the listeners of a stored reversal; a failing listener does not stop the others. */
  async caseReversed(c: CaseRecord): Promise<void> {
    await Promise.allSettled(this.#reversed.map(async (l) => l(c)));
  }
  /** The live entity state and the stored alerts, for evidence packages. */
  entities(): Entities { return this.#o.entities(); }
  alert(id: string): Promise<Alert | undefined> { return this.#o.alert(id); }
  get config(): CasesConfig { return this.#o.config; }
  now(): string { return this.#now().toISOString(); }

  /**
   * Brings cases and complaints up to date: records the complaint events stored since the last
   * call, then projects `alerts` (every alert at start, the changed ones after each commit).
   * Idempotent: projecting the same alert again writes nothing.
   */
  async sync(alerts: readonly Alert[]): Promise<void> {
    const ids = await this.#knownComplaints();
    for (;;) {
      const { events, through } = await this.#o.store.complaintEvents(1_000);
      const complaints: Complaint[] = [];
      for (const event of events) {
        if (ids.has(event.data.complaint_id)) continue;
        complaints.push(this.#complaintOf(event));
        ids.add(event.data.complaint_id);
      }
      await this.#write({ complaints, complaintsThrough: through });
      if (events.length < 1_000) break;
    }
    const w: Required<Pick<CaseWrite, 'cases' | 'complaints' | 'enqueue'>> = { cases: [], complaints: [], enqueue: [] };
    const now = this.now();
    const entities = this.#o.entities();
    const harmKinds = new Set(this.#o.harmKinds);
    for (const alert of alerts) {
      const prev = await this.#o.store.getCase(caseIdOf(alert.id));
      const p = projectAlert(alert, prev, { harmKinds, now, orderAmount: (id) => entities.order(id)?.amount });
      const c = p.case;
      const linked = (await this.#o.store.complaintsByIds(evidenceStrings(alert.evidence).filter((s) => ids.has(s))))
        .filter((x) => x.source === c.source && !c.complaint_ids.includes(x.id));
      for (const x of linked) {
        c.complaint_ids = [...c.complaint_ids, x.id];
        (w.complaints as Complaint[]).push(decideComplaint({ ...x, case_id: c.id, status: 'under_review' }, c, now));
      }
      if (!p.changed && linked.length === 0) continue;
      (w.cases as CaseRecord[]).push(c);
      const enqueue = w.enqueue as Delivery[];
      if (this.#o.config.webhooks.alertKinds.includes(alert.kind)) {
        enqueue.push(this.#delivery(c.source, 'alert.changed', { alert, case_id: c.id }, `${alert.id}@${alert.updated}@${alert.severity}@${alert.subjects.orders.length}@${alert.subjects.accounts.length}`));
      }
      for (const pr of p.newProtections) {
        enqueue.push(this.#delivery(c.source, 'case.protection', { case_id: c.id, kind: c.kind, shop: pr.shop, protection: pr },
          `${c.id}@${pr.kind}@${pr.shop}`));
      }
    }
    await this.#write(w);
  }

  /** Cases `actor` may see, in queue order by default. */
  async listCases(actor: Actor, q: Omit<CaseQuery, 'source' | 'visibleToShop'>): Promise<Page<CaseRecord>> {
    if (actor.role === 'merchant') {
      if (q.shop !== undefined && q.shop !== actor.shop) throw forbiddenShop();
      return this.#o.store.listCases({ ...q, shop: undefined, source: actor.source, visibleToShop: actor.shop! });
    }
    this.#staffOnly(actor);
    return this.#o.store.listCases({ ...q, source: actor.source });
  }

  /** One case as `actor` may see it. A merchant gets 403 for any case not its own to see, whether or not it exists. */
  async getCase(actor: Actor, id: string): Promise<CaseRecord> {
    const c = await this.#o.store.getCase(id);
    const mine = c !== undefined && c.source === actor.source;
    if (actor.role === 'merchant') {
      if (!mine || !visibleTo(c, actor.shop!)) throw forbiddenCase();
      return c;
    }
    this.#staffOnly(actor);
    if (!mine) throw notFound('case', id, 'list cases with GET /v1/cases');
    return c;
  }

  /** The sanctions the configuration proposes were the case confirmed now. */
  async proposed(actor: Actor, id: string): Promise<SanctionSpec[]> {
    const c = await this.getCase(actor, id);
    return this.#propose(c);
  }

  async assign(actor: Actor, id: string, assignee: string): Promise<CaseRecord> {
    return this.#change(actor, id, 'case.assign', (c) => ({ ...c, assignee }));
  }

  async comment(actor: Actor, id: string, text: string): Promise<AuditEntry> {
    const c = await this.getCase(actor, id);
    this.#staffOnly(actor);
    const entry = this.#audit(actor, 'case.comment', { type: 'case', id }, c.id, null, { text });
    await this.#write({ audit: [entry] });
    return entry;
  }

  async attach(actor: Actor, id: string, a: Pick<Attachment, 'name' | 'description' | 'sha256' | 'uri'>): Promise<CaseRecord> {
    return this.#change(actor, id, 'case.attach', (c) => {
      const att: Attachment = { id: `att_${c.attachments.length + 1}`, ...a, by: actor.keyId, at: this.now() };
      return { ...c, attachments: [...c.attachments, att] };
    });
  }

  /**
   * Resolves an open case. Confirmed: the given sanctions (or, without any, the proposed ones)
   * go on the ledger, points may escalate a shop, linked complaints are upheld. Dismissed:
   * nothing is sanctioned and linked complaints are rejected. All of it in one write, or none.
   */
  async resolve(actor: Actor, id: string, r: { outcome: 'confirmed' | 'dismissed'; note: string; sanctions?: SanctionSpec[] }):
    Promise<{ case: CaseRecord; sanctions: Sanction[] }> {
    const c = await this.getCase(actor, id);
    this.#staffOnly(actor);
    if (c.status !== 'open') {
      throw new CaseError('ERR_CASES_CONFLICT', `case ${id} is already ${c.status}; a resolved case is not resolved again (appeal its sanctions instead)`);
    }
    const at = this.now();
    const specs = r.outcome === 'confirmed' ? (r.sanctions ?? await this.#propose(c)) : [];
    if (r.outcome === 'dismissed' && r.sanctions?.length) {
      throw new CaseError('ERR_CASES_INVALID', 'a dismissed case sanctions nobody: leave sanctions out, or resolve it as confirmed');
    }
    specs.forEach((s, i) => checkSpec(s, c, i));
    // A case confirmed again after a reversal keeps its lifted sanctions on the ledger: new ones get new ids.
    const offset = (c.reversal?.round ?? 0) * 100_000;
    const sanctions = specs.map((s, i) => sanctionOf(s, c, actor.keyId, at, offset + i));
    sanctions.push(...await this.#escalations(c, sanctions, { by: actor.keyId, at, offset }));
    const resolved: CaseRecord = { ...c, status: r.outcome, resolution: { outcome: r.outcome, by: actor.keyId, at, note: r.note, sanction_ids: sanctions.map((s) => s.id) } };
    const complaints = (await this.#o.store.complaintsByIds(c.complaint_ids)).map((x) => decideComplaint(x, resolved, at));
    const audit = [
      this.#audit(actor, 'case.resolve', { type: 'case', id }, id, { status: c.status }, { status: r.outcome, note: r.note, sanction_ids: resolved.resolution!.sanction_ids }),
      ...sanctions.map((s) => this.#audit(actor, 'sanction.create', { type: 'sanction', id: s.id }, id, null, s)),
    ];
    const enqueue = [
      this.#delivery(c.source, 'case.resolved', { case_id: id, kind: c.kind, outcome: r.outcome, sanction_ids: resolved.resolution!.sanction_ids }, `${id}@resolved${c.reversal ? `@${c.reversal.round}` : ''}`),
      ...sanctions.map((s) => this.#delivery(c.source, 'sanction.created', s, `${s.id}@created`)),
    ];
    const shops = [...new Set([...c.victim_shops, ...sanctions.filter((s) => s.subject.type === 'shop').map((s) => s.subject.id)])];
    const quality: QualityScore[] = [];
    for (const shop of shops) quality.push(await this.qualityOf(c.source, shop, sanctions));
    await this.#write({ cases: [resolved], sanctions, complaints, audit, enqueue, quality });
    return { case: resolved, sanctions };
  }

  async audit(actor: Actor, id: string): Promise<AuditEntry[]> {
    await this.getCase(actor, id);
    this.#staffOnly(actor);
    return this.#o.store.audit(id);
  }

  /**
   * A shop's quality score now. `pending` sanctions (not yet stored) count too, so a resolution
   * stores the score it leads to.
   */
  async qualityOf(source: string, shop: string, pending: readonly Sanction[] = []): Promise<QualityScore> {
    const entities = this.#o.entities();
    const stored = await this.#o.store.sanctions({ source, subjectType: 'shop', subjectId: shop });
    // A pending version of a stored sanction (lifted, or back in force) replaces the stored one.
    const mine = pending.filter((p) => p.subject.type === 'shop' && p.subject.id === shop);
    const replaced = new Set(mine.map((p) => p.id));
    const sanctions = [...stored.filter((s) => !replaced.has(s.id)), ...mine];
    const excluded = new Set<string>();
    for (const s of sanctions) if (s.kind === 'sales_cleared' && isLive(s)) for (const o of s.orders ?? []) excluded.add(o);
    let cursor: string | undefined;
    do {
      const page = await this.#o.store.listCases({ source, visibleToShop: shop, order: 'newest', limit: 500, cursor });
      for (const c of page.items) for (const p of c.protections) if (p.shop === shop) for (const o of p.orders ?? []) excluded.add(o);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return qualityScore({ source, shop: entities.shop(shop), shopId: shop, excludedOrders: excluded, order: (id) => entities.order(id),
      sanctions, now: this.now(), config: this.#o.config });
  }

  async #propose(c: CaseRecord): Promise<SanctionSpec[]> {
    const alert = c.alert_ids[0] ? await this.#o.alert(c.alert_ids[0]) : undefined;
    const entities = this.#o.entities();
    const earlier = async (subject: { type: 'shop' | 'account'; id: string }) => {
      const past = await this.#o.store.sanctions({ source: c.source, subjectType: subject.type, subjectId: subject.id });
      const cases = await Promise.all([...new Set(past.filter(isLive).map((s) => s.case_id))].map((id) => this.#o.store.getCase(id)));
      return cases.some((x) => x && x.id !== c.id && x.kind === c.kind && x.status === 'confirmed');
    };
    const repeats = new Map<string, boolean>();
    for (const s of [...c.accused_shops.map((id) => ({ type: 'shop' as const, id })), ...c.accounts.map((id) => ({ type: 'account' as const, id }))]) {
      if (this.#o.config.sanctions[c.kind].some((t) => t.repeatOnly)) repeats.set(`${s.type}:${s.id}`, await earlier(s));
    }
    return proposeSanctions({ case: c, alert, templates: this.#o.config.sanctions[c.kind],
      orderShop: (o) => entities.order(o)?.shopId, repeat: (s) => repeats.get(`${s.type}:${s.id}`) ?? false });
  }

  /** A shop_closed sanction for each shop whose points reach the shop_closed level with these sanctions. */
  async #escalations(c: CaseRecord, added: readonly Sanction[], o: { by: string; at: string; offset: number }): Promise<Sanction[]> {
    const { by, at } = o;
    const out: Sanction[] = [];
    const shops = [...new Set(added.filter((s) => s.kind === 'points' && s.subject.type === 'shop').map((s) => s.subject.id))];
    for (const shop of shops) {
      const ledger = [...await this.#o.store.sanctions({ source: c.source, subjectType: 'shop', subjectId: shop }), ...added.filter((s) => s.subject.id === shop)];
      const summary = pointsSummary(ledger, at, this.#o.config.escalation);
      if (summary.level !== 'shop_closed' || ledger.some((s) => s.kind === 'shop_closed' && isLive(s))) continue;
      out.push(sanctionOf({ kind: 'shop_closed', subject: { type: 'shop', id: shop },
        reason: `${summary.points} points within the record window reach the shop_closed level` }, c, by, at, o.offset + 1_000 + out.length));
    }
    return out;
  }

  async #change(actor: Actor, id: string, action: string, f: (c: CaseRecord) => CaseRecord): Promise<CaseRecord> {
    const c = await this.getCase(actor, id);
    this.#staffOnly(actor);
    const next = f(c);
    await this.#write({ cases: [next], audit: [this.#audit(actor, action, { type: 'case', id }, id, pick(c, next), pick(next, c))] });
    return next;
  }

  #audit(actor: Actor, action: string, target: AuditEntry['target'], caseId: string | undefined, before: unknown, after: unknown): AuditEntry {
    return { source: actor.source, at: this.now(), actor: actor.keyId, role: actor.role, action, target, ...(caseId ? { case_id: caseId } : {}), before, after };
  }

  #delivery(source: string, type: WebhookType, payload: unknown, version: string): Delivery {
    return newDelivery({ source, type, payload, version: `${source}\u0000${version}`, now: this.now() });
  }

  /** Writes `w` and tells the webhook sender when it queued deliveries. Shared with the ledger. */
  async write(w: CaseWrite): Promise<void> { return this.#write(w); }
  audited(actor: Actor, action: string, target: AuditEntry['target'], caseId: string | undefined, before: unknown, after: unknown): AuditEntry {
    return this.#audit(actor, action, target, caseId, before, after);
  }
  delivery(source: string, type: WebhookType, payload: unknown, version: string): Delivery {
    return this.#delivery(source, type, payload, version);
  }

  async #write(w: CaseWrite): Promise<void> {
    await this.#o.store.write(w);
    if (w.enqueue?.length && this.#o.config.webhooks.url) this.#o.onEnqueued?.();
  }

  #staffOnly(actor: Actor): void {
    if (!STAFF.has(actor.role)) throw new CaseError('ERR_CASES_FORBIDDEN', `a ${actor.role} key may not do this; it needs an analyst or admin key`);
  }

  async #knownComplaints(): Promise<Set<string>> {
    this.#complaintIds ??= new Set(await this.#o.store.complaintIds());
    return this.#complaintIds;
  }

  #complaintOf(e: EventOf<'complaint.filed'>): Complaint {
    const d = e.data;
    return {
      id: d.complaint_id, source: e.source ?? DEFAULT_SOURCE, by_id: d.by_id, against_id: d.against_id, kind: d.kind,
      order_ids: d.order_ids ?? [], with_proof: Boolean(d.text?.trim()) || (d.order_ids?.length ?? 0) > 0,
      filed_at: e.time, review_deadline: new Date(Date.parse(e.time) + this.#o.config.complaints.reviewMs).toISOString(),
      status: 'received',
    };
  }

  /** Marks a complaint id as recorded (a complaint filed through the API, before its event is synced). */
  noteComplaint(id: string): void { this.#complaintIds?.add(id); }
}

/** Whether a merchant of `shop` may see the case: it is harmed by it, or sanctioned on it. */
export function visibleTo(c: CaseRecord, shop: string): boolean {
  return c.victim_shops.includes(shop) || (c.status === 'confirmed' && c.accused_shops.includes(shop));
}

/** A complaint linked to a case follows the case's outcome. */
function decideComplaint(x: Complaint, c: CaseRecord, at: string): Complaint {
  if (c.status === 'open' || x.status === 'upheld' || x.status === 'rejected') return { ...x, case_id: c.id };
  return { ...x, case_id: c.id, status: c.status === 'confirmed' ? 'upheld' : 'rejected', decided_at: at,
    note: `decided with case ${c.id} (${c.status})` };
}

function checkSpec(s: SanctionSpec, c: CaseRecord, i: number): void {
  const at = `sanctions[${i}]`;
  if (s.subject.type === 'shop' && c.victim_shops.includes(s.subject.id)) {
    throw new CaseError('ERR_CASES_INVALID', `${at}: shop ${s.subject.id} is harmed by case ${c.id}, never sanctioned for it; remove that sanction`);
  }
  const named = s.subject.type === 'shop' ? c.shops : c.accounts;
  if (!named.includes(s.subject.id)) {
    throw new CaseError('ERR_CASES_INVALID', `${at}.subject: ${s.subject.type} ${s.subject.id} is not named by case ${c.id}; ` +
      `sanction only the ${s.subject.type === 'shop' ? 'shops' : 'accounts'} it names`);
  }
  if (s.kind === 'points' && !(Number.isInteger(s.points) && s.points! > 0)) {
    throw new CaseError('ERR_CASES_INVALID', `${at}.points: a points sanction needs a positive integer, received ${JSON.stringify(s.points)}`);
  }
  if ((s.kind === 'sales_cleared' || s.kind === 'listing_removed' || s.kind === 'shop_closed') && s.subject.type !== 'shop') {
    throw new CaseError('ERR_CASES_INVALID', `${at}: ${s.kind} applies to a shop, received an ${s.subject.type}`);
  }
  if (s.kind === 'account_restricted' && s.subject.type !== 'account') {
    throw new CaseError('ERR_CASES_INVALID', `${at}: account_restricted applies to an account, received a ${s.subject.type}`);
  }
}

/** The fields that differ between two versions of a case, as the audit log's before or after. */
function pick(from: CaseRecord, other: CaseRecord): Partial<CaseRecord> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys({ ...from, ...other }) as Array<keyof CaseRecord>) {
    if (JSON.stringify(from[k]) !== JSON.stringify(other[k])) out[k] = from[k] ?? null;
  }
  return out as Partial<CaseRecord>;
}

function forbiddenShop(): CaseError {
  return new CaseError('ERR_CASES_FORBIDDEN', "a merchant key sees only its own shop's cases; leave shop out or pass the shop the key was created for");
}

function forbiddenCase(): CaseError {
  return new CaseError('ERR_CASES_FORBIDDEN', 'a merchant key sees only the cases where its shop is harmed or sanctioned; list them with GET /v1/cases');
}

