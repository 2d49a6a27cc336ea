// The price guard: a merchant's own price lines on top of the price_error detector
// (docs/strategies.md). The detector decides whether a listing is a slip, against the item's
// robust baseline and spread; the guard applies the merchant's plain rule to the same baseline:
// a warning below one share of it, a stop-loss below a lower share that pauses the listing and
// holds shipment of every order bought at such a price. Every shop has it with the defaults
// until it sets its own lines or turns it off, for the shop or for one item.
import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_SOURCE, type EventOf } from '../../contract/index.js';
import type { Contribution, DetectorContext, Entities, Guard, GuardResult } from '../../core/index.js';
import type { CompiledPriceRule, StrategyBook } from './book.js';
import { PRICE_GUARD_DEFAULTS } from './defaults.js';

export const PriceGuardParams = Type.Object({
  warnBelowPct: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, default: PRICE_GUARD_DEFAULTS.warnBelowPct,
    description: 'percentage of the baseline under which a listing is warned about, for shops that set none (src/rules/strategies/defaults.ts)' }),
  stopLossBelowPct: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, default: PRICE_GUARD_DEFAULTS.stopLossBelowPct,
    description: 'percentage of the baseline under which a listing is paused and its orders held, for shops that set none' }),
}, { additionalProperties: false });
export type PriceGuardParams = Static<typeof PriceGuardParams>;

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
    defaults: { warnBelowPct: PRICE_GUARD_DEFAULTS.warnBelowPct, stopLossBelowPct: PRICE_GUARD_DEFAULTS.stopLossBelowPct },
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
