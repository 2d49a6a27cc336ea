import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];
function bulwark(args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A simulated run, and a replay's outputs made by hand: one alert that finds the price error.
const dir = mkdtempSync(join(tmpdir(), 'bulwark-evalcli-'));
const sim = join(dir, 'sim');
const out = join(dir, 'replay');
assert.equal(bulwark(['simulate', '--seed', '2', '--scale', '0.1', '--days', '1', '--out', sim]).code, 0);
const truth = JSON.parse(readFileSync(join(sim, 'truth.json'), 'utf8'));
const pe = truth.incidents.find((i: { kind: string }) => i.kind === 'price_error');
mkdirSync(out);
const decisionPoints = new Set(['account.registered', 'coupon.claimed', 'order.placed', 'refund.requested', 'claim.filed', 'listing.updated']);
const decisions = readFileSync(join(sim, 'events.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  .filter((e) => decisionPoints.has(e.type))
  .map((e) => JSON.stringify({ event_id: e.id, type: e.type, decision: pe.events.includes(e.id) ? 'review' : 'allow', score: 0, reasons: [], actions: [] }));
writeFileSync(join(out, 'decisions.ndjson'), decisions.join('\n') + '\n');
writeFileSync(join(out, 'alerts.ndjson'), JSON.stringify({ id: 'alr_1', kind: 'price_error', time: pe.start, updated: pe.start, status: 'open',
  severity: 'high', score: 0.9, summary: 'price error', subjects: { accounts: [], shops: pe.shops, items: pe.items, orders: [] }, evidence: {} }) + '\n');

test('bulwark eval prints the table to stdout and writes DIR/eval.json', () => {
  const r = bulwark(['eval', '--events', join(sim, 'events.ndjson'), '--truth', join(sim, 'truth.json'), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^price_error\s+1\s+1\s+1\s+0\s+-\s+-\s+1\.000\s+1\.000\s+1\.00\s+0$/m);
  assert.match(r.stdout, /^reverse_brushing\s+1\s+0\s+0/m);
  assert.match(r.stdout, /inc_rb_1: not detected/);
  const report = JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8'));
  assert.equal(report.kinds.length, 9);
  const listing = report.decisions_by_type.find((d: { type: string }) => d.type === 'listing.updated');
  assert.equal(listing.attack.share, 1);
});

test('--json chooses where the report goes', () => {
  const path = join(dir, 'report.json');
  const r = bulwark(['eval', '--events', join(sim, 'events.ndjson'), '--truth', join(sim, 'truth.json'), '--out', out, '--json', path]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(path));
});

test('missing inputs exit 1 and say how to make them; a missing flag is a usage error', () => {
  const noReplay = bulwark(['eval', '--events', join(sim, 'events.ndjson'), '--truth', join(sim, 'truth.json'), '--out', join(dir, 'none')]);
  assert.equal(noReplay.code, 1);
  assert.match(noReplay.stderr, /ERR_EVAL_MISSING_FILE: decisions file .*decisions\.ndjson does not exist; run `bulwark replay .*events\.ndjson --out .*none` first/);
  const noTruth = bulwark(['eval', '--events', join(sim, 'events.ndjson'), '--truth', join(dir, 'nope.json'), '--out', out]);
  assert.equal(noTruth.code, 1);
  assert.match(noTruth.stderr, /truth file .*nope\.json does not exist; run `bulwark simulate/);
  const noFlag = bulwark(['eval', '--truth', join(sim, 'truth.json'), '--out', out]);
  assert.equal(noFlag.code, 2);
  assert.match(noFlag.stderr, /--events/);
});
