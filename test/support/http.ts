// A real Bulwark HTTP server for tests: a SQLite file in a temporary folder, the real engine and
// the real Fastify app listening on a free port. Nothing of ours is mocked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Engine, createKey, openCaseDesk } from '../../src/app/index.js';
import { loadConfig, type Config, type DeepPartial } from '../../src/config/index.js';
import { buildServer, type IngestLimits } from '../../src/http/index.js';
import { SqliteStore } from '../../src/store/index.js';

export interface TestServer {
  url: string;
  /** Path of the SQLite file. */
  db: string;
  app: FastifyInstance;
  store: SqliteStore;
  engine: Engine;
  /** Creates a key with `role` and returns it. */
  key(role: string, opts?: { source?: string; shop?: string; account?: string }): Promise<string>;
  /** Closes the store under the running server (to test failures); `close` then leaves it alone. */
  closeStore(): Promise<void>;
  /** fetch against the server with an optional bearer key. */
  request(path: string, init?: RequestInit & { key?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 and a free port. */
export async function startServer(opts: { limits?: Partial<IngestLimits>; logger?: FastifyBaseLogger; consoleDir?: string;
  config?: DeepPartial<Config> } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-http-'));
  const db = join(dir, 'bulwark.db');
  const store = new SqliteStore(db);
  const config = loadConfig(opts.config ? { overrides: opts.config } : {});
  const engine = await Engine.open(config, store);
  // The case desk as `serve` wires it: its routes, and cases kept in step after every commit.
  const cases = await openCaseDesk({ config, engine, store });
  const app = await buildServer({ engine: cases.engine, store, keys: store, activity: store, limits: opts.limits, logger: opts.logger,
    consoleDir: opts.consoleDir, cases: cases.desk });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  let storeOpen = true;
  return {
    url, db, app, store, engine,
    async key(role, k = {}) {
      return (await createKey({ role, db, keys: store, ...k })).key;
    },
    request(path, init = {}) {
      const { key, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key) headers.set('authorization', `Bearer ${key}`);
      return fetch(`${url}${path}`, { ...rest, headers });
    },
    async closeStore() {
      storeOpen = false;
      await store.close();
    },
    async close() {
      await app.close();
      await cases.close();
      if (storeOpen) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One contract event as JSON, with defaults for the envelope. */
export function eventJson(e: { id: string; type: string; time?: string; source?: string; data: Record<string, unknown> }): Record<string, unknown> {
  return { time: '2026-11-02T10:00:00.000Z', ...e };
}

/** A `listing.updated` event: the price-error detector's input. */
export function listingEvent(id: string, item: string, price: number, minute = 0): Record<string, unknown> {
  return eventJson({ id, type: 'listing.updated', time: new Date(Date.UTC(2026, 10, 2, 10) + minute * 60_000).toISOString(),
    data: { item_id: item, shop_id: 's_1', price } });
}

/** Events as an NDJSON body. */
export function ndjson(events: readonly unknown[]): string {
  return events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n') + '\n';
}
