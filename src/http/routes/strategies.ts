// GET and PUT /v1/shops/{shop_id}/strategies, and GET .../strategies/versions: a shop's merchant
// strategies (docs/strategies.md). Only that shop's merchant key may change them; it and analysts
// and admins of the tenant may read them. A change is checked whole (every problem with its path
// and fix), saved as a new version (who, when, before and after) and takes effect from the next
// event, between ingest requests; a refused change changes nothing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ShopStrategiesSchema } from '../../contract/index.js';
import type { Page, StrategyVersion, StrategyVersionQuery } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import type { ServerMetrics } from '../metrics.js';
import { PageSchema, ShopParamsSchema, WarningQuerySchema } from '../schemas.js';

/** What the routes need of the server's live strategies; app's MerchantStrategies is one. */
export interface StrategiesService {
  current(tenant: string, shopId: string): Promise<StrategyVersion | undefined>;
  versions(tenant: string, shopId: string, q: StrategyVersionQuery): Promise<Page<StrategyVersion>>;
  put(o: { tenant: string; shopId: string; strategies: unknown; changedBy: string }): Promise<StrategyVersion>;
  /** The price guard lines a shop has until it sets its own, shown with every answer. */
  readonly priceGuardDefaults: { warn_below_pct: number; stop_loss_below_pct: number };
}

export interface StrategiesRouteOptions {
  strategies: StrategiesService;
  /** Runs a change between ingest requests, so it takes effect at an exact point of the event stream. */
  exclusive: <T>(task: () => Promise<T>) => Promise<T>;
  metrics: ServerMetrics;
}

const StrategiesAnswerSchema = Type.Object({
  shop_id: Type.String(),
  version: Type.Integer({ description: 'the current version; 0 while the shop has set none' }),
  strategies: ShopStrategiesSchema,
  price_guard_defaults: Type.Object({ warn_below_pct: Type.Number(), stop_loss_below_pct: Type.Number() },
    { description: 'the price guard lines in force where the strategies set none: the configuration\'s guards.price_guard' }),
  changed_by: Type.Optional(Type.String({ description: 'id of the key that made the current version' })),
  changed_at: Type.Optional(Type.String({ description: 'when the current version was made (wall clock, RFC 3339)' })),
});

const VersionSchema = Type.Object({
  shop_id: Type.String(),
  version: Type.Integer(),
  strategies: ShopStrategiesSchema,
  previous: Type.Union([ShopStrategiesSchema, Type.Null()], { description: 'the document this version replaced; null for the first' }),
  changed_by: Type.String({ description: 'id of the key that made the change' }),
  changed_at: Type.String({ description: 'when the change was made (wall clock, RFC 3339)' }),
});

/** Registers the strategies routes. */
export const strategiesRoutes: FastifyPluginAsyncTypebox<StrategiesRouteOptions> = async (app, o) => {
  const answer = (shopId: string, v: StrategyVersion | undefined) => ({
    shop_id: shopId, version: v?.version ?? 0, strategies: v?.strategies ?? {}, price_guard_defaults: o.strategies.priceGuardDefaults,
    ...(v ? { changed_by: v.changed_by, changed_at: v.changed_at } : {}),
  });

  app.get('/v1/shops/:shop_id/strategies', {
    config: { auth: ['merchant', 'analyst', 'admin'] },
    onRequest: ownShopOnly,
    schema: {
      summary: "A shop's merchant strategies in force (scalper guards, price guard)",
      params: ShopParamsSchema,
      response: { 200: StrategiesAnswerSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const shopId = request.params.shop_id;
    return answer(shopId, await o.metrics.timeStore('get_strategies', () => o.strategies.current(request.apiKey!.source, shopId)));
  });

  app.put('/v1/shops/:shop_id/strategies', {
    config: { auth: ['merchant'] },
    onRequest: ownShopOnly,
    // The body is checked in the handler, by the same checks as a --strategies file, so that a
    // refusal lists every problem with its path and fix; the schema is here for the OpenAPI document.
    attachValidation: true,
    schema: {
      summary: "Replaces a shop's merchant strategies (that shop's merchant key only); effective from the next event",
      description: 'The whole document: scalper guards by launch and the price guard. A refused document (400, ' +
        'details.problems with each path and fix) changes nothing. The answer is the new version.',
      params: ShopParamsSchema,
      body: ShopStrategiesSchema,
      response: { 200: StrategiesAnswerSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const invalid = request.validationError;
    if (invalid && invalid.validationContext !== 'body') throw invalid;
    const key = request.apiKey!;
    const shopId = request.params.shop_id;
    let saved: StrategyVersion;
    try {
      saved = await o.exclusive(() => o.metrics.timeStore('put_strategies',
        () => o.strategies.put({ tenant: key.source, shopId, strategies: request.body, changedBy: key.id })));
    } catch (err) {
      const e = err as { code?: unknown; problems?: unknown; message?: string };
      if (e.code === 'ERR_STRATEGIES_INVALID') throw new HttpError('invalid_request', String(e.message), { problems: e.problems });
      if (e.code === 'ERR_STORE_STRATEGY_CONFLICT') {
        throw new HttpError('store_unavailable', 'another change to these strategies was saved at the same moment; read them again and retry', undefined, err);
      }
      throw err;
    }
    return answer(shopId, saved);
  });

  app.get('/v1/shops/:shop_id/strategies/versions', {
    config: { auth: ['merchant', 'analyst', 'admin'] },
    onRequest: ownShopOnly,
    schema: {
      summary: "A shop's strategy versions, newest first: who changed what, when, before and after",
      params: ShopParamsSchema,
      querystring: WarningQuerySchema,
      response: { 200: PageSchema(VersionSchema), '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const page = await o.metrics.timeStore('list_strategy_versions',
      () => o.strategies.versions(request.apiKey!.source, request.params.shop_id, { limit, ...(cursor ? { cursor } : {}) }));
    return { items: page.items.map(({ tenant: _t, position: _p, ...v }) => v), next_cursor: page.next_cursor };
  });
};

/** A merchant key reaches its own shop only: the same 403 whatever it asks, and whether or not the shop exists. */
async function ownShopOnly(request: FastifyRequest): Promise<void> {
  const key = request.apiKey;
  if (key?.role !== 'merchant') return;
  const { shop_id: shop } = request.params as { shop_id?: string };
  if (key.shop === undefined || key.shop !== shop) {
    throw new HttpError('forbidden', "a merchant key may read and change only its own shop's strategies; " +
      "call /v1/shops/{shop_id}/strategies with the shop_id the key was created for, or use that shop's key");
  }
}
