// The price guard: a merchant's own price lines on top of the price_error detector
// (docs/strategies.md). The detector decides whether a listing is a slip, against the item's
// robust baseline and spread; the guard applies the merchant's plain rule to the same baseline:
// a warning below one share of it, a stop-loss below a lower share that pauses the listing and
// holds shipment of every order bought at such a price. Every shop has it with the configured
// lines (guards.price_guard) until it sets its own or turns it off, for the shop or for one item.
import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_SOURCE, type EventOf } from '../../contract/index.js';
import type { Contribution, DetectorContext, Entities, Guard, GuardResult } from '../../core/index.js';
import type { CompiledPriceRule, StrategyBook } from './book.js';

/**
 * The lines of a shop that set none, in percent of the item's baseline price. Configuration
 * (`guards.price_guard` in the one config schema) sets them; these are its defaults, and each
 * description says where the number comes from (docs/strategies.md, docs/configuration.md).
 */
export const PriceGuardParams = Type.Object({
  warnBelowPct: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, default: 45,
    description: 'percent of the baseline under which a listing is warned about (decision at least challenge), for shops that ' +
      'set no line. Merchants run sales to half price: 50% of the price, 49.9% once a price like 99.99 is rounded to 49.99, ' +
      'and the baseline (a median of past prices) can sit a few points above the price a sale was cut from; 45 keeps a ' +
      'half-price sale quiet with that margin and asks for a confirmation of a discount deeper than sales go (55% off or more)' }),
  stopLossBelowPct: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, default: 25,
    description: 'percent of the baseline under which a listing is paused and orders at such a price are held, for shops that ' +
      'set no line; below warnBelowPct. Typing slips are a power of ten off: 59.99 for 5,999.00 is 1%, a dropped digit 10%, ' +
      'a slip on a half-price sale price 5%; 25 stops all of them with a margin of 2.5 times, while a 70%-off clearance ' +
      '(30%) is only warned about' }),
}, { additionalProperties: false });
export type PriceGuardParams = Static<typeof PriceGuardParams>;

/** The defaults of PriceGuardParams, for the configuration's defaults and the checks of a shop's lines. */
export const PRICE_GUARD_DEFAULTS: Readonly<PriceGuardParams> = Object.freeze({
  warnBelowPct: PriceGuardParams.properties.warnBelowPct.default as number,
  stopLossBelowPct: PriceGuardParams.properties.stopLossBelowPct.default as number,
});

/** An item's baseline price in fen, or undefined while it has none (the price_error detector's, wired in app/). */
export type BaselineReader = (entities: Entities, itemId: string) => number | undefined;

/**
 * A guard's reasons weigh nothing in the score: a merchant's line is a policy, not evidence of
 * abuse, and what it demands is its `atLeast` (review and pause under the stop-loss, a challenge
 * asking the merchant to confirm under the warning line). So a typing slip that the price_error
 * detector already scores is not pushed by the guard's reason for the same price to a denial.
 */
const POLICY_SCORE = 0;

/**
 * The price guard. It must run before the price_error detector on a listing, so that it reads
 * the baseline before the new price joins it (app/ puts guards first).
 */
export function priceGuard(o: { book: StrategyBook; baseline: BaselineReader }): Guard<PriceGuardParams> {
  return {
    kind: 'price_guard',
    version: '1',
    observes: ['listing.updated', 'order.placed'],
    paramsSchema: PriceGuardParams,
    defaults: PRICE_GUARD_DEFAULTS,
    // It keeps no state; the baseline it reads is the price_error detector's item entry, which
    // that detector declares on these same event types.
    stateKeys: () => [],
    inspect(event, ctx) {
      if (event.type === 'listing.updated') return onListing(o, event, ctx);
      if (event.type === 'order.placed') return onOrder(o, event, ctx);
      return undefined;
    },
  };
}

interface Lines { warnBelow: number; stopLossBelow: number }

/** The lines in force for an item: the item's own, else the shop's, else the defaults; undefined when turned off. */
function linesFor(book: StrategyBook, tenant: string, shopId: string, itemId: string, p: PriceGuardParams): Lines | undefined {
  const s = book.forShop(tenant, shopId);
  const item: CompiledPriceRule | undefined = s?.priceByItem.get(itemId);
  const shop = s?.price;
  if ((item?.enabled ?? shop?.enabled ?? true) === false) return undefined;
  return {
    warnBelow: item?.warnBelow ?? shop?.warnBelow ?? p.warnBelowPct / 100,
    stopLossBelow: item?.stopLossBelow ?? shop?.stopLossBelow ?? p.stopLossBelowPct / 100,
  };
}

function onListing(o: { book: StrategyBook; baseline: BaselineReader }, e: EventOf<'listing.updated'>, ctx: DetectorContext<PriceGuardParams>): GuardResult | undefined {
  const d = e.data;
  const base = o.baseline(ctx.entities, d.item_id);
  if (base === undefined || base <= 0) return undefined;
  const ratio = d.price / base;
  // Most listings are near their baseline: the strategies are looked up only for a low one.
  if (ratio >= 1) return undefined;
  const lines = linesFor(o.book, e.source ?? DEFAULT_SOURCE, d.shop_id, d.item_id, ctx.params);
  if (!lines || ratio >= lines.warnBelow) return undefined;
  const where = `listed at ${yuan(d.price)}, ${pct(ratio)} of its baseline ${yuan(base)}`;
  const c: Contribution = ratio < lines.stopLossBelow
    ? { code: 'price_guard_stop_loss', score: POLICY_SCORE, atLeast: 'review', actions: ['pause_listing', 'warn_merchant'],
      message: `${where}: under the shop's stop-loss at ${pct(lines.stopLossBelow)}; the listing is paused and orders at this price are held until the price is confirmed` }
    : { code: 'price_guard_warn', score: POLICY_SCORE, atLeast: 'challenge', actions: ['warn_merchant'],
      message: `${where}: under the shop's warning line at ${pct(lines.warnBelow)}; confirm the price` };
  return { contributions: [c] };
}

function onOrder(o: { book: StrategyBook; baseline: BaselineReader }, e: EventOf<'order.placed'>, ctx: DetectorContext<PriceGuardParams>): GuardResult | undefined {
  let out: Contribution[] | undefined;
  for (let i = 0; i < e.data.lines.length; i++) {
    const line = e.data.lines[i]!;
    const base = o.baseline(ctx.entities, line.item_id);
    if (base === undefined || base <= 0 || line.unit_price >= base) continue;
    const lines = linesFor(o.book, e.source ?? DEFAULT_SOURCE, e.data.shop_id, line.item_id, ctx.params);
    if (!lines || line.unit_price >= base * lines.stopLossBelow) continue;
    // One reason per item, however many lines name it.
    if (e.data.lines.findIndex((l) => l.item_id === line.item_id) !== i) continue;
    (out ??= []).push({
      code: 'price_guard_order_below_stop_loss', score: POLICY_SCORE, atLeast: 'review', actions: ['hold_shipment'],
      message: `item ${line.item_id} bought at ${yuan(line.unit_price)}, ${pct(line.unit_price / base)} of its baseline ${yuan(base)}: ` +
        `under the shop's stop-loss at ${pct(lines.stopLossBelow)}; shipment is held until the price is confirmed`,
    });
  }
  return out ? { contributions: out } : undefined;
}

function pct(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}
