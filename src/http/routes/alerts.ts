// GET /v1/alerts and GET /v1/alerts/{id}. Alerts are not per tenant yet: an analyst or admin key
// sees every alert of this server. When alerts carry their tenant, filter by request.apiKey.source.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import type { ServerMetrics } from '../metrics.js';
import { AlertParamsSchema, AlertQuerySchema, AlertSchema, PageSchema } from '../schemas.js';

export interface AlertsRouteOptions {
  store: Store;
  metrics: ServerMetrics;
}

/** Registers the alert routes; reads go to the store, which holds every committed alert. */
export const alertsRoutes: FastifyPluginAsyncTypebox<AlertsRouteOptions> = async (app, { store, metrics }) => {
  app.get('/v1/alerts', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: 'Alerts, newest first, paged by cursor',
      querystring: AlertQuerySchema,
      response: { 200: PageSchema(AlertSchema), '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const { kind, since, limit, cursor } = request.query;
    return metrics.timeStore('list_alerts', () => store.listAlerts({ kind, since, limit, cursor }));
  });

  app.get('/v1/alerts/:id', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: 'One alert with its evidence',
      params: AlertParamsSchema,
      response: { 200: AlertSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const alert = await metrics.timeStore('get_alert', () => store.getAlert(request.params.id));
    if (!alert) {
      throw new HttpError('not_found', `no alert ${JSON.stringify(request.params.id)}; list alerts with GET /v1/alerts`);
    }
    return alert;
  });
};
