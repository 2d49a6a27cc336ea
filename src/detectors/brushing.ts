// Brushing (刷单): shops buy fake orders from brushing platforms, whose workers receive light or
// empty parcels and post quick templated five-star reviews, to inflate sales and ratings.
// Each order carries its own evidence (a parcel far lighter than its item usually ships, a
// five-star review within hours of delivery, a review text other accounts posted word for word);
// the ring shows as a dense block of buyer clusters (identity graph) by shops. When a shop gathers
// evidence, its neighbourhood (the clusters of its suspicious buyers and every shop they buy from,
// capped) is peeled for its densest block, FRAUDAR-style, at most once per shop per hour; a block
// that passes the bars opens or grows the ring's one alert. A reverse-brushing victim never fits:
// its orders are refunded and never reviewed, and refunded orders carry no weight.
import { Type, type Static } from '@sinclair/typebox';
import { HOUR_MS, type EventOf, type Severity } from '../contract/index.js';
import { quantile, type AlertUpdate, type Detector, type DetectorContext, type DetectorResult } from '../core/index.js';
import { reviewFingerprint } from '../text/index.js';
import { densestBlock } from './brushing-peel.js';
import { FLAG, blockEvidence, type BlockOrder } from './brushing-evidence.js';


export const BrushingParams = Type.Object({
  lightRatio: Type.Number({ minimum: 0.05, maximum: 0.9, default: 0.5,
    description: 'a parcel weighing at most this fraction of its usual weight is light. Packaging varies by tens of ' +
      'grams, but a parcel that holds the goods cannot weigh under half of what the same item usually ships at' }),
  minGapG: Type.Integer({ minimum: 0, default: 40,
    description: 'and it must be at least this many grams under the usual weight, g: couriers\' scales and packaging ' +
      'differ by tens of grams, so a 30 g item in a 45 g parcel is not an empty one' }),
  minGoodsG: Type.Integer({ minimum: 0, default: 50,
    description: 'only parcels of at least this many grams enter the weight baselines, g: an envelope with a slip of ' +
      'paper weighs 10-40 g, so empty parcels never become the usual weight of a brushed item' }),
  itemMinParcels: Type.Integer({ minimum: 1, default: 3,
    description: 'parcels an item needs before the lower quartile of its last 16 is its usual weight (parcels of ' +
      'several units sit above it; with three, the lightest of them, which errs toward flagging less); with fewer, ' +
      'its category\'s 5th percentile stands in' }),
  categoryMinItems: Type.Integer({ minimum: 1, default: 10,
    description: 'items with a usual weight a category needs before the 5th percentile of those weights stands in for ' +
      'an item without a baseline. Over items, not parcels (a category\'s parcels are mostly its best sellers); a low ' +
      'quantile since a category spans light and heavy goods: with 10 to 20 items, the lightest of them' }),
  quickReviewMs: Type.Integer({ minimum: 0, default: 12 * HOUR_MS,
    description: 'a five-star review within this long after delivery is quick, ms. Brushing tasks pay on the review, ' +
      'so workers post within hours, before goods could be tried; about a fifth of genuine five-star reviews are ' +
      'as quick, which is why a quick review alone weighs little' }),
  minTemplateChars: Type.Integer({ minimum: 1, default: 12,
    description: 'content characters (punctuation, spaces and the product\'s name left out) a review needs for a ' +
      'repeat to count as a template: stock phrases (好评, 很满意, 质量很好物流很快) are 2-8 characters and repeat by chance; ' +
      'a sentence of 12 or more posted word for word by another account was copied' }),
  quickWeight: Type.Number({ minimum: 0, maximum: 1, default: 0.3,
    description: 'evidence of a quick five-star review, in light parcels (a light parcel weighs 1): weak, since ' +
      'genuine buyers often review at once' }),
  templatedWeight: Type.Number({ minimum: 0, maximum: 1, default: 0.2,
    description: 'evidence of a five-star review whose text another account posted at the same shop, in light parcels' }),
  strongWeight: Type.Number({ minimum: 0, default: 0.5,
    description: 'an order with at least this much evidence is strong: it lists its buyer among the shop\'s suspects ' +
      'and counts toward a peel. A light parcel is strong; so is a quick review with a copied text' }),
  minShopStrong: Type.Integer({ minimum: 1, default: 3,
    description: 'strong orders a shop needs before its neighbourhood is peeled: fewer cannot make a ring\'s block, ' +
      'and most shops never reach it, which keeps peeling rare' }),
  peelEveryMs: Type.Integer({ minimum: 60_000, default: HOUR_MS,
    description: 'a shop\'s neighbourhood is peeled at most once per bucket of this length, ms. Brushing is judged ' +
      'after the fact; an hour bounds the cost to 24 peels per suspicious shop a day and the alert\'s lag to an hour' }),
  ringPeelEveryMs: Type.Integer({ minimum: 60_000, default: 6 * HOUR_MS,
    description: 'a shop already in a ring is peeled at most once per bucket of this length, ms: its new fake orders ' +
      'are listed as they arrive, so its peels only look for new clusters and shops of the ring; six hours keeps a ' +
      'ring of eight shops under 32 peels a day' }),
  maxShopSuspects: Type.Integer({ minimum: 1, default: 256,
    description: 'accounts with strong orders kept per shop (counted past it): the seeds of its neighbourhood' }),
  maxClusters: Type.Integer({ minimum: 1, default: 256,
    description: 'buyer clusters (rows) read per peel: bounds the work of one peel' }),
  maxAccountReads: Type.Integer({ minimum: 1, default: 2048,
    description: 'accounts whose evidence is read per peel (cluster members included): bounds the work of one peel' }),
  maxShops: Type.Integer({ minimum: 1, default: 64,
    description: 'shops (columns) per peel, the ones with the most evidence from the rows' }),
  maxOrdersPerAccount: Type.Integer({ minimum: 1, default: 48,
    description: 'suspicious orders kept per account (counted past it); brushers place a few a week' }),
  columnOffset: Type.Number({ minimum: 1.01, default: 5,
    description: 'c in the column weight 1 / ln(orders + c) of a shop (FRAUDAR\'s camouflage-resistant weight, c = 5 ' +
      'as its authors use): edges to popular shops weigh less, so orders a ring adds to honest shops as camouflage ' +
      'do not hide it' }),
  minRowEvidence: Type.Number({ minimum: 0, default: 1.2,
    description: 'evidence a buyer cluster needs at the block\'s shops to be named, in light parcels: one light parcel ' +
      'can be a courier\'s error, but a light parcel with a quick or copied review, two light parcels, or four quick ' +
      'reviews at the ring\'s shops are not chance' }),
  minShopEvidence: Type.Number({ minimum: 0, default: 3,
    description: 'strong evidence (light parcels, copied praise) the block\'s core clusters need at a shop for it to join ' +
      'the block, in light parcels: three empty parcels from the ring is a client, while its camouflage orders at ' +
      'honest shops are normal parcels with ordinary reviews' }),
  minRepeat: Type.Number({ minimum: 0, default: 2,
    description: 'evidence per core cluster, in light parcels: a genuine buyer rarely gets two empty parcels, while a ' +
      'brusher or a studio comes back task after task. Many buyers each with one odd parcel (a wrong baseline) are no ring' }),
  minBlockEvidence: Type.Number({ minimum: 0, default: 10,
    description: 'evidence of the whole block, in light parcels: a platform\'s task batch is several orders, and a ' +
      'sanction that clears a shop\'s sales needs more than a handful of odd parcels' }),
  minAccounts: Type.Integer({ minimum: 1, default: 5,
    description: 'accounts the block must name: a ring is many accounts; one buyer or a family is not a platform' }),
  maxRefundShare: Type.Number({ minimum: 0, maximum: 1, default: 0.3,
    description: 'a shop with at least this share of its orders refunded (and 20 orders or more) is left out of blocks: ' +
      'ordinary shops see a few percent; a refund wave is a shop under attack (reverse brushing), not one buying sales' }),
  maxAlertOrders: Type.Integer({ minimum: 1, default: 2000,
    description: 'order ids an alert lists (counted past it)' }),
  ringOrderScore: Type.Number({ minimum: 0, maximum: 1, default: 0.6,
    description: 'score of an order placed by a named brusher at a shop of its ring: a challenge, not a refusal, since ' +
      'the alert is for people to confirm' }),
}, { additionalProperties: false });

