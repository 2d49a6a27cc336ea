// POST /v1/backtests and GET /v1/backtests/{id} (docs/backtest.md): a candidate rule set replayed
// over the stored events in the background beside the rules in force, with progress.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Backtests } from '../../app/backtests.js';
import { ErrorBodySchema, HttpError } from '../errors.js';
import { policyError } from './policy-errors.js';

export interface BacktestsRouteOptions {
  backtests: Backtests;
}

const Run = Type.Object({
  id: Type.String(), status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  started: Type.String(), by: Type.String(),
  progress: Type.Object({ events: Type.Integer({ description: 'events replayed so far' }), of: Type.Integer({ description: 'events stored when it started' }) }),
  report: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'the backtest report (docs/backtest.md), when done' })),
  error: Type.Optional(Type.String()),
});
const ROLES = ['analyst', 'admin'] as const;
const ERRORS = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };

export const backtestsRoutes: FastifyPluginAsyncTypebox<BacktestsRouteOptions> = async (app, { backtests }) => {
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string', bodyLimit: 1 << 20 }, (_r, body, done) => done(null, body));

  app.post('/v1/backtests', {
    config: { auth: ROLES },
    schema: {
      summary: 'Backtest a candidate rule set (YAML or JSON) over the stored events, beside the rules in force; runs in the background',
      body: Type.Union([Type.String(), Type.Object({ rules: Type.Array(Type.Object({}, { additionalProperties: true })) })]),
      response: { 202: Run, ...ERRORS },
    },
  }, async (request, reply) => {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const run = await policyError(async () => backtests.start(text, request.apiKey!.id));
    return reply.code(202).send(run);
  });

  app.get('/v1/backtests/:id', {
    config: { auth: ROLES },
    schema: { summary: "A backtest's status, progress and, when done, its report", params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      response: { 200: Run, ...ERRORS } },
  }, async (request) => {
    const run = backtests.get(request.params.id);
    if (!run) throw new HttpError('not_found', `no backtest ${JSON.stringify(request.params.id)} on this server (they are kept until it stops); start one with POST /v1/backtests`);
    return run;
  });
};
