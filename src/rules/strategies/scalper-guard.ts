// The scalper guard: a merchant's own rules for its own launch (docs/strategies.md). Where the
// scalping detector judges every limited launch by one household's allowance, this guard applies
// exactly what the merchant set for the items it named: units per account and per linked group
// (the identity graph joins accounts by device, payment, phone and door), the age of the buying
// account, no vague addresses, orders per delivery door, and what to do with an order that breaks
// them. It reads only strategies of the order's own shop, so a merchant guards its own items only.
// Counting is in event time: only units an order was granted count, and a cancelled order gives
// them back.
import { Type } from '@sinclair/typebox';
import { DAY_MS, DEFAULT_SOURCE, type DecisionValue, type EventOf } from '../../contract/index.js';
import type { Contribution, DetectorContext, Guard, GuardResult } from '../../core/index.js';
import type { CompiledScalperGuard, StrategyBook } from './book.js';

/** What one account has been granted of one guarded launch: units, and orders that got them. */
interface Bought { u: number; o: number }
/** Orders one door has received of one guarded launch. */
interface DoorOrders { n: number }
/** A guarded order's grants, to give back if it is cancelled: buyer, and [guard key, units, door key ('' for none)]. */
interface Granted { b: string; l: Array<[string, number, string]> }

/** State namespaces: per (guard, account), per (guard, door), per granted order. */
const BOUGHT = 'buy';
const DOOR = 'door';
const GRANTED = 'granted';

/** Why an order breaks a guard; the reason code is `scalper_guard_<breach>`. */
type Breach = 'account_age' | 'vague_address' | 'address_orders' | 'account_limit' | 'group_limit';
/** Breaches that a smaller quantity cures (limit_quantity can cut the order to fit). */
const CURABLE: ReadonlySet<Breach> = new Set(['account_limit', 'group_limit']);

type Outcome = 'deny' | 'review' | 'limit';
/**
 * The decision each outcome asks for at least, and its actions. The guard is the merchant's
 * explicit rule, not evidence of abuse: its outcome is demanded (`atLeast`) and weighs nothing in
 * the score (0), so it never stacks with a detector's evidence into a harsher decision than the
 * merchant chose or the evidence calls for. Every outcome holds shipment: the order exists when
 * order.placed is decided, and nothing of it should leave the warehouse before the denial, the
 * review or the buyer's smaller quantity is settled.
 */
const OUTCOMES: Record<Outcome, { atLeast: DecisionValue; actions: readonly string[] }> = {
  deny: { atLeast: 'deny', actions: ['hold_shipment'] },
  review: { atLeast: 'review', actions: ['hold_shipment'] },
  limit: { atLeast: 'challenge', actions: ['limit_quantity', 'hold_shipment'] },
};

/** The scalper guard, reading merchants' strategies from `book`. */
export function scalperGuard(book: StrategyBook): Guard<Record<string, never>> {
  return {
    kind: 'scalper_guard',
    version: '1',
    observes: ['order.placed', 'order.cancelled'],
    paramsSchema: Type.Object({}, { additionalProperties: false, description: 'none: every limit is the merchant\'s, in its strategies' }),
    defaults: {},
    stateKeys(event, _params, address) {
      if (event.type === 'order.cancelled') return [[GRANTED, event.data.order_id] as const];
      if (event.type !== 'order.placed') return [];
      // The counts of the buyer's linked accounts are found through the graph as the order is judged.
      const out: Array<readonly [string, string]> = [];
      for (const g of guardsOf(book, event)?.keys() ?? []) {
        out.push([BOUGHT, boughtId(g.key, event.data.buyer_id)]);
        if (address && !address.vague) out.push([DOOR, doorId(g.key, address.key)]);
      }
      return out;
    },
    inspect(event, ctx) {
      if (event.type === 'order.placed') return onOrder(book, event, ctx);
      if (event.type === 'order.cancelled') onCancelled(event, ctx);
      return undefined;
    },
  };
}

