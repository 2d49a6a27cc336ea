import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseEventTime } from './time.js';

test('parses exactly what Date agrees is a real UTC time in the contract form', () => {
  fc.assert(fc.property(fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
    assert.equal(parseEventTime(d.toISOString()), d.getTime());
  }));
});

test('refuses other forms and impossible dates', () => {
  for (const s of ['2026-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-11-02T24:00:00.000Z', '2026-11-02T10:00:00Z',
    '2026-11-02T10:00:00.000+08:00', '2026-11-02 10:00:00.000Z', '2026-1x-02T10:00:00.000Z']) {
    assert.ok(Number.isNaN(parseEventTime(s)), s);
  }
  assert.equal(parseEventTime('2024-02-29T00:00:00.000Z'), Date.UTC(2024, 1, 29));
});
