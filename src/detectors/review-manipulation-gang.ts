// The gangs of review-manipulation sellers: accounts joined by a contact handle they give out
// (the same WeChat or QQ id, or phone number, in two accounts' offers is one gang) or by the
// identity graph. A union of gang records in the detector's state: a merged gang forwards to the
// one it joined (`into`) and its accounts and handles are pointed at the survivor, so a lookup
// follows at most a short chain. This module keeps the records; review-manipulation.ts decides.
import type { StateStore } from '../core/index.js';
import type { MessageEvidence } from './message-evidence.js';

/** One account that sent offers. */
export interface Seller {
  /** Its gang (possibly merged since: follow with findGang). */
  g: string;
  /** Offers sent, distinct merchants reached (listed up to MAX_SELLER_MERCHANTS, counted past it). */
  n: number;
  m: string[];
  mn: number;
  /** Handles it gave out. */
  h: string[];
  /** The size of its identity-graph cluster when last looked at (members are read only when it grows). */
  cs: number;
  first: number;
  last: number;
  /** When it is listed to be forgotten (event time, ms). */
  e: number;
}

/** A gang: its accounts and handles, the merchants it reached, its offers. */
export interface Gang {
  id: string;
  /** The gang it was merged into, if any. */
  into?: string;
  accounts: string[];
  /** Accounts counted past the listed ones. */
  accountsUnlisted: number;
  handles: string[];
  merchants: string[];
  /** Distinct merchants reached: exact while they are all listed, a sum of the sellers' own counts past it. */
  merchantCount: number;
  offers: number;
  first: number;
  last: number;
  /** The strongest offer score seen. */
  offer: number;
  /** A few offers as evidence (different texts first). */
  samples: MessageEvidence[];
  /** How accounts were joined: [account, via, value, other account]. */
  links: Array<[string, 'handle' | 'identity_graph', string, string]>;
  /** The key of its alert, once it has one. */
  key?: string;
  /** When it is listed to be forgotten (event time, ms). */
  e: number;
}

/** State namespaces: sellers by account, handles by canonical handle, gangs by id. */
export const SELLER = 'seller';
export const HANDLE = 'handle';
export const GANG = 'gang';

/** What a handle record keeps: the gang it belongs to, the accounts that gave it (first few), when it was last given and is listed to be forgotten. */
export interface HandleRecord {
  g: string;
  a: string[];
  l: number;
  e: number;
}

/** Bounds on the lists kept; counts go on past them. */
export const MAX_SELLER_MERCHANTS = 64;
export const MAX_SELLER_HANDLES = 16;
const MAX_GANG_ACCOUNTS = 64;
const MAX_GANG_HANDLES = 32;
const MAX_GANG_MERCHANTS = 256;
const MAX_HANDLE_ACCOUNTS = 16;
const MAX_SAMPLES = 6;
const MAX_LINKS = 64;
/** Longest forwarding chain followed; merges point accounts at the survivor, so chains stay short. */
const MAX_HOPS = 16;

/** A new gang of one account. */
export function newGang(account: string, at: number): Gang {
  return { id: account, accounts: [account], accountsUnlisted: 0, handles: [], merchants: [], merchantCount: 0, offers: 0,
    first: at, last: at, offer: 0, samples: [], links: [], e: 0 };
}

/** The gang `id` now belongs to (following merges), or undefined when it has been forgotten. */
export function findGang(state: StateStore, id: string): Gang | undefined {
  let g = state.get<Gang>(GANG, id);
  for (let hops = 0; g?.into !== undefined && hops < MAX_HOPS; hops++) g = state.get<Gang>(GANG, g.into);
  return g?.into === undefined ? g : undefined;
}

/**
 * Merges gangs `a` and `b` (both current) and returns the survivor: the one seen first, so its id
 * and alert stay the gang's. The other's listed accounts and handles are pointed at it.
 */
export function mergeGangs(state: StateStore, a: Gang, b: Gang, why: Gang['links'][number]): Gang {
  if (a.id === b.id) return a;
  const [keep, gone] = a.first < b.first || (a.first === b.first && a.id < b.id) ? [a, b] : [b, a];
  for (const acc of gone.accounts) addAccount(keep, acc);
  keep.accountsUnlisted += gone.accountsUnlisted;
  for (const h of gone.handles) if (!keep.handles.includes(h) && keep.handles.length < MAX_GANG_HANDLES) keep.handles.push(h);
  const bothListed = keep.merchants.length === keep.merchantCount && gone.merchants.length === gone.merchantCount;
  for (const m of gone.merchants) addMerchant(keep, m);
  // Past the lists the overlap is unknown: the larger count is the least the gang reached.
  if (!bothListed) keep.merchantCount = Math.max(keep.merchantCount, gone.merchantCount, keep.merchants.length);
  keep.offers += gone.offers;
  keep.first = Math.min(keep.first, gone.first);
  keep.last = Math.max(keep.last, gone.last);
  keep.offer = Math.max(keep.offer, gone.offer);
  for (const s of gone.samples) addSample(keep, s);
  for (const l of [why, ...gone.links]) if (keep.links.length < MAX_LINKS) keep.links.push(l);
  keep.key ??= gone.key;
  // Accounts and handles past the lists still name the merged gang: it forwards to the survivor
  // (and is forgotten when it would have been). With everything listed nothing names it any more.
  if (gone.accountsUnlisted > 0 || gone.handles.length >= MAX_GANG_HANDLES) {
    gone.into = keep.id;
    state.set(GANG, gone.id, gone);
  } else {
    state.delete(GANG, gone.id);
  }
  for (const acc of gone.accounts) {
    const s = state.get<Seller>(SELLER, acc);
    if (s) { s.g = keep.id; state.set(SELLER, acc, s); }
  }
  for (const h of gone.handles) {
    const r = state.get<HandleRecord>(HANDLE, h);
    if (r) { r.g = keep.id; state.set(HANDLE, h, r); }
  }
  state.set(GANG, keep.id, keep);
  return keep;
}

/** Lists an account in the gang (counted past the list). */
export function addAccount(g: Gang, account: string): void {
  if (g.accounts.includes(account)) return;
  if (g.accounts.length < MAX_GANG_ACCOUNTS) g.accounts.push(account);
  else g.accountsUnlisted++;
}

/** Lists a handle in the gang. */
export function addHandle(g: Gang, handle: string): void {
  if (!g.handles.includes(handle) && g.handles.length < MAX_GANG_HANDLES) g.handles.push(handle);
}

/** Counts a merchant the gang reached; returns whether it was new to the gang's list. */
export function addMerchant(g: Gang, merchant: string): boolean {
  if (g.merchants.includes(merchant)) return false;
  if (g.merchants.length < MAX_GANG_MERCHANTS) g.merchants.push(merchant);
  g.merchantCount++;
  return true;
}

/** Keeps an offer as a sample: different texts first, so the evidence shows the gang's scripts. */
export function addSample(g: Gang, m: MessageEvidence): void {
  if (g.samples.length >= MAX_SAMPLES || g.samples.some((s) => s.text === m.text)) return;
  g.samples.push(m);
}

/** Notes that `account` of `gang` gave the handle at `at`; returns its record (`r`, or a new one when there is none). */
export function noteHandle(r: HandleRecord | undefined, gang: string, account: string, at: number): HandleRecord {
  const rec = r ?? { g: gang, a: [], l: at, e: 0 };
  rec.g = gang;
  rec.l = Math.max(rec.l, at);
  if (!rec.a.includes(account) && rec.a.length < MAX_HANDLE_ACCOUNTS) rec.a.push(account);
  return rec;
}
