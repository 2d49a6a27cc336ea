// POST /v1/events: one event, an NDJSON batch, or CloudEvents (structured, batched, binary).
// Every body arrives as raw bytes and is validated line by line with the contract's validator,
// so a bad line becomes a result with its field path while the rest of the batch applies.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBodySchema } from '../errors.js';
import { INGEST_MEDIA_TYPES, parseIngestBody, type IngestLimits } from '../ingest/parse.js';
import type { Ingestor } from '../ingest/ingestor.js';
import { EVENT_SCHEMA_ID, IngestResponseSchema } from '../schemas.js';

export interface EventsRouteOptions {
  ingestor: Ingestor;
  limits: IngestLimits;
}

/** Registers POST /v1/events in its own scope, where every content type is read as bytes. */
export const eventsRoutes: FastifyPluginAsyncTypebox<EventsRouteOptions> = async (app, { ingestor, limits }) => {
  // Only inside this plugin's scope: other routes keep Fastify's parsers.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limits.bodyBytes }, (_req, body, done) => done(null, body));

  const event = { $ref: `${EVENT_SCHEMA_ID}#` };
  app.post('/v1/events', {
    config: { auth: ['ingest'] },
    bodyLimit: limits.bodyBytes,
    // The body schemas below document the contract in /openapi.json; validation is the
    // contract's own compiled validator, per line, so a bad event is a result and not a 400.
    validatorCompiler: () => () => true,
    schema: {
      summary: 'Send events: one, a batch, or CloudEvents',
      description: `Answers one result per non-blank line, in order. At most ${limits.batchEvents} events and ` +
        `${limits.bodyBytes} bytes per request, and 1 MiB per event. CloudEvents binary mode: ce-id, ce-type, ce-time, ` +
        'ce-source (and optional ce-specversion) headers with the event data as an application/json body. ' +
        'An ingest key may send events of its own source only; other lines are rejected with ERR_AUTH_SOURCE_FORBIDDEN.',
      body: {
        content: {
          [INGEST_MEDIA_TYPES.json]: { schema: event },
          [INGEST_MEDIA_TYPES.cloudEvent]: { schema: event },
          [INGEST_MEDIA_TYPES.cloudEventBatch]: { schema: { type: 'array', items: event, maxItems: limits.batchEvents } },
          [INGEST_MEDIA_TYPES.ndjson]: { schema: Type.String({ description: 'one event (the application/json schema) per line' }) },
        },
      },
      response: { 200: IngestResponseSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
  }, async (request) => {
    const lines = await parseIngestBody({ headers: request.headers, body: request.body as Buffer | undefined }, limits);
    return { results: await ingestor.ingest(lines, request.apiKey!) };
  });
};
