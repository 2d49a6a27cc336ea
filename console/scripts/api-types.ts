// The console's API types, generated from the OpenAPI document of the server itself (built here
// in memory, the same document GET /openapi.json answers), so they cannot drift from the routes.
import openapiTS, { astToString } from 'openapi-typescript';
import { Engine } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { buildServer } from '../../src/http/index.js';
import { SqliteStore } from '../../src/store/index.js';

/** Where the generated types live (committed, so the console builds without a server). */
export const API_TYPES_PATH = new URL('../src/api/schema.d.ts', import.meta.url);

const HEADER = '// Generated from GET /openapi.json by `npm run api -w console`; do not edit.\n' +
  '// A test (console/test/api-types.test.ts) fails when the routes change and this file does not.\n';

/** The server's OpenAPI document as JSON. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const store = new SqliteStore(':memory:');
  try {
    const engine = await Engine.open(loadConfig(), store);
    const app = await buildServer({ engine, store, keys: store, activity: store });
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    await app.close();
    if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}: ${res.body}`);
    return res.json();
  } finally {
    await store.close();
  }
}

/** The TypeScript declarations of the API's paths and schemas. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument() as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
