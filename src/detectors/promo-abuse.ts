// Promotion abuse (羊毛党, "wool parties"): a farm registers a burst of new accounts to claim the
// new-user coupon with each, on a few devices, from one IP range, and spends the coupons on cheap
// first orders shipped to a few drop doors. A family on one tablet and a campus behind one /24 are
// not farms: a household registers a few accounts on one device, days apart, and students behind
// one network share nothing else.
//
// A farm shows in one of two ways: more new accounts of one registration burst seen with one
// device, payment id or phone than a household has (with one door, more than a dormitory room);
// or, on one IP range, more new accounts of one burst that share a device, payment id or phone
// with another of them than two households would have, and they are the range's majority (a
// farm spread thin over devices). From then on an account joins the farm when the identity graph
// or a value a linked member used ties it to the farm, or when it registers during the burst on a
// range the farm's linked accounts dominate. Registrations and coupon claims of members are
// denied (linked) or challenged (range only); their coupon orders are challenged with
// `void_coupon`. One alert per farm, keyed by the account that first showed it, names every
// member that claimed a coupon, earlier ones included, with what the farm shares and costs.
import { Type, type Static } from '@sinclair/typebox';
import { DAY_MS, HOUR_MS, type BulwarkEvent, type EventOf } from '../contract/index.js';
import type { AccountState, AlertUpdate, Detector, DetectorContext, DetectorResult, SharedBy } from '../core/index.js';
import {
  addBounded, addDoor, farmUpdate, memberContribution, openFarm, orderContribution, yuan, MAX_COUPONS, MAX_DEVICES, MAX_NETWORKS, MAX_PAYMENTS,
  type Farm, type How, type Via,
} from './promo-abuse-farm.js';
import { NET, crowdOf, markLinked, networkOf, noteRegistration, type Net } from './promo-abuse-network.js';

export { networkOf } from './promo-abuse-network.js';

export const PromoAbuseParams = Type.Object({
  householdAccounts: Type.Integer({ minimum: 1, maximum: 20, default: 4,
    description: 'new accounts of one registration burst seen with one device, payment id or phone that a household ' +
      'explains, accounts. Relatives share a tablet two to four at a time (parents, a child, a grandparent) and each ' +
      'may take the new-user coupon once; a fifth new account on one device within a burst is past any household. ' +
      'At most 20, where the identity graph calls a value a hub' }),
  doorAccounts: Type.Integer({ minimum: 1, maximum: 20, default: 8,
    description: 'the same for one delivery door, accounts. A dormitory room sleeps up to eight students and a shared ' +
      'flat five or six, who may all register in the same orientation evening and ship their first order home; a ' +
      'farm\'s few drop doors take its dozens of accounts' }),
  burstWindowMs: Type.Integer({ minimum: 60_000, default: 2 * HOUR_MS,
    description: 'accounts registered within this of one another are one registration burst, ms. A farm script ' +
      'registers its batch in minutes to an hour and claims the new-user coupon within minutes of each; the ' +
      'members of a family join days or weeks apart. Also how long after a farm\'s last linked registration its ' +
      'IP range still joins new registrations to it' }),
  newAccountMs: Type.Integer({ minimum: 60_000, default: 7 * DAY_MS,
    description: 'an account is new this long after its registration, ms: its coupon claims and coupon orders are ' +
      'new-user activity that can join it to a farm. New-user offers are meant for an account\'s first days and a ' +
      'farm spends them within the hour; older accounts are never joined to a farm' }),
  networkLinkedAccounts: Type.Integer({ minimum: 1, default: 8,
    description: 'new accounts of one burst on one IP range (/24, or /64 for IPv6) that each share a device, payment ' +
      'id or phone with another of them, past which the range is crowded, accounts. Two households registering ' +
      'together on one range in the same evening is a coincidence an estate or campus network sees; more linked ' +
      'new accounts than two households have, on one range in one burst, is a farm split over devices to stay under ' +
      'the household bound. Default two households of four' }),
  networkShare: Type.Number({ minimum: 0.05, maximum: 1, default: 0.5,
    description: 'share of a range\'s registrations within the burst window that must be linked (the crowded-range ' +
      'rule) or the farm\'s (for the range to join every account registered on it during the burst). A farm\'s own ' +
      'proxy or cloud range is mostly the farm; behind a campus network or a carrier gateway a farm is a minority ' +
      'among strangers, who share nothing with it but the range and are never joined by it' }),
}, { additionalProperties: false });

