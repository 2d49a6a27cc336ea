// Merchant strategies at the edges: a `--strategies` file read for a replay, and the live
// strategies of a server, where a merchant's change is checked, saved as a new version in the
// store and then added to the book the guards read, at the position of the next event, without
// a restart. A change that fails its checks or its save changes nothing.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ShopStrategies, StrategiesFile } from '../contract/index.js';
import type { Page, StrategyStore, StrategyVersion, StrategyVersionQuery } from '../core/index.js';
import { StrategyTimeline, type PriceGuardParams, checkShopStrategies, checkStrategiesFile, describeProblems, timelineFromFile, type StrategyProblem } from '../rules/strategies/index.js';

/** A `--strategies` file that cannot be used; the message lists what to change. */
export class StrategiesFileError extends Error {
  readonly code = 'ERR_STRATEGIES_FILE';
}

/**
 * Reads and checks a `--strategies` file: JSON (.json) or YAML (.yaml, .yml, or anything else).
 * `lines` are the configured price guard lines (config.guards.price_guard) a shop's own lines are checked against.
 */
export function loadStrategiesFile(path: string, lines: Readonly<PriceGuardParams>): StrategiesFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new StrategiesFileError(`cannot read strategies file ${path}: ${(err as Error).message}; pass a JSON or YAML file with --strategies`);
  }
  let value: unknown;
  const json = extname(path).toLowerCase() === '.json';
  try {
    value = json ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new StrategiesFileError(`strategies file ${path} is not valid ${json ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  const checked = checkStrategiesFile(value ?? {}, lines);
  if (!checked.ok) {
    throw new StrategiesFileError(describeProblems(`strategies file ${path} is refused; fix these and run again (docs/strategies.md)`, checked.problems));
  }
  return checked.value;
}

/** The book of a `--strategies` file: every shop's document in effect from the first event. */
export function strategiesTimeline(file?: StrategiesFile): StrategyTimeline {
  return file ? timelineFromFile(file) : new StrategyTimeline();
}

/** Loads every stored version into a timeline, each at the position it was made. */
export async function storedTimeline(store: StrategyStore): Promise<StrategyTimeline> {
  const t = new StrategyTimeline();
  await store.strategyVersions((v) => t.add({ tenant: v.tenant, shopId: v.shop_id, position: v.position, strategies: v.strategies }));
  return t;
}

/** A document refused by its checks; `problems` has each path and fix. */
export class StrategiesInvalidError extends Error {
  readonly code = 'ERR_STRATEGIES_INVALID';
  constructor(readonly problems: StrategyProblem[]) {
    super(describeProblems('the strategies are refused, nothing was changed; fix these and send the whole document again', problems));
  }
}

/** Live merchant strategies of a server: reads from the store, changes through it into the book. */
export class MerchantStrategies {
  /** The price guard lines of a shop that set none (config.guards.price_guard), as the HTTP answer names them. */
  readonly priceGuardDefaults: { warn_below_pct: number; stop_loss_below_pct: number };

  constructor(private readonly o: {
    store: StrategyStore;
    /** The configured lines of a shop that sets none (config.guards.price_guard). */
    priceGuard: Readonly<PriceGuardParams>;
    timeline: StrategyTimeline;
    /** Events applied so far: a change takes effect from the next one. */
    position: () => number;
    /** Wall clock for the audit time of a change only; the pipeline never sees it. */
    now?: () => Date;
  }) {
    this.priceGuardDefaults = { warn_below_pct: o.priceGuard.warnBelowPct, stop_loss_below_pct: o.priceGuard.stopLossBelowPct };
  }

  current(tenant: string, shopId: string): Promise<StrategyVersion | undefined> {
    return this.o.store.currentStrategies(tenant, shopId);
  }

  versions(tenant: string, shopId: string, q: StrategyVersionQuery): Promise<Page<StrategyVersion>> {
    return this.o.store.listStrategyVersions(tenant, shopId, q);
  }

  /**
   * Replaces a shop's strategies: checks the document, saves it as the next version, then puts it
   * in the book. Call it between events (the server runs it in the ingest queue), so that its
   * position is exact.
   */
  async put(o: { tenant: string; shopId: string; strategies: unknown; changedBy: string }): Promise<StrategyVersion> {
    const checked = checkShopStrategies(o.strategies, this.o.priceGuard);
    if (!checked.ok) throw new StrategiesInvalidError(checked.problems);
    const before = await this.o.store.currentStrategies(o.tenant, o.shopId);
    const version: StrategyVersion = {
      tenant: o.tenant, shop_id: o.shopId, version: (before?.version ?? 0) + 1,
      strategies: checked.value satisfies ShopStrategies, previous: before?.strategies ?? null,
      changed_by: o.changedBy, changed_at: (this.o.now?.() ?? new Date()).toISOString(), position: this.o.position(),
    };
    await this.o.store.saveStrategyVersion(version);
    this.o.timeline.add({ tenant: o.tenant, shopId: o.shopId, position: version.position, strategies: version.strategies });
    return version;
  }
}
