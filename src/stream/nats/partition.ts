// Which partition an event goes to. Events of one partition are applied in stream order by one
// worker at a time, so the key decides what always stays in order: an incident's events should.
//
// The key is the shop an event concerns when it has one: a price error, a scalped launch, a
// brushing ring's or a reverse-brushing victim's orders and reviews, a claim against a shop all
// stay in one partition, in order, and the hot keys of a burst (the item, the shop) are written by
// one worker, so workers seldom collide on them. An order's later events (paid, shipped, delivered,
// cancelled, its refund) carry only the order id: the router remembers the shop of each order it
// routed, and the partition of each refund, so they follow their order. Events without a shop
// (registrations, logins, coupon claims, messages, complaints) go by the account that acts.
// What this gives up: a buyer's events across shops, and one account's events on both sides of
// it, land in several partitions; they stay within the workers' event-time skew of each other
// (see the worker), and the shared state's version checks keep their effects serial.
import type { BulwarkEvent } from '../../contract/index.js';

/** FNV-1a, 32 bits: stable across processes and versions, so a platform can compute it too. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = Buffer.from(text, 'utf8');
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The partition of a key among `partitions`. */
export function partitionOf(key: string, partitions: number): number {
  return fnv1a(key) % partitions;
}

/** Remembered orders and refunds per router; the oldest are forgotten first past this many. */
const MEMORY = 1_000_000;

/** Assigns events to partitions, remembering the shop of each order it has seen placed. */
export class PartitionRouter {
  readonly #orders = new Map<string, string>();
  readonly #refunds = new Map<string, string>();

  constructor(readonly partitions: number) {}

  /** The partition key of `event` (see the module comment). */
  keyOf(event: BulwarkEvent): string {
    const d = event.data as Record<string, unknown>;
    const str = (k: string) => (typeof d[k] === 'string' ? d[k] : undefined);
    const shop = str('shop_id');
    const order = str('order_id');
    switch (event.type) {
      case 'order.placed': {
        const key = `shop:${shop}`;
        if (order) remember(this.#orders, order, key);
        return key;
      }
      case 'refund.requested': {
        const key = (order && this.#orders.get(order)) ?? `order:${order}`;
        const refund = str('refund_id');
        if (refund) remember(this.#refunds, refund, key);
        return key;
      }
      case 'refund.resolved': {
        const refund = str('refund_id');
        return (refund && this.#refunds.get(refund)) ?? `refund:${refund}`;
      }
      case 'order.paid': case 'order.shipped': case 'order.delivered': case 'order.cancelled':
        return (order && this.#orders.get(order)) ?? `order:${order}`;
      case 'message.sent':
        return `account:${str('from_id')}`;
      case 'complaint.filed':
        return `account:${str('by_id')}`;
      default:
        if (shop) return `shop:${shop}`;
        return `account:${str('account_id') ?? str('buyer_id') ?? event.id}`;
    }
  }

  /** The partition of `event`. */
  partitionOf(event: BulwarkEvent): number {
    return partitionOf(this.keyOf(event), this.partitions);
  }
}

function remember(map: Map<string, string>, id: string, key: string): void {
  if (map.size >= MEMORY) map.delete(map.keys().next().value!);
  map.set(id, key);
}
