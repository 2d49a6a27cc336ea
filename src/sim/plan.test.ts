// The shape of every attack and look-alike in one scale-1 week (seed 1), checked against the
// descriptions in docs/simulator.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALERT_KINDS, validateEvent, type BulwarkEvent, type EventOf, type EventType } from '../contract/index.js';
import { runInMemory } from './testing.js';
import type { TruthEntities } from './truth.js';

const run = runInMemory({ seed: 1, scale: 1, days: 7 });
const events = run.lines.map((l) => JSON.parse(l) as BulwarkEvent);
const byId = new Map(events.map((e) => [e.id, e]));
const incidents = (kind: string) => run.truth.incidents.filter((i) => i.kind === kind);
const lookalike = (kind: string) => run.truth.lookalikes.filter((l) => l.kind === kind);
function of<T extends EventType>(rec: TruthEntities, type: T): EventOf<T>[] {
  return rec.events.map((id) => byId.get(id)!).filter((e): e is EventOf<T> => e.type === type);
}
const minutes = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;
/** Address details that name a door: building, unit or room. */
const DOOR = /\d+\s*(栋|幢|号楼|单元|室|层)|-\d+-\d+/;
const registered = new Map(events.filter((e) => e.type === 'account.registered')
  .map((e) => [(e as EventOf<'account.registered'>).data.account_id, e.time]));

test('a scale-1 week has 150,000 to 300,000 valid events and every alert kind', () => {
  assert.ok(events.length >= 150_000 && events.length <= 300_000, `${events.length} events`);
  for (const e of events) {
    const r = validateEvent(e);
    if (!r.ok) assert.fail(`${e.id}: ${r.rejection.message}`);
  }
  assert.equal(new Set(events.map((e) => e.id)).size, events.length);
  for (const kind of ALERT_KINDS) assert.ok(incidents(kind).length >= 1, kind);
});

test('reverse brushing: hundreds to ~2,500 orders of 29.90 within two hours, many vague addresses, ~99% refunded, aged accounts', () => {
  const [rb] = incidents('reverse_brushing');
  assert.ok(rb, 'rb');
  const placed = of(rb, 'order.placed');
  assert.ok(placed.length >= 320 && placed.length <= 2600, `${placed.length} orders`);
  assert.ok(rb.items.length >= 1 && rb.items.length <= 2, `${rb.items.length} items`);
  for (const o of placed) {
    assert.deepEqual(o.data.lines.map((l) => l.unit_price), [2990]);
    assert.ok(rb.items.includes(o.data.lines[0]!.item_id) && o.data.lines.length === 1, 'one line, a victim item');
    assert.deepEqual([o.data.shop_id], rb.shops);
  }
  // At most 45 minutes of flood plus three pauses of at most 20 between waves.
  const times = placed.map((o) => o.time).sort();
  assert.ok(minutes(times[0]!, times[times.length - 1]!) <= 105, 'minutes(times[0]!, times[times.length - 1]!) <= 105');
  const vague = placed.filter((o) => !DOOR.test(o.data.address.detail)).length / placed.length;
  assert.ok(vague >= 0.35, `vague share ${vague}`);
  const refunds = of(rb, 'refund.requested');
  assert.ok(refunds.length / placed.length >= 0.97, `refund share ${refunds.length / placed.length}`);
  assert.ok(new Set(refunds.map((r) => r.data.kind)).size === 2, 'both refund kinds');
  const placedAt = new Map(placed.map((o) => [o.data.order_id, o.time]));
  for (const r of refunds) assert.ok(minutes(placedAt.get(r.data.order_id)!, r.time) <= 24 * 60, 'refunded within a day');
  assert.equal(of(rb, 'refund.resolved').length, refunds.length);
  // Aged accounts: registered weeks before the run, so no registration appears in the stream.
  for (const a of rb.accounts) assert.ok(!registered.has(a), `${a} registered in the stream`);
  assert.ok(rb.accounts.length < placed.length, 'accounts are reused');
  // Most accounts share a phone and a card with others; up to 35% keep one of their own.
  const sharing = (key: (o: EventOf<'order.placed'>) => string | undefined) => {
    const users = new Map<string | undefined, Set<string>>();
    for (const o of placed) users.set(key(o), (users.get(key(o)) ?? new Set()).add(o.data.buyer_id));
    return rb.accounts.filter((a) => placed.some((o) => o.data.buyer_id === a && users.get(key(o))!.size > 1)).length / rb.accounts.length;
  };
  assert.ok(sharing((o) => o.data.device_id) >= 0.6 && sharing((o) => o.data.payment_id) >= 0.6, 'devices and payments shared in clusters');
  assert.deepEqual(rb.victim_shops, rb.shops);
});

