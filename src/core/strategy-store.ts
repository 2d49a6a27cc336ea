// Where merchants' strategies are kept: a port of its own, apart from the Store of events and
// state, so that each store technology implements it beside its Store (SQLite by a migration)
// and a deployment without merchant strategies needs none of it. The pipeline never reads it:
// the composition root loads the versions into the book the guards read.
import type { ShopStrategies } from '../contract/index.js';
import type { Page } from './ports.js';

/** One version of a shop's strategies: what they became, what they were, who changed them and when. */
export interface StrategyVersion {
  /** The shop's tenant (event `source`); `default` for events without one. */
  tenant: string;
  shop_id: string;
  /** 1 for the shop's first document, one more for each change after it. */
  version: number;
  /** The document in effect from this version on. */
  strategies: ShopStrategies;
  /** The document it replaced; null for version 1. */
  previous: ShopStrategies | null;
  /** The id of the API key that made the change (never the key itself). */
  changed_by: string;
  /** Wall-clock time of the change, RFC 3339: an audit fact, never read by the pipeline. */
  changed_at: string;
  /**
   * Events applied (across the whole store) before the change took effect. The change applies
   * from the event at this position on, so re-applying stored events after a restart sees each
   * change exactly where it happened, and the rebuilt state is the state that was committed.
   */
  position: number;
}

export interface StrategyVersionQuery {
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/** Durable, versioned storage of merchant strategies. */
export interface StrategyStore {
  /** Calls `each` for every version of every shop, in the order they were saved (to rebuild the book at start). */
  strategyVersions(each: (v: StrategyVersion) => void): Promise<void>;
  /** The shop's latest version, or undefined when it never set strategies. */
  currentStrategies(tenant: string, shopId: string): Promise<StrategyVersion | undefined>;
  /** The shop's versions, newest first, paged by cursor. */
  listStrategyVersions(tenant: string, shopId: string, q: StrategyVersionQuery): Promise<Page<StrategyVersion>>;
  /**
   * Saves a new version atomically. Fails with a StoreError of code `ERR_STORE_STRATEGY_CONFLICT`
   * when the shop already has a version with that number (another change was saved first).
   */
  saveStrategyVersion(v: StrategyVersion): Promise<void>;
}
