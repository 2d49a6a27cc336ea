// A coupon farm as the promo-abuse detector keeps it: its accounts (linked ones and those only on
// its IP range), what they share (devices, IP ranges, drop doors, payment ids), the coupons they
// claimed and spent, what Bulwark withheld; the reasons given on its members' events and the
// alert that reports it. State lives in the detector's `farm` namespace; this module shapes it.
import { HOUR_MS, MINUTE_MS, type Severity } from '../contract/index.js';
import type { AlertUpdate, Contribution } from '../core/index.js';

/** How an account is a farm's: it showed the farm by one value or a crowded range, it is linked to it, or on its range only. */
export type How = 'value' | 'range' | 'linked' | 'network';

/** What the reasons need of the parameters. */
interface ReasonParams { householdAccounts: number; doorAccounts: number; burstWindowMs: number; networkLinkedAccounts: number; networkShare: number }

/**
 * A linked account of a farm is one more account of the same burst: its registration and claim
 * are denied outright. An account known only by its range is challenged (a real student or
 * commuter on it passes a verification). A farm member's coupon order is challenged with
 * `void_coupon`: the goods may be bought at full price.
 */
const LINKED_SCORE = 0.95;
const NETWORK_SCORE = 0.6;
const ORDER_SCORE = 0.6;

/** What links accounts: the values one household, or one dormitory room, shares. */
export type Via = 'device' | 'payment' | 'phone' | 'door';

/** One coupon farm, kept as JSON under its id (the account that first showed it). */
export interface Farm {
  id: string;
  /** Event time it was first seen (ISO, as the alert's `time`). */
  firstTime: string;
  /** Registration times of its accounts: earliest and latest, epoch ms. */
  regFrom: number;
  regTo: number;
  /** Accounts joined, linked to it by the identity graph or a shared value, and named in the alert (they claimed a coupon). */
  accounts: number;
  linked: number;
  named: number;
  /** Most new accounts of one burst that showed the farm at once. */
  largestBurst: number;
  /** What first showed it: one value past its household bound, or a crowded range; how many accounts; when. */
  shownBy?: { via: Via | 'range'; accounts: number; at: string };
  /** Coupon claims of its accounts and their value (with the discount on its orders, what the farm goes for: `atStakeFen` is the larger). */
  claims: number;
  claimedFen: number;
  /** Coupon value of claims this detector challenged or denied. */
  withheldFen: number;
  /** Orders of its accounts with a coupon or discount, and the discount on them. */
  orders: number;
  discountFen: number;
  /** Discount on its orders challenged by this detector whose coupon claim had not been withheld already. */
  stoppedDiscountFen: number;
  /** Discount on orders placed before the account was known as the farm's: taken. */
  takenDiscountFen: number;
  /** Events this detector moved off allow, by type. */
  stopped: { registrations: number; claims: number; orders: number };
  devices: string[];
  networks: string[];
  /** Drop doors: [address key, a written form, orders]. */
  doors: Array<[string, string, number]>;
  payments: string[];
  coupons: string[];
}

/** Values kept per list in the evidence: enough to act on (block, share), bounded for a farm of thousands. */
export const MAX_DEVICES = 32;
export const MAX_NETWORKS = 8;
export const MAX_DOORS = 16;
export const MAX_PAYMENTS = 16;
export const MAX_COUPONS = 16;

/**
 * Severity: ten new accounts are more than any household (high); fifty, or 2,000 yuan of coupons
 * claimed, is an operation that hurts the campaign's budget (critical).
 */
const HIGH_ACCOUNTS = 10;
const CRITICAL_ACCOUNTS = 50;
const CRITICAL_CLAIMED_FEN = 200_000;

/** A farm first seen at `time` through account `id`. */
export function openFarm(id: string, time: string, registeredAt: number): Farm {
  return {
    id, firstTime: time, regFrom: registeredAt, regTo: registeredAt, accounts: 0, linked: 0, named: 0, largestBurst: 0,
    claims: 0, claimedFen: 0, withheldFen: 0, orders: 0, discountFen: 0, stoppedDiscountFen: 0, takenDiscountFen: 0,
    stopped: { registrations: 0, claims: 0, orders: 0 }, devices: [], networks: [], doors: [], payments: [], coupons: [],
  };
}

/** Adds `value` to `list` unless it is there or the list is full. */
export function addBounded(list: string[], value: string | undefined, max: number): void {
  if (value === undefined || value === '' || list.length >= max || list.includes(value)) return;
  list.push(value);
}

/** Counts an order to a drop door (`key` is the pipeline's address key, `form` as the buyer wrote it). */
export function addDoor(farm: Farm, key: string, form: string): void {
  const door = farm.doors.find(([k]) => k === key);
  if (door) { door[2]++; return; }
  if (farm.doors.length < MAX_DOORS) farm.doors.push([key, form, 1]);
}