export type BrushingParams = Static<typeof BrushingParams>;

/** Evidence flags of an order. */
const { light: LIGHT, quick: QUICK, templated: TEMPLATED, refunded: REFUNDED } = FLAG;
/** The order is listed in its ring's alert. */
const LISTED = 16;

/** Parcels kept per item, and items per category, for the weight baselines. */
const ITEM_PARCELS = 16;
const CATEGORY_ITEMS = 256;
/** Changes to a category between recomputations of its 5th percentile. */
const CATEGORY_REFRESH = 16;
/** Template fingerprints remembered per shop, with the first account that posted each. */
const SHOP_TEMPLATES = 64;
/** A shop needs this many orders before its refund share is read. */
const REFUND_SHARE_MIN_ORDERS = 20;
/** Shops a ring record lists (counted past it). */
const RING_SHOPS = 64;

/** State namespaces of this detector. */
const NS = { item: 'item', category: 'cat', account: 'acct', shop: 'shop', ring: 'ring', accountRing: 'acctRing', shopRing: 'shopRing' } as const;

/** Admitted parcel weights of single-item orders, grams, oldest first. */
/**
 * An item's last parcel weights, g, oldest first; their lower quartile once there are enough; and
 * its index in its category's list (-1 when the list was full).
 */
interface ItemWeights { w: number[]; q?: number; c?: number }
/** The usual weights of a category's first CATEGORY_ITEMS items, its cached 5th percentile and changes since. */
interface CategoryWeights { q: number[]; p?: number; k: number }