/** The guards an order falls under, with the units it orders of each; undefined when none. */
function guardsOf(book: StrategyBook, e: EventOf<'order.placed'>, at?: number): Map<CompiledScalperGuard, number> | undefined {
  const strategies = book.forShop(e.source ?? DEFAULT_SOURCE, e.data.shop_id);
  if (!strategies || strategies.scalperByItem.size === 0) return undefined;
  let out: Map<CompiledScalperGuard, number> | undefined;
  for (const line of e.data.lines) {
    const g = strategies.scalperByItem.get(line.item_id);
    if (!g || (at !== undefined && (at < g.startsAt || at >= g.endsAt))) continue;
    (out ??= new Map()).set(g, (out.get(g) ?? 0) + line.qty);
  }
  return out;
}

function onOrder(book: StrategyBook, e: EventOf<'order.placed'>, ctx: DetectorContext<unknown>): GuardResult | undefined {
  const guards = guardsOf(book, e, ctx.at);
  if (!guards) return undefined;
  let contributions: Contribution[] | undefined;
  let granted: Granted | undefined;
  for (const [g, qty] of guards) {
    const judged = judge(g, e, qty, ctx);
    if (judged.units > 0) (granted ??= { b: e.data.buyer_id, l: [] }).l.push([g.key, judged.units, judged.door]);
    if (judged.contributions.length) (contributions ??= []).push(...judged.contributions);
  }
  if (granted) ctx.state.set(GRANTED, e.data.order_id, granted);
  return contributions ? { contributions } : undefined;
}

interface Judged { units: number; door: string; contributions: Contribution[] }

/** Judges `qty` units of one guarded launch in one order, and counts what it is granted. */
function judge(g: CompiledScalperGuard, e: EventOf<'order.placed'>, qty: number, ctx: DetectorContext<unknown>): Judged {
  const buyer = e.data.buyer_id;
  const breaches: Array<[Breach, string]> = [];
  if (g.minAgeMs !== undefined) {
    const account = ctx.entities.account(buyer);
    // An account never seen registering is as old as Bulwark has known it.
    const since = account?.registeredAt ?? account?.firstSeenAt ?? ctx.at;
    const ageMs = ctx.at - since;
    if (ageMs < g.minAgeMs) breaches.push(['account_age', `the account is ${days(ageMs)} day(s) old; the launch sells to accounts of ${days(g.minAgeMs)} day(s) or more`]);
  }
  if (g.noVagueAddresses && ctx.address?.vague) {
    breaches.push(['vague_address', 'the delivery address names no building and room; the launch ships to full addresses only']);
  }
  const doorKey = ctx.address && !ctx.address.vague ? ctx.address.key : '';
  const door = doorKey && g.maxOrdersPerAddress !== undefined ? ctx.state.get<DoorOrders>(DOOR, doorId(g.key, doorKey)) ?? { n: 0 } : undefined;
  if (door && door.n >= g.maxOrdersPerAddress!) {
    breaches.push(['address_orders', `${door.n} order(s) of the launch already go to this delivery door; it may receive ${g.maxOrdersPerAddress}`]);
  }
  const mine = ctx.state.get<Bought>(BOUGHT, boughtId(g.key, buyer)) ?? { u: 0, o: 0 };
  let fit = qty;
  if (g.perAccountLimit !== undefined) {
    const room = Math.max(0, g.perAccountLimit - mine.u);
    if (room < qty) breaches.push(['account_limit', `the account has bought ${mine.u} of ${g.perAccountLimit} unit(s) allowed per account`]);
    fit = Math.min(fit, room);
  }
  if (g.perGroupLimit !== undefined) {
    const { units, accounts } = groupUnits(g, buyer, mine.u, ctx);
    const room = Math.max(0, g.perGroupLimit - units);
    if (room < qty) {
      breaches.push(['group_limit', `this account and ${accounts - 1} account(s) linked to it have bought ${units} of ${g.perGroupLimit} unit(s) allowed per linked group`]);
    }
    fit = Math.min(fit, room);
  }

  let outcome: Outcome | undefined;
  let units = qty;
  if (breaches.length) {
    outcome = g.action === 'limit_quantity' ? limitOutcome(breaches, fit) : g.action;
    units = outcome === 'limit' ? fit : 0;
  }
  if (units > 0) {
    mine.u += units;
    mine.o++;
    ctx.state.set(BOUGHT, boughtId(g.key, buyer), mine);
    if (door) { door.n++; ctx.state.set(DOOR, doorId(g.key, doorKey), door); }
  }
  const contributions = outcome ? breaches.map(([breach, why]) => contribution(g, breach, why, { outcome: outcome!, qty, units })) : [];
  return { units, door: door ? doorKey : '', contributions };
}

