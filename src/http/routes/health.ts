// GET /healthz (the process answers) and GET /readyz (it can do its work: the store answers and
// ingest has not stopped after a failure; with --stream, the stream and the shared state answer too). Both need no key, so orchestrators can probe them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Store } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';

export interface HealthRouteOptions {
  store: Store;
  /** Why ingest stopped, if it did. */
  ingestFailure: () => string | undefined;
  /** Other parts the server needs (the stream, the shared state): each probe rejects when its part does not answer. */
  parts?: Record<string, () => Promise<void>>;
}

const StatusSchema = Type.Object({ status: Type.String() });

/** Registers the liveness and readiness probes. */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthRouteOptions> = async (app, { store, ingestFailure, parts = {} }) => {
  app.get('/healthz', {
    config: { auth: 'public' },
    schema: { summary: 'The process is up', security: [], response: { 200: StatusSchema } },
  }, async () => ({ status: 'ok' }));

  app.get('/readyz', {
    config: { auth: 'public' },
    schema: { summary: 'The store (and with --stream, the stream and the shared state) answers and ingest is running', security: [], response: { 200: StatusSchema, 503: ErrorBodySchema } },
  }, async () => {
    try {
      await store.ping();
    } catch (err) {
      // The probe needs no key, so the cause goes to the log only.
      throw new HttpError('not_ready', 'the store does not answer; the cause is in the server log', { failing: 'store' }, err);
    }
    for (const [name, probe] of Object.entries(parts)) {
      try {
        await probe();
      } catch (err) {
        throw new HttpError('not_ready', `the ${name} does not answer; the cause is in the server log`, { failing: name }, err);
      }
    }
    const failure = ingestFailure();
    if (failure) {
      throw new HttpError('not_ready', 'ingest stopped after a failure and needs a restart; the cause is in the server log',
        { failing: 'ingest' }, failure);
    }
    return { status: 'ready' };
  });
};
