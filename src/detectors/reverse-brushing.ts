// Reverse brushing (反向刷单): a rival pays a gang to flood a victim's item with fake orders from
// bought accounts, then refunds nearly all of them, so that the platform punishes the victim for
// fake sales. Seen while it happens: a burst of orders on one item far above the item's own
// baseline (the current ten minutes against its long-run hourly rate, in the spirit of MIDAS),
// whose orders go to addresses that name no door, from accounts new or dormant, linked to each
// other in the identity graph. The flood's orders are held (`hold_shipment`), one alert per
// incident names the victim (to be protected, never punished), the attacking accounts with their
// links, and the refund wave that follows. Refunds alone (most of a burst's orders refunded)
// also open an incident, for floods from accounts that looked clean when they ordered.
import { Type, type Static } from '@sinclair/typebox';
import { MINUTE_MS, HOUR_MS, type BulwarkEvent, type EventOf } from '../contract/index.js';
import {
  addToSeries, emptySeries, pruneSeries, sumRange,
  type BucketSeries, type Contribution, type Detector, type DetectorContext, type DetectorResult,
} from '../core/index.js';
import { addressKey, VAGUE_KEY_PREFIX } from '../text/index.js';
import { incidentUpdate, snapshotLinks, type Incident } from './reverse-brushing-incident.js';


export const ReverseBrushingParams = Type.Object({
  windowMs: Type.Integer({ minimum: MINUTE_MS, default: 10 * MINUTE_MS,
    description: 'the burst window, ms (counted in one-minute buckets). The flood must be seen within ten minutes of ' +
      'its start; ten minutes of a flood hold dozens of orders, while the busiest ordinary item sells a dozen or two' }),
  minBurstOrders: Type.Integer({ minimum: 5, default: 30,
    description: 'orders of one item in the window that make a burst. Outside limited launches (scalping\'s), the busiest ' +
      'simulated items peak at 13-21 orders in ten minutes; a flood meant to hurt a shop needs hundreds in half an hour' }),
  burstRatio: Type.Number({ minimum: 1, default: 5,
    description: 'and at least this many times the orders the item\'s baseline expects in the window. The daily rhythm ' +
      'lifts an item to about 2.5 times its day average at the evening peak; twice that is no rhythm' }),
  watchOrders: Type.Integer({ minimum: 1, default: 10,
    description: 'orders in the window (and half the burst ratio) from which each order\'s signals are read, so that ' +
      'the composition is known when the burst is reached; a third of minBurstOrders' }),
  baselineHalfLifeMs: Type.Integer({ minimum: HOUR_MS, default: 24 * HOUR_MS,
    description: 'half-life of the exponentially weighted mean of the item\'s hourly orders, ms. A day averages the daily ' +
      'rhythm; hours are clipped at burstRatio times the baseline, so one burst barely lifts it' }),
  baselineFloorPerHour: Type.Number({ minimum: 0.1, default: 6,
    description: 'the baseline of a new or slow item is at least this many orders an hour: a new item has no history, ' +
      'and a modest item sells a few an hour at its peak' }),
  minAnalysedOrders: Type.Integer({ minimum: 5, default: 20,
    description: 'orders whose signals must be read before the burst\'s composition is judged; a share of 20 has a ' +
      'standard error under 0.12, small against the gap between the bars and what floods show' }),
  vagueShare: Type.Number({ minimum: 0, maximum: 1, default: 0.4,
    description: 'share of the burst\'s orders to addresses that name no door (src/text vagueness) that counts as a ' +
      'signal. Genuine buyers send a few percent of parcels to landmarks or "see the note"; fake orders need no door' }),
  linkedShare: Type.Number({ minimum: 0, maximum: 1, default: 0.4,
    description: 'share of orders whose buyer is in an identity-graph cluster of two or more that counts as a signal. ' +
      'Families and offices give a few percent of orders (the simulator\'s ordinary orders under 0.3%); a farm shares ' +
      'devices and payment ids' }),
  freshShare: Type.Number({ minimum: 0, maximum: 1, default: 0.6,
    description: 'share of orders from new or dormant buyers that counts as a signal. Ordinary orders show 13% once the ' +
      'state holds three days, 29% on days 1-2 and 59% on the first; a viral burst 35-81%, so it never stands alone. ' +
      'Bought accounts are all new or dormant' }),
  minSignals: Type.Integer({ minimum: 1, maximum: 3, default: 2,
    description: 'signals (vague, linked, new or dormant) a burst must show to be a flood. One alone has benign ' +
      'readings (a group buy to one pickup point, a livestream to a new audience, a family); two do not' }),
  freshMs: Type.Integer({ minimum: MINUTE_MS, default: HOUR_MS,
    description: 'a buyer first seen less than this long ago, ms, has no history before this burst: dormant, or new' }),
  newAccountMs: Type.Integer({ minimum: 0, default: 30 * 24 * HOUR_MS,
    description: 'a buyer registered less than this long ago, ms, is new. Bought farm accounts are aged; 30 days covers ' +
      'accounts registered for the attack' }),
  quietMs: Type.Integer({ minimum: MINUTE_MS, default: HOUR_MS,
    description: 'a burst or incident ends after this long without a flood order, ms; a new flood on the item after it is ' +
      'a new incident (an attack days later is a new alert)' }),
  refundWindowMs: Type.Integer({ minimum: HOUR_MS, default: 3 * 24 * HOUR_MS,
    description: 'refunds of a flood\'s orders are attached to its incident this long after its last order, ms; the ' +
      'refund wave of a reverse brushing comes within a day, refund-only before shipping within two' }),
  refundWaveShare: Type.Number({ minimum: 0.05, maximum: 1, default: 0.5,
    description: 'share of a burst\'s orders refunded that makes a refund wave. Ordinary items see 3-8% refunded and a ' +
      'viral item a few percent; a reverse brushing refunds nearly all' }),
  criticalOrders: Type.Integer({ minimum: 1, default: 500,
    description: 'flood orders from which the incident is critical (about 15,000 yuan of fake sales on a 29.90 item)' }),
}, { additionalProperties: false });