export type PromoAbuseParams = Static<typeof PromoAbuseParams>;

/** State namespaces (beside NET): farm members, farms, values linked members used, new accounts' coupons. */
const MEMBER = 'member';
const FARM = 'farm';
const LINK = 'link';
const NEW = 'new';

/** A farm's account: its farm, linked (1) or known by its range only (0), named in the alert, a coupon claim withheld. */
interface Member {
  f: string;
  l: 0 | 1;
  n?: 1;
  w?: 1;
}

/** A new account's coupon activity before any farm knew it: coupon ids, claims, value claimed, discount and coupon orders. */
interface NewAccount {
  c: string[];
  n: number;
  v: number;
  d: number;
  o: string[];
}

/** Coupon ids and orders kept per new account before a farm knows it. */
const MAX_NEW_ITEMS = 4;
/** Devices and payment ids of one account noted for its farm (a farm account uses one or two). */
const MAX_VALUES_PER_ACCOUNT = 4;

const DEFAULTS: PromoAbuseParams = {
  householdAccounts: 4, doorAccounts: 8, burstWindowMs: 2 * HOUR_MS, newAccountMs: 7 * DAY_MS,
  networkLinkedAccounts: 8, networkShare: 0.5,
};

/** Detects coupon farms: bursts of linked new accounts claiming new-user coupons. */
export const promoAbuseDetector: Detector<PromoAbuseParams> = {
  kind: 'promo_abuse',
  version: '1',
  observes: ['account.registered', 'coupon.claimed', 'order.placed'],
  paramsSchema: PromoAbuseParams,
  defaults: DEFAULTS,
  stateKeys(event, _params, address) {
    // The farm record is found through the member record; the cluster's members and the ranges of
    // linked accounts as the event is judged.
    const s = sightingOf(event, address?.vague === false ? address.key : undefined);
    if (!s) return [];
    const keys: Array<readonly [string, string]> = [[MEMBER, s.account], [NEW, s.account]];
    for (const id of linkIds(s)) keys.push([LINK, id]);
    const network = networkOf((event.data as { ip?: string }).ip);
    if (network) keys.push([NET, network]);
    return keys;
  },
  inspect(event, ctx) {
    switch (event.type) {
      case 'account.registered': return onRegistered(event, ctx);
      case 'coupon.claimed': return onClaimed(event, ctx);
      case 'order.placed': return onOrder(event, ctx);
      default: return undefined;
    }
  },
};

type Ctx = DetectorContext<PromoAbuseParams>;

/** The account an event is about and the values it was seen with. */
interface Sighting {
  account: string;
  device?: string | undefined;
  payment?: string | undefined;
  phone?: string | undefined;
  door?: string | undefined;
}

/** What this event changed: accounts newly named in the alert and orders to add to it. */
interface Change {
  accounts: string[];
  orders: string[];
}

function sightingOf(e: BulwarkEvent, door: string | undefined): Sighting | undefined {
  switch (e.type) {
    case 'account.registered':
      return e.data.role === 'buyer'
        ? { account: e.data.account_id, device: e.data.device_id, phone: e.data.phone }
        : undefined;
    case 'coupon.claimed':
      return { account: e.data.account_id, device: e.data.device_id };
    case 'order.placed':
      return e.data.coupon_id !== undefined || (e.data.discount ?? 0) > 0
        ? { account: e.data.buyer_id, device: e.data.device_id, payment: e.data.payment_id, door }
        : undefined;
    default:
      return undefined;
  }
}

