// Scalping (黄牛抢购): one party buys a limited launch through many accounts, each within the
// per-account limit, linked by what they cannot help sharing: devices, payment instruments, phones
// and one delivery door written many ways. The identity graph (src/core/graph) joins them; this
// detector counts the units a whole linked group buys of one launch and stops the group at the
// limit of one household; one door is one household too, however many accounts ship to it (the
// graph stops merging at a door past 20 accounts; a launch's drop door is exactly that). Units are
// kept per (launch, account) and summed over the group's members when an order comes, so two
// groups that merge mid-launch add up without any re-keying.
import { Type, type Static } from '@sinclair/typebox';
import type { EventOf } from '../contract/index.js';
import type { AddressKey, AlertUpdate, Cluster, Contribution, Detector, DetectorContext, DetectorResult } from '../core/index.js';
import { addVariant, incidentUpdate, openIncident, recordGroup, type Incident } from './scalping-incident.js';

export const ScalpingParams = Type.Object({
  householdAccounts: Type.Integer({ minimum: 1, maximum: 20, default: 2,
    description: 'accounts of one linked group (shared device, payment, phone or door) that may each buy up to the ' +
      'per-account limit of a launch. A couple on one tablet, one card or one door is the commonest household that ' +
      'shares identity signals and both are genuine fans; a third linked account buying the same drop is where a ' +
      'household ends and a ring begins. The group may buy perAccountLimit x householdAccounts units' }),
  relaunchGapMs: Type.Integer({ minimum: 0, default: 24 * 3600_000,
    description: 'a restock (stock raised) of a limited item this long after its last order is a new launch with ' +
      'fresh limits, ms. A drop sells out in minutes to hours and a restock within it is part of it; a day of ' +
      'quiet means the drop is over' }),
}, { additionalProperties: false });

export type ScalpingParams = Static<typeof ScalpingParams>;

/**
 * The rules one launch is judged by. Today they come from the detector's parameters and the
 * listing; a merchant's per-launch strategy will override them here and nowhere else.
 */
interface LaunchPolicy {
  perAccountLimit: number;
  householdAccounts: number;
}

/** A limited launch of one item, and its scalping incident once one is seen. */
interface Launch {
  shopId: string;
  /** Launches of this item so far; the current one's number (part of the incident key). */
  epoch: number;
  limited: boolean;
  /** `per_account_limit` of the listing; 0 when none was stated (nothing to enforce). */
  limit: number;
  /** Largest stock listed during this launch (units). */
  stock: number;
  lastOrderAt: number;
  incident?: Incident;
}

/** What one account bought of one launch: epoch, units allowed, units tried, named as scalper, orders. */
interface Purchase {
  e: number;
  u: number;
  a: number;
  n?: 1;
  o: string[];
}

/** What one door received of one launch: epoch, units allowed, accounts shipping there (counted, first few kept). */
interface DoorPurchases {
  e: number;
  u: number;
  n: number;
  s: string[];
}

/** An order holding units of limited launches, to give them back if it is cancelled. */
interface HeldOrder {
  b: string;
  /** [item, epoch, units, door key ('' for none)] */
  l: Array<[string, number, number, string]>;
}

/** State namespaces: per launch item, per (item, account) purchase, per (item, door), per held order. */
const LAUNCH = 'launch';
const PURCHASE = 'buy';
const DOOR = 'door';
const HELD = 'held';

/** Orders kept per account and launch, for the alert's subjects; a scalper places one to three. */
const MAX_ORDERS_PER_PURCHASE = 8;
/** Accounts kept per door and launch, to name them when the door goes over; they are counted past it. */
const MAX_DOOR_ACCOUNTS = 64;
/**
 * An order that would take the group (or the account) past its allowance is denied: the limit is
 * the merchant's rule, and at the deny threshold by itself. The part that still fits, if any, is
 * offered through `limit_quantity` with a challenge (the buyer confirms the smaller quantity).
 */
