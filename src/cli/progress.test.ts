import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replayProgress } from './progress.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (s: string) => { chunks.push(s); return true; } } as unknown as NodeJS.WriteStream };
}

test('draws events, events/s and alerts on a terminal, redrawing one line', () => {
  const { chunks, stream } = fakeStream(true);
  const p = replayProgress(stream);
  p.update!({ lines: 1000, events: 1000, alerts: 2, elapsedMs: 500 });
  p.update!({ lines: 2000, events: 2000, alerts: 3, elapsedMs: 1000 });
  p.done();
  assert.equal(chunks.length, 3);
  assert.match(chunks[1]!, /^\r.* 2,000 events {2}2,000 ev\/s {2}3 alerts/);
  assert.equal(chunks[2], '\n');
});

test('is silent when standard error is not a terminal', () => {
  const { chunks, stream } = fakeStream(false);
  const p = replayProgress(stream);
  assert.equal(p.update, undefined);
  p.done();
  assert.deepEqual(chunks, []);
});
