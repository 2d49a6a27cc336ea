import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_TYPES_PATH, generateApiTypes } from '../scripts/api-types.js';

test("the console's committed API types match the server's OpenAPI document", async () => {
  const committed = readFileSync(API_TYPES_PATH, 'utf8');
  const current = await generateApiTypes();
  assert.ok(current.includes('"/v1/alerts"'), 'the generated types name the alert routes');
  assert.ok(committed === current,
    'console/src/api/schema.d.ts is out of date with the routes: run `npm run api -w console` and commit the file');
});
