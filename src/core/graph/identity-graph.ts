// The identity graph: accounts joined into clusters by what they share (devices, payment ids,
// phones, normalised addresses), with the evidence of every merge, and weak links (shared IPs,
// hub entities) kept as evidence that never merges.
//
// A union-find whose parent pointers, cluster records and link entities all live in the
// StateStore (namespaces below), so snapshots, resume and replays see exactly the same graph;
// nothing lives in fields of an object. Work per event is bounded: one record per link key, a
// find of logarithmic depth (union by size), a bounded merge of two cluster records.
import type { StateStore } from '../ports.js';
import type { LinkKey, LinkVia } from './link-keys.js';

/** State namespaces of the graph. */
export const GRAPH_NS = {
  /**
   * One namespace per kind of link entity, value → SharedBy: the accounts seen with one device,
   * payment id, phone, address key or IP. (Apart, so a lookup needs no joined key.)
   */
  link: { device: 'graph.device', payment: 'graph.payment', phone: 'graph.phone', address: 'graph.address', ip: 'graph.ip' } satisfies Record<LinkVia, string>,
  /** account → parent account (only accounts that are not the root of their cluster). */
  parent: 'graph.parent',
  /** root account → ClusterRecord (only clusters of two or more). */
  cluster: 'graph.cluster',
  /** account → LinkEvidence[]: weak links of the account (shared IPs, hubs). */
  weak: 'graph.weak',
} as const;

export interface GraphParams {
  /**
   * A device, payment id, phone or address seen with more accounts than this is a hub (an
   * internet café, a parcel locker, a shop's card reader), a public place rather than one
   * person: later accounts on it link to it weakly and are not merged. 20 is about the largest
   * household or small office that shares one device or door; rings larger than that still
   * merge through their many smaller shared entities.
   */
  hubAccounts: number;
}

export const DEFAULT_GRAPH_PARAMS: GraphParams = { hubAccounts: 20 };

/** Bounds on what a cluster record keeps; `size` counts on past them. */
export const MAX_CLUSTER_ACCOUNTS = 256;
export const MAX_CLUSTER_LINKS = 256;
/** Weak links kept per account: enough to show "shares an IP with others", bounded for campuses. */
export const MAX_WEAK_LINKS = 8;

/** Why two accounts are linked: what they share, and whether it merges them. */
export interface LinkEvidence {
  a: string;
  b: string;
  via: LinkVia;
  /** The shared value as stored (personal data: hash it before it leaves the platform). */
  value: string;
  /** True for links that do not merge: IPs, and entities shared by more than `hubAccounts`. */
  weak: boolean;
}

/** An account's cluster as the query API returns it. */
export interface Cluster {
  root: string;
  /** Accounts in the cluster, counted past the listed ones. */
  size: number;
  /** Sorted; at most MAX_CLUSTER_ACCOUNTS. */
  accounts: string[];
  /** The merges (a spanning tree of the cluster, in the order they happened), then weak links. */
  links: LinkEvidence[];
}

/** The accounts seen with one link entity (a device, payment id, phone, address key or IP). */
export interface SharedBy {
  /** The first `hubAccounts + 1` distinct accounts seen with it. */
  accounts: string[];
  /** Distinct accounts seen, exact up to `hubAccounts + 1`, then a lower bound. */
  n: number;
}

interface ClusterRecord {
  size: number;
  accounts: string[];
  links: LinkEvidence[];
}

/** Records that `accountId` was seen with each of `keys`, merging clusters through strong links. */
export function linkAccount(state: StateStore, accountId: string, keys: readonly LinkKey[], params: GraphParams): void {
  for (const key of keys) {
    const ns = GRAPH_NS.link[key.via];
    const entity = state.get<SharedBy>(ns, key.value);
    if (!entity) {
      state.set(ns, key.value, { accounts: [accountId], n: 1 } satisfies SharedBy);
      continue;
    }
    if (entity.accounts.includes(accountId)) continue;
    // Past the kept list we cannot tell a new account from one seen before; it is a hub anyway.
    const hub = entity.n >= params.hubAccounts;
    if (entity.accounts.length <= params.hubAccounts) entity.accounts.push(accountId);
    entity.n++;
    state.set(ns, key.value, entity);
    const first = entity.accounts[0]!;
    if (key.via === 'ip' || hub) {
      addWeak(state, accountId, { a: first, b: accountId, via: key.via, value: key.value, weak: true });
      addWeak(state, first, { a: first, b: accountId, via: key.via, value: key.value, weak: true });
    } else {
      union(state, first, accountId, { a: first, b: accountId, via: key.via, value: key.value, weak: false });
    }
  }
}

