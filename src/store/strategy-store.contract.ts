// The behaviour every StrategyStore must have, as a suite each implementation runs against itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ShopStrategies } from '../contract/index.js';
import type { StrategyStore, StrategyVersion } from '../core/index.js';

const guard = (limit: number): ShopStrategies => ({ scalper_guards: [{ id: 'drop', item_ids: ['i1'], per_account_limit: limit }] });
const version = (v: Partial<StrategyVersion> & Pick<StrategyVersion, 'shop_id' | 'version'>): StrategyVersion => ({
  tenant: 'default', strategies: guard(v.version), previous: v.version > 1 ? guard(v.version - 1) : null,
  changed_by: 'key_1', changed_at: `2026-11-02T10:0${v.version}:00.000Z`, position: v.version * 10, ...v,
});

/** Runs the StrategyStore contract against stores made by `open` (a fresh, empty store each call). */
export function strategyStoreContract(name: string, open: () => Promise<StrategyStore & { close(): Promise<void> }>): void {
  test(`${name}: keeps every version with who, when, before and after; the latest is current`, async () => {
    const s = await open();
    try {
      assert.equal(await s.currentStrategies('default', 's1'), undefined);
      for (const v of [version({ shop_id: 's1', version: 1 }), version({ shop_id: 's2', version: 1 }), version({ shop_id: 's1', version: 2 })]) {
        await s.saveStrategyVersion(v);
      }
      assert.deepEqual(await s.currentStrategies('default', 's1'), version({ shop_id: 's1', version: 2 }));
      assert.equal(await s.currentStrategies('other', 's1'), undefined, 'tenants are apart');
      const all: Array<[string, number]> = [];
      await s.strategyVersions((v) => all.push([v.shop_id, v.version]));
      assert.deepEqual(all, [['s1', 1], ['s2', 1], ['s1', 2]], 'in the order they were saved');
    } finally { await s.close(); }
  });

  test(`${name}: refuses a second version with the same number (a change saved first wins)`, async () => {
    const s = await open();
    try {
      await s.saveStrategyVersion(version({ shop_id: 's1', version: 1 }));
      await assert.rejects(s.saveStrategyVersion(version({ shop_id: 's1', version: 1, strategies: guard(9) })), { code: 'ERR_STORE_STRATEGY_CONFLICT' });
      assert.deepEqual((await s.currentStrategies('default', 's1'))!.strategies, guard(1));
    } finally { await s.close(); }
  });

  test(`${name}: lists a shop's versions newest first, paged by cursor`, async () => {
    const s = await open();
    try {
      for (let v = 1; v <= 5; v++) await s.saveStrategyVersion(version({ shop_id: 's1', version: v }));
      const first = await s.listStrategyVersions('default', 's1', { limit: 2 });
      assert.deepEqual(first.items.map((v) => v.version), [5, 4]);
      const second = await s.listStrategyVersions('default', 's1', { limit: 2, cursor: first.next_cursor! });
      assert.deepEqual(second.items.map((v) => v.version), [3, 2]);
      const last = await s.listStrategyVersions('default', 's1', { limit: 2, cursor: second.next_cursor! });
      assert.deepEqual(last.items.map((v) => v.version), [1]);
      assert.equal(last.next_cursor, null);
      assert.deepEqual(await s.listStrategyVersions('default', 'nobody', { limit: 2 }), { items: [], next_cursor: null });
    } finally { await s.close(); }
  });
}