/** An account's suspicious orders as parallel arrays (small numbers, few keys). */
export interface AccountEvidence {
  /** order ids */ o: string[];
  /** shop ids */ s: string[];
  /** first item id */ i: string[];
  /** flags */ f: number[];
  /** review fingerprint, 0 when none */ h: number[];
  /** parcel weight g, -1 unknown */ g: number[];
  /** usual weight g, -1 unknown */ u: number[];
  /** minutes from delivery to a five-star review, -1 none */ d: number[];
  /** orders past the cap, not kept */ x: number;
}

interface ShopEvidence {
  /** accounts with strong orders here */ b: string[];
  /** strong orders */ n: number;
  /** template fingerprints seen here, and the first account of each */ t: number[]; ta: string[];
  /** bucket start of the last peel, -1 before the first (plain JSON: no -Infinity) */ pb: number;
  /** evidence arrived since the last peel */ dirty: boolean;
}

/** One order of an account's evidence: the record and its index. */
interface Entry { account: string; ev: AccountEvidence; k: number }

interface Ring {
  id: string;
  since: number;
  shops: string[];
  shopCount: number;
  accounts: number;
  orders: number;
  unlisted: number;
  evidence: Record<string, unknown>;
  /** When `evidence` was computed. */
  evidenceAt: number;
}

/** Brushing rings: dense blocks of buyer clusters by shops with light parcels and quick praise. */
export const brushingDetector: Detector<BrushingParams> = {
  kind: 'brushing',
  version: '1',
  observes: ['order.placed', 'order.shipped', 'review.posted', 'refund.requested'],
  paramsSchema: BrushingParams,
  defaults: {
    lightRatio: 0.5, minGapG: 40, minGoodsG: 50, itemMinParcels: 3, categoryMinItems: 10,
    quickReviewMs: 12 * HOUR_MS, minTemplateChars: 12, quickWeight: 0.3, templatedWeight: 0.2, strongWeight: 0.5,
    minShopStrong: 3, peelEveryMs: HOUR_MS, ringPeelEveryMs: 6 * HOUR_MS, maxShopSuspects: 256, maxClusters: 256, maxAccountReads: 2048,
    maxShops: 64, maxOrdersPerAccount: 48, columnOffset: 5, minRowEvidence: 1.2, minShopEvidence: 3, minRepeat: 2,
    minBlockEvidence: 10, minAccounts: 5, maxRefundShare: 0.3, maxAlertOrders: 2000, ringOrderScore: 0.6,
  },
  stateKeys(event) {
    // order.shipped and the peels read entries named by entity state (the order's item and buyer,
    // cluster members), which a store that loads ahead must fetch on demand.
    switch (event.type) {
      case 'order.placed': return [[NS.accountRing, event.data.buyer_id], [NS.shopRing, event.data.shop_id]];
      case 'review.posted':
        return [[NS.account, event.data.buyer_id], [NS.shop, event.data.shop_id], [NS.accountRing, event.data.buyer_id],
          [NS.shopRing, event.data.shop_id]];
      case 'refund.requested': return [[NS.account, event.data.buyer_id]];
      default: return [];
    }
  },
  inspect(event, ctx) {
    switch (event.type) {
      case 'order.placed': return onPlaced(event, ctx);
      case 'order.shipped': return onShipped(event, ctx);
      case 'review.posted': return onReview(event, ctx);
      case 'refund.requested': return onRefund(event, ctx);
      default: return undefined;
    }
  },
};

function onPlaced(e: EventOf<'order.placed'>, ctx: DetectorContext<BrushingParams>): DetectorResult | undefined {
  const ring = ctx.state.get<string>(NS.accountRing, e.data.buyer_id);
  if (ring === undefined || ctx.state.get<string>(NS.shopRing, e.data.shop_id) !== ring) return undefined;
  return { contributions: [{
    code: 'brushing_ring_order', score: ctx.params.ringOrderScore, actions: ['exclude_from_sales_rank'],
    message: `buyer ${e.data.buyer_id} is a named brusher of ring ${ring}, which shop ${e.data.shop_id} belongs to`,
  }] };
}