const DENY_SCORE = 0.95;
const LIMIT_SCORE = 0.5;
/** Detects scalpers: linked accounts that together buy a limited launch past one household's limit. */
export const scalpingDetector: Detector<ScalpingParams> = {
  kind: 'scalping',
  version: '1',
  observes: ['listing.updated', 'order.placed', 'order.cancelled'],
  paramsSchema: ScalpingParams,
  defaults: { householdAccounts: 2, relaunchGapMs: 24 * 3600_000 },
  stateKeys(event, _params, address) {
    // The purchases of the buyer's group members are found through the graph as the order is judged.
    if (event.type === 'listing.updated') return [[LAUNCH, event.data.item_id] as const];
    if (event.type === 'order.cancelled') return [[HELD, event.data.order_id] as const];
    if (event.type === 'order.placed') {
      const door = doorKeyOf(address);
      return event.data.lines.flatMap((l) => [
        [LAUNCH, l.item_id] as const, [PURCHASE, purchaseId(l.item_id, event.data.buyer_id)] as const,
        ...(door ? [[DOOR, doorId(l.item_id, door)] as const] : []),
      ]);
    }
    return [];
  },
  inspect(event, ctx) {
    if (event.type === 'order.placed') return onOrder(event, ctx);
    if (event.type === 'listing.updated') { onListing(event, ctx); return undefined; }
    if (event.type === 'order.cancelled') onCancelled(event, ctx);
    return undefined;
  },
};

function onListing(e: EventOf<'listing.updated'>, ctx: DetectorContext<ScalpingParams>): void {
  const d = e.data;
  let launch = ctx.state.get<Launch>(LAUNCH, d.item_id);
  if (!launch) {
    if (d.limited !== true) return;
    launch = { shopId: d.shop_id, epoch: 0, limited: false, limit: 0, stock: 0, lastOrderAt: ctx.at };
  }
  if (d.limited === false) {
    launch.limited = false;
  } else if (launch.limited || d.limited === true) {
    const restock = d.stock !== undefined && d.stock > launch.stock && ctx.at - launch.lastOrderAt >= ctx.params.relaunchGapMs;
    if (!launch.limited || restock) {
      launch.epoch++;
      launch.stock = 0;
      launch.lastOrderAt = ctx.at;
      delete launch.incident;
    }
    launch.limited = true;
    if (d.per_account_limit !== undefined) launch.limit = d.per_account_limit;
    if (d.stock !== undefined && d.stock > launch.stock) launch.stock = d.stock;
  }
  launch.shopId = d.shop_id;
  ctx.state.set(LAUNCH, d.item_id, launch);
}

function policyOf(launch: Launch, p: ScalpingParams): LaunchPolicy {
  return { perAccountLimit: launch.limit, householdAccounts: p.householdAccounts };
}

type Outcome = 'allow' | 'limit' | 'deny';
/** What bound an order that did not fit: its linked group, its door, or the account's own limit. */
type Cause = 'none' | 'group' | 'door' | 'account';

function onOrder(e: EventOf<'order.placed'>, ctx: DetectorContext<ScalpingParams>): DetectorResult | undefined {
  const d = e.data;
  let contributions: Contribution[] | undefined;
  let alerts: AlertUpdate[] | undefined;
  let held: HeldOrder | undefined;
  for (let i = 0; i < d.lines.length; i++) {
    const itemId = d.lines[i]!.item_id;
    const launch = ctx.state.get<Launch>(LAUNCH, itemId);
    if (!launch || !launch.limited || launch.limit <= 0) continue;
    if (d.lines.findIndex((l) => l.item_id === itemId) !== i) continue;
    let qty = 0;
    for (const l of d.lines) if (l.item_id === itemId) qty += l.qty;
    const judged = judge(e, itemId, qty, launch, ctx);
    if (launch.lastOrderAt < ctx.at) launch.lastOrderAt = ctx.at;
    ctx.state.set(LAUNCH, itemId, launch);
    if (judged.granted > 0) (held ??= { b: d.buyer_id, l: [] }).l.push([itemId, launch.epoch, judged.granted, doorKeyOf(ctx.address)]);
    if (judged.contribution) (contributions ??= []).push(judged.contribution);
    if (judged.alert) (alerts ??= []).push(judged.alert);
  }
  if (held) ctx.state.set(HELD, d.order_id, held);
  if (!contributions && !alerts) return undefined;
  return { ...(contributions ? { contributions } : {}), ...(alerts ? { alerts } : {}) };
}

interface Judged { granted: number; contribution?: Contribution; alert?: AlertUpdate }

