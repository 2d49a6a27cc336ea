// Merchant strategies: the scalper and price guards a merchant sets for its own shop, the book
// the guards read them from (versions taking effect at positions in the event stream), and the
// checks a document passes before it is used. No I/O here: files are read and versions stored
// by app/ and the stores (behind the core's StrategyStore port).
import { DEFAULT_SOURCE, type StrategiesFile } from '../../contract/index.js';
import type { AnyGuard } from '../../core/index.js';
import { StrategyTimeline, type StrategyBook } from './book.js';
import { priceGuard, type BaselineReader } from './price-guard.js';
import { scalperGuard } from './scalper-guard.js';

export * from './book.js';
export * from './validate.js';
export { scalperGuard } from './scalper-guard.js';
export { PRICE_GUARD_DEFAULTS, priceGuard, PriceGuardParams, type BaselineReader } from './price-guard.js';

/** The guards of merchant strategies, reading `book`; run them before the detectors (the price guard reads the baseline before a listing joins it). */
export function strategyGuards(o: { book: StrategyBook; baseline: BaselineReader }): AnyGuard[] {
  return [scalperGuard(o.book), priceGuard(o)];
}

/** A timeline holding a checked `--strategies` file, every shop's document in effect from the first event. */
export function timelineFromFile(file: StrategiesFile): StrategyTimeline {
  const t = new StrategyTimeline();
  for (const [shopId, strategies] of Object.entries(file.shops ?? {})) t.add({ tenant: DEFAULT_SOURCE, shopId, position: 0, strategies });
  for (const [tenant, { shops }] of Object.entries(file.tenants ?? {})) {
    for (const [shopId, strategies] of Object.entries(shops)) t.add({ tenant, shopId, position: 0, strategies });
  }
  return t;
}
