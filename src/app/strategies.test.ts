import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decision } from '../contract/index.js';
import { defaultConfig } from '../config/index.js';
import { ev } from '../../test/support/events.js';
import { SqliteStore, SqliteStrategyStore } from '../store/index.js';
import { Engine } from './engine.js';
import { replayFile } from './replay-file.js';
import { MerchantStrategies, loadStrategiesFile, storedTimeline } from './strategies.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-strategies-replay-'));

/** A launch bought by three accounts on one device, and a listing typed 100 times too low with an order at that price. */
function eventsFile(): string {
  const order = (minute: number, id: string, buyer: string, o: { item?: string; price?: number } = {}) => ev('order.placed', minute, {
    order_id: id, buyer_id: buyer, shop_id: 's_drop', lines: [{ item_id: o.item ?? 'i_sneaker', qty: 1, unit_price: o.price ?? 129_900 }],
    amount: o.price ?? 129_900, device_id: 'd_rack', address: { province: '浙江省', city: '杭州市', detail: `学院路${id.length}号${buyer}苑1栋1单元101室` },
  }, `ev_${id}`);
  const listing = (minute: number, price: number, id?: string) => ev('listing.updated', minute, { item_id: 'i_phone', shop_id: 's_drop', price }, id);
  const events = [
    listing(0, 599_900), listing(10, 599_900),
    order(60, 'o1', 'ring1'), order(61, 'o2', 'ring2'), order(62, 'o3', 'ring3'),
    listing(70, 5_999, 'ev_typo'), order(71, 'o4', 'fan', { item: 'i_phone', price: 5_999 }),
  ];
  const path = join(dir, 'events.ndjson');
  writeFileSync(path, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return path;
}

const decisions = (out: string): Map<string, Decision> =>
  new Map(readFileSync(join(out, 'decisions.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Decision).map((d) => [d.event_id, d]));

test('replay --strategies FILE (YAML): the guard answers the linked accounts past its limit, byte for byte the same on a second run', async () => {
  const events = eventsFile();
  const strategies = join(dir, 'strategies.yaml');
  writeFileSync(strategies, [
    'shops:',
    '  s_drop:',
    '    scalper_guards:',
    '      - id: sneaker-drop',
    '        item_ids: [i_sneaker]',
    '        per_group_limit: 2',
    '        action: review',
  ].join('\n'));
  const config = defaultConfig();
  const [a, b, bare] = [join(dir, 'a'), join(dir, 'b'), join(dir, 'bare')];
  await replayFile({ events, outDir: a, config, strategies });
  await replayFile({ events, outDir: b, config, strategies });
  await replayFile({ events, outDir: bare, config });

  const guarded = decisions(a);
  assert.equal(guarded.get('ev_o1')!.decision, 'allow');
  assert.equal(guarded.get('ev_o2')!.decision, 'allow');
  const third = guarded.get('ev_o3')!;
  assert.equal(third.decision, 'review');
  assert.deepEqual(third.actions, ['hold_shipment']);
  assert.deepEqual(third.reasons.map((r) => [r.rule, r.code]), [['scalper_guard', 'scalper_guard_group_limit']]);
  assert.equal(readFileSync(join(a, 'decisions.ndjson'), 'utf8'), readFileSync(join(b, 'decisions.ndjson'), 'utf8'));
  assert.equal(readFileSync(join(a, 'warnings.ndjson'), 'utf8'), readFileSync(join(b, 'warnings.ndjson'), 'utf8'));

  // Without the file, no shop has a scalper guard; the default price guard is on for every shop.
  const plain = decisions(bare);
  assert.equal(plain.get('ev_o3')!.decision, 'allow');
  for (const d of [guarded, plain]) {
    assert.ok(d.get('ev_typo')!.reasons.some((r) => r.code === 'price_guard_stop_loss'));
    assert.ok(d.get('ev_o4')!.reasons.some((r) => r.code === 'price_guard_order_below_stop_loss'));
  }
});

test('a strategies file that cannot be used is refused before anything runs, with each path and what to change', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ shops: { s1: { scalper_guards: [{ id: 'x', item_ids: ['i'], per_account_limit: -1 }] } } }));
  assert.throws(() => loadStrategiesFile(bad, defaultConfig().guards.price_guard), {
    code: 'ERR_STRATEGIES_FILE',
    message: /strategies file .*bad\.json is refused; fix these.*\n {2}shops\.s1\.scalper_guards\[0\]\.per_account_limit: .*received -1/s,
  });
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'shops: [unclosed');
  assert.throws(() => loadStrategiesFile(broken, defaultConfig().guards.price_guard), { code: 'ERR_STRATEGIES_FILE', message: /is not valid YAML/ });
  assert.throws(() => loadStrategiesFile(join(dir, 'missing.yaml'), defaultConfig().guards.price_guard), { code: 'ERR_STRATEGIES_FILE', message: /cannot read strategies file/ });
});

test('a change takes effect at its position: an engine restarted without a snapshot re-applies the events before it unguarded', async () => {
  const buy = (k: number) => ev('order.placed', k, {
    order_id: `o${k}`, buyer_id: `ring${k}`, shop_id: 's_drop', lines: [{ item_id: 'i_sneaker', qty: 1, unit_price: 129_900 }], amount: 129_900,
    device_id: 'd_rack', address: { province: '浙江省', city: '杭州市', detail: `学院路${k}号${k}苑1栋1单元101室` },
  }, `ev_o${k}`);
  const guard = { scalper_guards: [{ id: 'drop', item_ids: ['i_sneaker'], per_group_limit: 3 }] };
  const config = defaultConfig();
  /** Orders 1-2, the guard, orders 3-6; with `restartAfter`, the engine is dropped after that order (nothing snapshotted) and opened again. */
  async function run(name: string, restartAfter?: number): Promise<string[]> {
    const db = join(dir, `${name}.db`);
    let store = new SqliteStore(db);
    const strategyStore = new SqliteStrategyStore(db);
    // As serve does: one timeline from the stored versions, read by the engine and changed by MerchantStrategies.
    let timeline = await storedTimeline(strategyStore);
    let engine = await Engine.open(config, store, { strategies: timeline });
    const out: string[] = [];
    for (let k = 1; k <= 6; k++) {
      if (k === 3) await new MerchantStrategies({ store: strategyStore, timeline, priceGuard: config.guards.price_guard, position: () => engine.position }).put({ tenant: 'default', shopId: 's_drop', strategies: guard, changedBy: 'key_test' });
      const o = engine.process(buy(k));
      out.push(o.status === 'accepted' ? o.decision!.decision : 'duplicate');
      await engine.flush();
      if (k === restartAfter) {
        await store.close();
        store = new SqliteStore(db);
        timeline = await storedTimeline(strategyStore);
        engine = await Engine.open(config, store, { strategies: timeline });
      }
    }
    await store.close();
    await strategyStore.close();
    return out;
  }
  const straight = await run('straight');
  assert.deepEqual(straight, ['allow', 'allow', 'allow', 'allow', 'allow', 'deny'], 'orders 3-5 are the group\'s three counted units');
  assert.deepEqual(await run('restarted', 4), straight);
});
