// GET /healthz (the process answers) and GET /readyz (it can do its work: the store answers and
// ingest has not stopped after a failure). Both need no key, so orchestrators can probe them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Store } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';

export interface HealthRouteOptions {
  store: Store;
  /** Why ingest stopped, if it did. */
  ingestFailure: () => string | undefined;
}

const StatusSchema = Type.Object({ status: Type.String() });

/** Registers the liveness and readiness probes. */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthRouteOptions> = async (app, { store, ingestFailure }) => {
  app.get('/healthz', {
    config: { auth: 'public' },
    schema: { summary: 'The process is up', security: [], response: { 200: StatusSchema } },
  }, async () => ({ status: 'ok' }));

  app.get('/readyz', {
    config: { auth: 'public' },
    schema: { summary: 'The store answers and ingest is running', security: [], response: { 200: StatusSchema, 503: ErrorBodySchema } },
  }, async () => {
    try {
      await store.ping();
    } catch (err) {
      // The probe needs no key, so the cause goes to the log only.
      throw new HttpError('not_ready', 'the store does not answer; the cause is in the server log', { failing: 'store' }, err);
    }
    const failure = ingestFailure();
    if (failure) {
      throw new HttpError('not_ready', 'ingest stopped after a failure and needs a restart; the cause is in the server log',
        { failing: 'ingest' }, failure);
    }
    return { status: 'ready' };
  });
};
