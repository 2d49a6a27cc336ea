// One canonical form per value before it is hashed, so that two platforms that saw the same phone,
// door or handle written differently compute the same hash. A value that cannot be made canonical
// is refused with what was wrong, never hashed as it came (it would match nothing, silently).
import { isIPv4, isIPv6 } from 'node:net';
import type { Address } from '../contract/index.js';
import { addressKey, findContacts, normalizeText, VAGUE_KEY_PREFIX } from '../text/index.js';
import type { SignalKind } from './model.js';

export type Normalised = { ok: true; value: string } | { ok: false; error: string };

const ok = (value: string): Normalised => ({ ok: true, value });
const bad = (error: string): Normalised => ({ ok: false, error });

/** A mainland mobile: 11 digits from 1[3-9], after dropping +86 / 0086 and separators. */
export function normalisePhone(raw: string): Normalised {
  let digits = raw.replace(/[\s()+-]/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (!/^1[3-9][0-9]{9}$/.test(digits)) return bad(`phone ${JSON.stringify(raw)} is not a mainland mobile number (11 digits from 13 to 19, +86 allowed)`);
  return ok(digits);
}

/**
 * The range of an IP or of a CIDR block: its /24 for IPv4, its /64 for IPv6, the granularity at
 * which ranges are handed out (and the one the promo-abuse detector reports). Other prefix lengths
 * are refused: a hash cannot be searched by prefix, so both sides must cut at the same length.
 */
export function normaliseRange(raw: string): Normalised {
  const [ip = '', prefix, extra] = raw.trim().toLowerCase().split('/');
  if (extra !== undefined) return bad(`IP range ${JSON.stringify(raw)} has two '/'`);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (isIPv4(ip) || mapped) {
    if (prefix !== undefined && prefix !== '24') return bad(`IP range ${JSON.stringify(raw)}: IPv4 ranges are shared as /24; send an address or a /24`);
    const octets = (mapped ? mapped[1]! : ip).split('.');
    return ok(`${octets.slice(0, 3).map(Number).join('.')}.0/24`);
  }
  if (isIPv6(ip)) {
    if (prefix !== undefined && prefix !== '64') return bad(`IP range ${JSON.stringify(raw)}: IPv6 ranges are shared as /64; send an address or a /64`);
    return ok(`${expandIPv6(ip).slice(0, 4).join(':')}::/64`);
  }
  return bad(`IP range ${JSON.stringify(raw)} is neither an IPv4 nor an IPv6 address or block`);
}

function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const front = head ? head.split(':') : [];
  const back = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}

/**
 * A contact handle in the canonical form of src/text (`id:shp123`, `qq:12345678`,
 * `phone:13812345678`), from that form or from text that gives one (`加V：shp123`).
 */
export function normaliseHandle(raw: string): Normalised {
  const canonical = /^(id|qq|phone):(.+)$/.exec(raw.trim().toLowerCase());
  if (canonical) {
    const [, kind, v] = canonical;
    const again = findContacts(normalizeText(kind === 'id' ? `微信 ${v}` : kind === 'qq' ? `qq ${v}` : v!));
    if (again.includes(`${kind}:${v}` as never)) return ok(`${kind}:${v}`);
    return bad(`handle ${JSON.stringify(raw)} is not a valid ${kind} handle`);
  }
  const found = findContacts(normalizeText(raw));
  if (found.length !== 1) {
    return bad(`handle ${JSON.stringify(raw)} names ${found.length === 0 ? 'no' : `${found.length}`} contact handle(s); ` +
      'send one handle as id:NAME, qq:NUMBER, phone:NUMBER or as written (vx shp123)');
  }
  return ok(found[0]!);
}

/** A delivery door: the address key of src/text (an address object or a key already made); vague addresses name no door and are refused. */
export function normaliseAddress(raw: string | Address): Normalised {
  const key = typeof raw === 'string' ? raw.trim() : addressKey(raw);
  if (key.startsWith(VAGUE_KEY_PREFIX)) return bad('the address is vague (it names no door), so it would match strangers; it is not shared');
  if (!/^[^|]*\|[^|]*\|[^|]+\|[^|]*$/.test(key)) return bad(`address ${JSON.stringify(raw)} is not an address key (province|city|place|door); send the address object`);
  return ok(key);
}

/** A unified social credit code (18 characters) or another registration number: upper case, no separators. */
export function normaliseRegistration(raw: string): Normalised {
  const v = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[0-9A-Z]{8,30}$/.test(v)) return bad(`shop registration ${JSON.stringify(raw)} must be 8 to 30 letters and digits (a unified social credit code has 18)`);
  return ok(v);
}

/** Device ids and payment instruments are opaque: trimmed, and lower-cased since platforms differ in the case of hex ids. */
function normaliseOpaque(kind: string, raw: string): Normalised {
  const v = raw.trim().toLowerCase();
  if (v.length === 0 || v.length > 256) return bad(`${kind} ${JSON.stringify(raw)} must be 1 to 256 characters`);
  return ok(v);
}

/** The canonical form of a value of `kind`. */
export function normaliseValue(kind: SignalKind, raw: string | Address): Normalised {
  if (kind === 'address') return normaliseAddress(raw);
  if (typeof raw !== 'string') return bad(`a ${kind} value must be a string`);
  switch (kind) {
    case 'device': return normaliseOpaque('device', raw);
    case 'payment': return normaliseOpaque('payment', raw);
    case 'phone': return normalisePhone(raw);
    case 'handle': return normaliseHandle(raw);
    case 'ip_range': return normaliseRange(raw);
    case 'shop_registration': return normaliseRegistration(raw);
  }
}
