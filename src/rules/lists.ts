// Block and allow lists (docs/lists.md): what each kind holds, how a value is normalised, and
// how an event is matched against lists that hold only keyed hashes of personal data. Per event,
// the candidate values of the lists a rule names are normalised, hashed and looked up; rules see
// `lists.NAME` as the event's own raw values that are members, so `x in lists.blocked_devices`
// reads naturally while the lists keep no raw device id, phone, address or payment id.
import { createHmac } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Address, BulwarkEvent } from '../contract/index.js';
import type { AddressKey, StoredListEntry } from '../core/index.js';
import { findContacts, keyAddress, normalizeText } from '../text/index.js';

export const LIST_KINDS = ['accounts', 'devices', 'ips', 'phones', 'addresses', 'payments', 'contacts'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_NAMES = LIST_KINDS.flatMap((k) => [`blocked_${k}`, `allowed_${k}`] as const);
export type ListName = `${'blocked' | 'allowed'}_${ListKind}`;

/**
 * Account ids are opaque ids of the platform (not personal data, EVENTS.md) and IP ranges name
 * networks, not people: both are kept as they are, so analysts can read them. Every other value
 * is kept only as its keyed hash.
 */
export function isHashedKind(kind: ListKind): boolean {
  return kind !== 'accounts';
}

/** One entry as stored (the core's port type, with the list's name typed). */
export type ListEntry = StoredListEntry & { list: ListName };

/** A value that cannot go in a list; the message says what was expected. */
export class ListValueError extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

export function kindOf(list: ListName): ListKind {
  return list.slice(list.indexOf('_') + 1) as ListKind;
}

export function isListName(x: string): x is ListName {
  return (LIST_NAMES as readonly string[]).includes(x);
}

/** Keyed hashing of list values (HMAC-SHA256); the key never leaves the process. */
export class ListHasher {
  readonly keyId: string;
  readonly #key: string;

  constructor(key: string) {
    if (key.length < 32) {
      throw new ListValueError('ERR_LISTS_KEY', `the list hash key must be at least 32 characters, received ${key.length}; ` +
        'set BULWARK_LIST_KEY to a long random secret (e.g. `openssl rand -base64 32`)');
    }
    this.#key = key;
    // A short fingerprint of the key, stored with each entry: a server started with another key
    // can tell its entries will never match instead of silently matching nothing.
    this.keyId = createHmac('sha256', key).update('bulwark list key id').digest('hex').slice(0, 12);
  }

  hash(kind: ListKind, normalised: string): string {
    return createHmac('sha256', this.#key).update(`${kind}\u0000${normalised}`).digest('hex');
  }
}

/** The normalised form of a value given to a list, or of an event's value (the same function, so they meet). */
export function normalise(kind: ListKind, raw: string): string {
  const v = raw.trim();
  switch (kind) {
    case 'accounts': case 'devices': case 'payments': return v;
    case 'ips': return v.toLowerCase();
    case 'phones': {
      const digits = v.replace(/[^0-9]/g, '');
      // +86 / 0086 country code: a mainland number is its 11 digits however it is written.
      return digits.length > 11 && /^(?:0086|86)1[3-9]/.test(digits) ? digits.slice(digits.length - 11) : digits;
    }
    case 'addresses': return v;
    case 'contacts': return v.toLowerCase();
  }
}

/** What a client sends for an address entry: an address as in `order.placed`, or free text read as one. */
export function addressValue(a: Address | string): string {
  const addr: Address = typeof a === 'string' ? { province: '', city: '', detail: a } : a;
  return keyAddress(addr).key;
}

/** A contact handle from what a client sends: `id:…`, `qq:…`, `phone:…`, or text naming exactly one handle. */
export function contactValue(raw: string): string {
  const v = raw.trim().toLowerCase();
  if (/^(?:id|qq|phone):[a-z0-9_-]+$/.test(v)) return v;
  const found = findContacts(normalizeText(raw));
  if (found.length !== 1) {
    throw new ListValueError('ERR_LISTS_VALUE', `a contact entry must name exactly one handle, found ${found.length} in ${JSON.stringify(raw)}; ` +
      'send it as id:NAME, qq:DIGITS or phone:DIGITS (or text like "vx shp123")');
  }
  return found[0]!;
}

/** Checks a value for `kind`; for IPs answers whether it is a range. */
export function checkValue(kind: ListKind, v: string): { range: boolean } {
  if (v === '') throw new ListValueError('ERR_LISTS_VALUE', `a ${kind} entry must not be empty`);
  if (kind === 'ips') {
    const [ip, bits, extra] = v.split('/');
    const family = isIP(ip ?? '');
    const max = family === 4 ? 32 : 128;
    if (family === 0 || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new ListValueError('ERR_LISTS_VALUE', `${JSON.stringify(v)} is not an IP address or CIDR range; send e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32`);
    }
    return { range: bits !== undefined };
  }
  if (kind === 'phones' && !/^\d{5,15}$/.test(v)) {
    throw new ListValueError('ERR_LISTS_VALUE', `${JSON.stringify(v)} is not a phone number; send its digits (a leading +86 is dropped)`);
  }
  return { range: false };
}

interface Member { expiresAt: number }
interface Range { list: BlockList; expiresAt: number }

/** The lists in force, indexed for matching events; built from stored entries, replaced whole on change. */
export class ListIndex {
  readonly #exact = new Map<ListName, Map<string, Member>>();
  readonly #ranges = new Map<ListName, Range[]>();
  readonly #hasher: ListHasher | undefined;
  /** Hashed entries made under another key, which can never match here. */
  readonly staleEntries: number;

  constructor(entries: readonly ListEntry[], hasher: ListHasher | undefined) {
    this.#hasher = hasher;
    let stale = 0;
    for (const e of entries) {
      const expiresAt = e.expiresAt ?? Number.POSITIVE_INFINITY;
      if (e.hashed && e.keyId !== hasher?.keyId) { stale++; continue; }
      if (kindOf(e.list) === 'ips' && e.value.includes('/')) {
        const [net, bits] = e.value.split('/') as [string, string];
        const bl = new BlockList();
        bl.addSubnet(net, Number(bits), isIP(net) === 6 ? 'ipv6' : 'ipv4');
        const ranges = this.#ranges.get(e.list) ?? [];
        ranges.push({ list: bl, expiresAt });
        this.#ranges.set(e.list, ranges);
        continue;
      }
      const m = this.#exact.get(e.list) ?? new Map<string, Member>();
      m.set(e.value, { expiresAt });
      this.#exact.set(e.list, m);
    }
    this.staleEntries = stale;
  }

  /** True when the list has an entry (so a rule naming it may match). */
  has(list: ListName): boolean {
    return this.#exact.has(list) || this.#ranges.has(list);
  }

  /** The event's raw values of the list's kind that are members at event time `at`, sorted, each once. */
  members(list: ListName, event: BulwarkEvent, ctx: { at: number; address?: AddressKey | undefined }): string[] {
    if (!this.has(list)) return [];
    const kind = kindOf(list);
    const exact = this.#exact.get(list);
    const ranges = this.#ranges.get(list);
    const out: string[] = [];
    for (const raw of candidates(kind, event, ctx.address)) {
      const norm = normalise(kind, raw);
      let hit = false;
      if (exact) {
        const key = isHashedKind(kind) ? this.#hasher?.hash(kind, norm) : norm;
        const m = key === undefined ? undefined : exact.get(key);
        hit = m !== undefined && ctx.at < m.expiresAt;
      }
      if (!hit && ranges && isIP(norm)) {
        const family = isIP(norm) === 6 ? 'ipv6' : 'ipv4';
        hit = ranges.some((r) => ctx.at < r.expiresAt && r.list.check(norm, family));
      }
      if (hit && !out.includes(raw)) out.push(raw);
    }
    return out.sort();
  }
}

const ACCOUNT_FIELDS = ['account_id', 'buyer_id', 'owner_id', 'from_id', 'to_id', 'by_id', 'against_id', 'referrer_id'] as const;

/** The raw values of an event that a list of `kind` could hold. */
function candidates(kind: ListKind, e: BulwarkEvent, address: AddressKey | undefined): string[] {
  const data = e.data as Record<string, unknown>;
  const str = (k: string) => (typeof data[k] === 'string' ? [data[k] as string] : []);
  switch (kind) {
    case 'accounts': return ACCOUNT_FIELDS.flatMap(str);
    case 'devices': return str('device_id');
    case 'ips': return str('ip');
    case 'payments': return str('payment_id');
    case 'phones': {
      const out = str('phone');
      const a = data.address as { phone?: unknown } | undefined;
      if (a && typeof a.phone === 'string') out.push(a.phone);
      return out;
    }
    // The pipeline's own key of the delivery address (one door however written); `lists` shows it.
    case 'addresses': return address ? [address.key] : [];
    case 'contacts': return typeof data.text === 'string' ? findContacts(normalizeText(data.text)) : [];
  }
}
