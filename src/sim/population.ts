// The marketplace's standing population: buyers with their devices, networks, payment methods and
// addresses; merchants and their shops; and the catalogue of items. Activity follows a Zipf law
// (a few heavy buyers and best-selling items, a long tail), as on real marketplaces.
import type { Address } from '../contract/index.js';
import { door, fullAddress, officeAddress, personName, type Door } from './address.js';
import { CATEGORIES, SHOP_SUFFIXES, TITLE_WORDS, type Category } from './corpus/catalog.js';
import type { Ids } from './ids.js';
import { populationParams as P } from './params.js';
import type { Rng } from './rng.js';
import { carrierIp, homeIp } from './network.js';

/** An account that buys: identity, devices, network, payment and where parcels go. */
export interface Buyer {
  id: string;
  name: string;
  phone: string;
  devices: string[];
  ip: string;
  payments: string[];
  door: Door;
  home: Address;
  work?: Address;
}

/** A merchant account. */
export interface Merchant { id: string; phone: string; device: string; ip: string }

/** A listed item; its price can change over time (promotions, mistakes), see priceAt. */
export interface Item {
  id: string;
  shopId: string;
  category: Category;
  /** What the item is (内衣, 蓝牙耳机), as buyers name it in reviews. */
  noun: string;
  title: string;
  /** The normal price, fen. */
  priceFen: number;
  weightG: number;
  stock: number;
  /** Temporary prices [fromMs, toMs) set by promotions or mistakes. */
  windows: { from: number; to: number; priceFen: number }[];
}

/** A shop, its owner and its items. */
export interface Shop { id: string; owner: Merchant; name: string; category: Category; items: Item[] }

/** The price of an item at an event time. */
export function priceAt(item: Item, at: number): number {
  for (const w of item.windows) if (at >= w.from && at < w.to) return w.priceFen;
  return item.priceFen;
}

/** Cumulative Zipf weights for n ranks with exponent s, in a random rank order. */
function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) { total += 1 / Math.pow(i + 1, s); cdf[i] = total; }
  for (let i = 0; i < n; i++) cdf[i] = cdf[i]! / total;
  return cdf;
}

