// Complaints and merchants' reports. A consumer files complaints as its own account, a merchant
// files reports (abnormal orders, malicious claims) as its own shop; each becomes a
// `complaint.filed` event applied through the one engine, so the detectors weigh it like one
// the platform sent, and its record (status, review deadline, case) is read back from the desk.
// A consumer or merchant sees only what it filed.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { validateEvent, type BulwarkEvent } from '../../contract/index.js';
import { decideComplaint, filerOf, getComplaint, listComplaints, type CaseDesk } from '../../cases/index.js';
import type { ApiKeyRecord } from '../../store/index.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import type { IngestResult } from '../ingest/ingestor.js';
import { PageSchema } from '../schemas.js';
import { ComplaintBodySchema, ComplaintDecisionSchema, ComplaintQuerySchema, ComplaintSchema, IdParams } from '../case-schemas.js';
import { actorOf } from './cases.js';

export interface ComplaintsRouteOptions {
  desk: CaseDesk;
  /** Applies one event through the ingest path (the engine, its commit and the case sync). */
  submit(event: BulwarkEvent, key: ApiKeyRecord): Promise<IngestResult>;
  /** Wall clock for complaints filed without a time. */
  now?: () => Date;
}

const errors = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };

export const complaintsRoutes: FastifyPluginAsyncTypebox<ComplaintsRouteOptions> = async (app, { desk, submit, now }) => {
  app.post('/v1/complaints', {
    config: { auth: ['consumer', 'merchant'] },
    schema: {
      summary: "Files a consumer's complaint (as its account) or a merchant's report (as its shop)",
      description: 'Becomes a complaint.filed event of the key\'s tenant, applied at once; the answer is the complaint with its status ' +
        'and review deadline. Filing the same complaint_id again answers the same complaint.',
      body: ComplaintBodySchema,
      response: { 200: ComplaintSchema, ...errors },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const b = request.body;
    const data: Record<string, unknown> = { complaint_id: b.complaint_id, by_id: filerOf(actor), against_id: b.against_id, kind: b.kind };
    if (b.order_ids) data.order_ids = b.order_ids;
    if (b.text) data.text = b.text;
    const checked = validateEvent({
      id: `evt_complaint_${b.complaint_id}`, type: 'complaint.filed', time: b.time ?? (now ?? (() => new Date()))().toISOString(),
      source: actor.source, data,
    });
    if (!checked.ok) throw new HttpError('invalid_request', checked.rejection.message, { path: checked.rejection.path });
    const result = await submit(checked.event, request.apiKey!);
    if (result.status === 'rejected') throw new HttpError('invalid_request', result.error ?? 'the complaint was rejected', { code: result.code });
    return getComplaint(desk, actor, b.complaint_id);
  });

  app.get('/v1/complaints', {
    config: { auth: ['consumer', 'merchant', 'analyst', 'admin'] },
    schema: { summary: 'Complaints and reports, newest first: those it filed for a consumer or merchant, every one of the tenant for analysts',
      querystring: ComplaintQuerySchema, response: { 200: PageSchema(ComplaintSchema), ...errors } },
  }, async (request) => listComplaints(desk, actorOf(request), request.query));

  app.get('/v1/complaints/:id', {
    config: { auth: ['consumer', 'merchant', 'analyst', 'admin'] },
    schema: { summary: 'One complaint with its status; 403 for a complaint another filed', params: IdParams,
      response: { 200: ComplaintSchema, ...errors } },
  }, async (request) => getComplaint(desk, actorOf(request), request.params.id));

  app.post('/v1/complaints/:id/decision', {
    config: { auth: ['analyst', 'admin'] },
    schema: { summary: 'Decides a complaint that no case decides', params: IdParams, body: ComplaintDecisionSchema,
      response: { 200: ComplaintSchema, ...errors } },
  }, async (request) => decideComplaint(desk, actorOf(request), request.params.id, request.body.outcome, request.body.note));
};
