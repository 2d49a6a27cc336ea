import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];
function bulwark(args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'bulwark-simulate-'));

test('bulwark simulate writes events.ndjson and truth.json, the same bytes for the same seed, and a summary', () => {
  const a = bulwark(['simulate', '--seed', '5', '--scale', '0.1', '--days', '1', '--out', join(dir, 'a')]);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stderr, /^simulated \d+ events \(\d+ late\) in [\d.]+ s to .*events\.ndjson; incidents: reverse_brushing 1, /);
  assert.equal(a.stdout, '');
  const b = bulwark(['simulate', '--seed', '5', '--scale', '0.1', '--days', '1', '--out', join(dir, 'b')]);
  assert.equal(b.code, 0, b.stderr);
  for (const f of ['events.ndjson', 'truth.json']) assert.equal(readFileSync(join(dir, 'a', f), 'utf8'), readFileSync(join(dir, 'b', f), 'utf8'), f);
  const truth = JSON.parse(readFileSync(join(dir, 'a', 'truth.json'), 'utf8'));
  assert.equal(truth.seed, 5);
  assert.equal(truth.days, 1);
});

test('bad flags exit 2 and name the flag and what to pass', () => {
  const cases: [string[], RegExp][] = [
    [['--seed', '1.5'], /--seed must be an integer from 0 to 2147483647, received "1\.5"; pass e\.g\. --seed 1/],
    [['--seed', 'abc'], /--seed must be an integer/],
    [['--scale', '0'], /--scale must be a number greater than 0, received "0"; pass e\.g\. --scale 1/],
    [['--scale', '-2'], /--scale must be a number greater than 0/],
    [['--days', '0'], /--days must be an integer from 1 to 366, received "0"; pass e\.g\. --days 7/],
    [['--start', 'tomorrow'], /--start must be an RFC 3339 UTC time/],
  ];
  for (const [flags, message] of cases) {
    const r = bulwark(['simulate', ...flags, '--out', join(dir, 'never')]);
    assert.equal(r.code, 2, `${flags.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  const noOut = bulwark(['simulate']);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /--out/);
});
