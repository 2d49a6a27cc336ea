// GET /v1/alerts/{id}/links: the identity-graph clusters of an alert's accounts, each once, with
// the evidence of every link: what the console draws as the ring behind an incident. Read from
// the engine's live graph, like GET /v1/accounts/{id}/links.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DEFAULT_SOURCE } from '../../contract/index.js';
import type { Cluster, Store } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import { AlertParamsSchema } from '../schemas.js';
import { ClusterSchema } from './accounts.js';

export interface AlertLinksRouteOptions {
  store: Store;
  /** The account's cluster within tenant `source`. */
  links(accountId: string, source: string): Cluster | undefined | Promise<Cluster | undefined>;
}

/**
 * Accounts of one alert looked up at most: the largest farms the detectors name are a few
 * thousand accounts, and a look-up is a few map reads, so this bounds one answer to milliseconds.
 */
export const MAX_ALERT_ACCOUNTS = 5000;

const AlertLinksSchema = Type.Object({
  alert_id: Type.String(),
  clusters: Type.Array(ClusterSchema, { description: "the clusters of the alert's accounts, largest first, each once; an unlinked account is a cluster of one" }),
  accounts_not_looked_up: Type.Integer({ minimum: 0, description: `accounts of the alert past the first ${MAX_ALERT_ACCOUNTS}, not looked up` }),
}, { description: "The identity-graph clusters behind an alert" });

/** Registers GET /v1/alerts/{id}/links. */
export const alertLinksRoutes: FastifyPluginAsyncTypebox<AlertLinksRouteOptions> = async (app, { store, links }) => {
  app.get('/v1/alerts/:id/links', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: "The identity-graph clusters of an alert's accounts, with the evidence of each link",
      params: AlertParamsSchema,
      response: { 200: AlertLinksSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const alert = await store.getAlert(request.params.id);
    const source = request.apiKey!.source;
    // Another tenant's alert is answered like one that does not exist, as GET /v1/alerts/{id} does.
    if (!alert || (alert.source ?? DEFAULT_SOURCE) !== source) throw new HttpError('not_found', `no alert ${JSON.stringify(request.params.id)}; list alerts with GET /v1/alerts`);
    const accounts = alert.subjects.accounts;
    return {
      alert_id: alert.id,
      clusters: await alertClusters(accounts.slice(0, MAX_ALERT_ACCOUNTS), (id) => links(id, source)),
      accounts_not_looked_up: Math.max(0, accounts.length - MAX_ALERT_ACCOUNTS),
    };
  });
};

/** The distinct clusters of `accounts`, largest first, then by root. */
export async function alertClusters(accounts: readonly string[], links: (id: string) => Cluster | undefined | Promise<Cluster | undefined>): Promise<Cluster[]> {
  const byRoot = new Map<string, Cluster>();
  for (const account of accounts) {
    const cluster = await links(account);
    if (cluster && !byRoot.has(cluster.root)) byRoot.set(cluster.root, cluster);
  }
  return [...byRoot.values()].sort((a, b) => b.size - a.size || (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
}