/** The cluster of `accountId` (a cluster of one when it shares nothing); reads only, changes nothing. */
export function clusterOf(state: StateStore, accountId: string): Cluster {
  const root = findRoot(state, accountId);
  const record = state.get<ClusterRecord>(GRAPH_NS.cluster, root);
  const accounts = record ? [...record.accounts].sort() : [accountId];
  const links = record ? [...record.links] : [];
  const members = new Set(accounts);
  for (const a of accounts) {
    for (const w of state.get<LinkEvidence[]>(GRAPH_NS.weak, a) ?? []) {
      // A weak link inside the cluster says nothing the merges have not said.
      if (!(members.has(w.a) && members.has(w.b))) links.push(w);
    }
  }
  return { root, size: record?.size ?? 1, accounts, links };
}

/**
 * The accounts of `accountId`'s cluster as stored (at most MAX_CLUSTER_ACCOUNTS, in no stated
 * order), without copying them or reading any evidence: for sums over the members, whose result
 * does not depend on their order. Read only; do not change the array.
 */
export function clusterAccountsOf(state: StateStore, accountId: string): readonly string[] {
  return state.get<ClusterRecord>(GRAPH_NS.cluster, findRoot(state, accountId))?.accounts ?? [accountId];
}

/**
 * The root and size of `accountId`'s cluster without copying its members or evidence: the cheap
 * read for a detector that asks of every order whether its buyer is linked to others.
 */
export function clusterRootOf(state: StateStore, accountId: string): { root: string; size: number } {
  const root = findRoot(state, accountId);
  return { root, size: state.get<ClusterRecord>(GRAPH_NS.cluster, root)?.size ?? 1 };
}

/** The accounts seen with a device, payment id, phone, address key or IP; undefined if none was. */
export function sharedBy(state: StateStore, via: LinkVia, value: string): SharedBy | undefined {
  return state.get<SharedBy>(GRAPH_NS.link[via], value);
}

/** The state keys `linkAccount` reads first for these keys (the parent chains are found as it goes). */
export function graphStateKeys(accountId: string, keys: readonly LinkKey[]): string[] {
  return [`${GRAPH_NS.parent}:${accountId}`, ...keys.map((k) => `${GRAPH_NS.link[k.via]}:${k.value}`)];
}

function findRoot(state: StateStore, accountId: string): string {
  let x = accountId;
  for (let p = state.get<string>(GRAPH_NS.parent, x); p !== undefined; p = state.get<string>(GRAPH_NS.parent, x)) x = p;
  return x;
}

/** Finds the root and points every account on the way straight at it (path compression). */
function find(state: StateStore, accountId: string): string {
  const root = findRoot(state, accountId);
  let x = accountId;
  while (x !== root) {
    const next = state.get<string>(GRAPH_NS.parent, x)!;
    if (next !== root) state.set(GRAPH_NS.parent, x, root);
    x = next;
  }
  return root;
}

function union(state: StateStore, a: string, b: string, evidence: LinkEvidence): void {
  const ra = find(state, a);
  const rb = find(state, b);
  if (ra === rb) return;
  const ca = state.get<ClusterRecord>(GRAPH_NS.cluster, ra) ?? single(ra);
  const cb = state.get<ClusterRecord>(GRAPH_NS.cluster, rb) ?? single(rb);
  // Union by size keeps finds logarithmic; equal sizes go to the smaller id, so the root never
  // depends on anything but the events.
  const aWins = ca.size > cb.size || (ca.size === cb.size && ra < rb);
  const [root, child, keep, gone] = aWins ? [ra, rb, ca, cb] : [rb, ra, cb, ca];
  state.set(GRAPH_NS.parent, child, root);
  state.delete(GRAPH_NS.cluster, child);
  keep.size += gone.size;
  appendBounded(keep.accounts, gone.accounts, MAX_CLUSTER_ACCOUNTS);
  appendBounded(keep.links, [evidence, ...gone.links], MAX_CLUSTER_LINKS);
  state.set(GRAPH_NS.cluster, root, keep);
}

function single(accountId: string): ClusterRecord {
  return { size: 1, accounts: [accountId], links: [] };
}

function addWeak(state: StateStore, accountId: string, evidence: LinkEvidence): void {
  const list = state.get<LinkEvidence[]>(GRAPH_NS.weak, accountId) ?? [];
  if (list.length >= MAX_WEAK_LINKS) return;
  if (list.some((w) => w.a === evidence.a && w.b === evidence.b && w.via === evidence.via && w.value === evidence.value)) return;
  list.push(evidence);
  state.set(GRAPH_NS.weak, accountId, list);
}

function appendBounded<T>(into: T[], from: readonly T[], max: number): void {
  for (const x of from) {
    if (into.length >= max) return;
    into.push(x);
  }
}