function onRegistered(e: EventOf<'account.registered'>, ctx: Ctx): DetectorResult | undefined {
  const s = sightingOf(e, undefined);
  const acct = ctx.entities.account(e.data.account_id);
  if (!s || acct?.registeredAt === undefined) return undefined;
  const network = networkOf(e.data.ip);
  if (network) noteRegistration(ctx.state, { netKey: network, account: s.account, at: acct.registeredAt, windowMs: ctx.params.burstWindowMs });
  const change: Change = { accounts: [], orders: [] };
  const placed = place(ctx, s, acct, change, { time: e.time, registration: true, network });
  if (!placed) return undefined;
  const { farm, how } = placed;
  farm.stopped.registrations++;
  ctx.state.set(FARM, farm.id, farm);
  return { contributions: [memberContribution({ how, farm, account: s.account, what: 'registration', params: ctx.params })], alerts: alertOf(farm, change, ctx.params) };
}

function onClaimed(e: EventOf<'coupon.claimed'>, ctx: Ctx): DetectorResult | undefined {
  const d = e.data;
  const acct = ctx.entities.account(d.account_id);
  if (!acct) return undefined;
  const s = sightingOf(e, undefined)!;
  const change: Change = { accounts: [], orders: [] };
  const placed = place(ctx, s, acct, change, { time: e.time, registration: false });
  if (!placed) {
    if (mayBeNew(acct, ctx)) noteNewAccount(ctx, d.account_id, (n) => { addItem(n.c, d.coupon_id); n.n++; n.v += d.value; });
    return undefined;
  }
  const { farm, member, how } = placed;
  if (!member.n) { member.n = 1; farm.named++; change.accounts.push(d.account_id); }
  member.w = 1;
  ctx.state.set(MEMBER, d.account_id, member);
  farm.claims++;
  farm.claimedFen += d.value;
  farm.withheldFen += d.value;
  farm.stopped.claims++;
  addBounded(farm.coupons, d.coupon_id, MAX_COUPONS);
  ctx.state.set(FARM, farm.id, farm);
  const c = memberContribution({ how, farm, account: d.account_id, what: `claim of coupon ${d.coupon_id} (${yuan(d.value)} yuan)`, params: ctx.params });
  return { contributions: [{ ...c, actions: [...(c.actions ?? []), 'withhold_coupon'] }], alerts: alertOf(farm, change, ctx.params) };
}

function onOrder(e: EventOf<'order.placed'>, ctx: Ctx): DetectorResult | undefined {
  const d = e.data;
  // Most orders carry no coupon and no discount: nothing to look at.
  if (d.coupon_id === undefined && (d.discount ?? 0) <= 0) return undefined;
  const door = ctx.address && !ctx.address.vague ? ctx.address.key : undefined;
  const s = sightingOf(e, door)!;
  const acct = ctx.entities.account(d.buyer_id);
  if (!acct) return undefined;
  const discount = d.discount ?? 0;
  const change: Change = { accounts: [], orders: [] };
  const placed = place(ctx, s, acct, change, { time: e.time, registration: false });
  if (!placed) {
    if (mayBeNew(acct, ctx)) noteNewAccount(ctx, d.buyer_id, (n) => { addItem(n.c, d.coupon_id); addItem(n.o, d.order_id); n.d += discount; });
    return undefined;
  }
  const { farm, member } = placed;
  farm.orders++;
  farm.discountFen += discount;
  // A coupon withheld at its claim is not counted a second time when an order tries to spend it.
  if (!member.w) farm.stoppedDiscountFen += discount;
  farm.stopped.orders++;
  addBounded(farm.coupons, d.coupon_id, MAX_COUPONS);
  if (door && member.l) addDoor(farm, door, d.address.detail);
  ctx.state.set(FARM, farm.id, farm);
  if (member.n) change.orders.push(d.order_id);
  return { contributions: [orderContribution(farm, { account: d.buyer_id, coupon: d.coupon_id, discount })], alerts: alertOf(farm, change, ctx.params) };
}