/** Judges `qty` units of one launch in one order against the account's, its linked group's and its door's allowance. */
function judge(e: EventOf<'order.placed'>, itemId: string, qty: number, launch: Launch, ctx: DetectorContext<ScalpingParams>): Judged {
  const buyer = e.data.buyer_id;
  const policy = policyOf(launch, ctx.params);
  const household = policy.householdAccounts;
  const allowance = policy.perAccountLimit * household;
  const mine = purchaseOf(ctx, itemId, buyer, launch.epoch);
  // Most buyers share nothing: the root and size are one read; the members are copied only for groups.
  const cluster = ctx.entities.clusterRoot(buyer).size > 1 ? ctx.entities.cluster(buyer) : alone(buyer);
  // The group's purchases of this launch: summed over its members now, whatever roots they had before.
  const linked = new Map<string, Purchase>();
  let groupUnits = mine.u;
  if (cluster.size > 1) {
    for (const a of cluster.accounts) {
      if (a === buyer) continue;
      const p = ctx.state.get<Purchase>(PURCHASE, purchaseId(itemId, a));
      if (!p || p.e !== launch.epoch) continue;
      groupUnits += p.u;
      linked.set(a, p);
    }
  }
  const groupBuyers = linked.size + 1;
  // The door of this launch's deliveries: one household lives behind it, however many accounts ship there.
  const doorKey = doorKeyOf(ctx.address);
  const door = doorKey === '' ? undefined : doorOf(ctx, itemId, doorKey, launch.epoch);
  const newAtDoor = door !== undefined && !door.s.includes(buyer);
  const doorBuyers = door ? door.n + (newAtDoor ? 1 : 0) : 0;

  const accountRoom = Math.max(0, policy.perAccountLimit - mine.u);
  const groupRoom = Math.max(0, allowance - groupUnits);
  const doorRoom = door ? Math.max(0, allowance - door.u) : Infinity;
  const granted = Math.min(qty, accountRoom, groupRoom, doorRoom);
  // The group (or the door), not the account, is the cause when it has more buyers than a household and is full.
  const groupFull = groupBuyers > household && groupRoom < qty;
  const doorFull = doorBuyers > household && doorRoom < qty;
  const cause: Cause = granted === qty ? 'none' : groupFull ? 'group' : doorFull ? 'door' : 'account';
  const outcome: Outcome = granted === qty ? 'allow' : granted > 0 ? 'limit' : 'deny';

  mine.u += granted;
  mine.a += qty;
  if (!mine.o.includes(e.data.order_id) && mine.o.length < MAX_ORDERS_PER_PURCHASE) mine.o.push(e.data.order_id);
  ctx.state.set(PURCHASE, purchaseId(itemId, buyer), mine);
  if (door) {
    door.u += granted;
    if (newAtDoor) { door.n++; if (door.s.length < MAX_DOOR_ACCOUNTS) door.s.push(buyer); }
    ctx.state.set(DOOR, doorId(itemId, doorKey), door);
  }

  const result: Judged = { granted };
  if (outcome !== 'allow') {
    result.contribution = contributionFor({ outcome, cause, qty, granted, itemId, policy,
      buyers: cause === 'door' ? doorBuyers : groupBuyers, units: cause === 'door' ? (door?.u ?? 0) - granted : groupUnits });
  }
  if (cause === 'group' || cause === 'door' || mine.n) {
    // Everyone linked to this order, by the graph or by the door, is one buyer: name them all.
    if (door && (cause === 'door' || doorFull)) {
      for (const a of door.s) {
        if (a === buyer || linked.has(a)) continue;
        const p = ctx.state.get<Purchase>(PURCHASE, purchaseId(itemId, a));
        if (p && p.e === launch.epoch) linked.set(a, p);
      }
    }
    result.alert = scalperUpdate({ e, itemId, qty, granted, outcome, launch, policy, cluster, mine, linked, ctx });
  }
  return result;
}

function contributionFor(o: {
  outcome: Outcome; cause: Cause; qty: number; granted: number; itemId: string; policy: LaunchPolicy; buyers: number; units: number;
}): Contribution {
  const { perAccountLimit, householdAccounts } = o.policy;
  const allowance = `${perAccountLimit * householdAccounts} (${perAccountLimit} per account for ${householdAccounts} accounts of one household)`;
  const why = o.cause === 'group'
    ? `${o.buyers} linked accounts have bought ${o.units} unit(s) of limited item ${o.itemId}; a linked group may buy ${allowance}`
    : o.cause === 'door'
      ? `${o.buyers} accounts ship limited item ${o.itemId} to one door, ${o.units} unit(s) so far; one door may receive ${allowance}`
      : `limited item ${o.itemId} allows ${perAccountLimit} unit(s) per account`;
  const code = o.cause === 'group' ? 'linked_group_over_limit' : o.cause === 'door' ? 'door_over_limit' : 'item_limit_exceeded';
  if (o.outcome === 'limit') {
    return { code, score: LIMIT_SCORE, atLeast: 'challenge', actions: ['limit_quantity'],
      message: `${why}; ${o.granted} of the ${o.qty} unit(s) ordered fit` };
  }
  return { code, score: DENY_SCORE, atLeast: 'deny', message: `${why}; none of the ${o.qty} unit(s) ordered fit` };
}

