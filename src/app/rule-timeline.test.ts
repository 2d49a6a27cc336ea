// Analysts' rule versions take effect at a position of the event stream, and a restart re-applies
// the events after the last snapshot under the version each was first decided with, not the newest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulwarkEvent } from '../contract/index.js';
import type { ProcessOutcome } from '../core/index.js';
import { loadConfig } from '../config/index.js';
import { RuleSet, RuleTimeline } from '../rules/index.js';
import { SqlitePolicyStore, SqliteStore } from '../store/index.js';
import { Engine } from './engine.js';

const registration = (n: number): BulwarkEvent => ({
  id: `evt_${n}`, type: 'account.registered', time: `2026-11-02T10:0${n}:00.000Z`, data: { account_id: `u${n}`, role: 'buyer', device_id: 'dev-9' },
} as BulwarkEvent);
const decisionOf = (out: ProcessOutcome) => (out.status === 'accepted' ? out.decision?.decision : out.status);
const rules = (decision: string) => `rules:\n  - id: dev9\n    when: event.type == "account.registered" && event.data.device_id == "dev-9"\n    decision: ${decision}\n`;

test('an engine restarted without a snapshot re-applies the events before a rule change under the old rules', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rule-timeline-'));
  const db = join(dir, 'b.db');
  const config = loadConfig();
  try {
    // The live run: no rules for the first event, v1 (deny) from the second, v2 (review) from the third.
    const live = await Engine.open(config, new SqliteStore(db), { ruleTimeline: new RuleTimeline() });
    const decided = [];
    decided.push(decisionOf(live.process(registration(1))));
    live.setRules(RuleSet.fromText(rules('deny'), 'v1'));
    decided.push(decisionOf(live.process(registration(2))));
    live.setRules(RuleSet.fromText(rules('review'), 'v2'));
    decided.push(decisionOf(live.process(registration(3))));
    assert.deepEqual(decided, ['allow', 'deny', 'review']);
    await live.flush();
    await live.store!.close();

    // Restarted with the versions at their positions: no snapshot was taken, so all three events
    // are applied again, each under the version that decided it.
    const v1 = RuleSet.fromText(rules('deny'), 'v1');
    const v2 = RuleSet.fromText(rules('review'), 'v2');
    const timeline = new RuleTimeline();
    timeline.add(1, v1);
    timeline.add(2, v2);
    const store = new SqliteStore(db);
    const resumed = await Engine.open(config, store, { ruleTimeline: timeline });
    assert.equal(resumed.position, 3);
    assert.deepEqual([v1.counters.get('dev9')!.hits, v2.counters.get('dev9')!.hits], [1, 1], 'each version decided the one event it decided live');
    assert.equal(resumed.rules, v2);
    assert.equal(decisionOf(resumed.process(registration(4))), 'review');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const CLI = ['--import', 'tsx', new URL('../cli/main.ts', import.meta.url).pathname];

function serve(db: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      if (err.length > 20_000) return;
      err += b.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve({ child, url: m[1]!, exited });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

test('serve keeps each rule version\'s position: killed before any snapshot, it re-applies the earlier events under the versions they were decided with', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rule-positions-'));
  const db = join(dir, 'b.db');
  try {
    const key = (role: string) => spawnSync(process.execPath, [...CLI, 'keys', 'create', '--role', role, '--db', db], { encoding: 'utf8' }).stdout.trim();
    const ingest = key('ingest');
    const analyst = key('analyst');
    const call = (url: string, path: string, k: string, init: RequestInit = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${k}`, ...(init.headers as Record<string, string> ?? {}) } });
    const send = async (url: string, n: number) => {
      const res = await call(url, '/v1/events', ingest, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration(n)) });
      return (await res.json() as { results: Array<{ decision: { decision: string } }> }).results[0]!.decision.decision;
    };
    const put = async (url: string, decision: string) => {
      const res = await call(url, '/v1/rules', analyst, { method: 'PUT', headers: { 'content-type': 'application/yaml' }, body: rules(decision) });
      assert.equal(res.status, 200, await res.clone().text());
    };

    const first = await serve(db);
    assert.equal(await send(first.url, 1), 'allow');
    await put(first.url, 'deny');
    assert.equal(await send(first.url, 2), 'deny');
    await put(first.url, 'review');
    assert.equal(await send(first.url, 3), 'review');
    first.child.kill('SIGKILL');
    await first.exited;

    const policy = new SqlitePolicyStore(db);
    assert.deepEqual((await policy.ruleVersions()).map((v) => [v.version, v.position]), [[1, 1], [2, 2]]);
    await policy.close();

    // The restart re-applies all three events (there is no snapshot): version 2 decides only the
    // third again, so its hits are one, where deciding every event with the newest rules gave three.
    const second = await serve(db);
    try {
      const rule = await (await call(second.url, '/v1/rules/dev9', analyst)).json() as { version: number; stats: { hits: number } };
      assert.equal(rule.version, 2);
      assert.equal(rule.stats.hits, 1);
      assert.equal(await send(second.url, 4), 'review');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