function onShipped(e: EventOf<'order.shipped'>, ctx: DetectorContext<BrushingParams>): DetectorResult | undefined {
  const weight = e.data.weight_g;
  if (weight === undefined) return undefined;
  const order = ctx.entities.order(e.data.order_id);
  if (!order || order.items.length === 0) return undefined;
  const usual = lightAgainst(order.items, weight, ctx);
  // Every parcel that can hold goods joins the baseline, flagged or not: a baseline that kept out
  // what it flagged could never correct itself (an item whose first parcels held two units would
  // flag every single unit for ever). Empty parcels stay out by minGoodsG; light parcels heavier
  // than that only lower the quartile, which flags less, never more.
  if (order.items.length === 1 && weight >= ctx.params.minGoodsG) admitWeight(order.items[0]!, weight, ctx);
  if (usual === undefined) return undefined;
  return addEvidence(order, LIGHT, { weight, usual }, ctx);
}

/**
 * The usual weight of a parcel of `items` when `weight` is light against it, else undefined. A
 * parcel of several lines holds at least one of each: all their usual weights must be known.
 */
function lightAgainst(items: readonly string[], weight: number, ctx: DetectorContext<BrushingParams>): number | undefined {
  const p = ctx.params;
  let usual = 0;
  for (const id of items) {
    const u = itemUsual(id, ctx) ?? categoryUsual(id, ctx);
    if (u === undefined) return undefined;
    usual += u;
  }
  return items.length > 0 && weight <= p.lightRatio * usual && usual - weight >= p.minGapG ? usual : undefined;
}

function onReview(e: EventOf<'review.posted'>, ctx: DetectorContext<BrushingParams>): DetectorResult | undefined {
  const d = e.data;
  if (d.rating !== 5) return undefined;
  const order = ctx.entities.order(d.order_id);
  if (!order || order.deliveredAt === undefined) return undefined;
  const p = ctx.params;
  const delay = ctx.at - order.deliveredAt;
  const quick = delay >= 0 && delay <= p.quickReviewMs;
  let hash = 0;
  if (d.text) {
    const itemId = d.item_id ?? order.items[0];
    const fp = reviewFingerprint(d.text, itemId ? ctx.entities.item(itemId)?.title : undefined);
    if (fp.chars >= p.minTemplateChars) hash = fp.hash;
  }
  // A slow review with a text of its own says nothing.
  if (!quick && hash === 0) return undefined;
  let templated = false;
  if (hash !== 0) {
    const shop = shopEvidence(ctx, order.shopId);
    const k = shop.t.indexOf(hash);
    if (k >= 0) templated = shop.ta[k] !== d.buyer_id;
    else {
      shop.t.push(hash); shop.ta.push(d.buyer_id);
      if (shop.t.length > SHOP_TEMPLATES) { shop.t.shift(); shop.ta.shift(); }
      ctx.state.set(NS.shop, order.shopId, shop);
    }
  }
  if (!quick && !templated) return undefined;
  // A parcel shipped before its item (or category) had a usual weight is judged again now, a day
  // or more later: a fresh stream, a new item or a small shop must not hide empty parcels for good.
  const usual = order.weightG === undefined ? undefined : lightAgainst(order.items, order.weightG, ctx);
  return addEvidence(order, (quick ? QUICK : 0) | (templated ? TEMPLATED : 0) | (usual !== undefined ? LIGHT : 0),
    { hash, delayMin: delay >= 0 ? Math.round(delay / 60_000) : -1, ...(usual !== undefined ? { weight: order.weightG!, usual } : {}) }, ctx);
}

function onRefund(e: EventOf<'refund.requested'>, ctx: DetectorContext<BrushingParams>): DetectorResult | undefined {
  const ev = ctx.state.get<AccountEvidence>(NS.account, e.data.buyer_id);
  if (!ev) return undefined;
  const k = ev.o.indexOf(e.data.order_id);
  if (k < 0) return undefined;
  ev.f[k]! |= REFUNDED;
  ctx.state.set(NS.account, e.data.buyer_id, ev);
  return undefined;
}

// ---- parcel weights ----------------------------------------------------------------------------

/** The item's usual weight: the lower quartile of its last parcels (cached when they change). */
function itemUsual(itemId: string, ctx: DetectorContext<BrushingParams>): number | undefined {
  return ctx.state.get<ItemWeights>(NS.item, itemId)?.q;
}

/** Scratch space for lowerQuartile: an item keeps at most ITEM_PARCELS weights. */
const SCRATCH = new Float64Array(ITEM_PARCELS);

