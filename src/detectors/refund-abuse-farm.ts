// The refund farm of refund-abuse.ts: the buyer's identity-graph cluster read as one party, the
// refund-only requests of its members summed at the moment of a request, and the one alert of the
// incident with the accounts, the amounts at stake and the links that tie them.
//
// Counts live per account, never per cluster: the graph's roots move when clusters merge, so the
// group is summed over its members when a request comes, and two groups that merge add up without
// re-keying. The incident is named once, when the farm is first seen, and each named account keeps
// its key, so the alert stays one however the farm grows or whichever root it has later.
import type { Severity } from '../contract/index.js';
import { round4, type AccountState, type AlertUpdate, type Cluster, type DetectorContext, type LinkEvidence } from '../core/index.js';

/** State namespace of the refunder records (one per account that asked a refund-only for goods it had). */
export const REFUNDER_NS = 'refunder';
/** State namespace of the farms' incidents, by incident key. */
const FARM_NS = 'farm';
/** Orders (and their shops) kept per account; a farm account places a handful, a lone buyer one or two. */
export const MAX_RECORD_ORDERS = 8;
/** Flags of a kept order: which kinds of request were counted for it. */
export const WITHOUT_EVIDENCE = 1;
export const WITH_EVIDENCE = 2;

/** An account's refund-only requests for goods it had received (or whose delivery is unknown). */
export interface RefunderRecord {
  /** Requests without evidence (distinct orders, as far as they are kept) and their amount, fen. */
  k: number;
  a: number;
  /** Requests with evidence and their amount, fen. */
  e: number;
  ea: number;
  /** The first MAX_RECORD_ORDERS orders asked for, the request kinds counted for each, and their shops. */
  o: string[];
  f: number[];
  s: string[];
  /** The farm incident the account was named in. */
  i?: string;
}

/** The parameters a farm is judged by (RefundAbuseParams). */
export interface FarmPolicy {
  priorRate: number;
  priorOrders: number;
  minFarmAccounts: number;
  farmMinRate: number;
  denyFarmAccounts: number;
}

/** A farm incident: when it was first seen (ISO event time), to choose one when two farms merge. */
interface FarmRecord {
  t: string;
}

/** The buyer's group judged a farm: its refunders, shrunk rate and orders, and the alert update. */
export interface FarmJudgement {
  refunders: number;
  rate: number;
  orders: number;
  alert: AlertUpdate;
}

/** Accounts per list, links and shared values kept in the evidence. */
const MAX_EVIDENCE_ACCOUNTS = 64;
const MAX_EVIDENCE_LINKS = 64;
const MAX_SHARED = 16;
const MAX_SHOPS = 32;
/**
 * Severity follows the money: 10,000 yuan taken is a month's sales of a small shop (high), 100,000
 * yuan is organised crime by any platform's measure (critical). A farm at the deny size is high
 * whatever the amount.
 */
const HIGH_FEN = 1_000_000;
const CRITICAL_FEN = 10_000_000;

/** Orders the account is known to have placed: at least the orders it asked refunds for. */
export function ordersOf(account: AccountState | undefined, rec: RefunderRecord): number {
  return Math.max(account?.orders ?? 0, rec.k, rec.o.length);
}

/** The Beta-Binomial posterior mean of a refund-only rate: k doubtful requests on n orders, shrunk towards the prior. */
export function shrunkRate(k: number, n: number, p: Pick<FarmPolicy, 'priorRate' | 'priorOrders'>): number {
  return (k + p.priorRate * p.priorOrders) / (Math.max(n, k) + p.priorOrders);
}

/**
 * Judges the buyer's cluster after its request was recorded: a farm when enough members asked
 * refund-only without evidence and the group's shrunk rate is high, or when it was named a farm
 * before (an incident only grows). Undefined when it is not a farm.
 */
export function judgeFarm(ctx: DetectorContext<unknown>, p: FarmPolicy, o: { buyer: string; time: string }): FarmJudgement | undefined {
  const cluster = ctx.entities.cluster(o.buyer);
  const members: Array<[string, RefunderRecord]> = [];
  const states = new Map<string, AccountState>();
  let refunders = 0;
  let doubtful = 0;
  let orders = 0;
  let named: string | undefined;
  let namedAt = '';
  for (const a of cluster.accounts) {
    const account = ctx.entities.account(a);
    const rec = ctx.state.get<RefunderRecord>(REFUNDER_NS, a);
    if (!rec) { orders += account?.orders ?? 0; continue; }
    orders += ordersOf(account, rec);
    members.push([a, rec]);
    if (account) states.set(a, account);
    if (rec.k > 0) { refunders++; doubtful += rec.k; }
    if (rec.i !== undefined && rec.i !== named) {
      // Two farms that merged: the one seen first names the incident from now on.
      const t = ctx.state.get<FarmRecord>(FARM_NS, rec.i)?.t ?? '';
      if (named === undefined || t < namedAt || (t === namedAt && rec.i < named)) { named = rec.i; namedAt = t; }
    }
  }
  const rate = shrunkRate(doubtful, orders, p);
  if (named === undefined) {
    if (refunders < p.minFarmAccounts || rate < p.farmMinRate) return undefined;
    named = cluster.root;
    ctx.state.set(FARM_NS, named, { t: o.time } satisfies FarmRecord);
    namedAt = o.time;
  }
  for (const [a, rec] of members) {
    if (rec.i === named) continue;
    rec.i = named;
    ctx.state.set(REFUNDER_NS, a, rec);
  }
  return { refunders, rate, orders, alert: farmUpdate({ key: named, firstSeen: namedAt, cluster, members, states, refunders, rate, orders, p }) };
}

