// GET /v1/alerts and GET /v1/alerts/{id}. An alert belongs to the tenant (event `source`) of the
// event that opened it; a key sees its own tenant's alerts only, and another tenant's alert is
// answered like one that does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_SOURCE } from '../../contract/index.js';
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
    const source = request.apiKey!.source;
    return metrics.timeStore('list_alerts', () => store.listAlerts({ source, kind, since, limit, cursor }));
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
    if (!alert || (alert.source ?? DEFAULT_SOURCE) !== request.apiKey!.source) {
      throw new HttpError('not_found', `no alert ${JSON.stringify(request.params.id)}; list alerts with GET /v1/alerts`);
    }
    return alert;
  });
};