/** A value of the event that other accounts were seen with too, and the graph's record of it. */
interface Shared {
  via: Via;
  value: string;
  seen: SharedBy;
}

/**
 * The farm of the event's account: the one it belongs to already, or the one it joins now.
 * Undefined when it belongs to none. Every account the event joins is recorded in `change`.
 * `network` is the range of a registration event (the account's registration range).
 */
function place(ctx: Ctx, s: Sighting, acct: AccountState, change: Change, ev: { time: string; registration: boolean; network?: string | undefined }):
  { farm: Farm; member: Member; how: How } | undefined {
  const known = ctx.state.get<Member>(MEMBER, s.account);
  if (known) {
    const farm = ctx.state.get<Farm>(FARM, known.f)!;
    // A member known by its range that is now seen with a value of the farm's linked accounts is linked too.
    if (!known.l && linkedFarm(ctx, sharedValues(ctx, s), acct.registeredAt ?? ctx.at) === farm.id) {
      known.l = 1;
      farm.linked++;
      ctx.state.set(MEMBER, s.account, known);
    }
    if (known.l) noteValues(ctx, farm, s);
    return { farm, member: known, how: known.l ? 'linked' : 'network' };
  }
  if (!isNew(acct, ctx)) return undefined;
  const regAt = acct.registeredAt!;
  // The range it registered on, worked out only if a range is looked at.
  let regNetMemo: string | undefined | null = ev.registration ? ev.network : null;
  const regNet = () => (regNetMemo === null ? (regNetMemo = networkOf(acct.ips[0])) : regNetMemo);
  // Values seen with this account alone (most of them) link it to nobody; a registration is an
  // account's first event, so with nothing shared its cluster is itself.
  const shared = sharedValues(ctx, s);
  const scan = shared || !ev.registration ? scanCluster(ctx, s.account, regAt) : undefined;
  let farmId = scan?.farm ?? linkedFarm(ctx, shared, regAt);
  let how: How = 'linked';
  let shown: { via: Via | 'range'; accounts: string[] } | undefined;
  if (farmId === undefined && shared) {
    shown = showsFarm(ctx, { account: s.account, shared, regAt, regNet });
    if (shown) {
      farmId = activeNetFarm(ctx, regNet(), regAt) ?? s.account;
      how = shown.via === 'range' ? 'range' : 'value';
    }
  }
  if (farmId !== undefined) {
    const farm = ctx.state.get<Farm>(FARM, farmId) ?? openFarm(farmId, ev.time, regAt);
    if (shown) {
      farm.largestBurst = Math.max(farm.largestBurst, shown.accounts.length);
      farm.shownBy ??= { via: shown.via, accounts: shown.accounts.length, at: ev.time };
    }
    // Everyone the event showed to be one burst joins, and the new accounts of the burst the graph links to this one.
    const nets = new Map<string, number>();
    for (const a of [...(shown?.accounts ?? []), ...(scan?.burst ?? []), s.account]) {
      const state = a === s.account ? acct : ctx.entities.account(a);
      if (state) join(ctx, { farm, account: a, acct: state, linked: true, change, nets });
    }
    for (const [netKey, at] of nets) claimNetwork(ctx, { farm, netKey, regAt: at, change });
    noteValues(ctx, farm, s);
    ctx.state.set(FARM, farm.id, farm);
    return { farm, member: ctx.state.get<Member>(MEMBER, s.account)!, how };
  }
  // Linked to no farm: it may still have registered amid a farm's burst on a range the farm dominates.
  const netKey = regNet();
  const net = netKey ? ctx.state.get<Net>(NET, netKey) : undefined;
  if (!net?.f || !net.x || net.l === undefined || regAt > net.l || net.l - regAt > ctx.params.burstWindowMs) return undefined;
  const farm = ctx.state.get<Farm>(FARM, net.f)!;
  join(ctx, { farm, account: s.account, acct, linked: false, change });
  ctx.state.set(FARM, farm.id, farm);
  return { farm, member: ctx.state.get<Member>(MEMBER, s.account)!, how: 'network' };
}