/** Names the group of a denied or limited order as scalpers and brings the launch's alert up to date. */
function scalperUpdate(o: {
  e: EventOf<'order.placed'>; itemId: string; qty: number; granted: number; outcome: Outcome; launch: Launch; policy: LaunchPolicy;
  cluster: Cluster; mine: Purchase; linked: Map<string, Purchase>; ctx: DetectorContext<ScalpingParams>;
}): AlertUpdate {
  const { e, itemId, launch, ctx, mine } = o;
  const inc: Incident = launch.incident ??= openIncident(e.time);
  const accounts: string[] = [];
  const orders: string[] = [];
  // This order's units; earlier units of accounts named now are added as they are named.
  if (mine.n) { inc.units += o.granted; inc.attemptedUnits += o.qty; }
  if (o.outcome === 'deny') inc.deniedOrders++;
  else if (o.outcome === 'limit') inc.limitedOrders++;
  const name = (account: string, p: Purchase) => {
    if (!p.n) {
      p.n = 1;
      inc.accounts++;
      inc.units += p.u;
      inc.attemptedUnits += p.a;
      ctx.state.set(PURCHASE, purchaseId(itemId, account), p);
    }
    accounts.push(account);
    orders.push(...p.o);
  };
  name(e.data.buyer_id, mine);
  for (const [a, p] of o.linked) name(a, p);
  orders.push(e.data.order_id);
  addVariant(inc, ctx.address?.key ?? e.data.address.detail, e.data.address.detail);
  recordGroup(inc, o.cluster, [[e.data.buyer_id, mine], ...o.linked], o.policy, ctx.address);
  ctx.state.set(LAUNCH, itemId, launch);

  return incidentUpdate({ itemId, launch, inc, policy: o.policy, accounts, orders });
}

function onCancelled(e: EventOf<'order.cancelled'>, ctx: DetectorContext<ScalpingParams>): void {
  const held = ctx.state.get<HeldOrder>(HELD, e.data.order_id);
  if (!held) return;
  // A cancelled order bought nothing: its units go back to the account's (and the group's) allowance.
  for (const [itemId, epoch, units, doorKey] of held.l) {
    const door = doorKey === '' ? undefined : ctx.state.get<DoorPurchases>(DOOR, doorId(itemId, doorKey));
    if (door && door.e === epoch) {
      door.u = Math.max(0, door.u - units);
      ctx.state.set(DOOR, doorId(itemId, doorKey), door);
    }
    const p = ctx.state.get<Purchase>(PURCHASE, purchaseId(itemId, held.b));
    if (!p || p.e !== epoch) continue;
    p.u = Math.max(0, p.u - units);
    ctx.state.set(PURCHASE, purchaseId(itemId, held.b), p);
    if (p.n) {
      const launch = ctx.state.get<Launch>(LAUNCH, itemId);
      if (launch?.incident && launch.epoch === epoch) {
        launch.incident.units = Math.max(0, launch.incident.units - units);
        ctx.state.set(LAUNCH, itemId, launch);
      }
    }
  }
  ctx.state.delete(HELD, e.data.order_id);
}

function purchaseOf(ctx: DetectorContext<ScalpingParams>, itemId: string, account: string, epoch: number): Purchase {
  const p = ctx.state.get<Purchase>(PURCHASE, purchaseId(itemId, account));
  if (p && p.e === epoch) return p;
  // A purchase of an earlier launch of the item is replaced: limits start afresh at each launch.
  return { e: epoch, u: 0, a: 0, o: [] };
}

/** The key of the order's door, or '' when the address names none (vague) or the pipeline keys no addresses. */
/** The door an order ships to ('' when its address is vague or unknown). */
function doorKeyOf(address: AddressKey | undefined): string {
  return address && !address.vague ? address.key : '';
}

function doorOf(ctx: DetectorContext<ScalpingParams>, itemId: string, key: string, epoch: number): DoorPurchases {
  const d = ctx.state.get<DoorPurchases>(DOOR, doorId(itemId, key));
  return d && d.e === epoch ? d : { e: epoch, u: 0, n: 0, s: [] };
}

function doorId(itemId: string, key: string): string {
  return `${itemId}|${key}`;
}

function alone(accountId: string): Cluster {
  return { root: accountId, size: 1, accounts: [accountId], links: [] };
}

function purchaseId(itemId: string, account: string): string {
  return `${itemId}|${account}`;
}

