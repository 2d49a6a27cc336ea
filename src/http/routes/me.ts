// GET /v1/me: what the caller's own key may do (its role, tenant and shop), so that a client such
// as the console can show the right views without trying routes until one answers.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../store/index.js';
import { ErrorBodySchema } from '../errors.js';

const MeSchema = Type.Object({
  key_id: Type.String({ description: 'the id of the key (not the key): what the request log names' }),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  source: Type.String({ description: 'the tenant the key belongs to' }),
  shop: Type.Optional(Type.String({ description: 'the shop a merchant key is scoped to' })),
}, { description: 'The calling key: its role, tenant and shop' });

/**
 * Registers GET /v1/me, open to every role but `partner`: a partner platform's key reads the
 * alliance feed and nothing else (docs/alliance.md), not even this.
 */
export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/me', {
    config: { auth: ROLES.filter((r) => r !== 'partner') },
    schema: {
      summary: "The calling key's role, tenant and shop",
      response: { 200: MeSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const key = request.apiKey!;
    return { key_id: key.id, role: key.role, source: key.source, ...(key.shop === undefined ? {} : { shop: key.shop }) };
  });
};
