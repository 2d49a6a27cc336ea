// Builds the Fastify app: auth, the error table, logging, OpenAPI and every route. It takes
// the engine and stores ready-made from app/ and opens nothing itself, so tests can build one
// on a temporary database and listen on port 0.
import { createRequire } from 'node:module';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Alert } from '../contract/index.js';
import type { ActivityReader, Cluster, Store } from '../core/index.js';
import type { KeyStore } from '../store/index.js';
import { CachedKeys, authenticate } from './auth.js';
import { errorBody, toHttpError } from './errors.js';
import { Ingestor, type IngestEngine } from './ingest/ingestor.js';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest/parse.js';
import { OneLinePerRequest } from './logging.js';
import type { Policy } from '../app/policy.js';
import { rulesRoutes } from './routes/rules.js';
import { listsRoutes } from './routes/lists.js';
import { rulesCheckRoutes } from './routes/rules-check.js';
import { backtestsRoutes } from './routes/backtests.js';
import type { Backtests } from '../app/backtests.js';
import { ServerMetrics } from './metrics.js';
import { EVENT_SCHEMA_ID, eventSchema } from './schemas.js';
import { accountsRoutes } from './routes/accounts.js';
import { alertsRoutes } from './routes/alerts.js';
import { eventsRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { shopsRoutes } from './routes/shops.js';
import { strategiesRoutes, type StrategiesService } from './routes/strategies.js';
import { alertLinksRoutes } from './routes/alert-links.js';
import { meRoutes } from './routes/me.js';
import { keysRoutes } from './routes/keys.js';
import { statsRoutes } from './routes/stats.js';
import { casesRoutes } from './routes/cases.js';
import { complaintsRoutes } from './routes/complaints.js';
import { sanctionsRoutes } from './routes/sanctions.js';
import { webhooksRoutes } from './routes/webhooks.js';
import type { CaseDesk } from '../cases/index.js';
import { registerConsole } from './console.js';
import { allianceRoutes } from './routes/alliance.js';
import type { Alliance } from '../alliance/index.js';

export interface ServerOptions {
  /** The one engine every ingest request goes through; app's Engine is one. */
  engine: IngestEngine & { alerts(): readonly Alert[]; links(accountId: string, source?: string): Cluster | undefined | Promise<Cluster | undefined> };
  /** Where committed alerts, decisions and warnings are read from. */
  store: Store;
  /** Analysts' rules and lists (/v1/rules, /v1/lists); without it those routes are absent. */
  policy?: Policy;
  /** Backtests over the stored events (/v1/backtests); without it those routes are absent. */
  backtests?: Backtests;
  /** Merchants' strategies (/v1/shops/{id}/strategies); without it those routes are absent. */
  strategies?: StrategiesService;
  /** Dashboard aggregates (GET /v1/stats/...); without it those routes are absent. */
  activity?: ActivityReader;
  /** The built web console (console/dist), served at /; without it / is not served. */
  consoleDir?: string;
  keys: KeyStore;
  /** A pino logger (see createLogger); without one the server logs nothing. */
  logger?: FastifyBaseLogger;
  /** Overrides of the ingest limits (tests use small ones). */
  limits?: Partial<IngestLimits>;
  /** The case desk (cases, sanctions, appeals, complaints, quality, evidence, webhooks); without it those routes are absent. */
  cases?: CaseDesk;
  /** Signals shared with partner platforms (/v1/alliance/...); without it those routes are absent. */
  alliance?: Alliance;
  /** More parts /readyz checks besides the store (serve --stream: the stream and the shared state), by name. */
  readiness?: Record<string, () => Promise<void>>;
}

/** The Bulwark HTTP API as a Fastify instance, ready to `listen`. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS, ...opts.limits };
  const causes = new WeakMap<FastifyRequest, unknown>();
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    logController: new OneLinePerRequest(causes),
    // Unknown query parameters are an error, not silently dropped: a misspelt filter would
    // otherwise answer the unfiltered list.
    ajv: { customOptions: { removeAdditional: false } },
    // Errors raised before routing (a malformed URL) answer in the same format as the rest.
    frameworkErrors: (err, _request, reply) => {
      const httpError = toHttpError(err);
      void (reply as FastifyReply).code(httpError.status).send(httpError.toBody());
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const metrics = new ServerMetrics(() => opts.engine.alerts());
  const ingestor = new Ingestor({ engine: opts.engine, metrics, decisionFor: (id) => opts.store.decisionFor(id) });

  app.setErrorHandler((err, request, reply) => {
    const httpError = toHttpError(err);
    if (httpError.status >= 500) causes.set(request, err);
    return reply.code(httpError.status).send(httpError.toBody());
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody('not_found',
    `there is no route ${request.method} ${request.url.split('?', 1)[0]}; GET /openapi.json lists them`)));
  // onRequest runs before the body is read, so an unauthenticated client cannot make us parse 64 MiB.
  // Found keys are remembered for a second; the keys routes revoke through the same cache.
  const keys = new CachedKeys(opts.keys);
  app.addHook('onRequest', authenticate(keys));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bulwark',
        version: packageVersion(),
        description: 'Abuse defense for e-commerce marketplaces: events in, decisions and alerts out. ' +
          'Every error body is {"error": {"code", "message", "details"?}}; docs/http.md lists the codes.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'an API key from `bulwark keys create`' } } },
      security: [{ bearer: [] }],
    },
    // Shared schemas appear under their own $id in components.schemas, not as def-0, def-1.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  // The contract's event schema once, as components.schemas.Event, referenced by the event routes.
  app.addSchema({ $id: EVENT_SCHEMA_ID, ...eventSchema() });

  await app.register(eventsRoutes, { ingestor, limits });
  await app.register(alertsRoutes, { store: opts.store, metrics });
  await app.register(shopsRoutes, { store: opts.store, metrics });
  if (opts.strategies) await app.register(strategiesRoutes, { strategies: opts.strategies, metrics, exclusive: (task) => ingestor.exclusive(task) });
  if (opts.policy) {
    await app.register(rulesRoutes, { policy: opts.policy, registry: metrics.registry, exclusive: (task) => ingestor.exclusive(task) });
    const policy = opts.policy;
    await app.register(rulesCheckRoutes, { check: (text) => policy.check(text) });
    await app.register(listsRoutes, { policy: opts.policy });
    if (opts.backtests) await app.register(backtestsRoutes, { backtests: opts.backtests });
  }
  await app.register(accountsRoutes, { links: (id, source) => opts.engine.links(id, source) });
  await app.register(alertLinksRoutes, { store: opts.store, links: (id, source) => opts.engine.links(id, source) });
  await app.register(meRoutes);
  await app.register(keysRoutes, { keys });
  if (opts.activity) await app.register(statsRoutes, { activity: opts.activity });
  if (opts.cases) {
    const desk = opts.cases;
    await app.register(casesRoutes, { desk });
    await app.register(sanctionsRoutes, { desk });
    await app.register(complaintsRoutes, { desk,
      submit: async (event, key) => (await ingestor.ingest([{ line: 1, result: { ok: true, event } }], key))[0]! });
    await app.register(webhooksRoutes, { store: desk.store, metrics });
  }
  if (opts.alliance) await app.register(allianceRoutes, { alliance: opts.alliance, registry: metrics.registry });
  if (opts.consoleDir !== undefined) await registerConsole(app, opts.consoleDir);
  await app.register(healthRoutes, { store: opts.store, ingestFailure: () => ingestor.failure, ...(opts.readiness ? { parts: opts.readiness } : {}) });
  await app.register(metricsRoutes, { metrics });
  app.get('/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
  return app;
}

function packageVersion(): string {
  // ../../package.json from both src/http and dist/http.
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}
