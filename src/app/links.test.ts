import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseText, type BulwarkEvent } from '../contract/index.js';
import { loadConfig } from '../config/index.js';
import { SqliteStore } from '../store/index.js';
import { Engine } from './engine.js';
import { syntheticNdjson } from '../../test/support/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-links-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function parse(lines: readonly string[]): BulwarkEvent[] {
  return lines.map((l) => {
    const r = parseText(l);
    if (!r.ok) throw new Error(r.rejection.message);
    return r.event;
  });
}

function order(id: string, buyer: string, detail: string, province = '浙江省', city = '杭州市'): string {
  return JSON.stringify({ id, type: 'order.placed', time: '2026-11-02T10:00:00.000Z', data: {
    order_id: `o_${id}`, buyer_id: buyer, shop_id: 's_1', amount: 1000, lines: [{ item_id: 'i_1', qty: 1, unit_price: 1000 }],
    address: { province, city, district: '西湖区', detail },
  } });
}

const synthetic = parse(syntheticNdjson(3000).trim().split('\n'));
const accountIds = [...new Set(synthetic.flatMap((e) => {
  const d = e.data as Record<string, unknown>;
  return [d.account_id, d.buyer_id].filter((x): x is string => typeof x === 'string');
}))].sort();

async function clustersAfter(engine: Engine, events: readonly BulwarkEvent[]): Promise<string> {
  for (const e of events) {
    engine.process(e);
    if (engine.pending >= 400) await engine.flush({ wait: false });
  }
  await engine.flush();
  return JSON.stringify(accountIds.map((a) => engine.links(a)));
}

test('orders to one door written in variants link their buyers by the address key; a vague address links nobody', async () => {
  const engine = await Engine.open(loadConfig());
  for (const e of parse([
    order('e1', 'alice', '文三路88号三栋二单元501室'),
    order('e2', 'bob', '文三路８８号3幢2单元501', '浙江', '杭州'),
    order('e3', 'carol', '浙江大学东门'),
    order('e4', 'dave', '浙江大学东门'),
  ])) engine.process(e);
  const c = engine.links('bob')!;
  assert.equal(c.size, 2);
  assert.deepEqual(c.accounts, ['alice', 'bob']);
  assert.deepEqual(c.links, [{ a: 'alice', b: 'bob', via: 'address', value: '浙江|杭州|文三路88号|3栋2单元501室', weak: false }]);
  assert.equal(engine.links('dave')!.size, 1);
  assert.equal(engine.links('nobody'), undefined);
});

test('graph.hubAccounts in the configuration decides when a shared door stops merging', async () => {
  const door = '文三路88号三栋二单元501室';
  const events = parse(['a', 'b', 'c', 'd'].map((b, i) => order(`h${i}`, b, door)));
  const engine = await Engine.open(loadConfig({ overrides: { graph: { hubAccounts: 2 } } }));
  for (const e of events) engine.process(e);
  // The first two merge; from the third on the door is a hub and links weakly.
  assert.equal(engine.links('a')!.size, 2);
  assert.equal(engine.links('d')!.size, 1);
  assert.ok(engine.links('d')!.links.some((l) => l.weak && l.via === 'address'));
  const byDefault = await Engine.open(loadConfig());
  for (const e of events) byDefault.process(e);
  assert.equal(byDefault.links('d')!.size, 4);
  assert.throws(() => loadConfig({ overrides: { graph: { hubAccounts: 1 } } }), /hubAccounts/);
});

test('the same events through two engines give identical clusters', async () => {
  const a = await clustersAfter(await Engine.open(loadConfig()), synthetic);
  const b = await clustersAfter(await Engine.open(loadConfig()), synthetic);
  assert.equal(a, b);
  assert.ok(JSON.parse(a).some((c: { size: number }) => c.size > 1), 'the synthetic events link some accounts');
});

test('a run split in two through a SQLite store gives the clusters of one run', async () => {
  const config = loadConfig({ overrides: { store: { snapshotEvery: 700 } } });
  const expected = await clustersAfter(await Engine.open(config), synthetic);
  for (const cut of [1, 777, 1500, 2999]) {
    const path = join(dir, `resume-${cut}.db`);
    const first = new SqliteStore(path);
    await clustersAfter(await Engine.open(config, first), synthetic.slice(0, cut));
    await first.close();
    const second = new SqliteStore(path);
    assert.equal(await clustersAfter(await Engine.open(config, second), synthetic.slice(cut)), expected, `cut at ${cut}`);
    await second.close();
  }
});

test('`bulwark links` prints the cluster of a replayed account as JSON, and exits 1 naming an unknown account', () => {
  const events = join(dir, 'family.ndjson');
  const db = join(dir, 'family.db');
  writeFileSync(events, [
    JSON.stringify({ id: 'r1', type: 'account.registered', time: '2026-11-02T10:00:00.000Z', data: { account_id: 'mum', role: 'buyer', device_id: 'd_home' } }),
    JSON.stringify({ id: 'r2', type: 'account.registered', time: '2026-11-02T10:01:00.000Z', data: { account_id: 'son', role: 'buyer', device_id: 'd_home' } }),
  ].join('\n') + '\n');
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  const replayed = cli('replay', events, '--out', join(dir, 'out'), '--db', db);
  assert.equal(replayed.status, 0, replayed.stderr);
  const shown = cli('links', 'son', '--db', db);
  assert.equal(shown.status, 0, shown.stderr);
  assert.deepEqual(JSON.parse(shown.stdout), {
    root: 'mum', size: 2, accounts: ['mum', 'son'],
    links: [{ a: 'mum', b: 'son', via: 'device', value: 'd_home', weak: false }],
  });
  const unknown = cli('links', 'stranger', '--db', db);
  assert.equal(unknown.status, 1);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /ERR_LINKS_UNKNOWN_ACCOUNT: no account "stranger"/);
});