export type ReverseBrushingParams = Static<typeof ReverseBrushingParams>;

/** Orders of one item: the burst window, the baseline and the burst under watch. */
interface ItemRate {
  /** One-minute buckets of the burst window. */
  w: BucketSeries;
  /** Current hour (index since the epoch) and its orders, fed into the baseline when the hour closes. */
  h: number;
  hn: number;
  /** Exponentially weighted sum of past hourly orders and of the weights: the baseline is bs / bk orders an hour. */
  bs: number;
  bk: number;
  /** The burst being watched, or the last one (kept for its refund wave). */
  c?: Burst;
  /** Key of the incident the item's orders join, while it is open or its refunds may come. */
  inc?: string;
  /**
   * The item's latest orders in the window before a burst is watched, [order, buyer, at] (at most
   * watchOrders): the first orders of a flood, read when watching begins. Empty for most items.
   */
  r?: Array<[string, string, number]>;
}

/** The composition of a burst's orders, before it is judged a flood. */
interface Burst {
  startAt: number;
  lastAt: number;
  /** Orders whose signals were read, and how many showed each signal; `marked` any of them. */
  n: number;
  vague: number;
  fresh: number;
  linked: number;
  marked: number;
  /** Most orders in one window, and the baseline and window count when it was reached. */
  peak: number;
  baseline: number;
  /** Marked orders and accounts with a vague or linked order (at most MAX_LISTED each). */
  orders: string[];
  suspects: string[];
  /** Distinct refunded orders of the burst, and buyers who refunded (at most MAX_LISTED). */
  refunded: number;
  refunders: string[];
  /** Largest clusters seen among its buyers: [root, size]. */
  roots: Array<[string, number]>;
}

/** A shop's incidents: the open one and those whose refunds may still come (at most MAX_SHOP_INCIDENTS). */
interface ShopIncidents { list: Incident[] }

/** What one order shows. */
interface Signals { vague: boolean; fresh: boolean; linked: boolean; root: string; size: number }