/** The event's values that the graph has seen with two accounts or more (undefined when none: the common case). */
function sharedValues(ctx: Ctx, s: Sighting): Shared[] | undefined {
  let out: Shared[] | undefined;
  for (const via of VIAS) {
    const value = s[via];
    const seen = value === undefined ? undefined : sharedBy(ctx, via, value);
    if (seen && seen.n >= 2) (out ??= []).push({ via, value: value!, seen });
  }
  return out;
}

/**
 * The account's identity-graph cluster: a farm one of its members belongs to, and the new
 * accounts (no farm's yet) registered within the burst window of this one. One read for an
 * account that shares nothing; the members are read only for clusters of two or more (at most
 * 256, the graph's bound).
 */
function scanCluster(ctx: Ctx, accountId: string, regAt: number): { farm?: string; burst: string[] } {
  if (ctx.entities.clusterRoot(accountId).size <= 1) return { burst: [accountId] };
  let farm: string | undefined;
  const burst: string[] = [];
  for (const a of ctx.entities.cluster(accountId).accounts) {
    const m = ctx.state.get<Member>(MEMBER, a);
    if (m) { farm ??= m.f; continue; }
    if (inBurst(ctx, a, regAt)) burst.push(a);
  }
  return { ...(farm !== undefined ? { farm } : {}), burst };
}

/**
 * Whether the event shows a farm, and who: the new accounts of this burst seen with one of its
 * shared values, when more than a household (a door: a dormitory room); else, when this account
 * shares a device, payment id or phone with another new account of the burst, the linked new
 * accounts of its crowded range.
 */
function showsFarm(ctx: Ctx, o: { account: string; shared: readonly Shared[]; regAt: number; regNet: () => string | undefined }):
  { via: Via | 'range'; accounts: string[] } | undefined {
  const p = ctx.params;
  let mates: Set<string> | undefined;
  for (const { via, seen } of o.shared) {
    const burst = seen.accounts.filter((a) => !ctx.state.get<Member>(MEMBER, a) && (a === o.account || inBurst(ctx, a, o.regAt)));
    if (burst.length > (via === 'door' ? p.doorAccounts : p.householdAccounts)) return { via, accounts: burst };
    if (via !== 'door' && burst.length > 1) for (const a of burst) (mates ??= new Set()).add(a);
  }
  const net = mates ? o.regNet() : undefined;
  if (!mates || !net) return undefined;
  // The mates registered on other ranges are marked there; the crowd is judged on this account's range.
  for (const a of mates) {
    const theirs = a === o.account ? net : networkOf(ctx.entities.account(a)?.ips[0]);
    if (theirs) markLinked(ctx.state, theirs, [a]);
  }
  const crowd = crowdOf(ctx.state, net, { minLinked: p.networkLinkedAccounts, share: p.networkShare,
    isFree: (a) => !ctx.state.get<Member>(MEMBER, a) });
  return crowd ? { via: 'range', accounts: crowd } : undefined;
}

const VIAS: readonly Via[] = ['device', 'payment', 'phone', 'door'];

function sharedBy(ctx: Ctx, via: Via, value: string): SharedBy | undefined {
  switch (via) {
    case 'device': return ctx.entities.device(value);
    case 'payment': return ctx.entities.payment(value);
    case 'phone': return ctx.entities.phone(value);
    case 'door': return ctx.entities.door(value);
  }
}

/** True when `account` is new and registered within the burst window of `regAt`. */
function inBurst(ctx: Ctx, account: string, regAt: number): boolean {
  const at = ctx.entities.account(account)?.registeredAt;
  return at !== undefined && Math.abs(at - regAt) <= ctx.params.burstWindowMs;
}

/**
 * The farm whose linked accounts used one of the event's shared values (device, payment id, phone, door),
 * if the account registered within the burst window of that farm's registrations. This catches
 * what the graph stops merging: the 22nd account on a rack's device id or at a drop door.
 */