/** The lower quartile by nearest rank (as `quantile(w, 0.25)`), without allocating: it runs on every parcel. */
function lowerQuartile(w: readonly number[]): number {
  const n = w.length;
  const xs = n <= SCRATCH.length ? SCRATCH.subarray(0, n) : new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = w[i]!;
  xs.sort();
  return xs[Math.max(0, Math.ceil(0.25 * n) - 1)]!;
}

/**
 * A stand-in for an item without a baseline: the 5th percentile of the usual weights of its
 * category's items. Over items, not parcels: a category's parcels are mostly its best sellers,
 * while a new item may be its lightest good.
 */
function categoryUsual(itemId: string, ctx: DetectorContext<BrushingParams>): number | undefined {
  const category = ctx.entities.item(itemId)?.category;
  if (!category) return undefined;
  const cw = ctx.state.get<CategoryWeights>(NS.category, category);
  if (!cw || cw.q.length < ctx.params.categoryMinItems) return undefined;
  if (cw.p === undefined || cw.k >= CATEGORY_REFRESH) {
    cw.p = quantile(cw.q, 0.05);
    cw.k = 0;
    ctx.state.set(NS.category, category, cw);
  }
  return cw.p;
}

function admitWeight(itemId: string, weight: number, ctx: DetectorContext<BrushingParams>): void {
  const iw = ctx.state.get<ItemWeights>(NS.item, itemId) ?? { w: [] };
  iw.w.push(weight);
  if (iw.w.length > ITEM_PARCELS) iw.w.shift();
  if (iw.w.length < ctx.params.itemMinParcels) { ctx.state.set(NS.item, itemId, iw); return; }
  // Parcels of several units sit above one unit in its packaging: the lower quartile tracks one.
  const q = lowerQuartile(iw.w);
  const changed = q !== iw.q;
  iw.q = q;
  if (!changed || iw.c === -1) { ctx.state.set(NS.item, itemId, iw); return; }
  const category = ctx.entities.item(itemId)?.category;
  const cw = category ? ctx.state.get<CategoryWeights>(NS.category, category) ?? { q: [], k: 0 } : undefined;
  if (!category || !cw) { ctx.state.set(NS.item, itemId, iw); return; }
  if (iw.c === undefined) {
    // Its place in the category's list (or -1 once the list is full), so that updates need no search.
    iw.c = cw.q.length < CATEGORY_ITEMS ? cw.q.push(q) - 1 : -1;
  } else cw.q[iw.c] = q;
  ctx.state.set(NS.item, itemId, iw);
  if (iw.c === -1) return;
  cw.k++;
  ctx.state.set(NS.category, category, cw);
}

// ---- evidence per order ------------------------------------------------------------------------

interface OrderLike { id: string; buyerId: string; shopId: string; items: string[]; refundIds: string[] }

/** The evidence of one order, in light parcels. */
function orderWeight(flags: number, p: BrushingParams): number {
  if (flags & REFUNDED) return 0;
  return (flags & LIGHT ? 1 : 0) + (flags & QUICK ? p.quickWeight : 0) + (flags & TEMPLATED ? p.templatedWeight : 0);
}

