// The alliance's routes (docs/alliance.md): the signed feed partners pull (a `partner` key reads
// this and nothing else), and the analysts' routes to publish a confirmed case's signals, revoke
// them, see and suppress what partners sent, and see how each partner's feed is doing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Counter, Gauge, type Registry } from 'prom-client';
import { AllianceError, FeedPageSchema, FeedQuerySchema, SIG_HEADERS, type Alliance, type AllianceErrorCode } from '../../alliance/index.js';
import { ErrorBodySchema, HttpError, type ErrorCode } from '../errors.js';
import {
  PartnerStatusSchema, PublishBodySchema, PublishedPageSchema, PublishedQuerySchema, PublishResultSchema, ReceivedListSchema,
  ReceivedQuerySchema, ReceivedSchema, RevokeResultSchema, SuppressBodySchema,
} from './alliance-schemas.js';

export interface AllianceRouteOptions {
  alliance: Alliance;
  registry: Registry;
}

const STAFF = ['analyst', 'admin'] as const;
const errors = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };

const STATUS_OF: Record<AllianceErrorCode, ErrorCode> = {
  ERR_ALLIANCE_NO_CASES: 'conflict',
  ERR_ALLIANCE_CASE_UNKNOWN: 'not_found',
  ERR_ALLIANCE_CASE_NOT_CONFIRMED: 'conflict',
  ERR_ALLIANCE_NOTHING_TO_SHARE: 'conflict',
  ERR_ALLIANCE_SIGNAL_UNKNOWN: 'not_found',
  ERR_ALLIANCE_PARTNER_UNKNOWN: 'not_found',
};

