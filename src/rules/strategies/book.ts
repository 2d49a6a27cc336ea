// The strategy book: the port the guards read merchants' strategies through, and the timeline
// that implements it. Strategies change while the pipeline runs (a merchant sets a guard before a
// launch), so a version takes effect at a position in the stream of applied events: the events
// before it were judged without it, those after with it. Replaying the same events with the same
// versions at the same positions therefore gives the same decisions, whether the versions came
// from a `--strategies` file (all at position 0) or from a store (each where it was made).
import { DEFAULT_SOURCE, parseEventTime, type ScalperGuardAction, type ShopStrategies } from '../../contract/index.js';
import { DAY_MS } from '../../contract/index.js';

/** Separates the parts of a counter key: a control character no id contains in practice, and not a path separator of any id format. */
const KEY_SEP = '\u001f';

/** A scalper guard ready to judge orders: times in epoch ms, items as a set. */
export interface CompiledScalperGuard {
  id: string;
  /** Prefix of its counters in state: tenant, shop, id and start, so a relaunch under the same id with a new start counts afresh. */
  key: string;
  /** Epoch ms; -Infinity when the guard has no start. */
  startsAt: number;
  /** Epoch ms, exclusive; Infinity when it has no end. */
  endsAt: number;
  perAccountLimit: number | undefined;
  perGroupLimit: number | undefined;
  minAgeMs: number | undefined;
  noVagueAddresses: boolean;
  maxOrdersPerAddress: number | undefined;
  action: ScalperGuardAction;
}

/** Price guard lines as fractions of the baseline; undefined fields take the shop's, then the guard's defaults. */
export interface CompiledPriceRule {
  enabled: boolean | undefined;
  warnBelow: number | undefined;
  stopLossBelow: number | undefined;
}

/** One shop's strategies as the guards read them. */
export interface CompiledStrategies {
  /** Which guard covers each item (an item is in at most one). */
  scalperByItem: ReadonlyMap<string, CompiledScalperGuard>;
  price: CompiledPriceRule;
  priceByItem: ReadonlyMap<string, CompiledPriceRule>;
}

/** Read access to merchants' strategies, for the guards. */
export interface StrategyBook {
  /** The strategies shop `shopId` of `tenant` has in effect for the event being processed; undefined when it set none. */
  forShop(tenant: string, shopId: string): CompiledStrategies | undefined;
}

/** Turns a checked document into the form the guards read. */
export function compileStrategies(tenant: string, shopId: string, s: ShopStrategies): CompiledStrategies {
  const scalperByItem = new Map<string, CompiledScalperGuard>();
  for (const g of s.scalper_guards ?? []) {
    const compiled: CompiledScalperGuard = {
      id: g.id,
      key: [tenant, shopId, g.id, g.starts_at ?? ''].join(KEY_SEP),
      startsAt: g.starts_at === undefined ? Number.NEGATIVE_INFINITY : parseEventTime(g.starts_at),
      endsAt: g.ends_at === undefined ? Number.POSITIVE_INFINITY : parseEventTime(g.ends_at),
      perAccountLimit: g.per_account_limit,
      perGroupLimit: g.per_group_limit,
      minAgeMs: g.min_account_age_days === undefined ? undefined : g.min_account_age_days * DAY_MS,
      noVagueAddresses: g.no_vague_addresses === true,
      maxOrdersPerAddress: g.max_orders_per_address,
      action: g.action ?? 'deny',
    };
    for (const item of g.item_ids) scalperByItem.set(item, compiled);
  }
  const p = s.price_guard;
  const rule = (r: { enabled?: boolean; warn_below_pct?: number; stop_loss_below_pct?: number } | undefined): CompiledPriceRule => ({
    enabled: r?.enabled,
    warnBelow: r?.warn_below_pct === undefined ? undefined : r.warn_below_pct / 100,
    stopLossBelow: r?.stop_loss_below_pct === undefined ? undefined : r.stop_loss_below_pct / 100,
  });
  const priceByItem = new Map<string, CompiledPriceRule>();
  for (const [item, r] of Object.entries(p?.items ?? {})) priceByItem.set(item, rule(r));
  return { scalperByItem, price: rule(p), priceByItem };
}

interface Entry {
  position: number;
  strategies: CompiledStrategies;
}

/**
 * A StrategyBook over versions that take effect at positions in the stream of applied events.
 * The engine seeks to each event's position (the number of events applied before it) before it
 * processes the event; a version added at position n applies from that event on.
 */
export class StrategyTimeline implements StrategyBook {
  readonly #tenants = new Map<string, Map<string, Entry[]>>();
  #position = 0;

  /** Sets the position of the event about to be processed. */
  seek(position: number): void {
    this.#position = position;
  }

  /**
   * Adds a shop's version, checked already (checkShopStrategies), taking effect at `position`.
   * Versions of a shop are added in order; one at the position of the latest replaces it.
   */
  add(o: { tenant: string; shopId: string; position: number; strategies: ShopStrategies }): void {
    const tenant = o.tenant || DEFAULT_SOURCE;
    let shops = this.#tenants.get(tenant);
    if (!shops) this.#tenants.set(tenant, shops = new Map());
    const list = shops.get(o.shopId) ?? [];
    const last = list[list.length - 1];
    if (last && o.position < last.position) {
      throw new RangeError(`strategies of shop ${o.shopId} at position ${o.position} come before the version at ${last.position}; add versions in order`);
    }
    const entry = { position: o.position, strategies: compileStrategies(tenant, o.shopId, o.strategies) };
    if (last && last.position === o.position) list[list.length - 1] = entry;
    else list.push(entry);
    shops.set(o.shopId, list);
  }

  forShop(tenant: string, shopId: string): CompiledStrategies | undefined {
    const list = this.#tenants.get(tenant)?.get(shopId);
    if (!list) return undefined;
    // Almost always the latest version; older ones only while re-applying events after a restart.
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.position <= this.#position) return list[i]!.strategies;
    return undefined;
  }
}
