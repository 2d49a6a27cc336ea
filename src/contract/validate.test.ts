import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateEvent, parseText } from './index.js';

const examples = readFileSync(new URL('../../../shared/contract/examples.ndjson', import.meta.url), 'utf8')
  .split('\n').filter(Boolean);

const paid = (extra: Record<string, unknown> = {}) =>
  ({ id: 'e1', type: 'order.paid', time: '2026-11-02T10:00:00.000Z', data: { order_id: 'o1' }, ...extra });

test('accepts every line of the shared examples, one of each event type', () => {
  assert.equal(examples.length, 17);
  const types = new Set<string>();
  for (const line of examples) {
    const r = parseText(line);
    assert.equal(r.ok, true, line);
    if (r.ok) types.add(r.event.type);
  }
  assert.equal(types.size, 16);
});

test('keeps unknown extra fields instead of rejecting them', () => {
  const r = validateEvent({ ...paid({ trace: 'abc' }), data: { order_id: 'o1', note: 'new field' } });
  assert.equal(r.ok, true);
  if (r.ok) {
    assert.equal((r.event as Record<string, unknown>).trace, 'abc');
    assert.equal((r.event.data as Record<string, unknown>).note, 'new field');
  }
});

test('accepts a CloudEvents 1.0 structured event', () => {
  const r = validateEvent(paid({ specversion: '1.0', datacontenttype: 'application/json', source: 'shop-platform-a' }));
  assert.equal(r.ok, true);
});

test('rejects negative money with the field path, what was expected and what came', () => {
  const line = examples.find((l) => l.includes('refund.requested'))!.replace('"amount":3980', '"amount":-1');
  const r = parseText(line);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.rejection.code, 'ERR_EVENT_INVALID_FIELD');
    assert.equal(r.rejection.path, 'data.amount');
    assert.match(r.rejection.expected!, />= 0/);
    assert.equal(r.rejection.received, 'number -1');
  }
});

test('rejects a missing field deep in an order line with its path', () => {
  const line = JSON.parse(examples.find((l) => l.includes('order.placed'))!);
  delete line.data.lines[0].qty;
  const r = validateEvent(line);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.rejection.code, 'ERR_EVENT_MISSING_FIELD');
    assert.equal(r.rejection.path, 'data.lines[0].qty');
  }
});

test('rejects an unknown type and suggests the nearest one', () => {
  const r = validateEvent(paid({ type: 'order.pad' }));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.rejection.code, 'ERR_EVENT_UNKNOWN_TYPE');
    assert.match(r.rejection.message, /did you mean "order.paid"/);
  }
});

test('rejects times that are not RFC 3339 UTC with milliseconds or not real dates', () => {
  for (const time of ['2026-11-02T10:00:00Z', '2026-11-02 10:00:00.000Z', '2026-02-30T10:00:00.000Z', 1730000000000]) {
    const r = validateEvent(paid({ time }));
    assert.equal(r.ok, false, String(time));
    if (!r.ok) assert.equal(r.rejection.path, 'time');
  }
});

test('rejects a mistyped field and a bad enum value', () => {
  const r1 = validateEvent({ ...paid(), data: { order_id: 42 } });
  assert.equal(r1.ok, false);
  if (!r1.ok) assert.equal(r1.rejection.path, 'data.order_id');
  const r2 = validateEvent({ id: 'c', type: 'order.cancelled', time: '2026-11-02T10:00:00.000Z', data: { order_id: 'o', by: 'cat' } });
  assert.equal(r2.ok, false);
  if (!r2.ok) { assert.equal(r2.rejection.path, 'data.by'); assert.match(r2.rejection.expected!, /"buyer"/); }
});

test('rejects JSON that is not an object, and text that is not JSON', () => {
  assert.equal(parseText('[1,2]').ok, false);
  const r = parseText('{"id":');
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.rejection.code, 'ERR_EVENT_NOT_JSON');
});

test("shop.opened takes an optional registration_id (Bulwark's extension of the contract): kept when a string, refused with its path otherwise", () => {
  const opened = (data: Record<string, unknown>) => validateEvent({ id: 'e_s', type: 'shop.opened', time: '2026-11-02T10:00:00.000Z',
    data: { shop_id: 's1', owner_id: 'm1', ...data } });
  const without = opened({});
  assert.equal(without.ok, true, 'an event without it is valid as before');
  const r = opened({ registration_id: '91330106-MA2H0XXX1Y' });
  assert.equal(r.ok, true);
  if (r.ok && r.event.type === 'shop.opened') assert.equal(r.event.data.registration_id, '91330106-MA2H0XXX1Y');
  for (const bad of [91330106, '']) {
    const x = opened({ registration_id: bad });
    assert.equal(x.ok, false, JSON.stringify(bad));
    if (!x.ok) assert.equal(x.rejection.path, 'data.registration_id');
  }
});
