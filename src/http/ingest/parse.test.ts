import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError } from '../errors.js';
import { parseIngestBody, type BodyLine } from './parse.js';

const event = (id: string, extra: Record<string, unknown> = {}) =>
  ({ id, type: 'order.paid', time: '2026-11-02T10:00:00.000Z', data: { order_id: 'o1' }, ...extra });
const parse = (contentType: string | undefined, body: string | Buffer, headers: Record<string, string> = {}, limits = { bodyBytes: 1 << 20, batchEvents: 3 }) =>
  parseIngestBody({ headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers }, body: Buffer.from(body) }, limits);
const ids = (lines: BodyLine[]) => lines.map((l) => (l.result.ok ? l.result.event.id : `!${l.result.rejection.code}`));

async function rejectsWith(p: Promise<unknown>, code: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof HttpError, String(err));
    assert.equal(err.code, code);
    if (pattern) assert.match(err.message, pattern);
    return true;
  });
}

test('numbers NDJSON lines as sent, skips blank ones and accepts CRLF', async () => {
  const body = `${JSON.stringify(event('a'))}\r\n\n   \n${JSON.stringify(event('b'))}\n{oops\n`;
  const lines = await parse('application/x-ndjson; charset=utf-8', body);
  assert.deepEqual(lines.map((l) => l.line), [1, 4, 5]);
  assert.deepEqual(ids(lines), ['a', 'b', '!ERR_EVENT_NOT_JSON']);
});

test('refuses a batch over the event limit before validating any line', async () => {
  const body = [1, 2, 3, 4].map((i) => JSON.stringify(event(`e${i}`))).join('\n');
  await rejectsWith(parse('application/x-ndjson', body), 'batch_too_large', /at most 3 events/);
  await rejectsWith(parse('application/cloudevents-batch+json', JSON.stringify([1, 2, 3, 4].map((i) => event(`e${i}`)))), 'batch_too_large');
});

test('an NDJSON body with no JSON line at all is not NDJSON', async () => {
  await rejectsWith(parse('application/x-ndjson', 'name,price\nfoo,12\n'), 'body_not_json', /line 1/);
  await rejectsWith(parse('application/x-ndjson', '\n \n'), 'body_empty');
});

test('one event as application/json or CloudEvents structured mode', async () => {
  assert.deepEqual(ids(await parse('application/json', JSON.stringify(event('a')))), ['a']);
  assert.deepEqual(ids(await parse('application/cloudevents+json', JSON.stringify(event('b', { specversion: '1.0', source: 'shop-a' })))), ['b']);
  await rejectsWith(parse('application/json', '{"id":'), 'body_not_json', /not JSON/);
  await rejectsWith(parse('application/json', Buffer.from([0xff, 0xfe])), 'body_not_json', /UTF-8/);
});

test('CloudEvents batched mode numbers array elements from 1', async () => {
  const lines = await parse('application/cloudevents-batch+json', JSON.stringify([event('a'), { id: 'b' }, event('c')]));
  assert.deepEqual(lines.map((l) => l.line), [1, 2, 3]);
  assert.deepEqual(ids(lines), ['a', '!ERR_EVENT_MISSING_FIELD', 'c']);
  await rejectsWith(parse('application/cloudevents-batch+json', JSON.stringify(event('a'))), 'invalid_request', /JSON array/);
});

test('CloudEvents binary mode takes the envelope from ce- headers and names the header that is wrong', async () => {
  const headers = { 'ce-id': 'bin1', 'ce-type': 'order.paid', 'ce-time': '2026-11-02T10:00:00.000Z', 'ce-source': 'shop-a', 'ce-specversion': '1.0' };
  const [ok] = await parse('application/json', JSON.stringify({ order_id: 'o1' }), headers);
  assert.ok(ok?.result.ok);
  assert.equal(ok.result.event.source, 'shop-a');
  assert.deepEqual(ok.result.event.data, { order_id: 'o1' });

  const [bad] = await parse('application/json', JSON.stringify({ order_id: 'o1' }), { ...headers, 'ce-time': '2026-11-02 10:00' });
  assert.ok(bad && !bad.result.ok);
  assert.equal(bad.result.rejection.path, 'ce-time');
  assert.match(bad.result.rejection.message, /^header ce-time/);
  await rejectsWith(parse('text/csv', 'a,b', headers), 'unsupported_media_type', /binary mode needs JSON/);
});

test('names the accepted media types when the Content-Type is not one of them', async () => {
  await rejectsWith(parse('text/plain', 'hello'), 'unsupported_media_type', /application\/x-ndjson/);
  await rejectsWith(parse(undefined, 'hello'), 'unsupported_media_type', /no Content-Type/);
});

test('one event over 1 MiB is refused whole', async () => {
  const big = JSON.stringify(event('big', { pad: 'x'.repeat(1024 * 1024) }));
  await rejectsWith(parse('application/json', big, {}, { bodyBytes: 4 << 20, batchEvents: 3 }), 'payload_too_large', /1 MiB/);
  const [line] = await parse('application/x-ndjson', `${big}\n${JSON.stringify(event('ok'))}`, {}, { bodyBytes: 4 << 20, batchEvents: 3 });
  assert.ok(line && !line.result.ok);
  assert.equal(line.result.rejection.code, 'ERR_EVENT_TOO_LARGE');
});
