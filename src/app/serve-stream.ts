// `serve --stream URL --state URL --db postgres://...`: the HTTP API of the scale-out mode. Each
// ingest request is decided at once over the shared state in Redis and its events are published
// to the stream; the workers apply them and commit their effects to PostgreSQL, which the API's
// reads (alerts, warnings, decisions) come from. docs/scaling.md says what is decided where.
import type { FastifyInstance } from 'fastify';
import { buildServer, createLogger } from '../http/index.js';
import { RedisSharedState } from '../shared/redis/index.js';
import { EventStream, parseStreamUrl } from '../stream/nats/index.js';
import { PostgresStore, isPostgresUrl } from '../store/index.js';
import { StreamDecider } from './stream-decider.js';
import { listen, stopSignal, type ServeOptions } from './serve.js';

/** serve was given options the stream mode does not take; the message says what to change. */
export class ServeStreamOptionsError extends Error {
  readonly code = 'ERR_SERVE_OPTIONS';
}

/** The options of serve that the stream mode cannot honour yet, with what to do instead. */
function refusals(opts: ServeOptions & { stream: string; state?: string }): string | undefined {
  if (!opts.state) return '--stream needs --state redis://HOST:PORT: decisions are made over the state the workers share';
  if (!isPostgresUrl(opts.db)) return `--stream needs --db postgres://...: the workers commit to PostgreSQL, and the API reads from it (received ${JSON.stringify(opts.db)})`;
  if (opts.rules) return '--rules is not taken with --stream yet: the workers decide without analysts\' rules; serve without --stream for rules';
  if (opts.config.alliance) return 'the alliance is not available with --stream yet; remove the alliance section from the configuration';
  return undefined;
}

/** Serves the API over the stream, the shared state and the store until a stop signal; resolves once closed. */
export async function serveStream(opts: ServeOptions & { stream: string; state?: string }): Promise<void> {
  const refused = refusals(opts);
  if (refused) throw new ServeStreamOptionsError(refused);
  const store = new PostgresStore(opts.db);
  const shared = new RedisSharedState(opts.state!);
  let stream: EventStream | undefined;
  let app: FastifyInstance | undefined;
  try {
    stream = await EventStream.open(parseStreamUrl(opts.stream), { name: 'bulwark-serve' });
    const decider = new StreamDecider(opts.config, shared, stream, store);
    const s = stream;
    app = await buildServer({
      engine: decider, store, keys: store, logger: opts.logger ?? createLogger(),
      ...(opts.consoleDir !== undefined ? { consoleDir: opts.consoleDir } : {}),
      readiness: { stream: () => s.ping(), state: () => shared.ping() },
    });
    const url = await listen(app, opts.host, opts.port);
    opts.onListening?.(url);
    await stopSignal(opts.signals ?? ['SIGINT', 'SIGTERM']);
    // Requests in flight finish (each waits for the stream to hold its events) before the connections close.
    const closing = app;
    app = undefined;
    await closing.close();
  } finally {
    if (app) await app.close();
    await stream?.close();
    await shared.close();
    await store.close();
  }
}
