// The case against one claimant, or a group of claimants linked by the identity graph or by the
// demand scripts and payment handles they share: the merchants they targeted, their demands (the
// normalised text, sums and lexicon cues), their claims and the payouts held, the merchants'
// reports against them, and the links that joined them. State lives in the detector's store as
// plain JSON (one record per case, one pointer per claimant); this module shapes it and writes
// the alert. It decides nothing: malicious-claim.ts judges events and says what to record.
import type { Severity } from '../contract/index.js';
import { alertId, type AlertUpdate, type StateStore } from '../core/index.js';

/**
 * State namespaces: claimant → its case, case id → case, script or handle → the case that used it
 * first, and the queue of certain cases whose alerts are due (one record).
 */
export const CLAIMANT = 'claimant';
export const CASE = 'case';
export const SCRIPT = 'script';
export const HANDLE = 'handle';
export const DUE = 'due';
export const DUE_ID = 'queue';

/** A claimant's pointer to its case. */
export interface Claimant { c: string }

/** One merchant (or shop, when its owner is unknown) the case targeted. */
export interface Target {
  /** The merchant's account, when known. */
  m?: string;
  /** The merchant's shops the case named (claims, complaints, orders of messages). */
  s: string[];
  /** Strongest demand to this merchant (extortion intent), 0 when none. */
  d: number;
  /** Event time of the latest demand, ms. */
  dAt: number;
  /** Claims filed, and complaints by the claimant against the shop. */
  claims: number;
  complaints: number;
  /** Reports by this merchant against the case's claimants (extortion or malicious_claim). */
  reports: number;
}

/** A demand as evidence: where it was written, what it said, and how it read. */
export interface Demand {
  time: string;
  account: string;
  via: 'message' | 'claim' | 'complaint';
  /** The message, claim or complaint id. */
  id: string;
  merchant?: string;
  shop?: string;
  /** The normalised text (simplified, half-width, sums in digits), at most TEXT_CHARS. */
  text: string;
  /** Sums named, yuan. */
  amounts: number[];
  /** Lexicon terms found, by lexicon. */
  cues: Record<string, string[]>;
  intent: number;
}

export interface ClaimRecord {
  id: string; time: string; account: string; shop: string; order: string;
  amountFen: number; held: boolean;
  /** What tied it to the case: its own demand, an earlier demand to the merchant, the claimant's record, a link. */
  why: string;
}

export interface Report { id: string; time: string; by: string; merchant?: string; shop?: string; against: string; kind: string }

/** How claimant `a` was found to be one with claimant `b`, and when (event time, ISO). */
export interface CaseLink { a: string; b: string; via: 'graph' | 'script' | 'handle'; value: string; time: string }

export interface Case {
  id: string;
  /** Event time the case was opened, ms. */
  created: number;
  /** Event time the case became certain, ms; its alert opens accuseAfterMs later. */
  certainAt?: number;
  /** Event time (ISO) its alert opened; absent before. */
  alerted?: string;
  /** The case this one was merged into (its record then holds nothing else of use). */
  mergedInto?: string;
  /** Alerts of cases merged into this one after both had opened (they stay as they were). */
  absorbedAlerts: string[];
  accounts: string[];
  targets: Target[];
  /** Targets counted past the kept ones. */
  moreTargets: number;
  demands: Demand[];
  demandCount: number;
  claims: ClaimRecord[];
  claimCount: number;
  reports: Report[];
  reportCount: number;
  /** Claimant complaints to the platform against targeted shops (ids). */
  complaints: string[];
  heldFen: number;
  heldClaims: number;
  links: CaseLink[];
}

/** Bounds of a case record: enough to show an analyst the pattern, bounded for memory. */
const MAX_ACCOUNTS = 64;
/** Professional claimants hit tens of shops a week; past this the targets are counted, not kept. */
const MAX_TARGETS = 128;
const MAX_DEMANDS = 32;
const MAX_CLAIMS = 64;
const MAX_REPORTS = 32;
const MAX_COMPLAINTS = 32;
const MAX_LINKS = 32;
const MAX_SHOPS_PER_TARGET = 8;
/** Characters of a demand's text kept in the evidence. */
export const TEXT_CHARS = 200;

/** The case of `account` (following merges), or undefined. */
export function caseOf(state: StateStore, account: string): Case | undefined {
  const p = state.get<Claimant>(CLAIMANT, account);
  return p ? resolve(state, p.c) : undefined;
}

/** The live case `id` names, following merges. */
export function resolve(state: StateStore, id: string): Case | undefined {
  let c = state.get<Case>(CASE, id);
  // Merges only ever point at older, live cases, so the chain ends.
  while (c?.mergedInto !== undefined) c = state.get<Case>(CASE, c.mergedInto);
  return c;
}

