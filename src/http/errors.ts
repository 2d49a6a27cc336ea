// The one table of HTTP error codes and their statuses, and the error body every route answers
// with. Clients get a stable code and a safe message; the cause goes to the log.
import { Type } from '@sinclair/typebox';

/** Every error code the API answers with, and its HTTP status. Codes are never reused once released. */
export const ERROR_STATUS = {
  /** A query string or path parameter fails its schema. */
  invalid_request: 400,
  /** `cursor` is not one this API gave out. */
  invalid_cursor: 400,
  /** POST /v1/events without a body. */
  body_empty: 400,
  /** The body is not JSON (or, for NDJSON, no line of it is). */
  body_not_json: 400,
  /** No key, or a key this server does not know. */
  unauthorized: 401,
  /** A partner's feed request without the signature headers (docs/alliance.md, Protocol). */
  signature_missing: 401,
  /** A partner's feed request whose signature does not verify under the partner's configured public key. */
  signature_invalid: 401,
  /** A partner's feed request whose timestamp is too far from this server's clock. */
  request_stale: 401,
  /** A partner's feed request whose nonce was already used: a replay. */
  request_replayed: 401,
  /** A known key outside its role or scope; says nothing about whether the resource exists. */
  forbidden: 403,
  not_found: 404,
  /** The request conflicts with the record's state: a resolved case resolved again, an appeal decided twice. */
  conflict: 409,
  /** The body is over the byte limit of its route. */
  payload_too_large: 413,
  /** A batch has more events than one request may carry. */
  batch_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
  /** The store failed or the ingest path stopped after a failure; readiness is down too. */
  store_unavailable: 503,
  not_ready: 503,
  /** A feature needs configuration the server does not have (the message names the setting). */
  not_configured: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every error answer. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable snake_case code; see docs/http.md for the table' }),
    message: Type.String({ description: 'what went wrong and what to do' }),
    details: Type.Optional(Type.Object({}, { additionalProperties: true })),
  }),
}, { description: 'An error' });

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/** An error meant for the client: the code picks the status from ERROR_STATUS. */
export class HttpError extends Error {
  /** `cause` is logged with the request, never sent to the client. */
  constructor(readonly code: ErrorCode, message: string, readonly details?: Record<string, unknown>, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.details);
  }
}

/** Builds an error body. */
export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/**
 * Turns anything a route or Fastify threw into a client error. Errors of other layers are
 * recognised by their stable `code`, never by class, so this module needs none of them.
 */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const e = err as { code?: unknown; message?: unknown; validation?: unknown; validationContext?: unknown; retryable?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (Array.isArray(e.validation)) {
    const part = typeof e.validationContext === 'string' ? e.validationContext : 'request';
    return new HttpError('invalid_request', `${message}; see GET /openapi.json for the accepted ${part}`,
      { errors: (e.validation as Array<Record<string, unknown>>).map((v) => ({ path: v.instancePath, message: v.message, params: v.params })) });
  }
  switch (e.code) {
    case 'ERR_QUERY_CURSOR':
      return new HttpError('invalid_cursor', message, { param: 'cursor' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError('payload_too_large', 'the body is over the size limit of this route; ' +
        'split the batch into several requests (see docs/http.md for the limits)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError('unsupported_media_type', message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError('body_empty', message);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError('invalid_request', `${message}; send a Content-Length that matches the body`);
    case 'ERR_CASES_NOT_FOUND': return new HttpError('not_found', message);
    case 'ERR_CASES_FORBIDDEN': return new HttpError('forbidden', message);
    case 'ERR_CASES_CONFLICT': return new HttpError('conflict', message);
    case 'ERR_CASES_INVALID': return new HttpError('invalid_request', message);
    case 'ERR_CASES_NO_HASH_SECRET': return new HttpError('not_configured', message);
  }
  // Other client errors Fastify raises (a malformed URL, a bad header): keep them 4xx, with its message.
  const status = (err as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: ErrorCode = status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_request';
    return new HttpError(code, message);
  }
  if (typeof e.code === 'string' && /^ERR_(STREAM|STATE)_/.test(e.code) && e.retryable === true) {
    // serve --stream: NATS or Redis is away; nothing of the request was applied.
    return new HttpError('store_unavailable', `the ${e.code.startsWith('ERR_STREAM_') ? 'event stream' : 'shared state'} failed (${e.code}); try again shortly`);
  }
  if (typeof e.code === 'string' && e.code.startsWith('ERR_STORE_')) {
    return new HttpError('store_unavailable', `the store failed (${e.code}); ${e.retryable ? 'try again shortly' : 'an operator must look at the server log'}`);
  }
  return new HttpError('internal_error', 'the server failed on this request; the cause is in its log');
}
