import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStateStore } from '../state/memory-state.js';
import { DEFAULT_GRAPH_PARAMS, clusterOf, linkAccount } from './identity-graph.js';
import type { LinkKey } from './link-keys.js';

const P = DEFAULT_GRAPH_PARAMS;
const dev = (value: string): LinkKey => ({ via: 'device', value });
const pay = (value: string): LinkKey => ({ via: 'payment', value });
const ip = (value: string): LinkKey => ({ via: 'ip', value });

test('a family of two sharing a device is a cluster of two with the device as evidence', () => {
  const s = new MemoryStateStore();
  linkAccount(s, 'mum', [dev('d_home'), ip('10.0.0.2')], P);
  linkAccount(s, 'son', [dev('d_home'), ip('10.0.0.2')], P);
  const c = clusterOf(s, 'son');
  assert.equal(c.size, 2);
  assert.deepEqual(c.accounts, ['mum', 'son']);
  assert.deepEqual(c.links, [{ a: 'mum', b: 'son', via: 'device', value: 'd_home', weak: false }]);
  assert.deepEqual(clusterOf(s, 'mum'), c);
});

test('a ring of 30 accounts on 5 devices and 3 payment ids is one cluster of 30, every member joined by evidence', () => {
  const s = new MemoryStateStore();
  for (let i = 0; i < 30; i++) linkAccount(s, `r${String(i).padStart(2, '0')}`, [dev(`d${i % 5}`), pay(`p${i % 3}`)], P);
  const c = clusterOf(s, 'r17');
  assert.equal(c.size, 30);
  assert.equal(c.accounts.length, 30);
  assert.equal(c.links.length, 29, 'a spanning tree: one merge per account but the first');
  const joined = new Set(c.links.flatMap((l) => [l.a, l.b]));
  assert.equal(joined.size, 30);
  assert.ok(c.links.every((l) => !l.weak && (l.via === 'device' || l.via === 'payment')));
  for (const a of c.accounts) assert.equal(clusterOf(s, a).root, c.root);
});

test('300 accounts on one campus IP merge nobody: each stays alone with weak evidence', () => {
  const s = new MemoryStateStore();
  for (let i = 0; i < 300; i++) linkAccount(s, `stu${i}`, [ip('202.120.1.1'), dev(`d_stu${i}`)], P);
  for (const a of ['stu0', 'stu1', 'stu299']) {
    const c = clusterOf(s, a);
    assert.equal(c.size, 1);
    assert.deepEqual(c.accounts, [a]);
    assert.ok(c.links.length >= 1 && c.links.every((l) => l.weak && l.via === 'ip' && l.value === '202.120.1.1'));
  }
});

test('a device shared by more than hubAccounts accounts merges only the first hubAccounts', () => {
  const s = new MemoryStateStore();
  for (let i = 0; i < 50; i++) linkAccount(s, `cafe${String(i).padStart(2, '0')}`, [dev('d_cafe')], { hubAccounts: 20 });
  assert.equal(clusterOf(s, 'cafe00').size, 20);
  const late = clusterOf(s, 'cafe40');
  assert.equal(late.size, 1);
  assert.deepEqual(late.links, [{ a: 'cafe00', b: 'cafe40', via: 'device', value: 'd_cafe', weak: true }]);
});

test('the same links in the same order give identical clusters and identical state', () => {
  const run = () => {
    const s = new MemoryStateStore();
    for (let i = 0; i < 500; i++) linkAccount(s, `a${(i * 7919) % 211}`, [dev(`d${(i * 31) % 97}`), ip(`1.1.1.${i % 3}`)], P);
    return { s, clusters: Array.from({ length: 211 }, (_, i) => clusterOf(s, `a${i}`)) };
  };
  const x = run();
  const y = run();
  assert.equal(JSON.stringify(x.clusters), JSON.stringify(y.clusters));
  assert.equal(JSON.stringify([...x.s.takeChanges()]), JSON.stringify([...y.s.takeChanges()]));
});

test('clusterOf reads only: it changes no state', () => {
  const s = new MemoryStateStore();
  for (let i = 0; i < 40; i++) linkAccount(s, `x${i}`, [dev(`d${i >> 1}`), dev(`d${(i + 1) >> 1}`)], P);
  void [...s.takeChanges()];
  clusterOf(s, 'x39');
  assert.deepEqual([...s.takeChanges()], []);
});
