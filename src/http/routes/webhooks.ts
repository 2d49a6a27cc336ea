// GET /v1/webhooks/deliveries: the webhook outbox of the key's tenant, failures first in mind:
// `?status=failed` lists what the platform never received. The same counts are in /metrics.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Gauge } from 'prom-client';
import { DELIVERY_STATUSES, type CaseStore } from '../../cases/index.js';
import { ErrorBodySchema } from '../errors.js';
import type { ServerMetrics } from '../metrics.js';
import { DeliverySchema } from '../case-schemas.js';

export interface WebhooksRouteOptions {
  store: CaseStore;
  metrics: ServerMetrics;
}

export const webhooksRoutes: FastifyPluginAsyncTypebox<WebhooksRouteOptions> = async (app, { store, metrics }) => {
  new Gauge({
    name: 'bulwark_webhook_deliveries', help: 'Webhook messages by delivery status: pending (waiting or retrying), delivered, failed (every attempt used)',
    labelNames: ['status'], registers: [metrics.registry],
    async collect() {
      const counts = await store.deliveryCounts();
      for (const s of DELIVERY_STATUSES) this.set({ status: s }, counts[s]);
    },
  });

  app.get('/v1/webhooks/deliveries', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: "The webhook outbox of the key's tenant, newest first",
      querystring: Type.Object({
        status: Type.Optional(Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)))),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(DeliverySchema) }), '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => ({ items: await store.listDeliveries({ source: request.apiKey!.source, ...request.query }) }));
};
