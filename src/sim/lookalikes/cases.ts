// The opening shared by look-alikes made of separate buyers, one ordinary delivered order each
// (genuine refunds, genuine claims, polite follow-ups): who buys where and when is drawn at plan
// time, the orders are placed when the look-alike runs. The order of draws is part of the
// simulator's output, so this keeps it: size, buyers, shops, times; then per case item, actor,
// order, with the caller's own draws for a case made between two cases.
import { actorOf } from '../benign.js';
import type { PlacedOrder } from '../events.js';
import { deliveredOrder } from '../ordinary.js';
import type { Buyer, Shop } from '../population.js';
import type { Range, Rng } from '../rng.js';
import { span, type Slot } from '../scenario.js';
import type { TruthRecorder } from '../truth.js';
import type { World } from '../world.js';

/** One buyer's planned order from one shop. */
export interface Case { buyer: Buyer; shop: Shop; at: number }

/** A case whose order was placed and reached the buyer. */
export interface DeliveredCase extends Case { order: PlacedOrder; deliveredAt: number }

/** Planned cases, in time order, and the time the look-alike starts. */
export interface CasePlan {
  at: number;
  cases: readonly Case[];
  /**
   * Places each case's order and yields it once delivered, skipping cases whose order does not
   * reach the buyer inside the run. The recorder, if given, lists the order's events.
   */
  delivered(rec?: TruthRecorder): Generator<DeliveredCase, void, void>;
}

/** How many cases, how much run each needs after it starts, and which shops fit. */
export interface CaseOptions {
  cases: Range;
  minCases: number;
  /** Run left after a case's order for its delivery and what follows. */
  tailMs: number;
  /** Shops a case may buy from; any shop when absent. */
  shop?: (s: Shop) => boolean;
}

/** Takes n distinct buyers and one shop each, and spreads their orders over the slot. */
export function planCases(w: World, rng: Rng, slot: Slot, o: CaseOptions): CasePlan {
  const n = w.size(rng, o.cases, o.minCases);
  const buyers = w.pop.takeBuyers(rng, n);
  const shops = buyers.map(() => w.pop.takeShop(rng, o.shop));
  const [from, to] = span(w, slot, o.tailMs);
  const cases = buyers.map((buyer, i) => ({ buyer, shop: shops[i]!, at: Math.floor(rng.real(from, to)) })).sort((a, b) => a.at - b.at);
  return {
    at: cases[0]?.at ?? from,
    cases,
    *delivered(rec) {
      for (const c of cases) {
        const item = rng.pick(c.shop.items);
        const got = deliveredOrder(w, rng, { at: c.at, buyer: actorOf(rng, c.buyer), shop: c.shop, item, address: c.buyer.home }, rec);
        if (got) yield { ...c, ...got };
      }
    },
  };
}
