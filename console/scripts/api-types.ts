// The console's API types, generated from the OpenAPI document of the server itself, so they
// cannot drift from the routes. The server is started exactly as `bulwark serve` starts it (the
// same function: store, strategies, rules and lists, case desk), on a fresh SQLite file and a free
// port, so every route it serves is in the document. The alliance's routes exist only when an
// alliance is configured, so a throwaway one (fresh keys, no partner, nothing pulled) is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { pino } from 'pino';
import { generateAllianceKeys, serve } from '../../src/app/index.js';
import { loadConfig, type Config } from '../../src/config/index.js';

/** Where the generated types live (committed, so the console builds without a server). */
export const API_TYPES_PATH = new URL('../src/api/schema.d.ts', import.meta.url);

const HEADER = '// Generated from GET /openapi.json by `npm run api -w console`; do not edit.\n' +
  '// A test (console/test/api-types.test.ts) fails when the routes change and this file does not.\n';

/** Stops the server started here; a signal nobody else uses, so a Ctrl-C still reaches the caller. */
const STOP: NodeJS.Signals = 'SIGUSR2';

/** The alliance's secrets come from the environment; these are set only while the server runs. */
const ALLIANCE_ENV = ['BULWARK_ALLIANCE_SIGNING_KEY', 'BULWARK_ALLIANCE_KEY_K1'] as const;

/** The default configuration with a throwaway alliance: its routes are then in the document. */
function withAlliance(): Readonly<Config> {
  return { ...loadConfig(), alliance: { self: 'api-types', keys: [{ id: 'k1' }], partners: [] } };
}

/** The server's OpenAPI document as JSON, read from `bulwark serve` with the default configuration and an alliance. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const keys = generateAllianceKeys();
  const saved = ALLIANCE_ENV.map((name) => [name, process.env[name]] as const);
  process.env.BULWARK_ALLIANCE_SIGNING_KEY = keys.signingKey;
  process.env.BULWARK_ALLIANCE_KEY_K1 = keys.sharedKey;
  try {
    return await readDocument();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function readDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-api-types-'));
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => { listening = resolve; });
  let started = false;
  const served = serve({
    host: '127.0.0.1', port: 0, db: join(dir, 'bulwark.db'), config: withAlliance(), signals: [STOP],
    logger: pino({ level: 'silent' }), onListening: (u) => { started = true; listening(u); },
  });
  try {
    const base = await Promise.race([url, served.then(() => { throw new Error('bulwark serve stopped before it listened'); })]);
    const res = await fetch(`${base}/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}: ${await res.text()}`);
    return await res.json() as Record<string, unknown>;
  } finally {
    // Only once it listens has serve() a handler for the signal; before that, it has stopped on its own.
    if (started) process.emit(STOP, STOP);
    await served.catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript declarations of the API's paths and schemas. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument() as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
