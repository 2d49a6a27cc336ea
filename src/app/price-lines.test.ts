// The price guard's lines for shops that set none come from the configuration
// (guards.price_guard); with the defaults, a half-price sale passes and a typing slip is stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Decision } from '../contract/index.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { ev } from '../../test/support/events.js';
import { replay } from './replay.js';
import { loadStrategiesFile } from './strategies.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-price-lines-'));
const listing = (minute: number, price: number, id: string) => ev('listing.updated', minute, { item_id: 'i_phone', shop_id: 's_phone', price }, id);
const order = (minute: number, price: number, id: string) => ev('order.placed', minute, {
  order_id: id, buyer_id: `b_${id}`, shop_id: 's_phone', lines: [{ item_id: 'i_phone', qty: 1, unit_price: price }], amount: price,
  address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号3号楼502室', recipient: '王芳' },
}, `ev_${id}`);

/** A phone at 5,999.00; a half-price sale at 2,999.50 with an order; back to full price; then 59.99 typed for 5,999.00 with an order. */
const events = [
  listing(0, 599_900, 'ev_l0'), listing(60, 599_900, 'ev_l1'), listing(120, 599_900, 'ev_l2'),
  listing(600, 299_950, 'ev_sale'), order(601, 299_950, 'o_sale'),
  listing(900, 599_900, 'ev_back'),
  listing(1200, 5_999, 'ev_typo'), order(1201, 5_999, 'o_typo'),
];

async function decide(name: string, configFile?: string): Promise<Map<string, Decision>> {
  const out = join(dir, name);
  const config = loadConfig(configFile ? { file: configFile } : {});
  await replay({ input: Readable.from(events.map((e) => JSON.stringify(e) + '\n')), outDir: out, config });
  const lines = readFileSync(join(out, 'decisions.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Decision);
  return new Map(lines.map((d) => [d.event_id, d]));
}

function writeConfig(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

test('with the default configuration a half-price sale is allowed, and 59.99 typed for 5,999.00 pauses the listing and holds its order', async () => {
  const d = await decide('defaults');
  for (const id of ['ev_sale', 'ev_o_sale']) {
    assert.equal(d.get(id)!.decision, 'allow', `${id}: a 50%-off sale is not challenged`);
    assert.deepEqual(d.get(id)!.reasons, [], `${id}: neither the guard nor the price_error detector speaks`);
  }
  const typo = d.get('ev_typo')!;
  assert.equal(typo.decision, 'review');
  assert.ok(typo.actions.includes('pause_listing'));
  assert.ok(typo.reasons.some((r) => r.code === 'price_guard_stop_loss' && /stop-loss at 25\.0%/.test(r.message)));
  const held = d.get('ev_o_typo')!;
  assert.equal(held.decision, 'review');
  assert.deepEqual(held.actions, ['hold_shipment']);
  assert.ok(held.reasons.some((r) => r.code === 'price_guard_order_below_stop_loss'));
});

test('guards.price_guard in the configuration moves the lines of every shop that sets none', async () => {
  const d = await decide('configured', writeConfig('lines.json', { guards: { price_guard: { warnBelowPct: 60, stopLossBelowPct: 55 } } }));
  const sale = d.get('ev_sale')!;
  assert.equal(sale.decision, 'review', 'a configured stop-loss at 55% stops a half-price listing');
  assert.deepEqual(sale.reasons.map((r) => r.code), ['price_guard_stop_loss']);
  assert.match(sale.reasons[0]!.message, /50\.0% of its baseline ¥5999\.00: under the shop's stop-loss at 55\.0%/);
  assert.deepEqual(d.get('ev_o_sale')!.actions, ['hold_shipment']);
  const warnOnly = await decide('warn-only', writeConfig('warn.json', { guards: { price_guard: { warnBelowPct: 60 } } }));
  assert.equal(warnOnly.get('ev_sale')!.decision, 'challenge');
  assert.deepEqual(warnOnly.get('ev_sale')!.reasons.map((r) => r.code), ['price_guard_warn']);
  assert.equal(warnOnly.get('ev_o_sale')!.decision, 'allow', 'an order above the stop-loss is not held');
});

test('price guard lines in the configuration are validated: out of range, unknown, or a stop-loss not under the warning line', () => {
  assert.throws(() => loadConfig({ file: writeConfig('range.json', { guards: { price_guard: { warnBelowPct: 120 } } }) }),
    (e: unknown) => e instanceof ConfigError && e.code === 'ERR_CONFIG_INVALID' && /guards\.price_guard\.warnBelowPct: .*received 120/.test(e.message));
  assert.throws(() => loadConfig({ file: writeConfig('unknown.json', { guards: { price_guard: { warnBelow: 50 } } }) }),
    (e: unknown) => e instanceof ConfigError && e.code === 'ERR_CONFIG_INVALID' && /guards\.price_guard/.test(e.message));
  assert.throws(() => loadConfig({ file: writeConfig('crossed.json', { guards: { price_guard: { warnBelowPct: 20 } } }) }),
    (e: unknown) => e instanceof ConfigError && e.code === 'ERR_CONFIG_PRICE_GUARD' &&
      /stopLossBelowPct \(25\) must be below warnBelowPct \(20\).*lower stopLossBelowPct or raise warnBelowPct/.test(e.message));
});

test("a shop's own line is checked against the configured line it leaves to the configuration", () => {
  const file = join(dir, 'strategies.json');
  writeFileSync(file, JSON.stringify({ shops: { s_phone: { price_guard: { stop_loss_below_pct: 50 } } } }));
  const lines = loadConfig({ file: writeConfig('high-warn.json', { guards: { price_guard: { warnBelowPct: 60 } } }) }).guards.price_guard;
  assert.deepEqual(loadStrategiesFile(file, lines).shops?.s_phone, { price_guard: { stop_loss_below_pct: 50 } });
  assert.throws(() => loadStrategiesFile(file, loadConfig().guards.price_guard), {
    code: 'ERR_STRATEGIES_FILE',
    message: /shops\.s_phone\.price_guard\.stop_loss_below_pct: the stop-loss \(50%\) must be below the warning line \(45%\).*warn below 45%, stop below 25%/s,
  });
});
