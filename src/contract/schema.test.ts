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

test('the committed JSON Schema carries the optional registration_id of shop.opened', () => {
  const validate = new Ajv2020({ strict: false }).compile(committed);
  const opened = (registration_id: unknown) => ({ id: 'e_s', type: 'shop.opened', time: '2026-11-02T10:00:00.000Z',
    data: { shop_id: 's1', owner_id: 'm1', ...(registration_id === undefined ? {} : { registration_id }) } });
  assert.equal(validate(opened(undefined)), true);
  assert.equal(validate(opened('91330106MA2H0XXX1Y')), true);
  assert.equal(validate(opened(42)), false);
});
