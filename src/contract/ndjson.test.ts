import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { readLines, parseLine, type RawLine } from './index.js';

async function collect(chunks: Buffer[], max?: number): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const batch of readLines(Readable.from(chunks), max)) out.push(...batch);
  return out;
}

test('splits lines across chunk boundaries, whatever the chunking', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.string({ maxLength: 30 }).map((s) => s.replace(/\n/g, ' ')), { minLength: 1, maxLength: 20 }),
    fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 10 }),
    async (lines, cuts) => {
      const all = Buffer.from(lines.join('\n'));
      const chunks: Buffer[] = [];
      let i = 0; let c = 0;
      while (i < all.length) { const n = cuts[c++ % cuts.length]!; chunks.push(all.subarray(i, i + n)); i += n; }
      const got = await collect(chunks);
      const expected = lines.map((l, k) => ({ line: k + 1, text: l }))
        .filter((x, k) => !(k === lines.length - 1 && x.text === ''));
      assert.deepEqual(got.map((g) => ({ line: g.line, text: g.text })), expected);
    }));
});

test('drops an oversized line while streaming and keeps its neighbours', async () => {
  const big = 'x'.repeat(5000);
  const got = await collect([Buffer.from(`{"a":1}\n${big.slice(0, 2000)}`), Buffer.from(`${big.slice(2000)}\n{"b":2}\n`)], 1000);
  assert.equal(got.length, 3);
  assert.deepEqual(got[1], { line: 2, text: null, problem: 'too_large', size: 5000 });
  assert.equal(got[2]!.text, '{"b":2}');
  const r = parseLine(got[1]!);
  assert.equal(r.ok, false);
  if (r.ok === false) assert.equal(r.rejection.code, 'ERR_EVENT_TOO_LARGE');
});

test('reports invalid UTF-8 per line, keeps the good lines of the chunk, and skips blank lines', async () => {
  const got = await collect([Buffer.concat([Buffer.from('{"a":1}\n'), Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from('\n  \r\n{"b":"é"}\n')])]);
  assert.deepEqual(got.map((g) => g.text), ['{"a":1}', null, '  \r', '{"b":"é"}']);
  const bad = parseLine(got[1]!);
  assert.equal(bad.ok, false);
  if (bad.ok === false) assert.equal(bad.rejection.code, 'ERR_EVENT_NOT_UTF8');
  assert.equal(parseLine(got[2]!).ok, 'blank');
});

test('a multi-byte character split between chunks is decoded whole', async () => {
  const all = Buffer.from('{"a":"中文"}\n{"b":"é"}\n');
  for (let cut = 1; cut < all.length; cut++) {
    const got = await collect([all.subarray(0, cut), all.subarray(cut)]);
    assert.deepEqual(got.map((g) => g.text), ['{"a":"中文"}', '{"b":"é"}'], `cut at ${cut}`);
  }
});

test('a line of multi-byte characters is measured in bytes', async () => {
  const got = await collect([Buffer.from(`${'中'.repeat(400)}\n${'中'.repeat(300)}\n`)], 1000);
  assert.deepEqual(got[0], { line: 1, text: null, problem: 'too_large', size: 1200 });
  assert.equal(got[1]!.text, '中'.repeat(300));
});