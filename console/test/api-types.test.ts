import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_TYPES_PATH, generateApiTypes } from '../scripts/api-types.js';

test("the console's committed API types match the server's OpenAPI document", async () => {
  const committed = readFileSync(API_TYPES_PATH, 'utf8');
  const current = await generateApiTypes();
  // The server is built as `bulwark serve` builds it: the routes of every feature are in the document.
  for (const path of ['/v1/alerts', '/v1/cases/{id}/resolve', '/v1/shops/{shop_id}/strategies', '/v1/rules', '/v1/lists', '/v1/backtests', '/v1/shops/{shop_id}/quality',
    '/v1/alliance/signals', '/v1/alliance/received', '/v1/alliance/partners']) {
    assert.ok(current.includes(`"${path}"`), `the generated types name ${path}`);
  }
  assert.ok(committed === current,
    'console/src/api/schema.d.ts is out of date with the routes: run `npm run api -w console` and commit the file');
});
