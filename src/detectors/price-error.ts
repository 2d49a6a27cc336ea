// Price errors: a merchant lists an item far below its normal price (59.99 typed for 5,999.00).
// The baseline is the median of the item's own accepted prices (robust to flash sales and to the
// error itself, which never enters it); a new item falls back to its category's price range.
// The listing gets `pause_listing` and a warning to the merchant; orders placed at the wrong
// price before it is fixed get `hold_shipment`; one alert per incident names them.
import { Type, type Static } from '@sinclair/typebox';
import type { EventOf, Severity } from '../contract/index.js';
import {
  mad, median, quantile, type AlertUpdate, type Contribution, type Detector, type DetectorContext, type DetectorResult, type Entities,
} from '../core/index.js';

export const PriceErrorParams = Type.Object({
  farBelowRatio: Type.Number({ minimum: 0.01, maximum: 0.95, default: 0.25,
    description: 'a price at or below this fraction of the baseline is far below it. Merchants run sales to half price ' +
      '(ratio 0.5) and clearances to 70% off (0.3); typing slips are a power of ten off (0.1 for a dropped digit, 0.01 for ' +
      '59.99 typed for 5,999.00, 0.05 for a slip on a half-price sale price), so 0.25 leaves every sale alone and stops ' +
      'every slip with a margin of 2.5 times; the same line as the price guard\'s default stop-loss' }),
  minDeviations: Type.Number({ minimum: 1, default: 6,
    description: 'and it must lie this many robust deviations (1.4826 x MAD) below the median, so items whose price ' +
      'swings widely are not flagged for an ordinary low' }),
  minScaleShare: Type.Number({ minimum: 0, maximum: 1, default: 0.05,
    description: 'floor of the robust deviation as a share of the median, for items whose price never moved (MAD 0)' }),
  decimalShiftTolerance: Type.Number({ minimum: 0, maximum: 0.2, default: 0.03,
    description: 'a ratio within this relative distance of 1/10, 1/100 or 1/1000 is read as a misplaced decimal point' }),
  categoryMinItems: Type.Integer({ minimum: 1, default: 20,
    description: 'a category needs this many priced items before it can serve as the baseline of a new item' }),
  categoryFloorRatio: Type.Number({ minimum: 0, maximum: 1, default: 0.1,
    description: 'a new item priced below this fraction of its category 5th percentile is warned about (not paused): ' +
      'categories span cheap and dear items, so only a price far under the whole range is suspicious' }),
  acceptAfterMs: Type.Integer({ minimum: 0, default: 72 * 3600_000,
    description: 'a flagged price that stands this long is taken as the new normal (a deliberate clearance), ms' }),
}, { additionalProperties: false });

export type PriceErrorParams = Static<typeof PriceErrorParams>;

/** Prices kept per item and per category for the baselines. */
const ITEM_HISTORY = 32;
const CATEGORY_HISTORY = 256;
/**
 * A misplaced decimal point is near-certain, but the listing is the merchant's own: a person
 * reviews it while it is paused (`review`), rather than Bulwark refusing the change outright.
 */
const DECIMAL_SHIFT_SCORE = 0.9;
/** MAD to standard deviation for normal data. */
const MAD_TO_SIGMA = 1.4826;

interface Incident {
  startAt: number;
  startTime: string;
  price: number;
  baseline: number;
  basis: 'item' | 'category';
  decimalShift: boolean;
  orders: string[];
  buyers: number;
  lossFen: number;
}

interface ItemPrices {
  shopId: string;
  category?: string;
  /** Accepted (not flagged) prices, oldest first. */
  prices: number[];
  /** The median of `prices`, kept as they change, so that readers of the baseline do not sort on every order. */
  base?: number;
  incident?: Incident;
  /** How many incidents this item had; part of the incident key. */
  incidents: number;
}

interface CategoryPrices {
  prices: number[];
  /** The 5th percentile of `prices`, recomputed every CATEGORY_REFRESH additions (a sort of 256 per listing is wasted work). */
  low?: number;
  sinceLow?: number;
}

/** Additions to a category between recomputations of its 5th percentile. */
const CATEGORY_REFRESH = 16;

type Verdict =
  | { flagged: false }
  | { flagged: true; ratio: number; baseline: number; basis: 'item' | 'category'; decimalShift: boolean };

/** This detector's state namespaces: per item, and per category. */
const ITEM = 'item';
const CATEGORY = 'cat';

