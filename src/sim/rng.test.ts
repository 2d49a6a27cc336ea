import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from './rng.js';

test('the same seed and label give the same stream; another label or seed gives another', () => {
  const a = Rng.derive(1, 'x');
  const b = Rng.derive(1, 'x');
  const seqA = Array.from({ length: 20 }, () => a.float());
  assert.deepEqual(Array.from({ length: 20 }, () => b.float()), seqA);
  assert.notDeepEqual(Array.from({ length: 20 }, () => Rng.derive(1, 'y').float()), seqA);
  const c = Rng.derive(2, 'x');
  assert.notDeepEqual(Array.from({ length: 20 }, () => c.float()), seqA);
});

test('draws stay in their ranges and integer ranges give integers', () => {
  const r = Rng.derive(7, 'ranges');
  for (let i = 0; i < 2000; i++) {
    const n = r.int(3, 9);
    assert.ok(Number.isInteger(n) && n >= 3 && n <= 9);
    const x = r.draw([0.5, 0.75]);
    assert.ok(x >= 0.5 && x < 0.75);
    assert.ok(Number.isInteger(r.draw([10, 20])));
    const f = r.float();
    assert.ok(f >= 0 && f < 1);
  }
});

test('poisson has about the requested mean, small and large', () => {
  const r = Rng.derive(3, 'poisson');
  for (const lambda of [0.3, 4, 120]) {
    let sum = 0;
    for (let i = 0; i < 4000; i++) sum += r.poisson(lambda);
    assert.ok(Math.abs(sum / 4000 - lambda) < Math.max(0.1, lambda * 0.05), `mean for ${lambda} was ${sum / 4000}`);
  }
});

test('sample picks distinct elements', () => {
  const r = Rng.derive(5, 'sample');
  const s = r.sample([1, 2, 3, 4, 5, 6], 4);
  assert.equal(new Set(s).size, 4);
});
