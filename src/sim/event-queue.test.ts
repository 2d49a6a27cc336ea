import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventQueue } from './event-queue.js';
import { Rng } from './rng.js';

test('events leave in time order, ties in the order they were added', () => {
  const q = new EventQueue(Rng.derive(1, 'q'), { share: 0, delayMs: [1, 1] });
  for (const [at, id] of [[30, 'c'], [10, 'a1'], [20, 'b'], [10, 'a2'], [10, 'a3']] as const) q.push(at, id, id);
  const out: string[] = [];
  q.flushAll((l) => out.push(l));
  assert.deepEqual(out, ['a1', 'a2', 'a3', 'b', 'c']);
});

test('flushBefore leaves later events waiting, and an event before the watermark is refused', () => {
  const q = new EventQueue(Rng.derive(1, 'q'), { share: 0, delayMs: [1, 1] });
  q.push(5, 'x', 'x');
  q.push(50, 'y', 'y');
  const out: string[] = [];
  q.flushBefore(10, (l) => out.push(l));
  assert.deepEqual(out, ['x']);
  assert.equal(q.size, 1);
  assert.throws(() => q.push(9, 'z', 'z'), /before the flushed watermark/);
});

test('held-back events are written after later events, within their delay', () => {
  const q = new EventQueue(Rng.derive(4, 'late'), { share: 0.1, delayMs: [1000, 5000] });
  for (let i = 0; i < 5000; i++) q.push(i * 100, `e${i}`, String(i * 100));
  const out: number[] = [];
  q.flushAll((l) => out.push(Number(l)));
  assert.equal(out.length, 5000);
  assert.ok(q.lateIds.length > 350 && q.lateIds.length < 650, `${q.lateIds.length} late`);
  const late = new Set(q.lateIds.map((id) => Number(id.slice(1)) * 100));
  const onTime = out.filter((t) => !late.has(t));
  assert.deepEqual(onTime, [...onTime].sort((a, b) => a - b));
  // A late event follows at least one later event and at most 5 s of later ones.
  out.forEach((t, i) => {
    if (!late.has(t) || i === 0) return;
    assert.ok(out[i - 1]! - t <= 5000, `event at ${t} written after ${out[i - 1]}`);
  });
});
