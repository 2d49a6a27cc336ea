// The IP ranges of the promo-abuse detector: recent registrations per range (a /24, or a /64 for
// IPv6), which of them share a device, payment id or phone with another new account of the same
// burst, and the farm active on the range. A range is weak evidence (a campus or a carrier gateway
// puts hundreds of strangers behind one), so it only ever adds to what linked accounts show.
import type { StateStore } from '../core/index.js';

/** State namespace of the ranges (in the detector's own state). */
export const NET = 'net';

/** Registrations on one range within the burst window, and the farm active on it. */
export interface Net {
  /** [account, registered at, 1 when it shares a device, payment id or phone with another new account of the burst], oldest first. */
  r: Array<[string, number, 0 | 1]>;
  /** The farm whose linked accounts registered here, the latest of their registrations, and whether it dominates the range. */
  f?: string;
  l?: number;
  x?: 1;
}

/** Registrations kept per range within the burst window; a farm of more in one window is still joined as it goes on. */
export const MAX_NET_RECENT = 256;

/**
 * The range an IP belongs to for farm purposes: its /24 for IPv4 (cloud and proxy ranges are
 * handed out by the /24), its /64 for IPv6 (one subscriber's prefix). Undefined for a missing or
 * malformed address.
 */
export function networkOf(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  // Asked of every registration: the common dotted quad is read without a regular expression.
  const last = ip.lastIndexOf('.');
  if (last > 0 && !ip.includes(':')) return isDottedQuad(ip) ? `${ip.slice(0, last)}.0/24` : undefined;
  const mapped = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.exec(ip);
  if (mapped) return networkOf(mapped[1]);
  if (!ip.includes(':')) return undefined;
  const [head = '', tail, extra] = ip.toLowerCase().split('::');
  if (extra !== undefined) return undefined;
  const front = head ? head.split(':') : [];
  const back = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Four decimal octets 0-255 without leading zeros, the only way the /24 prefix of a text is the /24 of the address. */
function isDottedQuad(ip: string): boolean {
  let octets = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || ++octets > 4) return false;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return false;
      value = value * 10 + (c - 48);
      if (++digits > 3) return false;
    } else {
      return false;
    }
  }
  return octets === 4;
}

/**
 * Records a registration on a range, keeping those within `windowMs` of the newest (at most
 * MAX_NET_RECENT), and lets go of a farm whose burst there is over.
 */
export function noteRegistration(state: StateStore, o: { netKey: string; account: string; at: number; windowMs: number }): void {
  const net = state.get<Net>(NET, o.netKey) ?? { r: [] };
  const r = net.r;
  const newest = Math.max(o.at, r.length ? r[r.length - 1]![1] : o.at);
  let drop = 0;
  while (drop < r.length && r[drop]![1] < newest - o.windowMs) drop++;
  if (drop) r.splice(0, drop);
  // A late registration goes in its place, so the list stays in registration order.
  let i = r.length;
  while (i > 0 && r[i - 1]![1] > o.at) i--;
  r.splice(i, 0, [o.account, o.at, 0]);
  if (r.length > MAX_NET_RECENT) r.shift();
  if (net.l !== undefined && newest - net.l > o.windowMs) { delete net.f; delete net.l; delete net.x; }
  state.set(NET, o.netKey, net);
}

/** Marks `accounts` registered on `netKey` as sharing a device, payment id or phone with another new account of their burst. */
export function markLinked(state: StateStore, netKey: string, accounts: readonly string[]): void {
  const net = state.get<Net>(NET, netKey);
  if (!net) return;
  let changed = false;
  for (const e of net.r) {
    if (e[2] === 0 && accounts.includes(e[0])) { e[2] = 1; changed = true; }
  }
  if (changed) state.set(NET, netKey, net);
}

/**
 * The linked new accounts of a crowded range: more than `minLinked` registrations in the window
 * share a device, payment id or phone with another new account of the burst, and they are at
 * least `share` of the range's registrations in the window. Several households at their limit
 * registering together on one range, which is theirs: a farm split over devices to stay under
 * the household bound. Undefined when the range is not crowded. `isFree` leaves out accounts
 * already a farm's.
 */
export function crowdOf(state: StateStore, netKey: string, o: { minLinked: number; share: number; isFree: (account: string) => boolean }): string[] | undefined {
  const net = state.get<Net>(NET, netKey);
  if (!net) return undefined;
  const linked = net.r.filter((e) => e[2] === 1 && o.isFree(e[0])).map((e) => e[0]);
  return linked.length > o.minLinked && linked.length >= o.share * net.r.length ? linked : undefined;
}