/** State namespaces: per item, per shop (incidents), per account (the incident it was named in). */
const ITEM = 'item';
const SHOP = 'shop';
const ACCOUNT = 'acct';
/** Ids kept on a burst before it opens (the flood opens after a few dozen; counts go on). */
const MAX_LISTED = 256;
const MAX_ROOTS = 8;
const MAX_SHOP_INCIDENTS = 3;
/** Score of a flood order: the decision is `review` (atLeast), so a person releases what is genuine. */
const ORDER_SCORE = 0.8;

/** Floods of fake orders on a victim's item, and the refund wave after them. */
export const reverseBrushingDetector: Detector<ReverseBrushingParams> = {
  kind: 'reverse_brushing',
  version: '1',
  observes: ['order.placed', 'refund.requested'],
  paramsSchema: ReverseBrushingParams,
  defaults: {
    windowMs: 10 * MINUTE_MS, minBurstOrders: 30, burstRatio: 5, watchOrders: 10, baselineHalfLifeMs: 24 * HOUR_MS,
    baselineFloorPerHour: 6, minAnalysedOrders: 20, vagueShare: 0.4, linkedShare: 0.4, freshShare: 0.6, minSignals: 2,
    freshMs: HOUR_MS, newAccountMs: 30 * 24 * HOUR_MS, quietMs: HOUR_MS, refundWindowMs: 3 * 24 * HOUR_MS,
    refundWaveShare: 0.5, criticalOrders: 500,
  },
  stateKeys(event: BulwarkEvent) {
    if (event.type !== 'order.placed') return [];
    // A refund reads the item and shop of its order, known only once the order is read from the entities.
    const keys: Array<readonly [string, string]> = event.data.lines.map((l) => [ITEM, l.item_id] as const);
    keys.push([SHOP, event.data.shop_id], [ACCOUNT, event.data.buyer_id]);
    return keys;
  },
  inspect(event, ctx) {
    if (event.type === 'order.placed') return onOrder(event, ctx);
    if (event.type === 'refund.requested') return onRefund(event, ctx);
    return undefined;
  },
};

function onOrder(e: EventOf<'order.placed'>, ctx: DetectorContext<ReverseBrushingParams>): DetectorResult | undefined {
  let result: DetectorResult | undefined;
  for (const line of e.data.lines) {
    const r = onOrderLine(e, line.item_id, ctx);
    // One contribution per order, whatever its lines: the first flood it joins.
    if (r && !result) result = r;
  }
  return result;
}

function onOrderLine(e: EventOf<'order.placed'>, itemId: string, ctx: DetectorContext<ReverseBrushingParams>): DetectorResult | undefined {
  const p = ctx.params;
  const at = ctx.at;
  let rec = ctx.state.get<ItemRate>(ITEM, itemId);
  if (!rec) rec = { w: emptySeries(), h: Math.floor(at / HOUR_MS), hn: 0, bs: 0, bk: 0 };
  const now = Math.max(at, ctx.watermark);
  if (at > now - p.windowMs) addToSeries(rec.w, at, MINUTE_MS);
  if (!ctx.late) pruneSeries(rec.w, now - p.windowMs + 1);
  const inWindow = sumRange(rec.w, now - p.windowMs + 1, now).n;
  const baseline = baselineOf(rec, p);

  if (rec.inc !== undefined) {
    const shop = ctx.state.get<ShopIncidents>(SHOP, e.data.shop_id);
    const inc = shop?.list.find((i) => i.key === rec!.inc);
    if (shop && inc && at - inc.lastAt <= p.quietMs) {
      const result = joinIncident(e, itemId, inc, { inWindow, baseline }, ctx);
      ctx.state.set(SHOP, e.data.shop_id, shop);
      ctx.state.set(ITEM, itemId, rec);
      return result;
    }
    if (!inc || at - inc.lastAt > p.refundWindowMs) delete rec.inc;
  }
  // Orders of an open incident never feed the baseline; the others do.
  feedBaseline(rec, at, baseline, p);

  const expected = expectedIn(baseline, p);
  const watching = inWindow >= p.watchOrders && inWindow >= (p.burstRatio / 2) * expected;
  let burst = rec.c;
  if (burst && at - burst.lastAt > p.quietMs && at - burst.lastAt > (burst.peak >= p.minBurstOrders ? p.refundWindowMs : 0)) {
    delete rec.c;
    burst = undefined;
  }
  if (burst && at - burst.lastAt > p.quietMs) burst = undefined;
  if (!watching || !burst) rememberRecent(rec, e, at, p);
  if (!watching) {
    ctx.state.set(ITEM, itemId, rec);
    return undefined;
  }
  if (!burst) {
    // A limited launch sells out in minutes by design; buying it through many accounts is scalping.
    if (ctx.entities.item(itemId)?.limited === true) { ctx.state.set(ITEM, itemId, rec); return undefined; }
    burst = newBurst(at);
    rec.c = burst;
    addRecent(burst, rec, e.data.order_id, ctx);
  }
  const s = signalsOf(e, ctx);
  addToBurst(burst, e, s, at);
  if (inWindow > burst.peak) { burst.peak = inWindow; burst.baseline = baseline; }
  ctx.state.set(ITEM, itemId, rec);

  const isBurst = inWindow >= p.minBurstOrders && inWindow >= p.burstRatio * expected;
  if (!isBurst || burst.n < p.minAnalysedOrders || signalCount(burst, p) < p.minSignals) return undefined;
  return openIncident(e.data.shop_id, itemId, rec, { by: 'burst', at, time: e.time, inWindow, baseline, current: s, orderId: e.data.order_id,
    buyerId: e.data.buyer_id }, ctx);
}

