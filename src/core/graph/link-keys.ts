// Which links an event carries: the account it is about, and the devices, payment ids, phones,
// addresses and IPs seen with it. The core reads these straight from the contract, except the
// address key: normalising a Chinese address is the job of src/text, which the core may not
// import (eslint.config.js). So the pipeline takes the normaliser as a plain function from app/
// (`PipelineOptions.addressKey`), a seam one function wide: the core decides which events carry
// an address and what a key links, the text layer only how an address is written as a key.
import type { Address, BulwarkEvent } from '../../contract/index.js';

/** What two accounts can share. `ip` is weak: it never merges accounts, it is only evidence. */
export type LinkVia = 'device' | 'payment' | 'phone' | 'address' | 'ip';

/** One link entity an event ties to an account. */
export interface LinkKey { via: LinkVia; value: string }

/** A delivery address as the text layer keys it. */
export interface AddressKey {
  /** Canonical: the same door however it is written. */
  key: string;
  /**
   * True when the address names no door (no building and room, only a road, a landmark or "see
   * note"). A vague address links nobody: "the east gate of the campus" is not one household.
   */
  vague: boolean;
}

/** Keys a delivery address; the pipeline calls it once per order and shares the answer. */
export type AddressKeyFn = (address: Address) => AddressKey;

/**
 * The account an event is about and the link entities it carries; undefined when it carries
 * none. `address` is the key of the event's delivery address, computed once by the pipeline.
 */
export function eventLinks(e: BulwarkEvent, address?: AddressKey): { accountId: string; keys: LinkKey[] } | undefined {
  const keys: LinkKey[] = [];
  let accountId: string;
  switch (e.type) {
    case 'account.registered':
      accountId = e.data.account_id;
      push(keys, 'phone', e.data.phone);
      push(keys, 'device', e.data.device_id);
      push(keys, 'ip', e.data.ip);
      break;
    case 'account.login':
    case 'coupon.claimed':
      accountId = e.data.account_id;
      push(keys, 'device', e.data.device_id);
      push(keys, 'ip', e.data.ip);
      break;
    case 'order.placed':
      accountId = e.data.buyer_id;
      push(keys, 'device', e.data.device_id);
      push(keys, 'payment', e.data.payment_id);
      if (address && !address.vague) push(keys, 'address', address.key);
      push(keys, 'ip', e.data.ip);
      break;
    default:
      return undefined;
  }
  return keys.length > 0 ? { accountId, keys } : undefined;
}

function push(keys: LinkKey[], via: LinkVia, value: string | undefined): void {
  if (value) keys.push({ via, value });
}
