// GET /metrics: Prometheus text format, for analyst and admin keys (it reveals traffic volumes).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBodySchema } from '../errors.js';
import type { ServerMetrics } from '../metrics.js';

/** Registers the Prometheus scrape endpoint. */
export const metricsRoutes: FastifyPluginAsyncTypebox<{ metrics: ServerMetrics }> = async (app, { metrics }) => {
  app.get('/metrics', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: 'Prometheus metrics: events, decisions, alerts, decision and store latency',
      response: { 200: Type.String({ description: 'Prometheus text exposition format' }), '4xx': ErrorBodySchema },
    },
  }, async (_request, reply) => {
    const text = await metrics.render();
    return reply.type(metrics.contentType).send(text);
  });
};