/** Runs an alliance operation, turning its errors into HTTP errors that keep the code in details. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AllianceError) throw new HttpError(STATUS_OF[err.code], err.message, { reason: err.code });
    throw err;
  }
}

export const allianceRoutes: FastifyPluginAsyncTypebox<AllianceRouteOptions> = async (app, { alliance, registry }) => {
  registerMetrics(alliance, registry);

  app.get('/v1/alliance/feed', {
    config: { auth: ['partner'] },
    schema: {
      summary: "This platform's shared signals, for its partners: signed request, signed answer (docs/alliance.md, Protocol)",
      querystring: FeedQuerySchema,
      headers: Type.Object({
        [SIG_HEADERS.partner]: Type.Optional(Type.String({ description: 'the caller\'s name, the --source of its partner key' })),
        [SIG_HEADERS.timestamp]: Type.Optional(Type.String({ description: 'epoch milliseconds of the request' })),
        [SIG_HEADERS.nonce]: Type.Optional(Type.String({ description: '16 random bytes, base64url, new for every request' })),
        [SIG_HEADERS.signature]: Type.Optional(Type.String({ description: 'Ed25519 signature, base64, of the request payload' })),
      }),
      response: { 200: FeedPageSchema, ...errors },
    },
  }, async (request, reply) => {
    const partner = request.apiKey!.source;
    const check = await run(() => alliance.checkFeedRequest({ headers: request.headers, method: request.method, path: request.url, partner }));
    if (!check.ok) throw new HttpError(check.code, check.message);
    const page = await alliance.feed(Number(request.query.after ?? '0'), request.query.limit ?? 500);
    // The answer is signed over the exact bytes sent, so it is serialised here, once.
    const body = JSON.stringify(page);
    const nonce = String(request.headers[SIG_HEADERS.nonce]);
    return reply.header(SIG_HEADERS.signature, alliance.signAnswer(nonce, body)).type('application/json')
      // A string body is sent as it is (Fastify serialises only objects), which is what was signed.
      .send(body as never);
  });

  app.post('/v1/alliance/signals', {
    config: { auth: STAFF },
    schema: {
      summary: "Publishes a confirmed case's signals to the partners (keyed hashes only; never a victim's value)",
      body: PublishBodySchema,
      response: { 201: PublishResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const key = request.apiKey!;
    const b = request.body;
    const r = await run(() => alliance.publish({
      caseId: b.case_id, tenant: key.source, by: key.id,
      ...(b.kinds ? { kinds: b.kinds } : {}), ...(b.confidence !== undefined ? { confidence: b.confidence } : {}),
    }));
    return reply.code(201).send({ case_id: r.caseId, published: r.published, skipped: r.skipped });
  });

  app.get('/v1/alliance/signals', {
    config: { auth: STAFF },
    schema: { summary: 'Signals this platform published, newest feed position first', querystring: PublishedQuerySchema, response: { 200: PublishedPageSchema, ...errors } },
  }, async (request) => {
    const q = request.query;
    const page = await alliance.listPublished({ tenant: request.apiKey!.source, limit: q.limit ?? 50,
      ...(q.case_id ? { caseId: q.case_id } : {}), ...(q.cursor ? { cursor: Number(q.cursor) } : {}) });
    return { items: page.items, next_cursor: page.next === null ? null : String(page.next) };
  });

  app.post('/v1/alliance/cases/:case_id/revoke', {
    config: { auth: STAFF },
    schema: { summary: "Revokes every signal a case published (partners stop using them on their next pull)",
      params: Type.Object({ case_id: Type.String({ minLength: 1, maxLength: 256 }) }), response: { 200: RevokeResultSchema, ...errors } },
  }, async (request) => {
    const mine = await alliance.listPublished({ tenant: request.apiKey!.source, caseId: request.params.case_id, limit: 1 });
    if (mine.items.length === 0) throw new HttpError('not_found', `case ${JSON.stringify(request.params.case_id)} published no signal; nothing to revoke`);
    const revoked = await alliance.revokeCase(request.params.case_id);
    return { case_id: request.params.case_id, revoked: revoked.length };
  });

  app.get('/v1/alliance/received', {
    config: { auth: STAFF },
    schema: { summary: 'Signals received from partners, with whether each counts now', querystring: ReceivedQuerySchema, response: { 200: ReceivedListSchema, ...errors } },
  }, async (request) => ({ items: alliance.received(request.query) }));

  app.post('/v1/alliance/received/:id/suppression', {
    config: { auth: STAFF },
    schema: { summary: "An analyst's override: a received signal stops (or starts again) counting in decisions from now on",
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }), body: SuppressBodySchema, response: { 200: ReceivedSchema, ...errors } },
  }, async (request) => {
    const s = await run(() => alliance.suppress(request.params.id, request.body.suppressed));
    return { ...s, inForceNow: alliance.index.inForceAt(s, alliance.index.stampNow()) };
  });

  app.get('/v1/alliance/partners', {
    config: { auth: STAFF },
    schema: { summary: "Each partner's feed: last pull, failures, next attempt, cursor", response: { 200: Type.Object({ items: Type.Array(PartnerStatusSchema) }), ...errors } },
  }, async () => ({ items: alliance.partners() }));

  app.post('/v1/alliance/partners/:name/pull', {
    config: { auth: STAFF },
    schema: { summary: "Pulls a partner's feed now and answers how it went", params: Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: PartnerStatusSchema, ...errors } },
  }, async (request) => run(() => alliance.pullNow(request.params.name)));
};

/** Pull outcomes per partner, whether each partner's feed is up, and received signals, read at each scrape. */
function registerMetrics(alliance: Alliance, registry: Registry): void {
  const registers = [registry];
  new Counter({ name: 'bulwark_alliance_pulls_total', help: "Pulls of partners' feeds, by partner and outcome (ok, unreachable, refused, garbage, store_failed)",
    labelNames: ['partner', 'outcome'], registers,
    collect() {
      this.reset();
      for (const p of alliance.partners()) for (const [outcome, n] of Object.entries(p.pulls)) this.inc({ partner: p.partner, outcome }, n);
    } });
  new Gauge({ name: 'bulwark_alliance_partner_up', help: "1 when the partner's last pull succeeded, 0 when it failed, -1 before the first",
    labelNames: ['partner'], registers,
    collect() { for (const p of alliance.partners()) this.set({ partner: p.partner }, p.state === 'ok' ? 1 : p.state === 'failing' ? 0 : -1); } });
  new Gauge({ name: 'bulwark_alliance_partner_failures', help: 'Consecutive failed pulls of the partner', labelNames: ['partner'], registers,
    collect() { for (const p of alliance.partners()) this.set({ partner: p.partner }, p.consecutiveFailures); } });
  new Gauge({ name: 'bulwark_alliance_received_signals', help: 'Signals received, by partner, kind and whether they count now',
    labelNames: ['partner', 'kind', 'in_force'], registers,
    collect() {
      this.reset();
      for (const s of alliance.received()) this.inc({ partner: s.partner, kind: s.kind, in_force: String(s.inForceNow) });
    } });
}
