// The sanctions ledger, appeals and quality scores. A merchant key reads and appeals for its own
// shop only, a consumer key for its own account only: another one gets 403 before anything is
// looked up. Analysts and admins act on their whole tenant.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { appeal, decideAppeal, ledgerOf, listAppeals, quality, type CaseDesk } from '../../cases/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import { PageSchema } from '../schemas.js';
import {
  AppealBodySchema, AppealDecisionSchema, AppealQuerySchema, AppealSchema, IdParams, LedgerSchema, QualitySchema, SanctionSchema, ShopParams,
} from '../case-schemas.js';
import { actorOf } from './cases.js';

export interface SanctionsRouteOptions {
  desk: CaseDesk;
}

const errors = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };

async function ownShop(request: FastifyRequest): Promise<void> {
  const key = request.apiKey;
  if (key?.role === 'merchant' && key.shop !== (request.params as { shop_id?: string }).shop_id) {
    throw new HttpError('forbidden', "a merchant key may read only its own shop's ledger and score; use the shop_id the key was created for");
  }
}

async function ownAccount(request: FastifyRequest): Promise<void> {
  const key = request.apiKey;
  if (key?.role === 'consumer' && key.account !== (request.params as { id?: string }).id) {
    throw new HttpError('forbidden', "a consumer key may read only its own account's ledger; use the account the key was created for");
  }
}

export const sanctionsRoutes: FastifyPluginAsyncTypebox<SanctionsRouteOptions> = async (app, { desk }) => {
  app.get('/v1/shops/:shop_id/sanctions', {
    config: { auth: ['analyst', 'admin', 'merchant'] },
    onRequest: ownShop,
    schema: { summary: "A shop's sanctions ledger, its points over the record window and the level they reach", params: ShopParams,
      response: { 200: LedgerSchema, ...errors } },
  }, async (request) => ledgerOf(desk, actorOf(request), { type: 'shop', id: request.params.shop_id }));

  app.get('/v1/accounts/:id/sanctions', {
    config: { auth: ['analyst', 'admin', 'consumer'] },
    onRequest: ownAccount,
    schema: { summary: "An account's sanctions (restrictions)", params: IdParams, response: { 200: LedgerSchema, ...errors } },
  }, async (request) => ledgerOf(desk, actorOf(request), { type: 'account', id: request.params.id }));

  app.get('/v1/shops/:shop_id/quality', {
    config: { auth: ['analyst', 'admin', 'merchant'] },
    onRequest: ownShop,
    schema: { summary: "A shop's quality score, 0 to 100, each component shown, with its history", params: ShopParams,
      querystring: Type.Object({ history: Type.Integer({ minimum: 1, maximum: 500, default: 30 }) }, { additionalProperties: false }),
      response: { 200: QualitySchema, ...errors } },
  }, async (request) => quality(desk, actorOf(request), request.params.shop_id, request.query.history));

  app.post('/v1/sanctions/:id/appeals', {
    config: { auth: ['merchant', 'consumer', 'analyst', 'admin'] },
    schema: { summary: "Appeals a sanction of one's own shop (merchant) or account (consumer); it is `appealed` until decided",
      params: IdParams, body: AppealBodySchema, response: { 200: AppealSchema, ...errors } },
  }, async (request) => appeal(desk, actorOf(request), request.params.id, request.body.reason));

  app.get('/v1/appeals', {
    config: { auth: ['merchant', 'consumer', 'analyst', 'admin'] },
    schema: { summary: 'Appeals, newest first: every one of the tenant for analysts, those of its own shop or account otherwise',
      querystring: AppealQuerySchema, response: { 200: PageSchema(AppealSchema), ...errors } },
  }, async (request) => listAppeals(desk, actorOf(request), request.query));

  app.post('/v1/appeals/:id/decision', {
    config: { auth: ['analyst', 'admin'] },
    schema: { summary: 'Decides an appeal: upheld (the sanction stands) or reversed (it is lifted)', params: IdParams,
      body: AppealDecisionSchema,
      response: { 200: Type.Object({ appeal: AppealSchema, sanction: SanctionSchema, quality: Type.Optional(Type.Object({}, { additionalProperties: true })) }), ...errors } },
  }, async (request) => decideAppeal(desk, actorOf(request), request.params.id, request.body.outcome, request.body.note));
};