/** The case of `account`, opened (with the account as its first claimant) when it has none. */
export function openCase(state: StateStore, account: string, at: number): Case {
  const found = caseOf(state, account);
  if (found) return found;
  const c: Case = {
    id: account, created: at, absorbedAlerts: [], accounts: [account], targets: [], moreTargets: 0,
    demands: [], demandCount: 0, claims: [], claimCount: 0, reports: [], reportCount: 0, complaints: [],
    heldFen: 0, heldClaims: 0, links: [],
  };
  state.set(CASE, c.id, c);
  state.set(CLAIMANT, account, { c: c.id } satisfies Claimant);
  return c;
}

/** Adds `account` to case `c` (it joined by a link or by its own claim). */
export function join(state: StateStore, c: Case, account: string): void {
  if (!c.accounts.includes(account) && c.accounts.length < MAX_ACCOUNTS) c.accounts.push(account);
  state.set(CLAIMANT, account, { c: c.id } satisfies Claimant);
}

/**
 * Merges two cases and returns the survivor: the one whose alert opened first (an alert keeps
 * its id, so the older one goes on growing), else the older case. The other's record points to
 * it; if both had opened alerts, the younger alert stays as it was and is listed in the survivor.
 */
export function mergeCases(state: StateStore, x: Case, y: Case, link: CaseLink): Case {
  if (x.id === y.id) return x;
  const [keep, gone] = older(x, y) ? [x, y] : [y, x];
  for (const a of gone.accounts) join(state, keep, a);
  for (const t of gone.targets) mergeTarget(keep, t);
  keep.moreTargets += gone.moreTargets;
  keep.demands = bounded([...keep.demands, ...gone.demands].sort(byTime), MAX_DEMANDS);
  keep.demandCount += gone.demandCount;
  keep.claims = bounded([...keep.claims, ...gone.claims].sort(byTime), MAX_CLAIMS);
  keep.claimCount += gone.claimCount;
  keep.reports = bounded([...keep.reports, ...gone.reports].sort(byTime), MAX_REPORTS);
  keep.reportCount += gone.reportCount;
  keep.complaints = bounded([...keep.complaints, ...gone.complaints], MAX_COMPLAINTS);
  keep.heldFen += gone.heldFen;
  keep.heldClaims += gone.heldClaims;
  keep.links = bounded([...keep.links, ...gone.links, link], MAX_LINKS);
  if (gone.certainAt !== undefined && (keep.certainAt === undefined || gone.certainAt < keep.certainAt)) keep.certainAt = gone.certainAt;
  if (gone.alerted !== undefined) keep.absorbedAlerts.push(gone.id, ...gone.absorbedAlerts);
  else keep.absorbedAlerts.push(...gone.absorbedAlerts);
  state.set(CASE, gone.id, { id: gone.id, created: gone.created, mergedInto: keep.id } as Case);
  state.set(CASE, keep.id, keep);
  return keep;
}

function older(a: Case, b: Case): boolean {
  if (a.alerted !== undefined || b.alerted !== undefined) {
    if (a.alerted === undefined) return false;
    if (b.alerted === undefined) return true;
    if (a.alerted !== b.alerted) return a.alerted < b.alerted;
  }
  if (a.created !== b.created) return a.created < b.created;
  return a.id < b.id;
}

/** The case's target for a merchant (or a shop whose owner is unknown), created when new. */
export function targetOf(c: Case, merchant: string | undefined, shop: string | undefined): Target | undefined {
  let t = c.targets.find((x) => (merchant !== undefined && x.m === merchant) || (shop !== undefined && x.s.includes(shop)));
  if (!t) {
    if (c.targets.length >= MAX_TARGETS) { c.moreTargets++; return undefined; }
    t = { s: [], d: 0, dAt: 0, claims: 0, complaints: 0, reports: 0 };
    if (merchant !== undefined) t.m = merchant;
    c.targets.push(t);
  }
  if (merchant !== undefined && t.m === undefined) t.m = merchant;
  if (shop !== undefined && !t.s.includes(shop) && t.s.length < MAX_SHOPS_PER_TARGET) t.s.push(shop);
  return t;
}

function mergeTarget(c: Case, t: Target): void {
  const into = targetOf(c, t.m, t.s[0]);
  if (!into) return;
  for (const s of t.s) if (!into.s.includes(s) && into.s.length < MAX_SHOPS_PER_TARGET) into.s.push(s);
  into.d = Math.max(into.d, t.d);
  into.dAt = Math.max(into.dAt, t.dAt);
  into.claims += t.claims;
  into.complaints += t.complaints;
  into.reports += t.reports;
}

export function addDemand(c: Case, d: Demand): void {
  c.demandCount++;
  if (c.demands.length < MAX_DEMANDS) c.demands.push(d);
}

export function addClaim(c: Case, r: ClaimRecord): void {
  c.claimCount++;
  if (r.held) { c.heldClaims++; c.heldFen += r.amountFen; }
  if (c.claims.length < MAX_CLAIMS) c.claims.push(r);
}

export function addReport(c: Case, r: Report): void {
  c.reportCount++;
  if (c.reports.length < MAX_REPORTS) c.reports.push(r);
}

export function addLink(c: Case, l: CaseLink): void {
  if (c.links.length < MAX_LINKS) c.links.push(l);
}