test('brushing: client shops get light parcels and five-star praise from clustered brushers, who also buy elsewhere', () => {
  for (const br of incidents('brushing')) {
    const placed = of(br, 'order.placed');
    const fake = placed.filter((o) => br.shops.includes(o.data.shop_id));
    const camouflage = placed.filter((o) => !br.shops.includes(o.data.shop_id));
    assert.ok(fake.length > camouflage.length, `${fake.length} fake orders, ${camouflage.length} camouflage orders`);
    const fakeIds = new Set(fake.map((o) => o.data.order_id));
    const shipped = of(br, 'order.shipped').filter((s) => fakeIds.has(s.data.order_id));
    const light = shipped.filter((s) => (s.data.weight_g ?? 999) <= 30).length / shipped.length;
    assert.ok(light >= 0.5, `light parcels ${light}`);
    const reviews = of(br, 'review.posted').filter((r) => fakeIds.has(r.data.order_id));
    assert.ok(reviews.length >= fake.length * 0.6 && reviews.every((r) => r.data.rating === 5), `${reviews.length} five-star reviews`);
    assert.ok(br.shops.length >= 2, 'br.shops.length >= 2');
    const shopsPerBrusher = new Map<string, Set<string>>();
    for (const o of fake) shopsPerBrusher.set(o.data.buyer_id, (shopsPerBrusher.get(o.data.buyer_id) ?? new Set()).add(o.data.shop_id));
    assert.ok([...shopsPerBrusher.values()].some((s) => s.size >= 2), 'a brusher serves several shops');
    assert.ok(new Set(fake.map((o) => o.data.device_id)).size < br.accounts.length, 'devices shared');
  }
});

test('refund abuse: linked accounts ask refund-only without evidence soon after delivery of expensive goods', () => {
  for (const ra of incidents('refund_abuse')) {
    const refunds = of(ra, 'refund.requested');
    assert.ok(refunds.length >= 5, 'refunds.length >= 5');
    assert.ok(refunds.every((r) => r.data.kind === 'refund_only'), 'refunds.every((r) => r.data.kind === \'refund_only\')');
    assert.ok(refunds.filter((r) => r.data.evidence === 0).length / refunds.length >= 0.7, 'refunds.filter((r) => r.data.evidence === 0).length / refunds.length >= 0.7');
    const delivered = new Map(of(ra, 'order.delivered').map((d) => [d.data.order_id, d.time]));
    for (const r of refunds) assert.ok(minutes(delivered.get(r.data.order_id)!, r.time) <= 12 * 60, 'minutes(delivered.get(r.data.order_id)!, r.time) <= 12 * 60');
    assert.ok(of(ra, 'order.placed').every((o) => o.data.amount >= 50_000), 'of(ra, \'order.placed\').every((o) => o.data.amount >= 50_000)');
  }
});

test('promo abuse: a registration burst on shared devices from one /24, coupon within minutes, cheap first order', () => {
  for (const pa of incidents('promo_abuse')) {
    const regs = of(pa, 'account.registered');
    assert.ok(regs.length >= 15, 'regs.length >= 15');
    assert.equal(new Set(regs.map((r) => r.data.ip!.split('.').slice(0, 3).join('.'))).size, 1);
    assert.ok(new Set(regs.map((r) => r.data.device_id)).size <= regs.length / 3, 'new Set(regs.map((r) => r.data.device_id)).size <= regs.length / 3');
    const regAt = new Map(regs.map((r) => [r.data.account_id, r.time]));
    for (const c of of(pa, 'coupon.claimed')) assert.ok(minutes(regAt.get(c.data.account_id)!, c.time) <= 10, 'minutes(regAt.get(c.data.account_id)!, c.time) <= 10');
    for (const o of of(pa, 'order.placed')) {
      assert.ok(o.data.coupon_id && o.data.discount === pa.params!.couponFen, `${o.data.order_id} uses the coupon`);
      assert.ok(o.data.amount <= 5000, `${o.data.order_id} costs ${o.data.amount} fen after the coupon`);
    }
    assert.ok(new Set(of(pa, 'order.placed').map((o) => o.data.address.detail)).size <= 4, 'new Set(of(pa, \'order.placed\').map((o) => o.data.address.detail)).size <= 4');
  }
});

test('scalping: a limited launch bought by many accounts within minutes, one door written many ways', () => {
  for (const sc of incidents('scalping')) {
    const item = sc.items[0]!;
    const listing = events.find((e) => e.type === 'listing.updated' && e.data.item_id === item) as EventOf<'listing.updated'>;
    assert.equal(listing.data.limited, true);
    assert.ok(listing.data.per_account_limit! >= 1, 'listing.data.per_account_limit! >= 1');
    const placed = of(sc, 'order.placed');
    const times = placed.map((o) => o.time).sort();
    assert.ok(minutes(times[0]!, times[times.length - 1]!) <= 5, 'minutes(times[0]!, times[times.length - 1]!) <= 5');
    const details = new Set(placed.map((o) => o.data.address.detail));
    assert.ok(details.size > sc.params!.baseDoors! * 2, 'address variants');
    assert.ok(placed.some((o) => /[０-９]/.test(o.data.address.detail) || /[一二三四五六七八九十]栋/.test(o.data.address.detail)), 'placed.some((o) => /[０-９]/.test(o.data.address.detail) || /[一二三四五六七八九十]栋/.test(o.data.address.detail))');
  }
});

