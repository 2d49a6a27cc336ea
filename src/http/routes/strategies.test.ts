// Merchant strategies end to end, through `serve` as the CLI runs it: a real SQLite file, the
// real engine and HTTP server on a free port, stopped and started again on the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createKey, serve } from '../../app/index.js';
import { defaultConfig } from '../../config/index.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-strategies-http-'));
const shop = 's_drop';
const STOP = 'SIGUSR2';

interface Running { url: string; stopped: Promise<void> }

async function start(db: string): Promise<Running> {
  let listening!: (url: string) => void;
  const url = new Promise<string>((resolve) => { listening = resolve; });
  const stopped = serve({ host: '127.0.0.1', port: 0, db, config: defaultConfig(), signals: [STOP], logger: pino({ level: 'silent' }), onListening: listening });
  return { url: await Promise.race([url, stopped.then(() => { throw new Error('serve stopped before it listened'); })]), stopped };
}

async function stop(r: Running): Promise<void> {
  process.emit(STOP, STOP);
  await r.stopped;
}

const call = (r: Running, key: string, path: string, init: { method?: string; body?: unknown } = {}) => fetch(`${r.url}${path}`, {
  method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
  headers: { authorization: `Bearer ${key}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
  ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
});

let seq = 0;
/** An order of one unit of the launch by `buyer`, from the device every ring account shares. */
function order(buyer: string, minute: number) {
  const id = `o_${buyer}`;
  return {
    id: `ev_${id}_${++seq}`, type: 'order.placed', time: new Date(Date.UTC(2026, 10, 11) + minute * 60_000).toISOString(),
    data: { order_id: id, buyer_id: buyer, shop_id: shop, lines: [{ item_id: 'i_sneaker', qty: 1, unit_price: 129_900 }], amount: 129_900,
      device_id: 'd_rack', address: { province: '浙江省', city: '杭州市', detail: `学院路${minute}号${buyer}苑1栋1单元101室` } },
  };
}

async function post(r: Running, key: string, event: Record<string, unknown>): Promise<{ decision: string; actions: string[]; reasons: Array<{ code: string }> }> {
  const res = await call(r, key, '/v1/events', { body: event });
  assert.equal(res.status, 200);
  type Result = { status: string; decision: { decision: string; actions: string[]; reasons: Array<{ code: string }> } };
  const [line] = (await res.json() as { results: Result[] }).results;
  assert.equal(line!.status, 'accepted');
  return line!.decision;
}

test('a merchant guards its launch over HTTP: linked accounts past the group limit are denied and held, from the change on, also after a restart', async () => {
  const db = join(dir, 'guard.db');
  const key = async (role: string, k: { shop?: string } = {}) => createKey({ role, db, ...k });
  const merchantKey = await key('merchant', { shop });
  const [merchant, other, analyst, ingest] = [merchantKey.key, (await key('merchant', { shop: 's_other' })).key, (await key('analyst')).key, (await key('ingest')).key];
  const guard = { scalper_guards: [{ id: 'sneaker-drop', item_ids: ['i_sneaker'], per_group_limit: 3, action: 'deny' }] };

  let r = await start(db);
  try {
    // Two ring accounts buy before the guard exists: they are neither judged nor counted.
    for (const [i, buyer] of ['ring1', 'ring2'].entries()) assert.equal((await post(r, ingest, order(buyer, i))).decision, 'allow');

    const before = await call(r, merchant, `/v1/shops/${shop}/strategies`);
    assert.equal(before.status, 200);
    assert.deepEqual(await before.json(), { shop_id: shop, version: 0, strategies: {}, price_guard_defaults: { warn_below_pct: 45, stop_loss_below_pct: 25 } });

    const put = await call(r, merchant, `/v1/shops/${shop}/strategies`, { method: 'PUT', body: guard });
    assert.equal(put.status, 200);
    const saved = await put.json() as { version: number; strategies: unknown; changed_by: string; changed_at: string };
    assert.equal(saved.version, 1);
    assert.deepEqual(saved.strategies, guard);
    assert.equal(saved.changed_by, merchantKey.record.id);

    // Another shop's merchant gets 403 on every strategies route; analysts read but do not write.
    for (const [method, path] of [['GET', ''], ['PUT', ''], ['GET', '/versions']] as const) {
      const res = await call(r, other, `/v1/shops/${shop}/strategies${path}`, { method, ...(method === 'PUT' ? { body: {} } : {}) });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.match((await res.json() as { error: { message: string } }).error.message, /only its own shop's strategies/);
    }
    assert.equal((await call(r, analyst, `/v1/shops/${shop}/strategies`)).status, 200);
    assert.equal((await call(r, analyst, `/v1/shops/${shop}/strategies`, { method: 'PUT', body: {} })).status, 403);

    // A bad document is refused whole with each path and fix, and changes nothing.
    const bad = await call(r, merchant, `/v1/shops/${shop}/strategies`, { method: 'PUT',
      body: { scalper_guards: [{ id: 'sneaker-drop', item_ids: ['i_sneaker'], per_group_limit: 0, action: 'ban' }] } });
    assert.equal(bad.status, 400);
    const refused = await bad.json() as { error: { code: string; message: string; details: { problems: Array<{ path: string; message: string }> } } };
    assert.equal(refused.error.code, 'invalid_request');
    assert.deepEqual(refused.error.details.problems.map((p) => p.path).sort(), ['scalper_guards[0].action', 'scalper_guards[0].per_group_limit']);
    assert.equal((await (await call(r, merchant, `/v1/shops/${shop}/strategies`)).json() as { version: number }).version, 1);

    assert.equal((await post(r, ingest, order('ring3', 10))).decision, 'allow');
    assert.equal((await post(r, ingest, order('ring4', 11))).decision, 'allow');
  } finally {
    await stop(r);
  }

  // Restarted on the same file: the guard is still in force, and the events re-applied on start
  // saw it from where it was set, so ring3 and ring4 are the group's only units.
  r = await start(db);
  try {
    assert.equal((await post(r, ingest, order('ring5', 12))).decision, 'allow');
    const denied = await post(r, ingest, order('ring6', 13));
    assert.equal(denied.decision, 'deny');
    assert.deepEqual(denied.actions, ['hold_shipment']);
    assert.ok(denied.reasons.some((x) => x.code === 'scalper_guard_group_limit'));

    const warnings = await (await call(r, merchant, `/v1/shops/${shop}/warnings`)).json() as { items: Array<{ kind: string; order_id?: string; reasons?: Array<{ code: string }> }> };
    const held = warnings.items.filter((w) => w.kind === 'order_held');
    assert.deepEqual(held.map((w) => w.order_id), ['o_ring6']);
    assert.ok(held[0]!.reasons!.some((x) => x.code === 'scalper_guard_group_limit'));
    assert.equal((await call(r, other, `/v1/shops/${shop}/warnings`)).status, 403);

    // The change is on record: who, when, before and after.
    const versions = await (await call(r, analyst, `/v1/shops/${shop}/strategies/versions`)).json() as { items: Array<Record<string, unknown>>; next_cursor: null };
    assert.equal(versions.items.length, 1);
    assert.deepEqual({ ...versions.items[0], changed_at: 'x' },
      { shop_id: shop, version: 1, strategies: guard, previous: null, changed_by: merchantKey.record.id, changed_at: 'x' });
  } finally {
    await stop(r);
  }
});
