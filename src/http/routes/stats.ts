// Time series for dashboards: events, decisions by value and alerts by kind per bucket of event
// time, and one item's orders and refunds against its baseline (a case's timeline). Computed by
// the store from everything committed, so they agree with the lists the other routes answer.
// A key sees its own tenant's figures only.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { MINUTE_MS, TIME_PATTERN } from '../../contract/index.js';

const HOUR_MS = 60 * MINUTE_MS;
import type { ActivityRange, ActivityReader } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';

export interface StatsRouteOptions {
  activity: ActivityReader;
}

/** Bucket widths a client may ask for, by name. */
export const BUCKETS = { '1m': MINUTE_MS, '5m': 5 * MINUTE_MS, '15m': 15 * MINUTE_MS, '1h': 60 * MINUTE_MS, '6h': 360 * MINUTE_MS, '1d': 1440 * MINUTE_MS } as const;
type BucketName = keyof typeof BUCKETS;
/** Without `bucket`, the narrowest width that covers the range in at most this many buckets: enough points for a chart a screen wide. */
const AUTO_BUCKETS = 500;
/** More buckets than this is refused: an answer stays well under a megabyte. */
export const MAX_BUCKETS = 5000;

const RangeQuerySchema = Type.Object({
  since: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: 'start of the range (event time); default: the first stored event' })),
  until: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: 'end of the range, exclusive; default: just after the last stored event' })),
  bucket: Type.Optional(Type.Union(Object.keys(BUCKETS).map((b) => Type.Literal(b)), {
    description: `bucket width; default: the narrowest giving at most ${AUTO_BUCKETS} buckets`,
  })),
}, { additionalProperties: false });

const series = (what: string) => Type.Array(Type.Integer({ minimum: 0 }), { description: `${what} per bucket, one number per bucket` });

const rangeFields = {
  from: Type.String({ description: 'start of the first bucket (event time); bucket i starts at from + i × bucket_ms' }),
  bucket_ms: Type.Integer({ minimum: 1 }),
  buckets: Type.Integer({ minimum: 0 }),
};

const ActivitySchema = Type.Object({
  ...rangeFields,
  events: series('events applied, by event time'),
  decisions: Type.Record(Type.String(), series('decisions of this value'), { description: 'by decision value: allow, challenge, review, deny' }),
  alerts: Type.Record(Type.String(), series('alerts of this kind first seen'), { description: 'by alert kind; kinds without alerts in the range are absent' }),
}, { description: 'Events, decisions and alerts over event time' });

const ItemActivitySchema = Type.Object({
  ...rangeFields,
  item_id: Type.String(),
  orders: series('orders naming the item'),
  refunds: series('refund requests on those orders'),
  baseline_per_bucket: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: "the item's orders per bucket over the week before `from` (or since the first stored event); null when that is shorter than one bucket",
  }),
  baseline_per_hour: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'the same baseline in orders an hour, the unit alerts state theirs in (a detector\'s baseline may differ: it weighs ' +
      'recent hours more and has a floor for new or slow items, as the alert\'s evidence says)',
  })),
}, { description: "One item's orders and refunds over event time, with its baseline" });

/** Registers GET /v1/stats/activity and GET /v1/stats/items/{item_id}/activity. */
export const statsRoutes: FastifyPluginAsyncTypebox<StatsRouteOptions> = async (app, { activity }) => {
  app.get('/v1/stats/activity', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: 'Events, decisions by value and alerts by kind per bucket of event time',
      querystring: RangeQuerySchema,
      response: { 200: ActivitySchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const range = await resolveRange(activity, request.query, request.apiKey!.source);
    const a = await activity.activity(range);
    return { ...rangeJson(range), events: a.events, decisions: a.decisions, alerts: a.alerts };
  });

  app.get('/v1/stats/items/:item_id/activity', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: "One item's orders and refund requests per bucket, with its baseline",
      description: 'The timeline of an incident on an item (a flood of fake orders, a price error, a launch): compare the bars with the baseline.',
      params: Type.Object({ item_id: Type.String({ minLength: 1, maxLength: 256 }) }),
      querystring: RangeQuerySchema,
      response: { 200: ItemActivitySchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const range = await resolveRange(activity, request.query, request.apiKey!.source);
    const a = await activity.itemActivity(request.params.item_id, range);
    const perHour = a.baselinePerBucket === null ? null : (a.baselinePerBucket * HOUR_MS) / range.bucketMs;
    return { ...rangeJson(range), item_id: request.params.item_id, orders: a.orders, refunds: a.refunds, baseline_per_bucket: a.baselinePerBucket,
      baseline_per_hour: perHour };
  });
};

type RangeQuery = Static<typeof RangeQuerySchema>;

/** The buckets a query asks for; bucket starts are aligned to the width (a day's bucket starts at midnight UTC). */
export async function resolveRange(activity: ActivityReader, q: RangeQuery, source: string): Promise<ActivityRange> {
  let sinceMs = q.since === undefined ? undefined : Date.parse(q.since);
  let untilMs = q.until === undefined ? undefined : Date.parse(q.until);
  if (sinceMs === undefined || untilMs === undefined) {
    const span = await activity.activitySpan(source);
    sinceMs ??= span?.firstMs ?? untilMs ?? 0;
    untilMs ??= span ? span.lastMs + 1 : sinceMs;
  }
  if (untilMs < sinceMs) {
    throw new HttpError('invalid_request', `until (${q.until ?? new Date(untilMs).toISOString()}) is before since (${q.since ?? new Date(sinceMs).toISOString()}); pass an until after since`);
  }
  const bucketMs = q.bucket === undefined ? autoBucket(untilMs - sinceMs) : BUCKETS[q.bucket as BucketName];
  const fromMs = Math.floor(sinceMs / bucketMs) * bucketMs;
  const buckets = Math.ceil((untilMs - fromMs) / bucketMs);
  if (buckets > MAX_BUCKETS) {
    throw new HttpError('invalid_request', `${buckets} buckets of ${bucketMs / MINUTE_MS} min from ${new Date(fromMs).toISOString()} to ${new Date(untilMs).toISOString()} ` +
      `is over the limit of ${MAX_BUCKETS}; pass a wider bucket or a shorter since/until range`);
  }
  return { source, fromMs, bucketMs, buckets };
}

function autoBucket(spanMs: number): number {
  const names = Object.keys(BUCKETS) as BucketName[];
  for (const name of names) if (spanMs / BUCKETS[name] <= AUTO_BUCKETS) return BUCKETS[name];
  return BUCKETS['1d'];
}

function rangeJson(r: ActivityRange): { from: string; bucket_ms: number; buckets: number } {
  return { from: new Date(r.fromMs).toISOString(), bucket_ms: r.bucketMs, buckets: r.buckets };
}
