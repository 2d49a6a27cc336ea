// Request logging: one JSON line per request on standard error, in pino's format. Keys never
// reach the log: the request serializer logs no headers, and the authorization header is
// redacted anyway in case someone logs a request with its headers later.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type Logger } from 'pino';

/** A pino logger to standard error with secrets redacted. */
export function createLogger(opts: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino({
    level: opts.level ?? 'info',
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'request.headers.authorization', '*.authorization'],
      censor: '<redacted>',
    },
    // Asynchronous: lines written while a write is under way go out together in the next one,
    // not one system call per request each blocking the event loop; pino flushes what is
    // buffered when the process exits.
  }, opts.destination ?? pino.destination({ dest: 2, sync: false }));
}

/** Replaces Fastify's two lines per request with one, written when the answer is sent. */
export class OneLinePerRequest extends LogController {
  /** `causes` holds the error behind a 5xx answer, so the same line can carry it. */
  constructor(private readonly causes: WeakMap<FastifyRequest, unknown>) {
    super();
  }

  override incomingRequest(): void {
    // Logged on completion instead, with the status and the time taken.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const err = error ?? this.causes.get(request);
    const line = {
      req: request,
      res: reply,
      responseTime: reply.elapsedTime,
      // The key's id and role, never the key: enough to find who sent what.
      ...(request.apiKey ? { key: { id: request.apiKey.id, role: request.apiKey.role } } : {}),
    };
    if (err) reply.log.error({ ...line, err }, 'request failed');
    else reply.log.info(line, 'request completed');
  }
}