function addEvidence(
  order: OrderLike, flags: number, detail: { weight?: number; usual?: number; hash?: number; delayMin?: number },
  ctx: DetectorContext<BrushingParams>,
): DetectorResult | undefined {
  const p = ctx.params;
  const ev = ctx.state.get<AccountEvidence>(NS.account, order.buyerId)
    ?? { o: [], s: [], i: [], f: [], h: [], g: [], u: [], d: [], x: 0 };
  let k = ev.o.indexOf(order.id);
  if (k < 0) {
    if (ev.o.length >= p.maxOrdersPerAccount) {
      ev.x++;
      ctx.state.set(NS.account, order.buyerId, ev);
      return undefined;
    }
    k = ev.o.length;
    ev.o.push(order.id); ev.s.push(order.shopId); ev.i.push(order.items[0] ?? ''); ev.f.push(0); ev.h.push(0);
    ev.g.push(-1); ev.u.push(-1); ev.d.push(-1);
  }
  const before = orderWeight(ev.f[k]!, p);
  ev.f[k]! |= flags | (order.refundIds.length > 0 ? REFUNDED : 0);
  if (detail.weight !== undefined) { ev.g[k] = detail.weight; ev.u[k] = Math.round(detail.usual ?? -1); }
  if (detail.hash) ev.h[k] = detail.hash;
  if (detail.delayMin !== undefined && detail.delayMin >= 0) ev.d[k] = detail.delayMin;
  ctx.state.set(NS.account, order.buyerId, ev);
  const now = orderWeight(ev.f[k]!, p);

  const shop = shopEvidence(ctx, order.shopId);
  if (before < p.strongWeight && now >= p.strongWeight) {
    shop.n++;
    if (!shop.b.includes(order.buyerId) && shop.b.length < p.maxShopSuspects) shop.b.push(order.buyerId);
  }
  const ringId = ctx.state.get<string>(NS.shopRing, order.shopId);
  const named = ringId === undefined ? undefined : ctx.state.get<string>(NS.accountRing, order.buyerId);
  // What a named brusher does at its own ring's shop changes nothing a peel would find.
  if (now > before && !(ringId !== undefined && named === ringId)) shop.dirty = true;
  ctx.state.set(NS.shop, order.shopId, shop);

  const alerts: AlertUpdate[] = [];
  if (ringId !== undefined && now > 0) {
    const attached = attachOrder(ringId, named, order, ev, k, now, ctx);
    if (attached) alerts.push(attached);
  }
  // A shop of a known ring is peeled less often: its fake orders are listed as they come (above),
  // and the peel only has new clusters and new shops left to find.
  const every = ringId === undefined ? p.peelEveryMs : p.ringPeelEveryMs;
  const bucket = ctx.at - (((ctx.at % every) + every) % every);
  if (shop.dirty && shop.n >= p.minShopStrong && bucket > shop.pb
    && (ringId !== undefined || accountTotal(ev, p) >= p.minRowEvidence || ctx.entities.clusterRoot(order.buyerId).size > 1)) {
    shop.pb = bucket;
    shop.dirty = false;
    ctx.state.set(NS.shop, order.shopId, shop);
    const found = peel(order.shopId, shop, ctx);
    if (found) alerts.push(found);
  }
  return alerts.length ? { alerts } : undefined;
}

function accountTotal(ev: AccountEvidence, p: BrushingParams): number {
  let t = 0;
  for (const f of ev.f) t += orderWeight(f, p);
  return t;
}

function shopEvidence(ctx: DetectorContext<BrushingParams>, shopId: string): ShopEvidence {
  return ctx.state.get<ShopEvidence>(NS.shop, shopId) ?? { b: [], n: 0, t: [], ta: [], pb: -1, dirty: false };
}

/**
 * New evidence on an order at a shop of a known ring: listed at once when its buyer is a named
 * brusher, or when the order alone is past the naming bar (a light parcel with a quick or copied
 * review), without waiting for the next peel.
 */
function attachOrder(
  ringId: string, named: string | undefined, order: OrderLike, ev: AccountEvidence, k: number, weight: number,
  ctx: DetectorContext<BrushingParams>,
): AlertUpdate | undefined {
  const p = ctx.params;
  if (named !== ringId && !(named === undefined && weight >= p.minRowEvidence)) return undefined;
  if (ev.f[k]! & LISTED) return undefined;
  const ring = ctx.state.get<Ring>(NS.ring, ringId);
  if (!ring) return undefined;
  const accounts: string[] = [];
  if (named === undefined) {
    ctx.state.set(NS.accountRing, order.buyerId, ringId);
    ring.accounts++;
    accounts.push(order.buyerId);
  }
  const orders = listOrders(ring, [{ account: order.buyerId, ev, k }], p);
  ctx.state.set(NS.account, order.buyerId, ev);
  ctx.state.set(NS.ring, ringId, ring);
  return ringUpdate(ring, { accounts, shops: [], items: ev.i[k] ? [ev.i[k]!] : [], orders });
}

/** Marks orders listed and returns the ids the alert may still list. */
function listOrders(ring: Ring, entries: ReadonlyArray<Entry>, p: BrushingParams): string[] {
  const out: string[] = [];
  for (const { ev, k } of entries) {
    if (ev.f[k]! & LISTED) continue;
    ev.f[k]! |= LISTED;
    ring.orders++;
    if (ring.orders <= p.maxAlertOrders) out.push(ev.o[k]!); else ring.unlisted++;
  }
  return out;
}

// ---- the peel ----------------------------------------------------------------------------------

interface Row {
  root: string;
  size: number;
  members: string[];
  evidence: AccountEvidence[];
  /** evidence per column index, and the part of it from strong orders */
  byShop: Map<number, number>;
  strongByShop: Map<number, number>;
}

/**
 * Peels the neighbourhood of `shopId`: the clusters of its suspects (each with all its members'
 * evidence), and the shops they buy from. Reads at most maxClusters clusters, maxAccountReads
 * accounts and maxShops shops; the peel itself is O((n + m) log n) on that.
 */
