import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ids, permute32 } from './ids.js';

test('permute32 is a bijection on the counters it sees: no collisions in 200,000 values', () => {
  const seen = new Set<number>();
  for (let i = 0; i < 200_000; i++) seen.add(permute32(i, 0xdeadbeef));
  assert.equal(seen.size, 200_000);
});

test('ids are unique per namespace, opaque and depend on the seed', () => {
  const a = new Ids(1);
  const ids = Array.from({ length: 1000 }, () => a.buyer());
  assert.equal(new Set(ids).size, 1000);
  assert.match(ids[0]!, /^u_[0-9a-f]{8}$/);
  assert.notEqual(new Ids(2).buyer(), ids[0]);
});

test('phones are 11 digits and never repeat', () => {
  const ids = new Ids(9);
  const phones = Array.from({ length: 5000 }, (_, i) => ids.phone(i, i % 2 === 0));
  assert.equal(new Set(phones).size, 5000);
  for (const p of phones) assert.match(p, /^1\d{10}$/);
});