/** The reference detector: robust per-item price baselines and decimal-shift errors. */
export const priceErrorDetector: Detector<PriceErrorParams> = {
  kind: 'price_error',
  version: '1',
  observes: ['listing.updated', 'order.placed'],
  paramsSchema: PriceErrorParams,
  defaults: {
    farBelowRatio: 0.25, minDeviations: 6, minScaleShare: 0.05, decimalShiftTolerance: 0.03,
    categoryMinItems: 20, categoryFloorRatio: 0.1, acceptAfterMs: 72 * 3600_000,
  },
  stateKeys(event) {
    if (event.type === 'listing.updated') {
      const item = [ITEM, event.data.item_id] as const;
      return event.data.category ? [item, [CATEGORY, event.data.category] as const] : [item];
    }
    if (event.type === 'order.placed') return event.data.lines.map((l) => [ITEM, l.item_id] as const);
    return [];
  },
  inspect(event, ctx) {
    if (event.type === 'listing.updated') return onListing(event, ctx);
    if (event.type === 'order.placed') return onOrder(event, ctx);
    return undefined;
  },
};

/**
 * An item's baseline price in fen as this detector keeps it: the median of its accepted listing
 * prices (a flagged price never joins it), or undefined before its first accepted price. For
 * plug-ins that build on it (a merchant's price guard, wired in app/). Its `stateKeys` declares
 * the entry on the events that read it (listing.updated, order.placed).
 */
export function priceBaseline(entities: Entities, itemId: string): number | undefined {
  const item = entities.pluginState<ItemPrices>('price_error', ITEM, itemId);
  if (!item || item.prices.length === 0) return undefined;
  return item.base ?? median(item.prices);
}

function onListing(e: EventOf<'listing.updated'>, ctx: DetectorContext<PriceErrorParams>): DetectorResult | undefined {
  const d = e.data;
  const p = ctx.params;
  const item: ItemPrices = ctx.state.get<ItemPrices>(ITEM, d.item_id) ?? { shopId: d.shop_id, prices: [], incidents: 0 };
  item.shopId = d.shop_id;
  if (d.category) item.category = d.category;
  const category = item.category ? ctx.state.get<CategoryPrices>(CATEGORY, item.category) : undefined;

  const open = item.incident;
  if (open && ctx.at - open.startAt >= p.acceptAfterMs && Math.abs(d.price - open.price) <= open.price * 0.01) {
    // The "error" stood for days at the same price: a deliberate price, now the baseline.
    item.prices = [d.price];
    item.base = d.price;
    delete item.incident;
    ctx.state.set(ITEM, d.item_id, item);
    return { alerts: [closeUpdate(d.item_id, item, open, ctx, 'accepted_as_new_price')] };
  }

  const verdict = judge(d.price, item.prices, category, p);
  // judge may refresh the category's cached percentile: mark it changed so snapshots keep it.
  if (category && item.category) ctx.state.set(CATEGORY, item.category, category);
  if (!verdict.flagged) {
    pushBounded(item.prices, d.price, ITEM_HISTORY);
    item.base = median(item.prices);
    if (item.category) {
      const cat = category ?? { prices: [] };
      pushBounded(cat.prices, d.price, CATEGORY_HISTORY);
      cat.sinceLow = (cat.sinceLow ?? 0) + 1;
      ctx.state.set(CATEGORY, item.category, cat);
    }
    const result: DetectorResult | undefined = open ? { alerts: [closeUpdate(d.item_id, item, open, ctx, 'price_fixed')] } : undefined;
    delete item.incident;
    ctx.state.set(ITEM, d.item_id, item);
    return result;
  }

  if (verdict.basis === 'category') {
    // A new item under its whole category's range: warn the merchant, do not pause on this alone.
    ctx.state.set(ITEM, d.item_id, item);
    return { contributions: [{
      code: 'price_below_category_range', score: 0.5, actions: ['warn_merchant'],
      message: `price ${yuan(d.price)} is under a tenth of the 5th percentile of category ${item.category} (${yuan(verdict.baseline)}); check the decimal point`,
    }] };
  }

  const incident: Incident = open ?? {
    startAt: ctx.at, startTime: e.time, price: d.price, baseline: verdict.baseline, basis: verdict.basis,
    decimalShift: verdict.decimalShift, orders: [], buyers: 0, lossFen: 0,
  };
  if (!open) item.incidents++;
  incident.price = d.price;
  incident.decimalShift = verdict.decimalShift;
  item.incident = incident;
  ctx.state.set(ITEM, d.item_id, item);
  const contribution: Contribution = {
    code: verdict.decimalShift ? 'price_decimal_shift' : 'price_far_below_baseline',
    score: verdict.decimalShift ? DECIMAL_SHIFT_SCORE : scoreForRatio(verdict.ratio),
    actions: ['pause_listing', 'warn_merchant'],
    atLeast: 'review',
    message: `listed at ${yuan(d.price)}, ${(verdict.ratio * 100).toFixed(1)}% of its usual ${yuan(verdict.baseline)}` +
      (verdict.decimalShift ? ' (a misplaced decimal point?)' : ''),
  };
  return { contributions: [contribution], alerts: [openUpdate(d.item_id, item, incident)] };
}