interface Opening {
  by: 'burst' | 'refund_wave';
  at: number;
  time: string;
  inWindow: number;
  baseline: number;
  /** The signals of the order that opens it (undefined when a refund opens it). */
  current?: Signals;
  orderId?: string;
  buyerId?: string;
}

/** Opens an incident from a burst, or joins the shop's open one (a flood over several of its items). */
function openIncident(shopId: string, itemId: string, rec: ItemRate, o: Opening, ctx: DetectorContext<ReverseBrushingParams>): DetectorResult {
  const p = ctx.params;
  const burst = rec.c!;
  delete rec.c;
  const shop = ctx.state.get<ShopIncidents>(SHOP, shopId) ?? { list: [] };
  let inc = shop.list.find((i) => o.at - i.lastAt <= p.quietMs && i.by === o.by);
  if (!inc) {
    inc = {
      key: `${itemId}@${new Date(burst.startAt - (burst.startAt % MINUTE_MS)).toISOString()}`, shop: shopId, items: [], by: o.by,
      startAt: burst.startAt, openedAt: o.at, openedTime: o.time, lastAt: burst.lastAt, analysed: 0, vague: 0, fresh: 0, linked: 0,
      orders: 0, held: 0, orderIds: [], accounts: 0, linkedAccounts: 0, peak: 0, peakBaseline: burst.baseline, openWindow: o.inWindow,
      openBaseline: o.baseline, refunds: 0, refundedOrders: 0, refundFen: 0, refundOnly: 0, refundIds: [], roots: [], links: undefined,
      linksAtOrders: 0,
    };
    shop.list.push(inc);
    if (shop.list.length > MAX_SHOP_INCIDENTS) shop.list.shift();
  }
  if (!inc.items.includes(itemId) && inc.items.length < 16) inc.items.push(itemId);
  rec.inc = inc.key;
  inc.analysed += burst.n; inc.vague += burst.vague; inc.fresh += burst.fresh; inc.linked += burst.linked;
  // Opened by its refunds, the flood is the whole burst: its accounts looked clean when they ordered.
  inc.orders += o.by === 'burst' ? burst.marked : burst.n;
  inc.startAt = Math.min(inc.startAt, burst.startAt);
  inc.lastAt = Math.max(inc.lastAt, burst.lastAt);
  if (burst.peak > inc.peak) { inc.peak = burst.peak; inc.peakBaseline = burst.baseline; }
  for (const id of burst.orders) pushCapped(inc.orderIds, id, EVIDENCE_ORDERS);
  for (const r of burst.roots) noteRoot(inc.roots, r[0], r[1]);
  const accounts: string[] = [];
  const names = o.by === 'burst' ? burst.suspects : burst.refunders;
  for (const a of names) if (nameAccount(a, inc, ctx)) accounts.push(a);
  inc.refundedOrders += burst.refunded;

  let contribution: Contribution | undefined;
  const orders = [...burst.orders];
  if (o.current && o.orderId && o.buyerId && marked(o.current)) {
    // The order that tipped the burst over is held with the rest of the flood from here on.
    inc.held++;
    contribution = holdContribution(itemId, inc, o.current);
  }
  snapshotLinks(inc, ctx.entities);
  ctx.state.set(SHOP, shopId, shop);
  ctx.state.set(ITEM, itemId, rec);
  const alert = incidentUpdate(inc, p, { accounts, orders, items: [itemId] });
  return contribution ? { contributions: [contribution], alerts: [alert] } : { alerts: [alert] };
}

