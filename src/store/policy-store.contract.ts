// The behaviour every RuleStore and ListStore must have, as a suite each implementation runs
// against itself (SQLite and PostgreSQL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListStore, RuleStore, StoredListEntry } from '../core/index.js';

type PolicyStore = RuleStore & ListStore & { close(): Promise<void> };

const entry = (list: string, value: string, at = '2026-11-02T10:00:00.000Z'): StoredListEntry => ({ list, value, hashed: false, addedAt: at, addedBy: 'key_1' });

/** Runs the policy store contract against stores made by `open` (a fresh, empty store each call). */
export function policyStoreContract(name: string, open: () => Promise<PolicyStore>): void {
  test(`${name}: rule sets are versioned one after another, a stale version is refused, changes read newest first`, async () => {
    const s = await open();
    try {
      assert.equal(await s.currentRules(), undefined);
      const one = await s.saveRules({ expectedVersion: 0, at: 't1', by: 'a', action: 'replace', before: null, after: [{ id: 'r1' }], rules: [{ id: 'r1' }] });
      assert.equal(one.version, 1);
      await s.saveRules({ expectedVersion: 1, at: 't2', by: 'b', action: 'put', rule_id: 'r2', before: null, after: { id: 'r2' }, rules: [{ id: 'r1' }, { id: 'r2' }] });
      await assert.rejects(s.saveRules({ expectedVersion: 1, at: 't3', by: 'c', action: 'delete', rule_id: 'r1', before: { id: 'r1' }, after: null, rules: [] }),
        (err: { code?: string }) => err.code === 'ERR_STORE_CONFLICT');
      assert.deepEqual(await s.currentRules(), { version: 2, at: 't2', by: 'b', rules: [{ id: 'r1' }, { id: 'r2' }] });
      const changes = await s.ruleChanges({ limit: 10 });
      assert.deepEqual(changes.map((c) => [c.version, c.action, c.rule_id]), [[2, 'put', 'r2'], [1, 'replace', undefined]]);
      assert.deepEqual(changes[0]!.after, { id: 'r2' });
      assert.deepEqual((await s.ruleChanges({ limit: 10, before: 2 })).map((c) => c.version), [1]);
      // Positions are kept when given; a version saved without one has none.
      await s.saveRules({ expectedVersion: 2, at: 't4', by: 'd', action: 'delete', rule_id: 'r1', before: { id: 'r1' }, after: null, rules: [{ id: 'r2' }], position: 4_000_000_000 });
      assert.deepEqual((await s.ruleVersions()).map((v) => [v.version, v.position, v.rules.length]), [[1, undefined, 1], [2, undefined, 2], [3, 4_000_000_000, 1]]);
      assert.equal((await s.currentRules())!.position, 4_000_000_000);
    } finally { await s.close(); }
  });

  test(`${name}: list entries are put, replaced and removed, listed by list then value in byte order`, async () => {
    const s = await open();
    try {
      for (const e of [entry('ip', '10.0.0.1'), entry('account', 'b'), entry('account', 'B'), entry('account', 'a')]) await s.putListEntry(e);
      await s.putListEntry({ ...entry('account', 'a'), note: 'again' });
      assert.deepEqual((await s.listEntries()).map((e) => `${e.list}/${e.value}${e.note ? `:${e.note}` : ''}`), ['account/B', 'account/a:again', 'account/b', 'ip/10.0.0.1']);
      assert.equal(await s.removeListEntry('account', 'a', 'key_2', 't'), true);
      assert.equal(await s.removeListEntry('account', 'a', 'key_2', 't'), false);
      assert.deepEqual((await s.listEntries()).map((e) => e.value), ['B', 'b', '10.0.0.1']);
    } finally { await s.close(); }
  });
}