function onOrder(e: EventOf<'order.placed'>, ctx: DetectorContext<PriceErrorParams>): DetectorResult | undefined {
  const contributions: Contribution[] = [];
  const alerts: AlertUpdate[] = [];
  for (const line of e.data.lines) {
    const item = ctx.state.get<ItemPrices>(ITEM, line.item_id);
    const incident = item?.incident;
    if (!item || !incident) continue;
    if (line.unit_price > incident.baseline * ctx.params.farBelowRatio) continue;
    if (!incident.orders.includes(e.data.order_id)) {
      incident.orders.push(e.data.order_id);
      incident.buyers++;
      incident.lossFen += (incident.baseline - line.unit_price) * line.qty;
    }
    ctx.state.set(ITEM, line.item_id, item);
    contributions.push({
      code: 'order_at_price_error', score: 0.9, actions: ['hold_shipment'], atLeast: 'review',
      message: `item ${line.item_id} bought at ${yuan(line.unit_price)} while its price error is open (usual ${yuan(incident.baseline)})`,
    });
    alerts.push(openUpdate(line.item_id, item, incident));
  }
  return contributions.length ? { contributions, alerts } : undefined;
}

function judge(price: number, history: readonly number[], category: CategoryPrices | undefined, p: PriceErrorParams): Verdict {
  if (history.length > 0) {
    const base = median(history);
    if (base <= 0) return { flagged: false };
    const scale = Math.max(MAD_TO_SIGMA * mad(history, base), p.minScaleShare * base);
    const ratio = price / base;
    if (ratio > p.farBelowRatio || (base - price) / scale < p.minDeviations) return { flagged: false };
    return { flagged: true, ratio, baseline: base, basis: 'item', decimalShift: isDecimalShift(ratio, p.decimalShiftTolerance) };
  }
  if (category && category.prices.length >= p.categoryMinItems) {
    const low = categoryLow(category);
    if (low > 0 && price < low * p.categoryFloorRatio) {
      return { flagged: true, ratio: price / low, baseline: low, basis: 'category', decimalShift: false };
    }
  }
  return { flagged: false };
}

function categoryLow(c: CategoryPrices): number {
  if (c.low === undefined || (c.sinceLow ?? 0) >= CATEGORY_REFRESH) {
    c.low = quantile(c.prices, 0.05);
    c.sinceLow = 0;
  }
  return c.low;
}

function isDecimalShift(ratio: number, tolerance: number): boolean {
  return [0.1, 0.01, 0.001].some((r) => Math.abs(ratio - r) <= r * tolerance);
}

/** 0.5 of the baseline scores 0.6; near zero scores 0.85 (under a decimal shift, the clearest error). */
function scoreForRatio(ratio: number): number {
  return Math.min(0.85, 0.6 + (0.5 - Math.min(ratio, 0.5)) * 0.5);
}

function severityFor(lossFen: number): Severity {
  if (lossFen >= 1_000_000) return 'critical';
  if (lossFen >= 100_000) return 'high';
  return 'medium';
}

function incidentKey(itemId: string, item: ItemPrices): string {
  return `${itemId}#${item.incidents}`;
}

function openUpdate(itemId: string, item: ItemPrices, i: Incident): AlertUpdate {
  return {
    incident: incidentKey(itemId, item),
    severity: severityFor(i.lossFen),
    score: i.decimalShift ? DECIMAL_SHIFT_SCORE : scoreForRatio(i.price / i.baseline),
    summary: `item ${itemId} of shop ${item.shopId} listed at ${yuan(i.price)} against a usual ${yuan(i.baseline)}; ` +
      `${i.orders.length} order(s) at the wrong price held, ${yuan(i.lossFen)} at stake`,
    subjects: { shops: [item.shopId], items: [itemId], orders: i.orders.slice(-1) },
    evidence: evidenceOf(i, 'open'),
  };
}

function closeUpdate(itemId: string, item: ItemPrices, i: Incident, ctx: DetectorContext<PriceErrorParams>, how: string): AlertUpdate {
  return {
    ...openUpdate(itemId, item, i),
    summary: `item ${itemId} of shop ${item.shopId}: price error ${how === 'price_fixed' ? 'fixed' : 'accepted as the new price'} ` +
      `after ${Math.round((ctx.at - i.startAt) / 60_000)} min; ${i.orders.length} order(s) at the wrong price, ${yuan(i.lossFen)} at stake`,
    subjects: {},
    evidence: { ...evidenceOf(i, how), closedAt: new Date(ctx.at).toISOString() },
  };
}

function evidenceOf(i: Incident, state: string): Record<string, unknown> {
  return {
    state, listedAt: i.startTime, errorPriceFen: i.price, baselineFen: i.baseline, baselineBasis: i.basis,
    ratio: Math.round((i.price / i.baseline) * 1e4) / 1e4, decimalShift: i.decimalShift,
    ordersAtErrorPrice: i.orders.length, lossFen: i.lossFen,
  };
}

function pushBounded(list: number[], v: number, max: number): void {
  list.push(v);
  if (list.length > max) list.shift();
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