/** An order on an item of an open incident: held when it shows any signal. */
function joinIncident(
  e: EventOf<'order.placed'>, itemId: string, inc: Incident, w: { inWindow: number; baseline: number },
  ctx: DetectorContext<ReverseBrushingParams>,
): DetectorResult | undefined {
  const s = signalsOf(e, ctx);
  inc.analysed++;
  if (s.vague) inc.vague++;
  if (s.fresh) inc.fresh++;
  if (s.linked) { inc.linked++; noteRoot(inc.roots, s.root, s.size); }
  if (w.inWindow > inc.peak) { inc.peak = w.inWindow; inc.peakBaseline = w.baseline; }
  if (!marked(s)) return undefined;
  inc.orders++;
  inc.held++;
  if (ctx.at > inc.lastAt) inc.lastAt = ctx.at;
  pushCapped(inc.orderIds, e.data.order_id, EVIDENCE_ORDERS);
  const accounts = (s.vague || s.linked) && nameAccount(e.data.buyer_id, inc, ctx) ? [e.data.buyer_id] : [];
  // The link evidence is read again each time the flood doubles: the graph grows with it.
  if (inc.orders >= 2 * inc.linksAtOrders) snapshotLinks(inc, ctx.entities);
  return {
    contributions: [holdContribution(itemId, inc, s)],
    alerts: [incidentUpdate(inc, ctx.params, { accounts, orders: [e.data.order_id], items: [] })],
  };
}

function onRefund(e: EventOf<'refund.requested'>, ctx: DetectorContext<ReverseBrushingParams>): DetectorResult | undefined {
  const order = ctx.entities.order(e.data.order_id);
  if (!order) return undefined;
  const p = ctx.params;
  for (const itemId of order.items) {
    const rec = ctx.state.get<ItemRate>(ITEM, itemId);
    if (!rec) continue;
    // A later refund of the same order (one was rejected) is counted as a refund, not as another refunded order.
    const firstRefund = order.refundIds.length <= 1;
    if (rec.inc !== undefined) {
      const shop = ctx.state.get<ShopIncidents>(SHOP, order.shopId);
      const inc = shop?.list.find((i) => i.items.includes(itemId) && order.placedAt >= i.startAt && order.placedAt <= i.lastAt);
      if (shop && inc && ctx.at - inc.lastAt <= p.refundWindowMs && isFloodOrder(order.buyerId, order.placedAt, inc, ctx)) {
        inc.refunds++;
        if (firstRefund) inc.refundedOrders++;
        inc.refundFen += e.data.amount;
        if (e.data.kind === 'refund_only') inc.refundOnly++;
        pushCapped(inc.refundIds, e.data.refund_id, EVIDENCE_REFUNDS);
        const accounts = nameAccount(order.buyerId, inc, ctx) ? [order.buyerId] : [];
        if (inc.refundedOrders === Math.ceil(p.refundWaveShare * inc.orders)) snapshotLinks(inc, ctx.entities);
        ctx.state.set(SHOP, order.shopId, shop);
        return { alerts: [incidentUpdate(inc, p, { accounts, orders: [], items: [] })] };
      }
    }
    // A burst that did not look like a flood when it came: its refunds may still show one.
    const burst = rec.c;
    if (!burst || burst.peak < p.minBurstOrders || order.placedAt < burst.startAt || order.placedAt > burst.lastAt) continue;
    if (ctx.at - burst.lastAt > p.refundWindowMs) continue;
    if (firstRefund) burst.refunded++;
    pushCapped(burst.refunders, order.buyerId, MAX_LISTED);
    ctx.state.set(ITEM, itemId, rec);
    if (burst.n >= p.minAnalysedOrders && burst.refunded >= p.refundWaveShare * burst.n) {
      return openIncident(order.shopId, itemId, rec, { by: 'refund_wave', at: ctx.at, time: e.time, inWindow: burst.peak,
        baseline: burst.baseline }, ctx);
    }
  }
  return undefined;
}