/** The alert update of the farm as it now stands, naming `accounts` and `orders` (added to the alert's subjects). */
export function farmUpdate(farm: Farm, o: { household: number; accounts: string[]; orders: string[] }): AlertUpdate {
  const network = farm.accounts - farm.linked;
  const savedFen = farm.withheldFen + farm.stoppedDiscountFen;
  return {
    incident: `farm:${farm.id}`,
    severity: severityOf(farm),
    score: scoreOf(farm.linked, o.household),
    summary: `coupon farm: ${farm.accounts} new account(s) (${farm.linked} linked by devices, payment ids, phones or doors; ` +
      `${network} on its IP range only) registered within ${span(farm.regTo - farm.regFrom)}; ${farm.claims} coupon claim(s) worth ` +
      `${yuan(farm.claimedFen)} yuan, ${yuan(savedFen)} yuan withheld or challenged`,
    subjects: { accounts: o.accounts, orders: o.orders },
    evidence: {
      farm: farm.id, firstSeen: farm.firstTime, householdAccounts: o.household,
      registeredFrom: new Date(farm.regFrom).toISOString(), registeredTo: new Date(farm.regTo).toISOString(),
      shownBy: farm.shownBy ?? null, largestBurst: farm.largestBurst,
      accounts: farm.accounts, linkedAccounts: farm.linked, networkAccounts: network, namedAccounts: farm.named,
      couponClaims: farm.claims, couponIds: farm.coupons, ordersWithDiscount: farm.orders,
      amounts: {
        atStakeFen: Math.max(farm.claimedFen, farm.discountFen), savedFen, withheldCouponFen: farm.withheldFen,
        stoppedDiscountFen: farm.stoppedDiscountFen, takenDiscountFen: farm.takenDiscountFen, discountOnOrdersFen: farm.discountFen,
      },
      stopped: farm.stopped,
      devices: farm.devices, ipRanges: farm.networks,
      dropAddresses: farm.doors.map(([key, form, orders]) => ({ key, form, orders })),
      payments: farm.payments,
    },
  };
}

/** The contribution for an event (`what`) of a farm member: denied when linked, challenged when known by its range only. */
export function memberContribution(o: { how: How; farm: Farm; account: string; what: string; params: ReasonParams }): Contribution {
  const { how, farm, account, what, params: p } = o;
  const size = `coupon farm ${farm.id} (${farm.accounts} new accounts, ${farm.linked} linked)`;
  const within = `registered within ${Math.round(p.burstWindowMs / MINUTE_MS)} min of one another`;
  switch (how) {
    case 'value': {
      const via = farm.shownBy?.via ?? 'device';
      const bound = via === 'door' ? `one door takes at most ${p.doorAccounts}` : `a household registers at most ${p.householdAccounts}`;
      return { code: 'promo_farm_burst', score: LINKED_SCORE, atLeast: 'deny',
        message: `${what}: account ${account} is one of ${farm.shownBy?.accounts ?? farm.largestBurst} new accounts seen with one ` +
          `${via} and ${within} (${bound}); ${size}` };
    }
    case 'range':
      return { code: 'promo_farm_linked_range', score: LINKED_SCORE, atLeast: 'deny',
        message: `${what}: account ${account} is one of ${farm.shownBy?.accounts ?? farm.largestBurst} new accounts on one IP range, ` +
          `${within}, that share a device, payment id or phone with another of them (two households have at most ` +
          `${p.networkLinkedAccounts}) and make at least ${Math.round(p.networkShare * 100)}% of its registrations; ${size}` };
    case 'linked':
      return { code: 'promo_farm_linked', score: LINKED_SCORE, atLeast: 'deny',
        message: `${what}: account ${account} shares a device, payment id, phone or door with ${size}` };
    case 'network':
      return { code: 'promo_farm_network', score: NETWORK_SCORE, atLeast: 'challenge', actions: ['verify_identity'],
        message: `${what}: account ${account} registered during the burst of ${size} on an IP range where the farm ` +
          `made at least ${Math.round(p.networkShare * 100)}% of the new registrations` };
  }
}

/** The contribution for a coupon order of a farm member: the coupon is voided, the goods may be bought at full price. */
export function orderContribution(farm: Farm, o: { account: string; coupon: string | undefined; discount: number }): Contribution {
  return {
    code: 'promo_farm_order', score: ORDER_SCORE, atLeast: 'challenge', actions: ['void_coupon'],
    message: `account ${o.account} belongs to coupon farm ${farm.id} (${farm.accounts} new accounts); its order uses ` +
      `${o.coupon ? `coupon ${o.coupon}` : 'a discount'} of ${yuan(o.discount)} yuan`,
  };
}

/** Each linked new account past a household halves the chance that they are one: 1 past it 0.5, 3 past 0.875. */
function scoreOf(linked: number, household: number): number {
  return Math.min(0.99, 1 - 0.5 ** Math.max(1, linked - household));
}

function severityOf(farm: Farm): Severity {
  if (farm.accounts >= CRITICAL_ACCOUNTS || farm.claimedFen >= CRITICAL_CLAIMED_FEN) return 'critical';
  if (farm.accounts >= HIGH_ACCOUNTS) return 'high';
  return 'medium';
}

/** Fen as yuan with two decimals, for messages. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

function span(ms: number): string {
  return ms < HOUR_MS ? `${Math.round(ms / MINUTE_MS)} min` : `${(ms / HOUR_MS).toFixed(1)} h`;
}
