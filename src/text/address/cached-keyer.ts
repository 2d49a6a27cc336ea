// A memo in front of keyAddress. Buyers ship most orders to the addresses they used before, and
// keying an address means parsing it (a few microseconds), so an engine keys each distinct
// written address once while it is in use. Bounded: when the newer generation fills, the older
// one is dropped, so memory stays at two generations whatever the traffic.
import type { Address } from '../../contract/index.js';
import { keyAddress } from './normalize-address.js';

export type AddressKeyer = (a: Address) => { key: string; vague: boolean };

/** keyAddress with a memo of at most `2 × generation` written addresses. */
export function cachedKeyer(generation = 100_000): AddressKeyer {
  let young = new Map<string, { key: string; vague: boolean }>();
  let old = new Map<string, { key: string; vague: boolean }>();
  return (a) => {
    // Every field that keying reads, each after its length, so no two addresses share a text.
    const district = a.district ?? '';
    const text = `${a.province.length}:${a.province}${a.city.length}:${a.city}${district.length}:${district}${a.detail}`;
    let hit = young.get(text);
    if (hit) return hit;
    hit = old.get(text) ?? keyAddress(a);
    if (young.size >= generation) { old = young; young = new Map(); }
    young.set(text, hit);
    return hit;
  };
}