function peel(shopId: string, shop: ShopEvidence, ctx: DetectorContext<BrushingParams>): AlertUpdate | undefined {
  const p = ctx.params;
  const rows: Row[] = [];
  const seen = new Set<string>();
  let reads = 0;
  for (const seed of shop.b) {
    if (rows.length >= p.maxClusters || reads >= p.maxAccountReads) break;
    const { root, size } = ctx.entities.clusterRoot(seed);
    if (seen.has(root)) continue;
    seen.add(root);
    const members = size > 1 ? ctx.entities.cluster(seed).accounts : [seed];
    const row: Row = { root, size, members: [], evidence: [], byShop: new Map(), strongByShop: new Map() };
    for (const m of members) {
      if (reads >= p.maxAccountReads) break;
      reads++;
      const ev = ctx.state.get<AccountEvidence>(NS.account, m);
      if (ev) { row.members.push(m); row.evidence.push(ev); }
    }
    rows.push(row);
  }

  // Columns: the shops these rows brought evidence to, strongest first, refund waves left out.
  const totals = new Map<string, number>();
  for (const row of rows) {
    for (const ev of row.evidence) {
      for (let k = 0; k < ev.o.length; k++) {
        const w = orderWeight(ev.f[k]!, p);
        if (w > 0) totals.set(ev.s[k]!, (totals.get(ev.s[k]!) ?? 0) + w);
      }
    }
  }
  const shops = [...totals.entries()]
    .filter(([s]) => !refundWave(s, ctx))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, p.maxShops)
    .map(([s]) => s);
  if (shops.length === 0) return undefined;
  const col = new Map(shops.map((s, c) => [s, c]));
  for (const row of rows) {
    for (const ev of row.evidence) {
      for (let k = 0; k < ev.o.length; k++) {
        const c = col.get(ev.s[k]!);
        const w = orderWeight(ev.f[k]!, p);
        if (c === undefined || w <= 0) continue;
        row.byShop.set(c, (row.byShop.get(c) ?? 0) + w);
        if (w >= p.strongWeight) row.strongByShop.set(c, (row.strongByShop.get(c) ?? 0) + w);
      }
    }
  }
  const colWeight = shops.map((s) => 1 / Math.log((ctx.entities.shop(s)?.orders ?? 0) + p.columnOffset));
  const edgeRow: number[] = []; const edgeCol: number[] = []; const edgeWeight: number[] = [];
  rows.forEach((row, r) => {
    for (const [c, w] of row.byShop) { edgeRow.push(r); edgeCol.push(c); edgeWeight.push(w * colWeight[c]!); }
  });
  const core = densestBlock({ rows: rows.length, cols: shops.length, edgeRow, edgeCol, edgeWeight });

  // The core finds the ring; its shops are those where the core left strong evidence (light
  // parcels, copied praise: quick reviews alone are what genuine buyers, and brushers camouflaging,
  // leave everywhere), its members every cluster with enough evidence at those shops (a dense core
  // leaves out small clusters of the same ring that peeling removes first).
  const coreRows = rows.filter((_, r) => core.rows[r]);
  if (coreRows.length === 0) return undefined;
  const inBlock = shops.map((_, c) => {
    let w = 0;
    for (const row of coreRows) w += row.strongByShop.get(c) ?? 0;
    return core.cols[c] === true || w >= p.minShopEvidence;
  });
  let coreEvidence = 0;
  for (const row of coreRows) for (const [c, w] of row.byShop) if (core.cols[c]) coreEvidence += w;
  if (coreEvidence / coreRows.length < p.minRepeat) return undefined;

  const named: Row[] = [];
  let total = 0;
  for (const row of rows) {
    let w = 0;
    for (const [c, x] of row.byShop) if (inBlock[c]) w += x;
    if (w >= p.minRowEvidence) { named.push(row); total += w; }
  }
  if (total < p.minBlockEvidence) return undefined;
  const blockShops = shops.filter((_, c) => inBlock[c]);
  const blockOrders: BlockOrder[] = [];
  const entries: Entry[] = [];
  const accounts: string[] = [];
  for (const row of named) {
    row.members.forEach((m, j) => {
      const ev = row.evidence[j]!;
      let any = false;
      for (let k = 0; k < ev.o.length; k++) {
        const c = col.get(ev.s[k]!);
        if (c === undefined || !inBlock[c] || orderWeight(ev.f[k]!, p) <= 0) continue;
        any = true;
        entries.push({ account: m, ev, k });
        blockOrders.push({ account: m, cluster: row.root, clusterSize: row.size, shop: ev.s[k]!, item: ev.i[k]!, flags: ev.f[k]!,
          hash: ev.h[k]!, weightG: ev.g[k]!, usualG: ev.u[k]!, delayMin: ev.d[k]! });
      }
      if (any) accounts.push(m);
    });
  }
  if (accounts.length < p.minAccounts) return undefined;
  return recordRing({ shopId, blockShops, accounts, entries, blockOrders, density: core.density, coreRows: coreRows.length,
    clusters: named, total }, ctx);
}

