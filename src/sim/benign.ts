// Ordinary marketplace traffic, generated minute by minute with a daily rhythm: logins, questions
// and answers, orders and their lifecycles, price changes and restocks, new buyers (some taking
// the new-user coupon) and new shops.
import type { Address } from '../contract/index.js';
import { BUYER_QUESTIONS, MERCHANT_REPLIES } from './corpus/messages.js';
import { claimCoupon, listItem, login, message, openShop, placeOrder, register, type Actor, type LineSpec, type PlacedOrder } from './events.js';
import { homeIp } from './network.js';
import { ordinaryLifecycle } from './ordinary.js';
import { benignParams as B, DIURNAL_LOCAL } from './params.js';
import { makeBuyer, makeShop, niceprice, priceAt, type Buyer, type Item, type Shop } from './population.js';
import { CATEGORIES } from './corpus/catalog.js';
import type { Rng } from './rng.js';
import type { TruthRecorder } from './truth.js';
import { say } from './text.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type World } from './world.js';

const DIURNAL_MEAN = DIURNAL_LOCAL.reduce((a, b) => a + b, 0) / DIURNAL_LOCAL.length;

/** Relative activity at an event time (1 on average over a day): quiet at night, busy in the evening. */
export function diurnal(at: number): number {
  const d = new Date(at);
  const localHour = (d.getUTCHours() + 8) % 24;
  const localDay = new Date(at + 8 * HOUR_MS).getUTCDay();
  const weekend = localDay === 0 || localDay === 6 ? 1.1 : 1;
  return (DIURNAL_LOCAL[localHour]! / DIURNAL_MEAN) * weekend;
}

/** How a buyer appears in an order: one of their devices, their network, one of their payment methods. */
export function actorOf(rng: Rng, b: Buyer): Actor {
  return { id: b.id, device: rng.pick(b.devices), ip: b.ip, payment: rng.pick(b.payments) };
}

/** Where a buyer has a parcel sent: home, sometimes work. */
export function addressOf(rng: Rng, b: Buyer): Address {
  return b.work && rng.chance(0.3) ? b.work : b.home;
}

/** The lines of an ordinary order: mostly one item, one unit; sometimes more units or items. */
export function ordinaryLines(rng: Rng, shop: Shop, item: Item, at: number): LineSpec[] {
  const qty = () => rng.weighted([[1, 85], [2, 10], [3, 3], [4, 1], [5, 1]] as const);
  const lines: LineSpec[] = [{ item, qty: qty(), unitPrice: priceAt(item, at) }];
  if (shop.items.length > 1 && rng.chance(B.multiLineShare)) {
    for (const other of rng.sample(shop.items.filter((x) => x !== item), rng.int(1, 2))) {
      lines.push({ item: other, qty: 1, unitPrice: priceAt(other, at) });
    }
  }
  return lines;
}

/** An ordinary order by a buyer for an item, with a login before it now and then. */
export function ordinaryOrder(w: World, rng: Rng, o: { buyer: Buyer; item: Item; at: number; login?: boolean; rec?: TruthRecorder }): PlacedOrder | null {
  const shop = w.pop.shopOf(o.item);
  const actor = actorOf(rng, o.buyer);
  let at = o.at;
  if (o.login ?? rng.chance(B.loginBeforeOrderShare)) {
    login(w, { actor, at }, o.rec);
    at += rng.real(20_000, 20 * MINUTE_MS);
  }
  return placeOrder(w, { at, buyer: actor, shop, lines: ordinaryLines(rng, shop, o.item, at), address: addressOf(rng, o.buyer) }, o.rec);
}

/** Ordinary traffic of one run. */
export class BenignTraffic {
  private readonly rng: Rng;

  constructor(private readonly w: World) {
    this.rng = w.rng('benign');
  }

  /** Emits the catalogue snapshot at the start: every standing shop and listing, within ten minutes. */
  prologue(): void {
    const { w } = this;
    const total = w.pop.shops.length + w.pop.items.length;
    const step = (10 * MINUTE_MS) / total;
    let k = 0;
    for (const shop of w.pop.shops) {
      openShop(w, { shop, at: w.startMs + k++ * step });
      for (const item of shop.items) listItem(w, { item, at: w.startMs + k++ * step, priceFen: item.priceFen, full: true });
    }
  }

  /**
   * Orders placed in the days before the start, of which only the events inside the run appear
   * (payment late at night, shipping, delivery, reviews, refunds), so that the first days of the
   * stream look like any other rather than a marketplace that just opened.
   */
  warmUp(): void {
    const { w, rng } = this;
    w.warmUp(() => {
      for (let t = w.startMs - B.warmUpDays * DAY_MS; t < w.startMs; t += HOUR_MS) {
        const n = rng.poisson(B.ordersPerDay * w.scale * (HOUR_MS / DAY_MS) * diurnal(t));
        for (let k = 0; k < n; k++) this.order(rng.real(t, t + HOUR_MS));
      }
    });
  }

