// The scalping incident of one launch: the linked groups named as scalpers with the evidence of
// their links, the doors they wrote many ways, units against the limit and the stock, and the
// alert that reports it. State lives in the launch record of scalping.ts; this module shapes it.
import type { Severity } from '../contract/index.js';
import { round4, type AddressKey, type AlertUpdate, type Cluster } from '../core/index.js';

/** What the incident needs of a launch and its rules. */
interface LaunchView { shopId: string; epoch: number; stock: number }
interface PolicyView { perAccountLimit: number; householdAccounts: number }

/** The scalping incident of one launch, kept in the launch's state record. */
export interface Incident {
  startTime: string;
  /** Accounts named as scalpers, and units they were allowed and tried to buy. */
  accounts: number;
  units: number;
  attemptedUnits: number;
  deniedOrders: number;
  limitedOrders: number;
  groups: GroupEvidence[];
  /** Written forms of the doors scalpers shipped to: [address key, forms]. */
  variants: Array<[string, string[]]>;
}

interface GroupEvidence {
  /** The group's identity-graph root when last seen (roots move when groups merge). */
  root: string;
  clusterSize: number;
  buyers: number;
  /** The first MAX_GROUP_ACCOUNTS buyers. */
  accounts: string[];
  units: number;
  attemptedUnits: number;
  allowanceUnits: number;
  shared: { device: string[]; payment: string[]; phone: string[]; address: string[] };
}

/** Groups, accounts per group, shared values per kind and doors with their written forms kept in the evidence. */
const MAX_GROUPS = 32;
const MAX_GROUP_ACCOUNTS = 20;
const MAX_SHARED = 8;
const MAX_DOORS = 8;
const MAX_FORMS = 8;
/**
 * Severity follows the share of the launch's stock the named groups tried to take: a tenth in one
 * party's hands is felt by every fan (high), a third would have been the launch lost (critical).
 * Ten named accounts are high whatever the stock: no household runs ten accounts.
 */
const HIGH_STOCK_SHARE = 0.1;
const CRITICAL_STOCK_SHARE = 1 / 3;
const HIGH_ACCOUNTS = 10;

/** A new incident, first seen at `time`. */
export function openIncident(time: string): Incident {
  return { startTime: time, accounts: 0, units: 0, attemptedUnits: 0, deniedOrders: 0, limitedOrders: 0, groups: [], variants: [] };
}

/** The alert update of the launch's incident as it now stands, naming `accounts` and `orders`. */
export function incidentUpdate(o: { itemId: string; launch: LaunchView; inc: Incident; policy: PolicyView; accounts: string[]; orders: string[] }): AlertUpdate {
  const { itemId, launch, inc, policy, accounts, orders } = o;
  const share = launch.stock > 0 ? inc.attemptedUnits / launch.stock : null;
  const largest = inc.groups.reduce((m, g) => Math.max(m, g.buyers), 0);
  return {
    incident: `${itemId}#${launch.epoch}`,
    severity: severityFor(share, inc.accounts),
    score: scoreFor(largest, policy.householdAccounts),
    summary: `limited item ${itemId} of shop ${launch.shopId}: ${inc.accounts} linked account(s) in ${inc.groups.length} group(s) ` +
      `tried to buy ${inc.attemptedUnits} unit(s)${share === null ? '' : ` (${pct(share)} of the stock)`} against a limit of ` +
      `${policy.perAccountLimit} per account; ${inc.deniedOrders} order(s) denied, ${inc.limitedOrders} cut to the limit`,
    subjects: { accounts, shops: [launch.shopId], items: [itemId], orders },
    evidence: evidenceOf(launch, inc, policy),
  };
}

/** Replaces the evidence of the groups this cluster now contains (merged ones included) with the cluster's. */
export function recordGroup(inc: Incident, cluster: Cluster, buyers: Array<[string, { u: number; a: number }]>, policy: PolicyView,
  address: AddressKey | undefined): void {
  const inGroup = new Set(cluster.accounts);
  inGroup.add(cluster.root);
  for (const [a] of buyers) inGroup.add(a);
  const shared: GroupEvidence['shared'] = { device: [], payment: [], phone: [], address: [] };
  for (const l of cluster.links) {
    if (l.weak || l.via === 'ip') continue;
    const list = shared[l.via];
    if (list.length < MAX_SHARED && !list.includes(l.value)) list.push(l.value);
  }
  // Accounts joined by the door of this order (past the graph's hub bound) share it too.
  if (address && !address.vague && shared.address.length < MAX_SHARED && !shared.address.includes(address.key)) shared.address.push(address.key);
  const group: GroupEvidence = {
    root: cluster.root, clusterSize: cluster.size, buyers: buyers.length,
    accounts: buyers.slice(0, MAX_GROUP_ACCOUNTS).map(([a]) => a).sort(),
    units: buyers.reduce((s, [, p]) => s + p.u, 0), attemptedUnits: buyers.reduce((s, [, p]) => s + p.a, 0),
    allowanceUnits: policy.perAccountLimit * policy.householdAccounts, shared,
  };
  const kept = inc.groups.filter((g) => !inGroup.has(g.root));
  kept.push(group);
  kept.sort((a, b) => b.attemptedUnits - a.attemptedUnits || (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  inc.groups = kept.slice(0, MAX_GROUPS);
}

/** Keeps the written form `detail` of the door `key` (the pipeline's address key, computed once per order). */
export function addVariant(inc: Incident, key: string, detail: string): void {
  let door = inc.variants.find(([k]) => k === key);
  if (!door) {
    if (inc.variants.length >= MAX_DOORS) return;
    door = [key, []];
    inc.variants.push(door);
  }
  if (door[1].length < MAX_FORMS && !door[1].includes(detail)) door[1].push(detail);
}

function evidenceOf(launch: LaunchView, inc: Incident, policy: PolicyView): Record<string, unknown> {
  return {
    launch: launch.epoch, firstSeen: inc.startTime, perAccountLimit: policy.perAccountLimit,
    householdAccounts: policy.householdAccounts, groupAllowanceUnits: policy.perAccountLimit * policy.householdAccounts,
    stock: launch.stock, scalperAccounts: inc.accounts, unitsBought: inc.units, unitsAttempted: inc.attemptedUnits,
    stockShareTaken: launch.stock > 0 ? round4(inc.units / launch.stock) : null,
    stockShareAttempted: launch.stock > 0 ? round4(inc.attemptedUnits / launch.stock) : null,
    deniedOrders: inc.deniedOrders, limitedOrders: inc.limitedOrders,
    groups: inc.groups, addressVariants: inc.variants.map(([key, forms]) => ({ key, forms })),
  };
}

/** Each linked buyer past a household halves the chance the group is one: 3 buyers 0.5, 5 buyers 0.875. */
function scoreFor(buyers: number, household: number): number {
  return Math.min(0.99, 1 - 0.5 ** Math.max(1, buyers - household));
}

function severityFor(stockShare: number | null, accounts: number): Severity {
  if (stockShare !== null && stockShare >= CRITICAL_STOCK_SHARE) return 'critical';
  if ((stockShare !== null && stockShare >= HIGH_STOCK_SHARE) || accounts >= HIGH_ACCOUNTS) return 'high';
  return 'medium';
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