function farmUpdate(o: {
  key: string; firstSeen: string; cluster: Cluster; members: Array<[string, RefunderRecord]>; states: ReadonlyMap<string, AccountState>;
  refunders: number; rate: number; orders: number; p: FarmPolicy;
}): AlertUpdate {
  const { members, p } = o;
  let requests = 0;
  let withoutEvidence = 0;
  let amount = 0;
  let amountWithout = 0;
  const orderIds: string[] = [];
  const shops = new Set<string>();
  for (const [, r] of members) {
    requests += r.k + r.e;
    withoutEvidence += r.k;
    amount += r.a + r.ea;
    amountWithout += r.a;
    orderIds.push(...r.o);
    for (const s of r.s) if (shops.size < MAX_SHOPS) shops.add(s);
  }
  const perAccount = members
    .map(([account, r]) => ({ account, requests: r.k + r.e, withoutEvidence: r.k, amountFen: r.a + r.ea, amountWithoutEvidenceFen: r.a, orders: r.o }))
    .sort((a, b) => b.amountFen - a.amountFen || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  const links = o.cluster.links.filter((l) => !l.weak);
  return {
    incident: o.key,
    severity: severityFor(amount, o.refunders, p),
    // Each linked refunder past the minimum halves the chance that the group is something else: 3 give 0.5, 5 give 0.875.
    score: Math.min(0.99, 1 - 0.5 ** Math.max(1, o.refunders - p.minFarmAccounts + 1)),
    summary: `refund-only farm of ${members.length} linked account(s): ${requests} refund-only request(s) for delivered goods, ` +
      `${withoutEvidence} without evidence, ${(amount / 100).toFixed(2)} yuan at stake across ${shops.size} shop(s)`,
    subjects: { accounts: members.map(([a]) => a), orders: orderIds },
    evidence: {
      firstSeen: o.firstSeen, clusterRoot: o.cluster.root, linkedAccounts: o.cluster.size, accounts: members.length,
      refundersWithoutEvidence: o.refunders, requests, requestsWithoutEvidence: withoutEvidence,
      amountFen: amount, amountWithoutEvidenceFen: amountWithout,
      groupOrders: o.orders, groupRate: round4(o.rate), farmMinRate: p.farmMinRate, minFarmAccounts: p.minFarmAccounts,
      perAccount: perAccount.slice(0, MAX_EVIDENCE_ACCOUNTS), shops: [...shops].sort(),
      shared: sharedValues(members, links, o.states), links: links.slice(0, MAX_EVIDENCE_LINKS).map(({ a, b, via, value }) => ({ a, b, via, value })),
    },
  };
}

type Shared = Record<'device' | 'payment' | 'phone' | 'address', string[]>;

/**
 * What the named accounts share: devices, payment ids and phones on two or more of them (from
 * their own records), and every value of the graph's merges (doors are known only there). Most
 * shared first, at most MAX_SHARED of each.
 */
function sharedValues(members: ReadonlyArray<readonly [string, unknown]>, links: readonly LinkEvidence[],
  accounts: ReadonlyMap<string, AccountState>): Shared {
  const counts = { device: new Map<string, number>(), payment: new Map<string, number>(), phone: new Map<string, number>(),
    address: new Map<string, number>() };
  const add = (m: Map<string, number>, v: string) => m.set(v, (m.get(v) ?? 0) + 1);
  for (const [id] of members) {
    const a = accounts.get(id);
    if (!a) continue;
    for (const d of a.devices) add(counts.device, d);
    for (const p of a.payments) add(counts.payment, p);
    if (a.phone !== undefined) add(counts.phone, a.phone);
  }
  const out: Shared = { device: [], payment: [], phone: [], address: [] };
  const merged = { device: new Set<string>(), payment: new Set<string>(), phone: new Set<string>(), address: new Set<string>() };
  for (const l of links) if (l.via !== 'ip') merged[l.via].add(l.value);
  for (const via of ['device', 'payment', 'phone', 'address'] as const) {
    const m = counts[via];
    for (const v of merged[via]) if ((m.get(v) ?? 0) < 2) m.set(v, Math.max(2, m.get(v) ?? 0));
    out[via] = [...m].filter(([, n]) => n >= 2)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, MAX_SHARED).map(([v]) => v);
  }
  return out;
}

function severityFor(amountFen: number, refunders: number, p: FarmPolicy): Severity {
  if (amountFen >= CRITICAL_FEN) return 'critical';
  if (amountFen >= HIGH_FEN || refunders >= p.denyFarmAccounts) return 'high';
  return 'medium';
}
