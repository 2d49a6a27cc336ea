// Windowed activity of accounts, shops and items in event time: counts and sums per 10-minute
// bucket, kept for 7 days, for the window features of analysts' rules (src/rules/features.ts).
// Kept only when the pipeline is asked to (`PipelineOptions.activity`): a replay without rules
// pays nothing for it. Plain JSON in the StateStore, so snapshots and resume carry it.
import type { BulwarkEvent } from '../../contract/index.js';
import { DAY_MS, MINUTE_MS } from '../../contract/index.js';
import type { StateStore } from '../ports.js';
import { NS } from './entities.js';
import { addToSeries, emptySeries, pruneSeries, sumRange, type BucketSeries } from './windows.js';

/** Bucket width: windows of one hour and more are exact to within this. */
export const ACTIVITY_BUCKET_MS = 10 * MINUTE_MS;
/** The longest window a feature may ask for; older buckets are dropped. */
export const ACTIVITY_RETENTION_MS = 7 * DAY_MS;

/** State namespaces of the activity series. */
export const ACTIVITY_NS = { account: 'act.acct', shop: 'act.shop', item: 'act.item' } as const;

/** The series kept per entity, by measure. */
export type ActivityMeasure = 'orders' | 'refunds' | 'refundOnly' | 'coupons' | 'claims';

export type ActivitySeries = Partial<Record<ActivityMeasure, BucketSeries>>;

/** The state keys applyActivity reads and writes for `event` (for stores that load ahead). */
export function activityKeys(e: BulwarkEvent): string[] {
  return touches(e).map(([ns, id]) => `${ns}:${id}`);
}

/** Records `e` in the activity series of the entities it concerns, at event time `at`. */
export function applyActivity(state: StateStore, e: BulwarkEvent, at: number): void {
  switch (e.type) {
    case 'order.placed': {
      add(state, ACTIVITY_NS.account, e.data.buyer_id, 'orders', at, e.data.amount);
      add(state, ACTIVITY_NS.shop, e.data.shop_id, 'orders', at, e.data.amount);
      for (const l of e.data.lines) add(state, ACTIVITY_NS.item, l.item_id, 'orders', at, l.qty);
      return;
    }
    case 'refund.requested': {
      add(state, ACTIVITY_NS.account, e.data.buyer_id, 'refunds', at, e.data.amount);
      if (e.data.kind === 'refund_only') add(state, ACTIVITY_NS.account, e.data.buyer_id, 'refundOnly', at, e.data.amount);
      const order = state.get<{ shopId: string }>(NS.order, e.data.order_id);
      if (order) add(state, ACTIVITY_NS.shop, order.shopId, 'refunds', at, e.data.amount);
      return;
    }
    case 'coupon.claimed': return add(state, ACTIVITY_NS.account, e.data.account_id, 'coupons', at, e.data.value);
    case 'claim.filed': {
      add(state, ACTIVITY_NS.account, e.data.buyer_id, 'claims', at, e.data.amount);
      add(state, ACTIVITY_NS.shop, e.data.shop_id, 'claims', at, e.data.amount);
      return;
    }
    default:
  }
}

/** Count and sum of one measure of one entity over the window `(at - windowMs, at]`. */
export function activityIn(
  state: StateStore, ns: string, id: string, measure: ActivityMeasure, window: { at: number; windowMs: number },
): { n: number; v: number } {
  const s = state.get<ActivitySeries>(ns, id)?.[measure];
  if (!s) return { n: 0, v: 0 };
  // Every bucket that overlaps the window, up to the one holding `at`: the oldest may reach up to
  // one bucket further back, so a window counts at most ACTIVITY_BUCKET_MS more, never less.
  return sumRange(s, window.at - window.windowMs - ACTIVITY_BUCKET_MS + 1, window.at);
}

function add(state: StateStore, ns: string, id: string, measure: ActivityMeasure, at: number, value: number): void {
  const rec = state.get<ActivitySeries>(ns, id) ?? {};
  const s = rec[measure] ?? emptySeries();
  addToSeries(s, at, ACTIVITY_BUCKET_MS, value);
  // Drop what no window can reach any more, relative to this entity's newest bucket.
  const newest = s.t[s.t.length - 1]!;
  pruneSeries(s, newest - ACTIVITY_RETENTION_MS);
  rec[measure] = s;
  state.set(ns, id, rec);
}

function touches(e: BulwarkEvent): Array<readonly [string, string]> {
  switch (e.type) {
    case 'order.placed':
      return [[ACTIVITY_NS.account, e.data.buyer_id], [ACTIVITY_NS.shop, e.data.shop_id],
        ...e.data.lines.map((l) => [ACTIVITY_NS.item, l.item_id] as const)];
    case 'refund.requested': return [[ACTIVITY_NS.account, e.data.buyer_id], [NS.order, e.data.order_id]];
    case 'coupon.claimed': return [[ACTIVITY_NS.account, e.data.account_id]];
    case 'claim.filed': return [[ACTIVITY_NS.account, e.data.buyer_id], [ACTIVITY_NS.shop, e.data.shop_id]];
    default: return [];
  }
}
