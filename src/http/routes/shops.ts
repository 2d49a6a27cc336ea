// GET /v1/shops/{shop_id}/warnings: a shop's risk warnings, newest first. A merchant key reads
// its own shop only; analysts and admins read any shop of their tenant. Read from the store, which
// holds every committed warning.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import type { ServerMetrics } from '../metrics.js';
import { PageSchema, ShopParamsSchema, WarningQuerySchema, WarningSchema } from '../schemas.js';

export interface ShopsRouteOptions {
  store: Store;
  metrics: ServerMetrics;
}

/** Registers the shop routes. */
export const shopsRoutes: FastifyPluginAsyncTypebox<ShopsRouteOptions> = async (app, { store, metrics }) => {
  app.get('/v1/shops/:shop_id/warnings', {
    config: { auth: ['merchant', 'analyst', 'admin'] },
    // Scope before anything else (query validation included), so that a merchant key of another
    // shop gets the same answer whatever it asks and whether or not the shop exists.
    onRequest: ownShopOnly,
    schema: {
      summary: "A shop's risk warnings, newest first, paged by cursor",
      description: 'Orders held or flagged and why, listings paused, claims and refunds flagged, price errors, launches under ' +
        "attack, fake orders against the shop, claims found malicious. For that shop's merchant key, analysts and admins.",
      params: ShopParamsSchema,
      querystring: WarningQuerySchema,
      response: { 200: PageSchema(WarningSchema), '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const source = request.apiKey!.source;
    return metrics.timeStore('list_warnings', () => store.listWarnings(request.params.shop_id, { source, limit, cursor }));
  });
};

async function ownShopOnly(request: FastifyRequest): Promise<void> {
  const key = request.apiKey;
  if (key?.role !== 'merchant') return;
  const { shop_id: shop } = request.params as { shop_id?: string };
  if (key.shop === undefined || key.shop !== shop) {
    throw new HttpError('forbidden', "a merchant key may read only its own shop's warnings; " +
      "call GET /v1/shops/{shop_id}/warnings with the shop_id the key was created for, or use that shop's key");
  }
}