test('price error: the price drops 100 times, orders pile in, and the merchant fixes it later', () => {
  for (const pe of incidents('price_error')) {
    const [wrong] = of(pe, 'listing.updated');
    assert.ok(wrong, 'wrong');
    assert.equal(wrong.data.price, Math.round(pe.params!.normalPriceFen! / 100));
    const fix = events.find((e) => e.type === 'listing.updated' && e.data.item_id === pe.items[0] && e.time > wrong.time) as EventOf<'listing.updated'>;
    assert.equal(fix.data.price, pe.params!.normalPriceFen);
    const placed = of(pe, 'order.placed');
    assert.ok(placed.length >= 25 && placed.every((o) => o.time >= wrong.time && o.time < fix.time), 'placed.length >= 25 && placed.every((o) => o.time >= wrong.time && o.time < fix.time)');
  }
});

test('malicious claims: extortion wording in both scripts and disguised numbers, against many shops', () => {
  const texts: string[] = [];
  for (const mc of incidents('malicious_claim')) {
    assert.ok(mc.shops.length >= 3, `${mc.id} targets ${mc.shops.length} shops`);
    const claims = of(mc, 'claim.filed');
    assert.ok(claims.length >= 3, `${mc.id} files ${claims.length} claims`);
    texts.push(...claims.map((c) => c.data.text ?? ''), ...of(mc, 'message.sent').map((m) => m.data.text ?? ''));
    assert.ok(of(mc, 'complaint.filed').length > 0, `${mc.id} has no complaint`);
  }
  for (const t of texts) assert.match(t, /私了|转|轉|投诉|投訴|举报|舉報|关店|關店|12315|封口费|打假|赔|賠/);
  assert.ok(texts.some((t) => /[轉舉報訴]/.test(t)), 'traditional script');
  assert.ok(texts.some((t) => /[０-９]|\d \d|[百千]/.test(t)), 'disguised numbers');
});

test('harassment: threats and repeated calls after a bad review, and a harassment complaint', () => {
  for (const ha of incidents('harassment')) {
    const reviews = of(ha, 'review.posted');
    assert.ok(reviews.length >= 1 && reviews.every((r) => r.data.rating <= 2), 'reviews.length >= 1 && reviews.every((r) => r.data.rating <= 2)');
    const calls = of(ha, 'message.sent').filter((m) => m.data.channel === 'phone');
    assert.ok(calls.length >= 4, 'calls.length >= 4');
    assert.ok(of(ha, 'complaint.filed').some((c) => c.data.kind === 'harassment'), 'of(ha, \'complaint.filed\').some((c) => c.data.kind === \'harassment\')');
    assert.equal(ha.shops.length, 1);
  }
});

test('review manipulation: offers to delete or change reviews sent to many merchants', () => {
  for (const rm of incidents('review_manipulation')) {
    const offers = of(rm, 'message.sent');
    assert.ok(new Set(offers.map((m) => m.data.to_id)).size >= 8, 'new Set(offers.map((m) => m.data.to_id)).size >= 8');
    assert.ok(offers.some((m) => /删差评|改好评|刪差評|删.差.评/.test(m.data.text ?? '')), 'offers.some((m) => /删差评|改好评|刪差評|删.差.评/.test(m.data.text ?? \'\'))');
  }
});

test('look-alikes: viral burst keeps full addresses and few refunds; promotions stay within 25% off; genuine refunds carry evidence', () => {
  for (const v of lookalike('viral_burst')) {
    const placed = of(v, 'order.placed');
    assert.ok(placed.length >= 150, 'placed.length >= 150');
    assert.ok(placed.every((o) => DOOR.test(o.data.address.detail)), 'placed.every((o) => DOOR.test(o.data.address.detail))');
    assert.ok(of(v, 'refund.requested').length / placed.length < 0.06, 'of(v, \'refund.requested\').length / placed.length < 0.06');
  }
  for (const p of lookalike('promotion')) {
    const listings = of(p, 'listing.updated');
    for (let i = 0; i + 1 < listings.length; i += 2) {
      assert.ok(listings[i]!.data.price >= listings[i + 1]!.data.price * 0.75 - 1, 'at most 25% off');
    }
  }
  for (const g of lookalike('genuine_refund')) {
    assert.ok(of(g, 'refund.requested').every((r) => r.data.kind === 'refund_only' && (r.data.evidence ?? 0) >= 1), 'of(g, \'refund.requested\').every((r) => r.data.kind === \'refund_only\' && (r.data.evidence ?? 0) >= 1)');
  }
  for (const f of lookalike('family_device')) {
    assert.ok(new Set(of(f, 'order.placed').map((o) => o.data.device_id)).size < f.accounts.length, 'new Set(of(f, \'order.placed\').map((o) => o.data.device_id)).size < f.accounts.length');
  }
  for (const c of lookalike('campus_ip')) {
    const nets = new Set(of(c, 'account.login').map((l) => l.data.ip!.split('.').slice(0, 3).join('.')));
    assert.equal(nets.size, 1);
  }
});