/** A refunded order of the incident's item and span is one of the flood's when its buyer showed a signal. */
function isFloodOrder(buyerId: string, placedAt: number, inc: Incident, ctx: DetectorContext<ReverseBrushingParams>): boolean {
  if (inc.by === 'refund_wave') return true;
  if (ctx.state.get<string>(ACCOUNT, buyerId) === inc.key) return true;
  const a = ctx.entities.account(buyerId);
  if (!a) return false;
  if (a.firstSeenAt >= placedAt - ctx.params.freshMs) return true;
  if (a.registeredAt !== undefined && placedAt - a.registeredAt <= ctx.params.newAccountMs) return true;
  return ctx.entities.clusterRoot(buyerId).size >= 2;
}

/** Names an account in the incident once; true when it was not named in it before. */
function nameAccount(accountId: string, inc: Incident, ctx: DetectorContext<ReverseBrushingParams>): boolean {
  if (ctx.state.get<string>(ACCOUNT, accountId) === inc.key) return false;
  ctx.state.set(ACCOUNT, accountId, inc.key);
  inc.accounts++;
  if (ctx.entities.clusterRoot(accountId).size >= 2) inc.linkedAccounts++;
  return true;
}

function signalsOf(e: EventOf<'order.placed'>, ctx: DetectorContext<ReverseBrushingParams>): Signals {
  const p = ctx.params;
  const a = ctx.entities.account(e.data.buyer_id);
  const fresh = a !== undefined && (ctx.at - a.firstSeenAt <= p.freshMs
    || (a.registeredAt !== undefined && ctx.at - a.registeredAt <= p.newAccountMs));
  const c = ctx.entities.clusterRoot(e.data.buyer_id);
  // The pipeline keys the address once for the graph and every detector; without a keyer, key it here.
  const vague = ctx.address ? ctx.address.vague : addressKey(e.data.address).startsWith(VAGUE_KEY_PREFIX);
  return { vague, fresh, linked: c.size >= 2, root: c.root, size: c.size };
}

function marked(s: Signals): boolean {
  return s.vague || s.fresh || s.linked;
}

function newBurst(at: number): Burst {
  return { startAt: at, lastAt: at, n: 0, vague: 0, fresh: 0, linked: 0, marked: 0, peak: 0, baseline: 0, orders: [], suspects: [],
    refunded: 0, refunders: [], roots: [] };
}

function addToBurst(b: Burst, e: EventOf<'order.placed'>, s: Signals, at: number): void {
  b.n++;
  if (at < b.startAt) b.startAt = at;
  if (at > b.lastAt) b.lastAt = at;
  if (s.vague) b.vague++;
  if (s.fresh) b.fresh++;
  if (s.linked) { b.linked++; noteRoot(b.roots, s.root, s.size); }
  if (!marked(s)) return;
  b.marked++;
  pushCapped(b.orders, e.data.order_id, MAX_LISTED);
  if (s.vague || s.linked) pushCapped(b.suspects, e.data.buyer_id, MAX_LISTED);
}

/** Keeps the item's orders of the window until a burst is watched (then the burst lists them). */
function rememberRecent(rec: ItemRate, e: EventOf<'order.placed'>, at: number, p: ReverseBrushingParams): void {
  const r = rec.r ?? [];
  while (r.length > 0 && r[0]![2] <= at - p.windowMs) r.shift();
  r.push([e.data.order_id, e.data.buyer_id, at]);
  if (r.length > p.watchOrders) r.shift();
  rec.r = r;
}

/**
 * The orders that came before watching began join the burst's list when their buyers show a
 * signal (new or dormant then, or linked now). Their addresses are gone, so they do not count in
 * the shares.
 */
