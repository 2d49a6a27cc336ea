import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addToSeries, emptySeries, pruneSeries, sumRange, bucketOf } from './windows.js';
import { median, mad, quantile } from './robust.js';

const BUCKET = 60_000;

test('window sums equal a brute-force count, whatever the arrival order (late events included)', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ at: fc.integer({ min: 0, max: 100 * BUCKET }), v: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 200 }),
    fc.integer({ min: 0, max: 100 * BUCKET }), fc.integer({ min: 0, max: 50 * BUCKET }),
    (obs, to, len) => {
      const s = emptySeries();
      for (const o of obs) addToSeries(s, o.at, BUCKET, o.v);
      const from = bucketOf(to - len, BUCKET);
      const inWindow = obs.filter((o) => bucketOf(o.at, BUCKET) >= from && bucketOf(o.at, BUCKET) <= to);
      assert.deepEqual(sumRange(s, from, to), { n: inWindow.length, v: inWindow.reduce((a, o) => a + o.v, 0) });
      for (let i = 1; i < s.t.length; i++) assert.ok(s.t[i - 1]! < s.t[i]!, 'buckets stay sorted');
    }));
});

test('pruning drops only buckets before the cut', () => {
  const s = emptySeries();
  for (const at of [0, BUCKET, 2 * BUCKET, 3 * BUCKET]) addToSeries(s, at, BUCKET, 1);
  pruneSeries(s, 2 * BUCKET);
  assert.deepEqual(s.t, [2 * BUCKET, 3 * BUCKET]);
  assert.deepEqual(sumRange(s, 0, 10 * BUCKET), { n: 2, v: 2 });
});

test('median and MAD resist an outlier; quantile by nearest rank', () => {
  assert.equal(median([599900, 599900, 5999, 599900]), 599900);
  assert.equal(median([1, 2, 3, 4]), 2.5);
  assert.equal(mad([10, 10, 10, 1000]), 0);
  assert.equal(quantile([5, 1, 4, 2, 3], 0.2), 1);
  assert.throws(() => median([]), RangeError);
});
