// GET /v1/accounts/{id}/links: an account's identity-graph cluster with the evidence of each
// link. Read from the engine's live state (the graph is state, not a stored table), so it
// includes events applied and not yet committed. A key sees its own tenant's accounts only.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Cluster } from '../../core/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';

export interface AccountsRouteOptions {
  /** The account's cluster within tenant `source`; undefined for an unknown account or another tenant's. */
  links(accountId: string, source: string): Cluster | undefined | Promise<Cluster | undefined>;
}

const LinkSchema = Type.Object({
  a: Type.String(),
  b: Type.String(),
  via: Type.Union([Type.Literal('device'), Type.Literal('payment'), Type.Literal('phone'), Type.Literal('address'), Type.Literal('ip')]),
  value: Type.String({ description: 'the shared value as stored; personal data, do not pass it outside the platform unhashed' }),
  weak: Type.Boolean({ description: 'true for links that do not merge: IPs, and entities shared by many accounts' }),
});

export const ClusterSchema = Type.Object({
  root: Type.String(),
  size: Type.Integer({ description: 'accounts in the cluster, counted past the listed ones' }),
  accounts: Type.Array(Type.String(), { description: 'sorted, at most 256' }),
  links: Type.Array(LinkSchema, { description: 'the merges that joined the cluster, then weak links' }),
}, { description: "An account's identity-graph cluster" });

/** Registers the account routes. */
export const accountsRoutes: FastifyPluginAsyncTypebox<AccountsRouteOptions> = async (app, { links }) => {
  app.get('/v1/accounts/:id/links', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: "An account's cluster in the identity graph, with the evidence of each link",
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }) }),
      response: { 200: ClusterSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const cluster = await links(request.params.id, request.apiKey!.source);
    if (!cluster) {
      throw new HttpError('not_found', `no account ${JSON.stringify(request.params.id)}; an account is known once an event names it`);
    }
    return cluster;
  });
};