function searchCdf(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Makes a buyer profile (not yet part of the standing pool). */
export function makeBuyer(rng: Rng, ids: Ids, opts: { id?: string; devices?: string[]; ip?: string } = {}): Buyer {
  const name = personName(rng);
  const phone = ids.phone(rng.int(0, 1000));
  const d = door(rng);
  const home = fullAddress(d, name, phone);
  const buyer: Buyer = {
    id: opts.id ?? ids.buyer(), name, phone,
    devices: opts.devices ?? (rng.chance(P.secondDeviceShare) ? [ids.device(), ids.device()] : [ids.device()]),
    ip: opts.ip ?? (rng.chance(P.carrierNatShare) ? carrierIp(rng) : homeIp(rng)),
    payments: rng.chance(P.secondPaymentShare) ? [ids.payment(), ids.payment()] : [ids.payment()],
    door: d, home,
  };
  if (rng.chance(P.workAddressShare)) buyer.work = officeAddress(rng, name, phone);
  return buyer;
}

/** Makes a merchant account. */
export function makeMerchant(rng: Rng, ids: Ids): Merchant {
  return { id: ids.merchant(), phone: ids.phone(rng.int(0, 1000)), device: ids.device(), ip: homeIp(rng) };
}

/** Makes an item of a category with a plausible price ending in 9 or 0. */
export function makeItem(rng: Rng, ids: Ids, shopId: string, category: Category): Item {
  const [lo, hi] = category.priceFen;
  // Log-uniform: cheap items are more common than expensive ones in every category.
  const raw = Math.exp(rng.real(Math.log(lo), Math.log(hi)));
  const priceFen = niceprice(raw, rng);
  const noun = rng.pick(category.nouns);
  return { id: ids.item(), shopId, category, noun, title: `${rng.pick(TITLE_WORDS)}${noun}`,
    priceFen, weightG: rng.int(category.weightG[0], category.weightG[1]), stock: rng.int(50, 5000), windows: [] };
}

/** Rounds a price the way shops price things: 29.90, 59.00, 199.00, 5999.00. */
export function niceprice(fen: number, rng: Rng): number {
  if (fen < 10000) return Math.max(1, Math.round(fen / 1000)) * 1000 - (rng.chance(0.6) ? 10 : 0);
  if (fen < 100000) return Math.round(fen / 1000) * 1000 - (rng.chance(0.5) ? 100 : 0);
  return Math.round(fen / 10000) * 10000 - 100;
}

/** Makes a shop with its owner and items. */
export function makeShop(rng: Rng, ids: Ids, category: Category, itemCount: number): Shop {
  const owner = makeMerchant(rng, ids);
  const id = ids.shop();
  const shop: Shop = { id, owner, category, items: [],
    name: `${rng.pick(['义乌', '广州', '杭州', '深圳', '泉州', '潮汕', '苏州', '成都', '老', '小'])}${rng.pick(category.shopWords)}${rng.pick(SHOP_SUFFIXES)}` };
  for (let i = 0; i < itemCount; i++) shop.items.push(makeItem(rng, ids, id, category));
  return shop;
}

/** The standing population and the pickers that ordinary traffic uses. */
export class Population {
  readonly buyers: readonly Buyer[];
  readonly shops: readonly Shop[];
  readonly items: readonly Item[];
  private readonly buyerCdf: Float64Array;
  private readonly itemCdf: Float64Array;
  private readonly reservedShops = new Set<string>();
  private readonly reservedBuyers = new Set<string>();
  private readonly shopById = new Map<string, Shop>();

  constructor(rng: Rng, ids: Ids, scale: number) {
    const buyerCount = Math.max(P.minBuyers, Math.round(P.buyersPerScale * scale));
    const shopCount = Math.max(P.minShops, Math.round(P.shopsPerScale * scale));
    const buyers: Buyer[] = [];
    for (let i = 0; i < buyerCount; i++) buyers.push(makeBuyer(rng, ids));
    const shops: Shop[] = [];
    const items: Item[] = [];
    const catWeights = CATEGORIES.map((c) => [c, c.shops] as const);
    for (let i = 0; i < shopCount; i++) {
      const shop = makeShop(rng, ids, rng.weighted(catWeights), rng.int(P.itemsPerShop[0], P.itemsPerShop[1]));
      shops.push(shop);
      for (const it of shop.items) items.push(it);
      this.shopById.set(shop.id, shop);
    }
    this.shops = shops;
    // Popularity ranks are assigned in a random order so that rank does not follow creation order.
    this.buyers = rng.shuffle(buyers);
    this.items = rng.shuffle(items);
    this.buyerCdf = zipfCdf(this.buyers.length, P.buyerActivityExponent);
    this.itemCdf = zipfCdf(this.items.length, P.itemPopularityExponent);
  }

  /** A buyer for an ordinary order, weighted by activity. */
  pickBuyer(rng: Rng): Buyer {
    return this.buyers[searchCdf(this.buyerCdf, rng.float())]!;
  }

  /** An item for an ordinary order, weighted by popularity. */
  pickItem(rng: Rng): Item {
    return this.items[searchCdf(this.itemCdf, rng.float())]!;
  }

  /** The shop that lists an item. */
  shopOf(item: Item): Shop {
    const shop = this.shopById.get(item.shopId);
    if (!shop) throw new Error(`Population.shopOf: item ${item.id} names unknown shop ${item.shopId}`);
    return shop;
  }

  /** Registers a shop opened during the run so that shopOf finds it. */
  addShop(shop: Shop): void {
    this.shopById.set(shop.id, shop);
  }

  /**
   * Takes a shop for an incident or a look-alike so that no other one uses it: the evaluation can
   * then tell a false flag on a look-alike from a hit on an incident.
   */
  takeShop(rng: Rng, accept: (s: Shop) => boolean = () => true): Shop {
    for (let tries = 0; tries < 2000; tries++) {
      const s = rng.pick(this.shops);
      if (!this.reservedShops.has(s.id) && accept(s)) { this.reservedShops.add(s.id); return s; }
    }
    const s = this.shops.find((x) => !this.reservedShops.has(x.id) && accept(x))
      ?? this.shops.find((x) => !this.reservedShops.has(x.id));
    if (!s) throw new Error('Population.takeShop: every shop is already taken; raise populationParams.minShops');
    this.reservedShops.add(s.id);
    return s;
  }

  /** True if an incident or look-alike took this shop. */
  isReserved(shopId: string): boolean { return this.reservedShops.has(shopId); }

  /** Takes n distinct standing buyers for an incident or look-alike. */
  takeBuyers(rng: Rng, n: number): Buyer[] {
    const out: Buyer[] = [];
    for (let tries = 0; out.length < n && tries < n * 50; tries++) {
      const b = rng.pick(this.buyers);
      if (!this.reservedBuyers.has(b.id)) { this.reservedBuyers.add(b.id); out.push(b); }
    }
    return out;
  }
}
