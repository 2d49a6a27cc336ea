// /v1/lists (docs/lists.md): block and allow lists for analysts. Personal data is hashed with the
// server's key before it is stored; an answer shows the stored form (the hash), never the value.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Policy } from '../../app/policy.js';
import { ErrorBodySchema } from '../errors.js';
import { policyError } from './policy-errors.js';

export interface ListsRouteOptions {
  policy: Policy;
}

const Entry = Type.Object({
  list: Type.String(), value: Type.String({ description: 'the normalised value (accounts, IP ranges) or its keyed hash' }),
  hashed: Type.Boolean(), expiresAt: Type.Optional(Type.Number({ description: 'event time, epoch ms, from which it stops matching' })),
  note: Type.Optional(Type.String()), keyId: Type.Optional(Type.String()), addedAt: Type.String(), addedBy: Type.String(),
});
const ListParams = Type.Object({ list: Type.String({ minLength: 1, maxLength: 64 }) });
const ROLES = ['analyst', 'admin'] as const;
const ERRORS = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };
const AddressBody = Type.Object({ province: Type.String(), city: Type.String(), district: Type.Optional(Type.String()), detail: Type.String() },
  { additionalProperties: true });

export const listsRoutes: FastifyPluginAsyncTypebox<ListsRouteOptions> = async (app, { policy }) => {
  app.get('/v1/lists', {
    config: { auth: ROLES },
    schema: { summary: 'Every list entry; stale_entries counts hashed entries made with another key, which never match',
      response: { 200: Type.Object({ items: Type.Array(Entry), stale_entries: Type.Integer(), next_cursor: Type.Null() }), ...ERRORS } },
  }, async () => {
    const { items, stale } = await policy.entries();
    return { items, stale_entries: stale, next_cursor: null };
  });

  app.get('/v1/lists/:list', {
    config: { auth: ROLES },
    schema: { summary: "One list's entries", params: ListParams,
      response: { 200: Type.Object({ items: Type.Array(Entry), stale_entries: Type.Integer(), next_cursor: Type.Null() }), ...ERRORS } },
  }, async (request) => {
    const { items, stale } = await policyError(() => policy.entries(request.params.list));
    return { items, stale_entries: stale, next_cursor: null };
  });

  app.post('/v1/lists/:list', {
    config: { auth: ROLES },
    schema: {
      summary: 'Add (or replace) an entry: value, optional expires (RFC 3339, event time) and note',
      params: ListParams,
      body: Type.Object({
        value: Type.Union([Type.String({ minLength: 1, maxLength: 1024 }), AddressBody]),
        expires: Type.Optional(Type.String()), note: Type.Optional(Type.String({ maxLength: 1024 })),
      }, { additionalProperties: false }),
      response: { 201: Entry, ...ERRORS },
    },
  }, async (request, reply) => {
    const b = request.body;
    const entry = await policyError(() => policy.add(request.params.list, {
      value: b.value as string, ...(b.expires !== undefined ? { expires: b.expires } : {}), ...(b.note !== undefined ? { note: b.note } : {}),
    }, request.apiKey!.id));
    return reply.code(201).send(entry);
  });

  app.delete('/v1/lists/:list', {
    config: { auth: ROLES },
    schema: { summary: 'Remove an entry, given its value (or the stored hash)', params: ListParams,
      querystring: Type.Object({ value: Type.String({ minLength: 1, maxLength: 1024 }) }), response: { 204: Type.Null(), ...ERRORS } },
  }, async (request, reply) => {
    await policyError(() => policy.removeEntry(request.params.list, request.query.value, request.apiKey!.id));
    return reply.code(204).send(null);
  });
};
