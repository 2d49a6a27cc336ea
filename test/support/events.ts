// Builders of contract events for tests: valid by construction, checked by the real validator.
import { validateEvent, type BulwarkEvent, type EventType } from '../../src/contract/index.js';

let counter = 0;

/** A validated event of `type` at `time` (ISO or minutes after 2026-11-02T00:00Z). */
export function ev(type: EventType, time: string | number, data: Record<string, unknown>, id?: string): BulwarkEvent {
  const iso = typeof time === 'number' ? new Date(Date.UTC(2026, 10, 2) + time * 60_000).toISOString() : time;
  const r = validateEvent({ id: id ?? `t_${++counter}`, type, time: iso, data });
  if (!r.ok) throw new Error(`test event is invalid: ${r.rejection.message}`);
  return r.event;
}

/** The contract's full address, as a genuine buyer would send it. */
export const fullAddress = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号3号楼502室', recipient: '王芳' };

/** An order of `qty` units of one item. */
export function order(minute: number, o: { id: string; buyer: string; shop: string; item: string; price: number; qty?: number }): BulwarkEvent {
  const qty = o.qty ?? 1;
  return ev('order.placed', minute, {
    order_id: o.id, buyer_id: o.buyer, shop_id: o.shop, lines: [{ item_id: o.item, qty, unit_price: o.price }],
    amount: o.price * qty, address: fullAddress,
  }, `ev_${o.id}`);
}

/** A listing update of an item's price. */
export function listing(minute: number, o: { item: string; shop: string; price: number; category?: string }, id?: string): BulwarkEvent {
  return ev('listing.updated', minute, { item_id: o.item, shop_id: o.shop, price: o.price, ...(o.category ? { category: o.category } : {}) }, id);
}