  /** Emits the ordinary traffic that starts in [from, to). */
  step(from: number, to: number): void {
    const { w, rng } = this;
    const days = ((to - from) / DAY_MS) * w.scale * diurnal(from);
    const at = () => rng.real(from, to);
    for (let n = rng.poisson(B.ordersPerDay * days); n > 0; n--) this.order(at());
    for (let n = rng.poisson(B.browseLoginsPerDay * days); n > 0; n--) {
      login(w, { actor: actorOf(rng, w.pop.pickBuyer(rng)), at: at() });
    }
    for (let n = rng.poisson(B.merchantLoginsPerDay * days); n > 0; n--) {
      const m = rng.pick(w.pop.shops).owner;
      login(w, { actor: { id: m.id, device: m.device, ip: m.ip }, at: at() });
    }
    for (let n = rng.poisson(B.questionsPerDay * days); n > 0; n--) this.question(at());
    for (let n = rng.poisson(B.priceUpdatesPerDay * days); n > 0; n--) this.priceUpdate(at());
    for (let n = rng.poisson(B.newBuyersPerDay * days); n > 0; n--) this.newBuyer(at());
    for (let n = rng.poisson(B.newShopsPerDay * days); n > 0; n--) this.newShop(at());
  }

  private order(at: number): void {
    const { w, rng } = this;
    const order = ordinaryOrder(w, rng, { buyer: w.pop.pickBuyer(rng), item: w.pop.pickItem(rng), at });
    if (order) ordinaryLifecycle(w, rng, order);
  }

  private question(at: number): void {
    const { w, rng } = this;
    const buyer = w.pop.pickBuyer(rng);
    const shop = w.pop.shopOf(w.pop.pickItem(rng));
    message(w, { from: buyer.id, to: shop.owner.id, at, channel: 'chat', text: say(rng, BUYER_QUESTIONS) });
    if (rng.chance(0.8)) {
      message(w, { from: shop.owner.id, to: buyer.id, at: at + rng.real(MINUTE_MS, 60 * MINUTE_MS), channel: 'chat',
        text: say(rng, MERCHANT_REPLIES) });
    }
  }

  /** A merchant changes a price a little (within 15%) or restocks; items under study are left alone. */
  private priceUpdate(at: number): void {
    const { w, rng } = this;
    const item = w.pop.pickItem(rng);
    if (w.pop.isReserved(item.shopId)) return;
    if (rng.chance(0.6)) item.priceFen = niceprice(item.priceFen * rng.real(0.85, 1.15), rng);
    else item.stock += rng.int(50, 500);
    listItem(w, { item, at, priceFen: item.priceFen });
  }

  /** A new buyer registers; many take the new-user coupon and some order with it. */
  private newBuyer(at: number): void {
    const { w, rng } = this;
    const b = makeBuyer(rng, w.ids);
    const actor = actorOf(rng, b);
    register(w, { actor, at, role: 'buyer', phone: b.phone });
    login(w, { actor, at: at + rng.real(1_000, 30_000) });
    let orderAt = at + rng.real(10 * MINUTE_MS, 3 * DAY_MS);
    let coupon: { id: string; value: number } | undefined;
    if (rng.chance(B.newUserCouponShare)) {
      const value = Math.round(rng.draw(B.newUserCouponFen) / 500) * 500;
      coupon = { id: `newuser-${value / 100}`, value };
      const claimAt = at + rng.real(MINUTE_MS, 120 * MINUTE_MS);
      claimCoupon(w, { actor, at: claimAt, couponId: coupon.id, campaignId: 'newuser', value });
      orderAt = claimAt + rng.real(5 * MINUTE_MS, 3 * DAY_MS);
    }
    if (!rng.chance(B.newUserFirstOrderShare)) return;
    const item = w.pop.pickItem(rng);
    const shop = w.pop.shopOf(item);
    const lines = ordinaryLines(rng, shop, item, orderAt);
    const useCoupon = coupon && lines.reduce((s, l) => s + l.qty * l.unitPrice, 0) > coupon.value;
    const order = placeOrder(w, { at: orderAt, buyer: actor, shop, lines, address: b.home,
      ...(useCoupon && coupon ? { discount: coupon.value, couponId: coupon.id } : {}) });
    if (order) ordinaryLifecycle(w, rng, order);
  }

  /** A new merchant registers, opens a shop and lists its first items over the next hours. */
  private newShop(at: number): void {
    const { w, rng } = this;
    const shop = makeShop(rng, w.ids, rng.pick(CATEGORIES), rng.int(3, 10));
    w.pop.addShop(shop);
    register(w, { actor: { id: shop.owner.id, device: shop.owner.device, ip: homeIp(rng) }, at, role: 'merchant', phone: shop.owner.phone });
    const openAt = at + rng.real(5 * MINUTE_MS, 60 * MINUTE_MS);
    openShop(w, { shop, at: openAt });
    for (const item of shop.items) listItem(w, { item, at: openAt + rng.real(MINUTE_MS, 6 * HOUR_MS), priceFen: item.priceFen, full: true });
  }
}
