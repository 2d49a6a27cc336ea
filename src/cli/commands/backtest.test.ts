import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulwarkEvent, Decision } from '../../contract/index.js';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];
function bulwark(args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const records = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

// A class of refunds analysts want a person to see: refund-only, no photo, from an account that
// asked for two or more refund-only refunds in a week.
const RULES = `rules:
  - id: repeat-refund-only
    description: Third refund-only request in a week without evidence
    when: >
      event.type == "refund.requested" && event.data.kind == "refund_only"
      && (!has(event.data.evidence) || event.data.evidence == 0) && account.refundOnly7d >= 3
    decision: review
    actions: [require_evidence]
  - id: shadow-big-order
    when: event.type == "order.placed" && event.data.amount > 500000
    decision: review
    mode: shadow
`;

test('a rule file reviews a class of refunds in a replay of a simulated week, and a backtest reports what it changes', () => {
  const sim = join(dir, 'sim');
  const s = bulwark(['simulate', '--seed', '2', '--scale', '0.3', '--days', '3', '--out', sim]);
  assert.equal(s.code, 0, s.stderr);
  writeFileSync(join(dir, 'rules.yaml'), RULES);

  const r = bulwark(['replay', join(sim, 'events.ndjson'), '--out', join(dir, 'run'), '--rules', join(dir, 'rules.yaml')]);
  assert.equal(r.code, 0, r.stderr);
  const events = new Map(records<BulwarkEvent>(join(sim, 'events.ndjson')).map((e) => [e.id, e]));
  const decisions = records<Decision>(join(dir, 'run', 'decisions.ndjson'));
  const hit = decisions.filter((d) => d.reasons.some((x) => x.rule === 'repeat-refund-only'));
  assert.ok(hit.length > 0, 'the simulated refund farms make the rule match');
  for (const d of hit) {
    const e = events.get(d.event_id)!;
    assert.equal(e.type, 'refund.requested');
    assert.ok(e.type === 'refund.requested' && e.data.kind === 'refund_only' && !e.data.evidence);
    assert.ok(d.decision === 'review' || d.decision === 'deny', `${d.event_id}: ${d.decision}`);
    assert.ok(d.actions.includes('require_evidence'));
  }
  assert.ok(!decisions.some((d) => d.reasons.some((x) => x.rule === 'shadow-big-order')), 'a shadow rule never appears in decisions');
  const summary = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8'));
  // The same events and rules give the same outputs, byte for byte.
  const again = bulwark(['replay', join(sim, 'events.ndjson'), '--out', join(dir, 'run2'), '--rules', join(dir, 'rules.yaml')]);
  assert.equal(again.code, 0, again.stderr);
  for (const f of ['decisions.ndjson', 'alerts.ndjson']) assert.equal(readFileSync(join(dir, 'run2', f), 'utf8'), readFileSync(join(dir, 'run', f), 'utf8'), f);
  assert.equal(summary.rules.hits['repeat-refund-only'], hit.length);

  // Without the rules, the same events get the same decisions except where the rule matched.
  const plain = bulwark(['replay', join(sim, 'events.ndjson'), '--out', join(dir, 'plain')]);
  assert.equal(plain.code, 0, plain.stderr);
  const before = new Map(records<Decision>(join(dir, 'plain', 'decisions.ndjson')).map((d) => [d.event_id, d]));
  const hitIds = new Set(hit.map((d) => d.event_id));
  for (const d of decisions) if (!hitIds.has(d.event_id)) assert.deepEqual(d, before.get(d.event_id));

  // The backtest sees the same changes in one pass, and scores them against the truth.
  const b = bulwark(['backtest', '--events', join(sim, 'events.ndjson'), '--rules', join(dir, 'rules.yaml'), '--truth', join(sim, 'truth.json'),
    '--out', join(dir, 'bt')]);
  assert.equal(b.code, 0, b.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'bt', 'backtest.json'), 'utf8'));
  const changedByRule = decisions.filter((d) => hitIds.has(d.event_id) && before.get(d.event_id)!.decision !== d.decision).length;
  assert.equal(report.changed, changedByRule);
  assert.equal(report.changes.reduce((n: number, c: { count: number }) => n + c.count, 0), changedByRule);
  const rule = report.rules.find((x: { rule: string }) => x.rule === 'repeat-refund-only');
  assert.equal(rule.hits_candidate, hit.length);
  assert.equal(rule.hits_current, 0);
  assert.ok(report.truth.before.recall !== null && report.truth.after.recall >= report.truth.before.recall);
  const table = readFileSync(join(dir, 'bt', 'backtest.txt'), 'utf8');
  assert.match(table, /decisions changed/);
  assert.match(table, /repeat-refund-only\s+candidate\s+active/);
});

test('a bad rule file stops replay and backtest before they start, naming the rule, line and column', () => {
  writeFileSync(join(dir, 'bad.yaml'), 'rules:\n  - id: young\n    when: account.age_days < 7\n    decision: review\n');
  for (const args of [['replay', '-', '--out', join(dir, 'never')], ['backtest', '--events', join(dir, 'bad.yaml'), '--out', join(dir, 'never')]]) {
    const r = bulwark([...args, '--rules', join(dir, 'bad.yaml')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /ERR_RULES_INVALID: .*bad\.yaml is refused/);
    assert.match(r.stderr, /rules\[0\]\.when \[young\] \(line 3, column 19\): unknown feature 'account\.age_days'; did you mean 'account\.ageDays'\?/);
  }
});