function addRecent(b: Burst, rec: ItemRate, currentOrder: string, ctx: DetectorContext<ReverseBrushingParams>): void {
  for (const [orderId, buyerId, at] of rec.r ?? []) {
    if (orderId === currentOrder) continue;
    if (at < b.startAt) b.startAt = at;
    const a = ctx.entities.account(buyerId);
    const fresh = a !== undefined && (at - a.firstSeenAt <= ctx.params.freshMs
      || (a.registeredAt !== undefined && at - a.registeredAt <= ctx.params.newAccountMs));
    const c = ctx.entities.clusterRoot(buyerId);
    if (!fresh && c.size < 2) continue;
    b.marked++;
    pushCapped(b.orders, orderId, MAX_LISTED);
    if (c.size >= 2) { pushCapped(b.suspects, buyerId, MAX_LISTED); noteRoot(b.roots, c.root, c.size); }
  }
  delete rec.r;
}

function signalCount(b: Burst, p: ReverseBrushingParams): number {
  return (b.vague >= p.vagueShare * b.n ? 1 : 0) + (b.linked >= p.linkedShare * b.n ? 1 : 0) + (b.fresh >= p.freshShare * b.n ? 1 : 0);
}

/** Keeps the largest clusters seen: a root's size is updated, a new root replaces the smallest. */
function noteRoot(roots: Array<[string, number]>, root: string, size: number): void {
  const i = roots.findIndex((r) => r[0] === root);
  if (i >= 0) { if (size > roots[i]![1]) roots[i]![1] = size; return; }
  if (roots.length < MAX_ROOTS) { roots.push([root, size]); return; }
  let min = 0;
  for (let k = 1; k < roots.length; k++) if (roots[k]![1] < roots[min]![1]) min = k;
  if (size > roots[min]![1]) roots[min] = [root, size];
}

function holdContribution(itemId: string, inc: Incident, s: Signals): Contribution {
  const why = [s.vague && 'an address that names no door', s.fresh && 'a new or dormant buyer', s.linked && 'a buyer linked to other accounts']
    .filter(Boolean).join(', ');
  return {
    code: 'reverse_brushing_flood_order', score: ORDER_SCORE, actions: ['hold_shipment'], atLeast: 'review',
    message: `order on item ${itemId} of shop ${inc.shop} during a flood of ${inc.orders} suspicious orders since ` +
      `${new Date(inc.startAt).toISOString()} (${why}); hold it: the shop is the victim, not the seller of these orders`,
  };
}

/** The item's baseline, orders an hour: the weighted mean of its past hours, at least the floor. */
function baselineOf(rec: ItemRate, p: ReverseBrushingParams): number {
  return Math.max(rec.bk > 0 ? rec.bs / rec.bk : 0, p.baselineFloorPerHour);
}

function expectedIn(baselinePerHour: number, p: ReverseBrushingParams): number {
  return (baselinePerHour * p.windowMs) / HOUR_MS;
}

/** Counts an order in its hour; closed hours (and the empty ones after them) join the weighted mean. */
function feedBaseline(rec: ItemRate, at: number, baseline: number, p: ReverseBrushingParams): void {
  const hour = Math.floor(at / HOUR_MS);
  if (hour < rec.h) return;
  if (hour > rec.h) {
    const decay = Math.pow(0.5, HOUR_MS / p.baselineHalfLifeMs);
    // A burst hour counts no more than a burst: one flood must not teach the baseline that floods are normal.
    rec.bs = rec.bs * decay + Math.min(rec.hn, p.burstRatio * baseline);
    rec.bk = rec.bk * decay + 1;
    const empty = Math.min(hour - rec.h - 1, 24 * 90);
    if (empty > 0) {
      const d = Math.pow(decay, empty);
      rec.bs *= d;
      rec.bk = rec.bk * d + (1 - d) / (1 - decay);
    }
    rec.h = hour;
    rec.hn = 0;
  }
  rec.hn++;
}

/** Order and refund ids an alert's evidence lists (the counts are exact; subjects list every order). */
const EVIDENCE_ORDERS = 100;
const EVIDENCE_REFUNDS = 50;

function pushCapped<T>(list: T[], v: T, max: number): void {
  if (list.length < max) list.push(v);
}
