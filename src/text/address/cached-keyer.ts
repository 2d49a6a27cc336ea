// A memo in front of keyAddress. Buyers ship most orders to the addresses they used before, and
// keying an address means parsing it (a few microseconds), so an engine keys each distinct
// written address once while it is in use.
import type { Address } from '../../contract/index.js';
import { generationMemo } from '../memo.js';
import { keyAddress } from './normalize-address.js';

export type AddressKeyer = (a: Address) => { key: string; vague: boolean };

/** keyAddress with a memo of at most `2 × generation` written addresses. */
export function cachedKeyer(generation = 100_000): AddressKeyer {
  return generationMemo(addressText, keyAddress, generation);
}

/** Every field that keying reads, each after its length, so no two addresses share a text. */
function addressText(a: Address): string {
  const district = a.district ?? '';
  return `${a.province.length}:${a.province}${a.city.length}:${a.city}${district.length}:${district}${a.detail}`;
}