/**
 * limit_quantity cuts an order to what still fits; when nothing fits the order is denied (a
 * person could only deny it too), and a breach no quantity cures (the account's age, a vague
 * address, a full door) goes to a person: the merchant chose the gentle action, not a denial.
 */
function limitOutcome(breaches: ReadonlyArray<[Breach, string]>, fit: number): Outcome {
  if (!breaches.every(([b]) => CURABLE.has(b))) return 'review';
  return fit > 0 ? 'limit' : 'deny';
}

/** Units the buyer's linked group has been granted of the launch, summed over its members now (so groups that merged add up). */
function groupUnits(g: CompiledScalperGuard, buyer: string, own: number, ctx: DetectorContext<unknown>): { units: number; accounts: number } {
  if (ctx.entities.clusterRoot(buyer).size <= 1) return { units: own, accounts: 1 };
  let units = own;
  let accounts = 1;
  for (const a of ctx.entities.clusterAccounts(buyer)) {
    if (a === buyer) continue;
    const b = ctx.state.get<Bought>(BOUGHT, boughtId(g.key, a));
    if (!b || b.u === 0) continue;
    units += b.u;
    accounts++;
  }
  return { units, accounts };
}

function contribution(g: CompiledScalperGuard, breach: Breach, why: string, o: { outcome: Outcome; qty: number; units: number }): Contribution {
  const { atLeast, actions } = OUTCOMES[o.outcome];
  const what = o.outcome === 'limit' ? `${o.units} of the ${o.qty} unit(s) ordered may be sold`
    : o.outcome === 'review' ? 'the order waits for a person' : 'the order is refused';
  return { code: `scalper_guard_${breach}`, score: 0, atLeast, actions, message: `the shop's scalper guard '${g.id}': ${why}; ${what}` };
}

function onCancelled(e: EventOf<'order.cancelled'>, ctx: DetectorContext<unknown>): void {
  const granted = ctx.state.get<Granted>(GRANTED, e.data.order_id);
  if (!granted) return;
  // A cancelled order bought nothing: its units and its door's order go back to the allowance.
  for (const [key, units, doorKey] of granted.l) {
    const b = ctx.state.get<Bought>(BOUGHT, boughtId(key, granted.b));
    if (b) {
      b.u = Math.max(0, b.u - units);
      b.o = Math.max(0, b.o - 1);
      ctx.state.set(BOUGHT, boughtId(key, granted.b), b);
    }
    const door = doorKey ? ctx.state.get<DoorOrders>(DOOR, doorId(key, doorKey)) : undefined;
    if (door) {
      door.n = Math.max(0, door.n - 1);
      ctx.state.set(DOOR, doorId(key, doorKey), door);
    }
  }
  ctx.state.delete(GRANTED, e.data.order_id);
}

function boughtId(guardKey: string, account: string): string {
  return `${guardKey}|${account}`;
}

function doorId(guardKey: string, doorKey: string): string {
  return `${guardKey}|${doorKey}`;
}

function days(ms: number): string {
  return String(Math.round((ms / DAY_MS) * 10) / 10);
}
