// Case routes: the analysts' queue and actions (assign, comment, attach, resolve with sanctions),
// the audit log, and the evidence package. A merchant key reads the cases of its own shop (where
// it is harmed, or sanctioned) in the merchant's view; the desk decides who sees what.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { casePackage, merchantView, reverseCase, type Actor, type CaseDesk, type CaseRecord } from '../../cases/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import { PageSchema } from '../schemas.js';
import {
  AnyCaseSchema, CaseQuerySchema, CaseSchema, IdParams, PackageSchema, ResolveBodySchema, ReversalBodySchema, SanctionSchema, SanctionSpecSchema,
} from '../case-schemas.js';

export interface CasesRouteOptions {
  desk: CaseDesk;
}

const errors = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };
const STAFF = ['analyst', 'admin'] as const;

/** The acting key as the desk knows it. */
export function actorOf(request: FastifyRequest): Actor {
  const k = request.apiKey!;
  return { keyId: k.id, role: k.role, source: k.source, ...(k.shop ? { shop: k.shop } : {}), ...(k.account ? { account: k.account } : {}) };
}

const view = (actor: Actor, c: CaseRecord) => (actor.role === 'merchant' ? merchantView(c, actor.shop!) : c);

export const casesRoutes: FastifyPluginAsyncTypebox<CasesRouteOptions> = async (app, { desk }) => {
  app.get('/v1/cases', {
    config: { auth: ['analyst', 'admin', 'merchant'] },
    schema: {
      summary: 'Cases, in queue order (severity, then money at stake) or newest first, paged by cursor',
      description: "Analysts see every case of their tenant; a merchant key sees the cases of its own shop only (shop= may name " +
        'only that shop, else 403), in the merchant view.',
      querystring: CaseQuerySchema,
      response: { 200: PageSchema(AnyCaseSchema), ...errors },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const page = await desk.listCases(actor, {
      kind: q.kind, status: q.status, severity: q.severity, shop: q.shop, account: q.account, assignee: q.assignee,
      openedBefore: q.opened_before, order: q.order, limit: q.limit, cursor: q.cursor,
    });
    return { items: page.items.map((c) => view(actor, c)), next_cursor: page.next_cursor };
  });

  app.get('/v1/cases/:id', {
    config: { auth: ['analyst', 'admin', 'merchant'] },
    schema: { summary: 'One case', params: IdParams, response: { 200: AnyCaseSchema, ...errors } },
  }, async (request) => {
    const actor = actorOf(request);
    return view(actor, await desk.getCase(actor, request.params.id));
  });

  app.get('/v1/cases/:id/evidence', {
    config: { auth: ['analyst', 'admin', 'merchant'] },
    schema: {
      summary: 'The evidence package of a case: JSON, CSV and a printable HTML report, with a manifest of SHA-256 hashes',
      description: 'Raw personal data for analysts only; keyed hashes (HMAC-SHA256) for other roles. A merchant gets the package of a ' +
        'case its shop is harmed by or sanctioned on.',
      params: IdParams,
      response: { 200: PackageSchema, ...errors },
    },
  }, async (request) => casePackage(desk, actorOf(request), request.params.id));

  app.get('/v1/cases/:id/evidence/:file', {
    config: { auth: ['analyst', 'admin', 'merchant'] },
    schema: {
      summary: 'One file of the evidence package with its own content type (report.html to print, orders.csv ...)',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }), file: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: Type.String({ description: 'the file' }), ...errors },
    },
  }, async (request, reply) => {
    const pkg = await casePackage(desk, actorOf(request), request.params.id);
    const file = pkg.files.find((f) => f.name === request.params.file);
    if (!file) {
      throw new HttpError('not_found', `the package has no file ${JSON.stringify(request.params.file)}; it has ${pkg.files.map((f) => f.name).join(', ')}`);
    }
    return reply.type(file.content_type).send(file.content);
  });

  app.get('/v1/cases/:id/proposed-sanctions', {
    config: { auth: STAFF },
    schema: { summary: 'The sanctions the configuration proposes were the case confirmed now', params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(SanctionSpecSchema) }), ...errors } },
  }, async (request) => ({ items: await desk.proposed(actorOf(request), request.params.id) }));

  app.get('/v1/cases/:id/audit', {
    config: { auth: STAFF },
    schema: { summary: "The case's audit log: every person's action, who, when, before and after, oldest first", params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }), ...errors } },
  }, async (request) => ({ items: await desk.audit(actorOf(request), request.params.id) }));

  app.post('/v1/cases/:id/assign', {
    config: { auth: STAFF },
    schema: { summary: 'Assigns the case to an analyst', params: IdParams,
      body: { ...Type.Object({ assignee: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }), examples: [{ assignee: 'li.wei' }] },
      response: { 200: CaseSchema, ...errors } },
  }, async (request) => desk.assign(actorOf(request), request.params.id, request.body.assignee));

  app.post('/v1/cases/:id/comments', {
    config: { auth: STAFF },
    schema: { summary: 'Adds a comment to the case (kept in its audit log)', params: IdParams,
      body: { ...Type.Object({ text: Type.String({ minLength: 1, maxLength: 10_000 }) }, { additionalProperties: false }), examples: [{ text: 'called the victim shop' }] },
      response: { 200: Type.Object({}, { additionalProperties: true }), ...errors } },
  }, async (request) => desk.comment(actorOf(request), request.params.id, request.body.text));

  app.post('/v1/cases/:id/attachments', {
    config: { auth: STAFF },
    schema: { summary: 'Attaches evidence kept elsewhere, by name, hash and location', params: IdParams,
      body: { ...Type.Object({
        name: Type.String({ minLength: 1, maxLength: 256 }), description: Type.String({ maxLength: 2000 }),
        sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })), uri: Type.Optional(Type.String({ maxLength: 2000 })),
      }, { additionalProperties: false }), examples: [{ name: 'call-log.pdf', description: "the consumer's call log", sha256: 'a'.repeat(64) }] },
      response: { 200: CaseSchema, ...errors } },
  }, async (request) => desk.attach(actorOf(request), request.params.id, request.body));

  app.post('/v1/cases/:id/resolve', {
    config: { auth: STAFF },
    schema: {
      summary: 'Resolves an open case as confirmed (with sanctions) or dismissed',
      description: 'Confirmed: the sanctions given, or the proposed ones, go on the ledger; points may escalate a shop; linked complaints are ' +
        'upheld. A harmed shop is never sanctioned (400). A resolved case answers 409.',
      params: IdParams, body: ResolveBodySchema,
      response: { 200: Type.Object({ case: CaseSchema, sanctions: Type.Array(SanctionSchema) }), ...errors },
    },
  }, async (request) => desk.resolve(actorOf(request), request.params.id, request.body));

  app.post('/v1/cases/:id/reversal', {
    config: { auth: STAFF },
    schema: {
      summary: 'Reverses a confirmed case: every sanction of it lifted, the case reopened or dismissed',
      description: 'Its sanctions go to reversed (points stop counting), pending appeals of them are decided with it, the case goes back ' +
        'to the queue (reopened: it can be resolved again) or is dismissed; one audit entry per change; a case.reversed webhook; the ' +
        'signals the case shared with alliance partners are revoked before the answer. A case not confirmed answers 409.',
      params: IdParams, body: ReversalBodySchema,
      response: { 200: Type.Object({ case: CaseSchema, sanctions: Type.Array(SanctionSchema, { description: 'the sanctions lifted' }) }), ...errors },
    },
  }, async (request) => reverseCase(desk, actorOf(request), request.params.id, request.body));
};
