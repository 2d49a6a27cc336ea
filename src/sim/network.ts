// IP addresses as Chinese consumer networks hand them out: home broadband addresses spread over
// many ranges, mobile carrier NAT gateways shared by thousands of unrelated users, campus
// networks, and the cloud ranges that proxies and emulator farms sit in.
import type { Rng } from './rng.js';

// First octets of ranges allocated to Chinese broadband and mobile carriers (APNIC).
const BROADBAND_FIRST = [36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118,
  119, 120, 121, 122, 123, 124, 125, 171, 175, 180, 182, 183, 202, 218, 219, 220, 221, 222, 223];
// Cloud providers' ranges, where proxy pools and phone-emulator farms run.
const CLOUD_FIRST = [8, 39, 47, 101, 106, 114, 120, 139];
/** Number of carrier NAT gateways in the simulated country: each is shared by many users. */
const CARRIER_GATEWAYS = 1500;

/** A home broadband address. */
export function homeIp(rng: Rng): string {
  return `${rng.pick(BROADBAND_FIRST)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** The public address of a carrier-grade NAT gateway; many unrelated phones share each one. */
export function carrierIp(rng: Rng): string {
  const g = rng.int(0, CARRIER_GATEWAYS - 1);
  return `${[112, 117, 223, 183, 39][g % 5]}.${(g * 7) % 256}.${(g * 13) % 256}.${1 + (g % 250)}`;
}

/** A /24 network prefix (three octets) of the given kind. */
export function net24(rng: Rng, kind: 'cloud' | 'campus' | 'broadband'): string {
  const first = kind === 'cloud' ? rng.pick(CLOUD_FIRST) : kind === 'campus' ? rng.pick([202, 210, 211, 219, 59]) : rng.pick(BROADBAND_FIRST);
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}`;
}

/** An address in a /24 network. */
export function inNet(rng: Rng, prefix: string): string {
  return `${prefix}.${rng.int(2, 254)}`;
}
