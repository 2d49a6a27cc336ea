// A deterministic stream of ordinary marketplace events with a price error in the middle, of
// any length, for replay tests that need volume (no randomness: arithmetic on the index).
import { toLine } from '../../src/contract/index.js';

const START = Date.UTC(2026, 10, 2);
const iso = (ms: number) => new Date(ms).toISOString();

/** NDJSON text of about `n` events: listings, orders with their lifecycle, and one price error. */
export function syntheticNdjson(n: number): string {
  const out: string[] = [];
  const items = 50;
  let t = START;
  for (let i = 0; i < items; i++) {
    out.push(toLine({ id: `l_${i}`, type: 'listing.updated', time: iso(t += 1000),
      data: { item_id: `i_${i}`, shop_id: `s_${i % 10}`, price: 10000 + i * 1000, category: 'home' } }));
  }
  let k = 0;
  while (out.length < n) {
    k++;
    t += 1000;
    const item = k % items;
    const errorOpen = k >= 2000 && k < 2100;
    if (k === 2000) out.push(toLine({ id: `typo_${k}`, type: 'listing.updated', time: iso(t), data: { item_id: 'i_7', shop_id: 's_7', price: 170 } }));
    if (k === 2100) out.push(toLine({ id: `fix_${k}`, type: 'listing.updated', time: iso(t), data: { item_id: 'i_7', shop_id: 's_7', price: 17000 } }));
    const price = item === 7 && errorOpen ? 170 : 10000 + item * 1000;
    out.push(toLine({ id: `o_${k}`, type: 'order.placed', time: iso(t), data: {
      order_id: `ord_${k}`, buyer_id: `b_${k % 997}`, shop_id: `s_${item % 10}`, lines: [{ item_id: `i_${item}`, qty: 1, unit_price: price }],
      amount: price, address: { province: '浙江省', city: '杭州市', detail: `文三路${k % 300}号${k % 9}幢${k % 30}室` },
      device_id: `d_${k % 997}`, ip: `10.0.${k % 250}.${k % 199}` } }));
    out.push(toLine({ id: `p_${k}`, type: 'order.paid', time: iso(t + 30_000), data: { order_id: `ord_${k}` } }));
    if (k % 3 === 0) out.push(toLine({ id: `sh_${k}`, type: 'order.shipped', time: iso(t + 3600_000), data: { order_id: `ord_${k}`, weight_g: 300 } }));
  }
  return out.join('');
}