export function addComplaint(c: Case, id: string): void {
  if (c.complaints.length < MAX_COMPLAINTS && !c.complaints.includes(id)) c.complaints.push(id);
}

/** What makes a case malicious, and certain enough to accuse, in the detector's parameters. */
export interface CasePolicy { reportsToFlag: number; demandMerchantsToFlag: number }

/**
 * A case is malicious (its claims go to review) when a merchant it sent a demand to was also
 * pressed formally (a claim, or a complaint to the platform) or reported it; when it sent demands
 * to several merchants; or when several merchants reported it independently.
 */
export function isMalicious(c: Case, p: CasePolicy): boolean {
  for (const t of c.targets) if (t.d > 0 && (t.claims > 0 || t.complaints > 0 || t.reports > 0)) return true;
  return isCertain(c, p);
}

/**
 * A case is certain enough for an alert, which names its claimants as extortionists to analysts
 * and to every shop they targeted, when it shows a practice rather than one heated exchange:
 * demands to several merchants, a demand the merchant itself reported, or reports by several
 * merchants. A single demand with its claim is malicious (the claim is held) but not yet certain.
 */
export function isCertain(c: Case, p: CasePolicy): boolean {
  let demanded = 0;
  let reportedBy = 0;
  for (const t of c.targets) {
    if (t.d > 0) {
      if (t.reports > 0) return true;
      demanded++;
    }
    if (t.reports > 0) reportedBy++;
  }
  return demanded >= p.demandMerchantsToFlag || reportedBy >= p.reportsToFlag;
}

/** Distinct merchants that reported the case. */
export function reportingMerchants(c: Case): number {
  let n = 0;
  for (const t of c.targets) if (t.reports > 0) n++;
  return n;
}

/** The alert update of a malicious case as it now stands. */
export function caseUpdate(c: Case): AlertUpdate {
  const shops = [...new Set(c.targets.flatMap((t) => t.s))];
  const demanded = c.targets.filter((t) => t.d > 0).length;
  const reporters = reportingMerchants(c);
  const yuan = [...new Set(c.demands.flatMap((d) => d.amounts))].sort((a, b) => a - b);
  const orders = [...new Set(c.claims.map((r) => r.order))];
  return {
    incident: c.id,
    severity: severityOf(c.targets.length + c.moreTargets, reporters),
    score: scoreOf(c, reporters),
    summary: `${c.accounts.length} claimant account(s) (${c.accounts.slice(0, 3).join(', ')}${c.accounts.length > 3 ? ', ...' : ''}) ` +
      `demanded money with threats from ${demanded} merchant(s)${yuan.length ? ` (${yuan.slice(0, 5).join(', ')} yuan)` : ''}, ` +
      `filed ${c.claimCount} claim(s) against ${shops.length} shop(s); ${c.heldClaims} payout(s) held ` +
      `(${(c.heldFen / 100).toFixed(2)} yuan); ${c.reportCount} merchant report(s)`,
    subjects: { accounts: [...c.accounts], shops, orders },
    // Lists are copied: the case goes on changing after this update, the alert must not with it.
    evidence: {
      firstSeen: c.alerted, claimants: [...c.accounts],
      targets: c.targets.map((t) => ({ merchant: t.m ?? null, shops: [...t.s], demand: t.d, claims: t.claims, complaints: t.complaints, reports: t.reports })),
      moreTargets: c.moreTargets,
      demands: [...c.demands], demandCount: c.demandCount, demandedYuan: yuan,
      messages: c.demands.filter((d) => d.via === 'message').map((d) => d.id),
      claims: [...c.claims], claimCount: c.claimCount,
      payoutHeldFen: c.heldFen, claimsHeld: c.heldClaims,
      merchantComplaints: c.reports.map((r) => r.id), reports: [...c.reports], reportCount: c.reportCount,
      claimantComplaints: [...c.complaints],
      links: [...c.links], mergedAlerts: c.absorbedAlerts.map((id) => alertId('malicious_claim', id)),
    },
  };
}

/**
 * Severity: one merchant extorted is medium; three or more (a professional claimant's campaign)
 * or two merchants reporting it independently is high; ten or more merchants is critical.
 */
function severityOf(targets: number, reporters: number): Severity {
  if (targets >= 10) return 'critical';
  if (targets >= 3 || reporters >= 2) return 'high';
  return 'medium';
}

/** The strongest demand, each further merchant extorted or reporting halving the doubt left; at most 0.99. */
function scoreOf(c: Case, reporters: number): number {
  let strongest = 0;
  let extra = 0;
  for (const t of c.targets) {
    if (t.d > strongest) strongest = t.d;
    if (t.d > 0 || t.reports > 0) extra++;
  }
  const base = strongest > 0 ? strongest : reporters > 0 ? 0.5 : 0;
  return Math.min(0.99, 1 - (1 - base) * 0.5 ** Math.max(0, extra - 1));
}

function bounded<T>(xs: T[], n: number): T[] {
  return xs.length > n ? xs.slice(0, n) : xs;
}

function byTime(a: { time: string }, b: { time: string }): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
}
