import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryAppliedEvents, MemoryStateStore } from './memory-state.js';

/** Values as a store would persist them (the symbol tags are not data). */
const plain = (changes: Array<[string, unknown]>) => JSON.parse(JSON.stringify(changes.sort())) as unknown;

test('reports each changed entry once, with its value as of now, and forgets after taking', () => {
  const s = new MemoryStateStore();
  const a = { n: 1 };
  s.set('acct', 'u1', a);
  a.n = 2;
  s.set('acct', 'u1', a);
  s.set('meta', 'watermark', 5);
  s.set('meta', 'watermark', 6);
  assert.deepEqual(plain([...s.takeChanges()]), [['acct:u1', { n: 2 }], ['meta:watermark', 6]]);
  assert.deepEqual([...s.takeChanges()], []);
  s.set('acct', 'u1', a);
  assert.deepEqual(plain([...s.takeChanges()]), [['acct:u1', { n: 2 }]]);
});

test('a replaced or deleted object is reported by what stands now', () => {
  const s = new MemoryStateStore();
  const first = { v: 1 };
  s.set('x', 'k', first);
  s.set('x', 'k', { v: 2 });
  s.set('x', 'gone', { v: 3 });
  s.delete('x', 'gone');
  assert.deepEqual(plain([...s.takeChanges()]), [['x:gone', null], ['x:k', { v: 2 }]]);
  s.set('x', 'k', first);
  assert.equal(s.get('x', 'k'), first);
});

test('the same object under two ids is stored under both', () => {
  const s = new MemoryStateStore({ trackChanges: false });
  const o = { v: 1 };
  s.set('x', 'a', o);
  s.set('x', 'b', o);
  assert.equal(s.get('x', 'a'), o);
  assert.equal(s.get('x', 'b'), o);
  assert.deepEqual([...s.takeChanges()], []);
});

test('taking changes after any sequence of sets and deletes gives the final value of every touched key', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.integer(), fc.constant('obj'), fc.constant('del')))), (ops) => {
    const s = new MemoryStateStore();
    const model = new Map<string, unknown>();
    const objs = new Map<string, { v: number }>();
    for (const [id, op] of ops) {
      if (op === 'del') { s.delete('n', id); model.set(id, undefined); continue; }
      if (op === 'obj') {
        const o = objs.get(id) ?? { v: 0 };
        o.v++;
        objs.set(id, o);
        s.set('n', id, o);
        model.set(id, { v: o.v });
        continue;
      }
      s.set('n', id, op);
      objs.delete(id);
      model.set(id, op);
    }
    const got = new Map([...s.takeChanges()].map(([k, v]) => [k.slice(2), v === undefined ? undefined : JSON.parse(JSON.stringify(v))]));
    assert.deepEqual(got, model);
  }));
});

test('applied ids tell an earlier run\'s ids (acknowledged once) from this run\'s (a repeated line)', () => {
  const a = new MemoryAppliedEvents();
  a.addEarlier('e1');
  assert.equal(a.add('e2'), true);
  a.settle();
  assert.equal(a.add('e3'), true);
  assert.equal(a.add('e1'), false);
  assert.equal(a.add('e2'), false);
  assert.equal(a.add('e3'), false);
  assert.equal(a.claimEarlier('e1'), true);
  assert.equal(a.claimEarlier('e1'), false, 'the second time this run meets it, it is a repeat');
  assert.equal(a.claimEarlier('e2'), true);
  assert.equal(a.claimEarlier('e3'), false, 'applied by this run');
  assert.equal(a.claimEarlier('nope'), false);
  assert.equal(a.size, 3);
  assert.ok(a.has('e1') && a.has('e2') && a.has('e3') && !a.has('nope'));
});
