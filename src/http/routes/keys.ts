// /v1/keys: an admin lists, creates and revokes its own tenant's API keys. A key's secret is
// answered once, by the request that creates it; lists show only what a key is (never its hash).
// A revoked key is kept, marked with when, so that the request log's key ids stay explained, and
// the next request it authenticates is refused (auth.ts). A tenant's first admin key is made on
// the command line (`bulwark keys create --role admin --source T`).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { ROLES, type ApiKeyRecord, type KeyStore } from '../../store/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import { KeyOptionsError, mintKey } from '../key-minting.js';
import { MAX_PAGE, PageSchema } from '../schemas.js';

export interface KeysRouteOptions {
  keys: KeyStore;
  /** Wall clock for creation and revocation times. */
  now?: () => Date;
}

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const KeySchema = Type.Object({
  id: Type.String({ description: 'the key id (not the key): what the request log names' }),
  role: RoleSchema,
  shop: Type.Optional(Type.String({ description: 'the shop a merchant key is scoped to' })),
  account: Type.Optional(Type.String({ description: 'the account a consumer key is scoped to' })),
  source: Type.String({ description: 'the tenant the key belongs to' }),
  created_at: Type.String({ description: 'when it was made (wall clock)' }),
  revoked_at: Type.Optional(Type.String({ description: 'when it was revoked; a revoked key gets 401' })),
}, { description: 'An API key as the store knows it: never the key itself, nor its hash' });

const CreateBodySchema = Type.Object({
  role: RoleSchema,
  shop: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'required for role merchant, refused for others' })),
  account: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'required for role consumer, refused for others' })),
}, { additionalProperties: false, description: "A key of the admin's own tenant" });

const CreatedSchema = Type.Object({
  key: Type.String({ description: 'the key itself: shown in this answer only, never again' }),
  record: KeySchema,
});

const ERRORS = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };

/** The JSON form of a stored key: no hash. */
export function keyJson(k: ApiKeyRecord): Static<typeof KeySchema> {
  return {
    id: k.id, role: k.role, ...(k.shop === undefined ? {} : { shop: k.shop }), ...(k.account === undefined ? {} : { account: k.account }),
    source: k.source, created_at: k.createdAt, ...(k.revokedAt === undefined ? {} : { revoked_at: k.revokedAt }),
  };
}

export const keysRoutes: FastifyPluginAsyncTypebox<KeysRouteOptions> = async (app, { keys, now = () => new Date() }) => {
  app.get('/v1/keys', {
    config: { auth: ['admin'] },
    schema: {
      summary: "The admin's tenant's API keys, newest first, revoked ones included; never a key's secret",
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
        cursor: Type.Optional(Type.String({ description: 'next_cursor of the previous page' })),
      }, { additionalProperties: false }),
      response: { 200: PageSchema(KeySchema), ...ERRORS },
    },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const page = await keys.listKeys({ source: request.apiKey!.source, limit, ...(cursor ? { cursor } : {}) });
    return { items: page.items.map(keyJson), next_cursor: page.next_cursor };
  });

  app.post('/v1/keys', {
    config: { auth: ['admin'] },
    schema: {
      summary: "Creates an API key of the admin's tenant; the answer holds the key, shown this once",
      body: CreateBodySchema,
      response: { 200: CreatedSchema, ...ERRORS },
    },
  }, async (request) => {
    let made: ReturnType<typeof mintKey>;
    try {
      made = mintKey({ ...request.body, source: request.apiKey!.source }, now().toISOString(), 'fields');
    } catch (err) {
      if (err instanceof KeyOptionsError) throw new HttpError('invalid_request', err.message);
      throw err;
    }
    await keys.createKey(made.record);
    request.log.info({ created_key: made.record.id, role: made.record.role }, 'API key created');
    return { key: made.key, record: keyJson(made.record) };
  });

  app.post('/v1/keys/:id/revoke', {
    config: { auth: ['admin'] },
    schema: {
      summary: "Revokes a key of the admin's tenant at once; revoking it again keeps the first time",
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
      response: { 200: KeySchema, ...ERRORS },
    },
  }, async (request) => {
    const caller = request.apiKey!;
    if (request.params.id === caller.id) {
      throw new HttpError('conflict', `${caller.id} is the key this request is made with; revoke it with another admin key, ` +
        'so that the tenant is not left without one');
    }
    const revoked = await keys.revokeKey(request.params.id, caller.source, now().toISOString());
    if (!revoked) throw new HttpError('not_found', `this tenant has no key ${request.params.id}; GET /v1/keys lists the ids`);
    request.log.info({ revoked_key: revoked.id }, 'API key revoked');
    return keyJson(revoked);
  });
};
