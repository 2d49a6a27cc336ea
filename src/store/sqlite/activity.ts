// Dashboard aggregates over the SQLite tables: counts per bucket of event time. Times are stored
// as RFC 3339 strings with milliseconds (the contract's one format), so a range is a string
// comparison and a bucket is computed from the seconds and the milliseconds digits exactly.
import type Database from 'better-sqlite3';
import { DAY_MS, DECISION_VALUES } from '../../contract/index.js';
import type { Activity, ActivityRange, ItemActivity } from '../../core/index.js';

/** Epoch milliseconds of a stored time column, as an integer. */
const MS = (col: string) => `(CAST(strftime('%s', ${col}) AS INTEGER) * 1000 + CAST(substr(${col}, 21, 3) AS INTEGER))`;
/**
 * The bucket index of a stored time column; parameters @from and @bucket. JavaScript numbers are
 * bound as REAL, so the quotient is truncated explicitly.
 */
const BUCKET = (col: string) => `CAST((${MS(col)} - @from) / @bucket AS INTEGER)`;

/** The week before a range is the item's baseline, as the detectors' own baselines look back a week at most. */
const BASELINE_MS = 7 * DAY_MS;

interface Bounds {
  /** A tenant, or null for every tenant's rows. */
  source: string | null;
  from: number;
  bucket: number;
  fromIso: string;
  toIso: string;
}

function bounds(range: ActivityRange): Bounds {
  const toMs = range.fromMs + range.buckets * range.bucketMs;
  return { source: range.source ?? null, from: range.fromMs, bucket: range.bucketMs, fromIso: new Date(range.fromMs).toISOString(), toIso: new Date(toMs).toISOString() };
}

const zeros = (n: number) => new Array<number>(n).fill(0);

/** First and last event time of the stored events. */
export function activitySpan(db: Database.Database, source?: string): { firstMs: number; lastMs: number } | undefined {
  const row = db.prepare('SELECT MIN(time) AS first, MAX(time) AS last FROM events WHERE (@source IS NULL OR source = @source)')
    .get({ source: source ?? null }) as { first: string | null; last: string | null };
  if (row.first === null || row.last === null) return undefined;
  return { firstMs: Date.parse(row.first), lastMs: Date.parse(row.last) };
}

/** Events, decisions by value and alerts by kind per bucket. */
export function activity(db: Database.Database, range: ActivityRange): Activity {
  const b = bounds(range);
  const events = zeros(range.buckets);
  const inRange = 'time >= @fromIso AND time < @toIso AND (@source IS NULL OR source = @source)';
  for (const [i, n] of db.prepare(`SELECT ${BUCKET('time')} AS i, COUNT(*) FROM events WHERE ${inRange} GROUP BY i`).raw().iterate(b) as Iterable<[number, number]>) {
    events[i] = n;
  }
  const decisions: Record<string, number[]> = Object.fromEntries(DECISION_VALUES.map((d) => [d, zeros(range.buckets)]));
  const decided = `SELECT ${BUCKET('e.time')} AS i, d.decision, COUNT(*) FROM decisions d JOIN events e ON e.id = d.event_id
    WHERE e.time >= @fromIso AND e.time < @toIso AND (@source IS NULL OR e.source = @source) GROUP BY i, d.decision`;
  for (const [i, value, n] of db.prepare(decided).raw().iterate(b) as Iterable<[number, string, number]>) {
    (decisions[value] ??= zeros(range.buckets))[i] = n;
  }
  const alerts: Record<string, number[]> = {};
  for (const [i, kind, n] of db.prepare(`SELECT ${BUCKET('time')} AS i, kind, COUNT(*) FROM alerts WHERE ${inRange} GROUP BY i, kind ORDER BY kind`)
    .raw().iterate(b) as Iterable<[number, string, number]>) {
    (alerts[kind] ??= zeros(range.buckets))[i] = n;
  }
  return { events, decisions, alerts };
}

/**
 * An item's orders (order.placed naming it in a line) and refund requests on those orders per
 * bucket, and its orders per bucket over the week before the range. Each order counts once
 * however many of its lines name the item.
 */
export function itemActivity(db: Database.Database, itemId: string, range: ActivityRange): ItemActivity {
  const b = bounds(range);
  const baselineFromMs = Math.max(range.fromMs - BASELINE_MS, activitySpan(db, range.source)?.firstMs ?? range.fromMs);
  const args = { ...b, item: itemId, baseIso: new Date(baselineFromMs).toISOString() };
  // The item's orders from the start of the baseline to the end of the range; refunds may come
  // for orders placed before the range, so the refunds' join looks at every earlier order.
  const itemOrders = `SELECT DISTINCT e.seq, e.time, json_extract(e.body, '$.data.order_id') AS oid
    FROM events e, json_each(e.body, '$.data.lines') l
    WHERE e.type = 'order.placed' AND e.time < @toIso AND (@source IS NULL OR e.source = @source) AND json_extract(l.value, '$.item_id') = @item`;
  const orders = zeros(range.buckets);
  let baselineOrders = 0;
  for (const [time, i] of db.prepare(`SELECT time, ${BUCKET('time')} FROM (${itemOrders}) WHERE time >= @baseIso`).raw().iterate(args) as Iterable<[string, number]>) {
    if (time < b.fromIso) baselineOrders++;
    else orders[i] = (orders[i] ?? 0) + 1;
  }
  const refunds = zeros(range.buckets);
  const refunded = `SELECT ${BUCKET('r.time')}, COUNT(*) FROM events r
    WHERE r.type = 'refund.requested' AND r.time >= @fromIso AND r.time < @toIso AND (@source IS NULL OR r.source = @source)
      AND json_extract(r.body, '$.data.order_id') IN (SELECT oid FROM (${itemOrders}))
    GROUP BY 1`;
  for (const [i, n] of db.prepare(refunded).raw().iterate(args) as Iterable<[number, number]>) refunds[i] = n;
  const baselineBuckets = (range.fromMs - baselineFromMs) / range.bucketMs;
  return { orders, refunds, baselinePerBucket: baselineBuckets >= 1 ? baselineOrders / baselineBuckets : null };
}