function refundWave(shopId: string, ctx: DetectorContext<BrushingParams>): boolean {
  const s = ctx.entities.shop(shopId);
  return !!s && s.orders >= REFUND_SHARE_MIN_ORDERS && s.refunds / s.orders >= ctx.params.maxRefundShare;
}

interface Found {
  shopId: string;
  blockShops: string[];
  accounts: string[];
  entries: Entry[];
  blockOrders: BlockOrder[];
  density: number;
  coreRows: number;
  clusters: Row[];
  total: number;
}

/** Opens the ring of a block, or grows the ring its shops or accounts already belong to. */
function recordRing(b: Found, ctx: DetectorContext<BrushingParams>): AlertUpdate | undefined {
  const p = ctx.params;
  let ring: Ring | undefined;
  const consider = (id: string | undefined) => {
    if (id === undefined) return;
    const r = ctx.state.get<Ring>(NS.ring, id);
    if (r && (!ring || r.since < ring.since || (r.since === ring.since && r.id < ring.id))) ring = r;
  };
  for (const s of b.blockShops) consider(ctx.state.get<string>(NS.shopRing, s));
  for (const a of b.accounts) consider(ctx.state.get<string>(NS.accountRing, a));
  const opened = !ring;
  if (!ring) {
    const id = [...b.blockShops].sort()[0]!;
    ring = { id, since: ctx.at, shops: [], shopCount: 0, accounts: 0, orders: 0, unlisted: 0, evidence: {}, evidenceAt: ctx.at };
  }
  const r = ring;
  const newShops: string[] = [];
  for (const s of b.blockShops) {
    if (ctx.state.get<string>(NS.shopRing, s) !== undefined) continue;
    ctx.state.set(NS.shopRing, s, r.id);
    r.shopCount++;
    if (r.shops.length < RING_SHOPS) r.shops.push(s);
    newShops.push(s);
  }
  const newAccounts: string[] = [];
  for (const a of b.accounts) {
    if (ctx.state.get<string>(NS.accountRing, a) !== undefined) continue;
    ctx.state.set(NS.accountRing, a, r.id);
    r.accounts++;
    newAccounts.push(a);
  }
  const orders = listOrders(r, b.entries, p);
  // The evidence records carry their LISTED flags now.
  let last = '';
  for (const { account, ev } of b.entries) if (account !== last) { ctx.state.set(NS.account, account, ev); last = account; }
  // A peel that names nothing new still refreshes the evidence once per ring bucket (reviews arrive
  // a day after the parcels they follow); the evidence is computed only when it will be shown.
  if (!opened && newShops.length === 0 && newAccounts.length === 0 && orders.length === 0
    && ctx.at - r.evidenceAt < p.ringPeelEveryMs) return undefined;
  r.evidence = blockEvidence({ orders: b.blockOrders, shops: b.blockShops, density: b.density, coreClusters: b.coreRows,
    clusters: b.clusters.map((c) => ({ root: c.root, size: c.size })), evidenceWeight: b.total, peeledFrom: b.shopId }, ctx.entities);
  r.evidenceAt = ctx.at;
  ctx.state.set(NS.ring, r.id, r);
  const items = [...new Set(b.blockOrders.map((o) => o.item).filter((i) => i !== ''))];
  return ringUpdate(r, { accounts: b.accounts, shops: b.blockShops, items, orders });
}

function ringUpdate(r: Ring, subjects: { accounts: string[]; shops: string[]; items: string[]; orders: string[] }): AlertUpdate {
  return {
    incident: r.id,
    severity: severityFor(r.orders),
    score: Math.round((1 - 0.5 * Math.exp(-r.orders / 50)) * 1e4) / 1e4,
    summary: `brushing ring of ${r.shopCount} shop(s) and ${r.accounts} brusher account(s): ${r.orders} fake-looking order(s) ` +
      '(light or empty parcels, quick templated five-star reviews)',
    subjects,
    evidence: { ...r.evidence, ring: { id: r.id, since: new Date(r.since).toISOString(), shops: r.shopCount,
      accounts: r.accounts, orders: r.orders, ordersNotListed: r.unlisted } },
  };
}

function severityFor(orders: number): Severity {
  if (orders >= 500) return 'critical';
  if (orders >= 50) return 'high';
  return 'medium';
}