function linkedFarm(ctx: Ctx, shared: readonly Shared[] | undefined, regAt: number): string | undefined {
  const w = ctx.params.burstWindowMs;
  // A value a member used and this account uses too was seen with two accounts at least: only shared values can link.
  for (const { via, value } of shared ?? []) {
    const farmId = ctx.state.get<string>(LINK, `${LINK_PREFIX[via]}${value}`);
    if (farmId === undefined) continue;
    const farm = ctx.state.get<Farm>(FARM, farmId);
    if (farm && regAt >= farm.regFrom - w && regAt <= farm.regTo + w) return farmId;
  }
  return undefined;
}

/** The farm active on a range at `regAt` (its linked accounts registered there within the window), dominant or not. */
function activeNetFarm(ctx: Ctx, netKey: string | undefined, regAt: number): string | undefined {
  const net = netKey ? ctx.state.get<Net>(NET, netKey) : undefined;
  return net?.f !== undefined && net.l !== undefined && Math.abs(regAt - net.l) <= ctx.params.burstWindowMs ? net.f : undefined;
}

/**
 * Makes `account` a member of `farm` and brings in what it did before: its coupons and coupon
 * orders, and for a linked member its devices, payment ids and phone (later accounts seen with
 * them join) and its range (in `nets`, for `claimNetwork` once everyone of the event has joined).
 */
function join(ctx: Ctx, o: { farm: Farm; account: string; acct: AccountState; linked: boolean; change: Change; nets?: Map<string, number> }): void {
  const { farm, account, acct, linked, change } = o;
  if (ctx.state.get<Member>(MEMBER, account)) return;
  const member: Member = { f: farm.id, l: linked ? 1 : 0 };
  farm.accounts++;
  if (linked) farm.linked++;
  const regAt = acct.registeredAt ?? acct.firstSeenAt;
  if (regAt < farm.regFrom) farm.regFrom = regAt;
  if (regAt > farm.regTo) farm.regTo = regAt;
  // Named only once it claims a coupon: a promo farm is what it takes, and a stranger wrongly
  // joined by its range is never named unless it does.
  if (acct.couponClaims > 0) { member.n = 1; farm.named++; change.accounts.push(account); }
  const before = ctx.state.get<NewAccount>(NEW, account);
  if (before) {
    farm.claims += before.n;
    farm.claimedFen += before.v;
    farm.orders += before.o.length;
    farm.discountFen += before.d;
    farm.takenDiscountFen += before.d;
    for (const c of before.c) addBounded(farm.coupons, c, MAX_COUPONS);
    if (member.n) change.orders.push(...before.o);
    ctx.state.delete(NEW, account);
  }
  ctx.state.set(MEMBER, account, member);
  const netKey = networkOf(acct.ips[0]);
  addBounded(farm.networks, netKey, MAX_NETWORKS);
  if (!linked) return;
  for (const d of acct.devices.slice(0, MAX_VALUES_PER_ACCOUNT)) { addBounded(farm.devices, d, MAX_DEVICES); setLink(ctx, `d:${d}`, farm.id); }
  for (const p of acct.payments.slice(0, MAX_VALUES_PER_ACCOUNT)) { addBounded(farm.payments, p, MAX_PAYMENTS); setLink(ctx, `p:${p}`, farm.id); }
  if (acct.phone) setLink(ctx, `h:${acct.phone}`, farm.id);
  if (netKey && acct.registeredAt !== undefined && o.nets) o.nets.set(netKey, Math.max(o.nets.get(netKey) ?? -Infinity, acct.registeredAt));
}

/**
 * Linked accounts of `farm` registered on `netKey` (the latest at `regAt`): the farm is active
 * there. While its linked accounts are `networkShare` of the range's registrations in the window,
 * the range is the farm's, and every account registered on it in the window before the farm's
 * latest linked registration joins (by its range only): registered amid the farm's burst. One
 * registered after it waits for the next: strangers who come to a range once a farm has passed
 * through it are not the farm's.
 */
