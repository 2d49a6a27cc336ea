// `serve`: opens the store and the engine, starts the HTTP API, and on SIGINT or SIGTERM stops
// taking requests, lets the ones in flight finish, commits and closes the store.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildServer, createLogger } from '../http/index.js';
import type { Config } from '../config/index.js';
import { Engine } from './engine.js';
import { openCaseDesk, type CaseDeskHandle } from './cases.js';
import { PostgresPolicyStore, PostgresStrategyStore, SqlitePolicyStore, SqliteStore, SqliteStrategyStore, type PostgresStore } from '../store/index.js';
import { Policy } from './policy.js';
import { Backtests } from './backtests.js';
import { readRuleFile } from './rules.js';
import { openStore } from './stores.js';
import { MerchantStrategies, storedTimeline } from './strategies.js';
import { openAlliance, type OpenedAlliance } from './alliance.js';
import { deskCaseSource, revokeOnReversal } from './alliance-cases.js';
import { ServeStreamOptionsError, serveStream } from './serve-stream.js';

/** The built web console, from src/app and dist/app alike. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../console/dist', import.meta.url));

export interface ServeOptions {
  host: string;
  /** 0 picks a free port; the address actually bound is reported. */
  port: number;
  db: string;
  config: Readonly<Config>;
  /** Told the URL once the server listens (the CLI prints it to stderr). */
  onListening?: (url: string) => void;
  /** Signals that stop the server; SIGINT and SIGTERM by default. */
  signals?: readonly NodeJS.Signals[];
  logger?: Logger;
  /** A rule file (`--rules`): saved as a new version when it differs from the stored rules. */
  rules?: string;
  /** The key that hashes personal data in lists (BULWARK_LIST_KEY); without it only account and IP-range lists take entries. */
  listKey?: string;
  /** nats://...: decide over the shared state and record events in the stream (serve-stream.ts); needs `state` and a PostgreSQL `db`. */
  stream?: string;
  /** redis://...: the state the stream's workers share (with `stream`). */
  state?: string;
  /** The built console to serve at / (CONSOLE_DIR by default). */
  consoleDir?: string;
}

/** Serves the API until a stop signal arrives, then shuts down cleanly; resolves once everything is closed. */
export async function serve(opts: ServeOptions): Promise<void> {
  if (opts.stream !== undefined) return serveStream({ consoleDir: CONSOLE_DIR, ...opts, stream: opts.stream });
  if (opts.state !== undefined) throw new ServeStreamOptionsError('--state is taken only with --stream (the scale-out mode); add --stream nats://... or leave --state out');
  const store = openStore(opts.db, { serving: true });
  let app: FastifyInstance | undefined;
  let cases: CaseDeskHandle | undefined;
  let policyStore: SqlitePolicyStore | PostgresPolicyStore | undefined;
  let strategyStore: SqliteStrategyStore | PostgresStrategyStore | undefined;
  let alliance: OpenedAlliance | undefined;
  try {
    // Merchants' strategies live beside the events (SQLite file or PostgreSQL); each stored version
    // takes effect at its position again while the engine re-applies the events after its snapshot.
    strategyStore = store instanceof SqliteStore ? (opts.db !== ':memory:' ? new SqliteStrategyStore(opts.db) : undefined) : new PostgresStrategyStore(store);
    const timeline = strategyStore ? await storedTimeline(strategyStore) : undefined;
    // Windowed activity is kept from the start: an analyst may add a rule that reads it at any time.
    // The alliance's index of received signals is read by the pipeline, so it is loaded before the
    // engine re-applies anything; a signal received later is in force from just after the watermark.
    const opened: { engine?: Engine } = {};
    alliance = await openAlliance({ config: opts.config, db: opts.db, watermark: () => opened.engine?.watermark });
    // Rules and lists live beside the events, in SQLite or PostgreSQL; backtests read the stored
    // events through SQLite's EventHistory (PostgreSQL has none yet: the routes are absent there).
    // Like strategies, each rule version is in force again from its position while the engine
    // re-applies the events after its snapshot.
    const rulesFile = opts.rules ? { path: opts.rules, text: readRuleFile(opts.rules) } : undefined;
    const sqlitePolicy = store instanceof SqliteStore ? new SqlitePolicyStore(opts.db) : undefined;
    policyStore = sqlitePolicy ?? new PostgresPolicyStore(store as PostgresStore);
    const policy = await Policy.load({ store: policyStore, ...(opts.listKey ? { hashKey: opts.listKey } : {}) });
    const engine = await Engine.open(opts.config, store, {
      activity: true, ruleTimeline: policy.timeline(), ...(timeline ? { strategies: timeline } : {}), ...(alliance ? { signals: alliance.alliance.index } : {}),
    });
    opened.engine = engine;
    await policy.attach(engine, rulesFile);
    const strategies = strategyStore && timeline
      ? new MerchantStrategies({ store: strategyStore, timeline, priceGuard: opts.config.guards.price_guard, position: () => engine.position }) : undefined;
    // The dashboard aggregates are answered by the SQLite store; PostgreSQL does not answer them yet.
    const activity = store instanceof SqliteStore ? store : undefined;
    // The case desk keeps its records in the store's CaseStore (SQLite or PostgreSQL).
    cases = 'cases' in store ? await openCaseDesk({ config: opts.config, engine, store }) : undefined;
    if (alliance && cases) {
      alliance.alliance.useCases(deskCaseSource({ cases: cases.desk.store, entities: () => engine.entities,
        alert: (id) => store.getAlert(id), hubAccounts: opts.config.graph.hubAccounts }));
      revokeOnReversal({ desk: cases.desk, alliance: alliance.alliance });
    }
    await alliance?.alliance.start();
    app = await buildServer({ engine: cases?.engine ?? engine, store, keys: store, activity, policy, ...(sqlitePolicy ? { backtests: new Backtests({ config: opts.config, policy, history: sqlitePolicy }) } : {}), consoleDir: CONSOLE_DIR,
      logger: opts.logger ?? createLogger(), ...(cases ? { cases: cases.desk } : {}), ...(strategies ? { strategies } : {}),
      ...(alliance ? { alliance: alliance.alliance } : {}) });
    const url = await listen(app, opts.host, opts.port);
    opts.onListening?.(url);
    await stopSignal(opts.signals ?? ['SIGINT', 'SIGTERM']);
    // close() stops accepting connections and waits for requests in flight, each of which is
    // answered once its commit is durable; the last flush takes a state snapshot, so the next start does not
    // have to re-apply the events since the previous one.
    const closing = app;
    app = undefined;
    await closing.close();
    await engine.flush({ snapshot: true });
  } finally {
    // Only on a failure before the signal: the server may be half started.
    if (app) await app.close();
    await alliance?.close();
    await cases?.close();
    await policyStore?.close();
    await strategyStore?.close();
    await store.close();
  }
}

export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  try {
    return await app.listen({ host, port });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new ServeError(`port ${port} on ${host} is already in use; pass another --port (0 picks a free one)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ServeError(`cannot listen on host ${host}: ${code}; pass --host with an address of this machine, e.g. 127.0.0.1 or 0.0.0.0`);
    if (code === 'EACCES') throw new ServeError(`no permission to listen on port ${port}; ports under 1024 need privileges, pass --port 8080`);
    throw err;
  }
}

/** The server could not start; the message says what to change. */
export class ServeError extends Error {
  readonly code = 'ERR_SERVE_LISTEN';
}

export function stopSignal(signals: readonly NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, on);
      resolve(signal);
    };
    for (const s of signals) process.on(s, on);
  });
}
