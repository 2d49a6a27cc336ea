import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, Policy, createKey } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { SqlitePolicyStore, SqliteStore } from '../../store/index.js';
import { buildServer } from '../server.js';

const GOOD = `rules:
  - id: big-refund
    when: event.type == "refund.requested" && event.data.amount > 100000 && account.ageDays < 7
    decision: review
`;

test('POST /v1/rules/check answers every problem of a candidate set with its place, and saves nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-check-'));
  const db = join(dir, 'bulwark.db');
  const store = new SqliteStore(db);
  const engine = await Engine.open(loadConfig(), store, { activity: true });
  const policyStore = new SqlitePolicyStore(db);
  const policy = await Policy.open({ engine, store: policyStore });
  const app = await buildServer({ engine, store, keys: store, policy });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const analyst = (await createKey({ role: 'analyst', db, keys: store })).key;
    const merchant = (await createKey({ role: 'merchant', shop: 's_1', db, keys: store })).key;
    const check = (body: string, key = analyst, type = 'application/yaml') =>
      fetch(`${url}/v1/rules/check`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': type }, body });

    const good = await check(GOOD);
    assert.equal(good.status, 200);
    assert.deepEqual(await good.json(), { valid: true, problems: [] });

    // A misspelt feature and a bad decision, in two rules: both named, with where they are.
    const bad = GOOD.replace('account.ageDays', 'account.agedays') + '  - id: second\n    when: event.type == "order.placed"\n    decision: block\n';
    const answer = await (await check(bad)).json() as { valid: boolean; problems: Array<{ path: string; rule_id?: string; line?: number; message: string }> };
    assert.equal(answer.valid, false);
    const feature = answer.problems.find((p) => p.rule_id === 'big-refund');
    assert.ok(feature, JSON.stringify(answer.problems));
    assert.equal(feature.path, 'rules[0].when');
    assert.equal(feature.line, 3);
    assert.match(feature.message, /ageDays/, 'the hint names the feature meant');
    assert.ok(answer.problems.some((p) => p.rule_id === 'second' && p.path === 'rules[1].decision'), JSON.stringify(answer.problems));

    // JSON is checked the same way; a set that is not YAML at all is a problem, not an error.
    const json = await (await check(JSON.stringify({ rules: [{ id: 'x', when: 'event.type ==', decision: 'deny' }] }), analyst, 'application/json')).json() as { valid: boolean };
    assert.equal(json.valid, false);
    assert.equal(((await (await check('rules: [')).json()) as { valid: boolean }).valid, false);

    // Nothing was saved: the rules in force are still version 0, empty.
    const rules = await (await fetch(`${url}/v1/rules`, { headers: { authorization: `Bearer ${analyst}` } })).json() as { version: number; rules: unknown[] };
    assert.equal(rules.version, 0);
    assert.deepEqual(rules.rules, []);
    assert.equal((await check(GOOD, merchant)).status, 403);
  } finally {
    await app.close();
    await engine.flush();
    await policyStore.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