function claimNetwork(ctx: Ctx, o: { farm: Farm; netKey: string; regAt: number; change: Change }): void {
  const { farm, netKey, regAt, change } = o;
  const net = ctx.state.get<Net>(NET, netKey);
  if (!net) return;
  if (net.f !== farm.id) {
    // Another farm active on the range keeps it; one whose burst there is over gives it up.
    if (net.f !== undefined && net.l !== undefined && Math.abs(regAt - net.l) <= ctx.params.burstWindowMs) return;
    net.f = farm.id;
    delete net.x;
    delete net.l;
  }
  if (net.l === undefined || regAt > net.l) net.l = regAt;
  // Only linked accounts count: strangers joined by the range must not make it look more the farm's.
  let linked = 0;
  for (const [a] of net.r) {
    const m = ctx.state.get<Member>(MEMBER, a);
    if (m?.f === farm.id && m.l) linked++;
  }
  if (linked < ctx.params.networkShare * net.r.length) {
    delete net.x;
    ctx.state.set(NET, netKey, net);
    return;
  }
  net.x = 1;
  ctx.state.set(NET, netKey, net);
  for (const [a, at] of net.r) {
    if (at > net.l) break;
    const acct = ctx.state.get<Member>(MEMBER, a) ? undefined : ctx.entities.account(a);
    if (acct) join(ctx, { farm, account: a, acct, linked: false, change });
  }
}

/** Notes the event's values as the farm's (linked members only): later new accounts seen with them join it. */
function noteValues(ctx: Ctx, farm: Farm, s: Sighting): void {
  if (s.device) { addBounded(farm.devices, s.device, MAX_DEVICES); setLink(ctx, `d:${s.device}`, farm.id); }
  if (s.payment) { addBounded(farm.payments, s.payment, MAX_PAYMENTS); setLink(ctx, `p:${s.payment}`, farm.id); }
  if (s.door) setLink(ctx, `o:${s.door}`, farm.id);
}

function setLink(ctx: Ctx, id: string, farmId: string): void {
  if (ctx.state.get<string>(LINK, id) === undefined) ctx.state.set(LINK, id, farmId);
}

/** Link index ids: `d:` device, `p:` payment id, `h:` phone, `o:` door key. */
const LINK_PREFIX: Readonly<Record<Via, string>> = { device: 'd:', payment: 'p:', phone: 'h:', door: 'o:' };

function linkIds(s: Sighting): string[] {
  const ids: string[] = [];
  for (const via of VIAS) {
    const value = s[via];
    if (value !== undefined) ids.push(`${LINK_PREFIX[via]}${value}`);
  }
  return ids;
}

function noteNewAccount(ctx: Ctx, account: string, fn: (n: NewAccount) => void): void {
  const n = ctx.state.get<NewAccount>(NEW, account) ?? { c: [], n: 0, v: 0, d: 0, o: [] };
  fn(n);
  ctx.state.set(NEW, account, n);
}

function addItem(list: string[], value: string | undefined): void {
  if (value !== undefined && list.length < MAX_NEW_ITEMS && !list.includes(value)) list.push(value);
}

function isNew(acct: AccountState, ctx: Ctx): boolean {
  return acct.registeredAt !== undefined && ctx.at - acct.registeredAt <= ctx.params.newAccountMs;
}

/**
 * New, or first seen within the burst window with no registration yet: a registration that
 * arrives late comes after the account's first claim, whose value the farm must still count.
 */
function mayBeNew(acct: AccountState, ctx: Ctx): boolean {
  return isNew(acct, ctx) || (acct.registeredAt === undefined && ctx.at - acct.firstSeenAt <= ctx.params.burstWindowMs);
}

/** The farm's alert once it has named an account (a farm that claimed nothing is no promo farm yet). */
function alertOf(farm: Farm, change: Change, p: PromoAbuseParams): AlertUpdate[] | undefined {
  if (farm.named === 0) return undefined;
  return [farmUpdate(farm, { household: p.householdAccounts, accounts: change.accounts, orders: change.orders })];
}
