import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { eventsJsonSchema } from './index.js';

const committed = JSON.parse(readFileSync(new URL('../../contract/events.schema.json', import.meta.url), 'utf8'));
const examples = readFileSync(new URL('../../../shared/contract/examples.ndjson', import.meta.url), 'utf8').split('\n').filter(Boolean);

test('contract/events.schema.json is generated from the one schema source (run `bulwark schema` to refresh it)', () => {
  assert.deepEqual(committed, eventsJsonSchema());
});

test('an independent JSON Schema validator accepts every example and rejects negative money', () => {
  const validate = new Ajv2020({ strict: false }).compile(committed);
  for (const line of examples) assert.equal(validate(JSON.parse(line)), true, line);
  const bad = JSON.parse(examples.find((l) => l.includes('refund.requested'))!);
  bad.data.amount = -1;
  assert.equal(validate(bad), false);
});
