// The one behaviour every Store must have, as a suite each implementation runs against itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert, BulwarkEvent, Decision } from '../contract/index.js';
import { storedEvent, type CommitBatch, type Store, type Warning } from '../core/index.js';
import type { KeyStore } from './keys.js';

const event = (id: string, minute: number): BulwarkEvent => ({
  id, type: 'order.paid', time: new Date(Date.UTC(2026, 10, 2) + minute * 60_000).toISOString(), data: { order_id: `o_${id}` },
});
const decision = (id: string, value: Decision['decision'] = 'allow'): Decision =>
  ({ event_id: id, type: 'order.placed', decision: value, score: value === 'allow' ? 0 : 0.8, reasons: [], actions: [] });
const alert = (id: string, minute: number, kind: Alert['kind'] = 'price_error'): Alert => {
  const time = new Date(Date.UTC(2026, 10, 2) + minute * 60_000).toISOString();
  return { id, kind, time, updated: time, status: 'open', severity: 'high', score: 0.9, summary: id,
    subjects: { accounts: [], shops: ['s1'], items: ['i1'], orders: [] }, evidence: { minute } };
};
const batch = (b: Partial<CommitBatch>): CommitBatch => ({ events: [], decisions: [], alerts: [], warnings: [], ...b });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2) + minute * 60_000).toISOString();
const held = (id: string, shop: string, minute: number): Warning => ({
  id, shop_id: shop, time: at(minute), updated: at(minute), source: 'decision', kind: 'order_held', event_type: 'order.placed',
  decision: 'review', actions: ['hold_shipment'], reasons: [{ code: 'order_at_price_error', message: 'bought at 59.99' }],
  order_id: `o_${id}`, item_ids: ['i1'],
});
const priceError = (id: string, shop: string, minute: number, updated: number, orders: number): Warning => ({
  id, shop_id: shop, time: at(minute), updated: at(updated), source: 'alert', kind: 'price_error', severity: 'high',
  summary: `${orders} order(s) held`, item_ids: ['i1'], order_count: orders,
});

/** Runs the Store contract against stores made by `open` (a fresh, empty store each call). */
export function storeContract(name: string, open: () => Promise<Store & KeyStore & { reopen?: () => Promise<Store> }>): void {
  test(`${name}: a commit is read back: state, applied ids, decisions in order, alerts`, async () => {
    const s = await open();
    await s.commit(batch({
      events: [storedEvent(event('e1', 0), false), storedEvent(event('e2', 1), true)],
      decisions: [decision('e2', 'review'), decision('e1')],
      alerts: [alert('a1', 0)],
      snapshot: [['acct:u1', { id: 'u1', n: 1 }], ['x:1', 5]],
    }));
    await s.commit(batch({ events: [storedEvent(event('e3', 2), false)], alerts: [{ ...alert('a1', 0), score: 0.95 }] }));
    await s.commit(batch({ snapshot: [['x:1', undefined], ['acct:u1', { id: 'u1', n: 2 }]] }));
    const st = new Map<string, unknown>();
    await s.loadState((k, v) => st.set(k, v));
    assert.deepEqual([...st], [['acct:u1', { id: 'u1', n: 2 }]]);
    const ids: string[] = [];
    await s.loadAppliedIds((id) => ids.push(id));
    assert.deepEqual(ids.sort(), ['e1', 'e2', 'e3']);
    const ds: string[] = [];
    await s.decisions((d) => ds.push(d.event_id));
    assert.deepEqual(ds, ['e2', 'e1']);
    assert.equal((await s.decisionFor('e2'))?.decision, 'review');
    assert.equal(await s.decisionFor('nope'), undefined);
    assert.equal((await s.getAlert('a1'))?.score, 0.95);
    assert.equal((await s.allAlerts()).length, 1);
    await s.close();
  });

  test(`${name}: the events after the last snapshot come back in order; applied ids stop at the snapshot`, async () => {
    const s = await open();
    await s.commit(batch({ events: [storedEvent(event('e1', 0), false)], snapshot: [['k:1', 1]] }));
    await s.commit(batch({ events: [storedEvent(event('e3', 2), false), storedEvent(event('e2', 1), true)] }));
    const after: string[] = [];
    await s.eventsAfterSnapshot((e) => after.push(e.id));
    assert.deepEqual(after, ['e3', 'e2']);
    const ids: string[] = [];
    await s.loadAppliedIds((id) => ids.push(id));
    assert.deepEqual(ids, ['e1']);
    await s.commit(batch({ snapshot: [] }));
    const none: string[] = [];
    await s.eventsAfterSnapshot((e) => none.push(e.id));
    assert.deepEqual(none, []);
    await s.close();
  });

  test(`${name}: a failing commit writes nothing of its batch`, async () => {
    const s = await open();
    await s.commit(batch({ events: [storedEvent(event('e1', 0), false)], snapshot: [] }));
    await assert.rejects(s.commit(batch({
      events: [storedEvent(event('e2', 1), false), storedEvent(event('e1', 2), false)],
      snapshot: [['k:1', 1]], alerts: [alert('a9', 1)], warnings: [held('e2', 's1', 1)],
    })));
    const ids: string[] = [];
    await s.loadAppliedIds((id) => ids.push(id));
    assert.deepEqual(ids, ['e1']);
    const st: string[] = [];
    await s.loadState((k) => st.push(k));
    assert.deepEqual(st, []);
    assert.equal(await s.getAlert('a9'), undefined);
    assert.deepEqual((await s.listWarnings('s1', { limit: 10 })).items, []);
    await s.close();
  });

  test(`${name}: a snapshot that fails far into its entries, on either side, commits none of them`, async () => {
    const s = await open();
    await s.commit(batch({ events: [storedEvent(event('e1', 0), false)], snapshot: [['k:0', 0]] }));
    // 150,000 entries: written in many chunks, so the failure comes after earlier ones were sent.
    const entries = (bad: readonly [string, unknown]) => function* () {
      for (let i = 1; i < 150_000; i++) yield [`k:${i}`, i] as const;
      yield bad;
    };
    const cannotSerialise = entries(['k:bad', 10n]);
    const cannotStore = entries([null as unknown as string, 1]);
    for (const snapshot of [cannotSerialise(), cannotStore()]) {
      await assert.rejects(s.commit(batch({ events: [storedEvent(event('e2', 1), false)], snapshot })));
      const st: string[] = [];
      await s.loadState((k) => st.push(k));
      assert.deepEqual(st, ['k:0']);
      const ids: string[] = [];
      await s.loadAppliedIds((id) => ids.push(id));
      assert.deepEqual(ids, ['e1']);
    }
    // And the store still takes the next batch.
    await s.commit(batch({ events: [storedEvent(event('e2', 1), false)], snapshot: [['k:1', 1]] }));
    const st: string[] = [];
    await s.loadState((k) => st.push(k));
    assert.deepEqual(st.sort(), ['k:0', 'k:1']);
    await s.close();
  });

  test(`${name}: alerts page newest first by cursor and filter by kind and time`, async () => {
    const s = await open();
    await s.commit(batch({ alerts: Array.from({ length: 7 }, (_, k) => alert(`a${k}`, k, k % 2 ? 'brushing' : 'price_error')) }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const p = await s.listAlerts({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...p.items.map((a) => a.id));
      if (!p.next_cursor) break;
      cursor = p.next_cursor;
    }
    assert.deepEqual(seen, ['a6', 'a5', 'a4', 'a3', 'a2', 'a1', 'a0']);
    assert.deepEqual((await s.listAlerts({ limit: 10, kind: 'brushing' })).items.map((a) => a.id), ['a5', 'a3', 'a1']);
    const since = new Date(Date.UTC(2026, 10, 2) + 4 * 60_000).toISOString();
    assert.deepEqual((await s.listAlerts({ limit: 10, since })).items.map((a) => a.id), ['a6', 'a5', 'a4']);
    await s.close();
  });

  test(`${name}: a shop's warnings page newest first by cursor, each once, and no other shop's`, async () => {
    const s = await open();
    // Two warnings share a time so that the id breaks the tie; another shop's come in between.
    await s.commit(batch({ warnings: [held('e1', 's1', 1), held('e2', 's1', 3), held('e3', 's1', 3), held('x1', 's2', 2)] }));
    await s.commit(batch({ warnings: [held('e4', 's1', 5), priceError('alr_1', 's1', 4, 4, 1), held('e0', 's1', 0)] }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const p = await s.listWarnings('s1', { limit: 2, ...(cursor ? { cursor } : {}) });
      assert.ok(p.items.length <= 2);
      seen.push(...p.items.map((w) => w.id));
      if (!p.next_cursor) break;
      cursor = p.next_cursor;
    }
    assert.deepEqual(seen, ['e4', 'alr_1', 'e3', 'e2', 'e1', 'e0']);
    assert.deepEqual(await s.listWarnings('s2', { limit: 10 }), { items: [held('x1', 's2', 2)], next_cursor: null });
    assert.deepEqual(await s.listWarnings('nobody', { limit: 10 }), { items: [], next_cursor: null });
    await assert.rejects(s.listWarnings('s1', { limit: 1, cursor: 'not a cursor' }), /cursor/);
    await s.close();
  });

  test(`${name}: a warning is replaced by a later one with the same shop and id, and listed by shop, time and id`, async () => {
    const s = await open();
    await s.commit(batch({ warnings: [priceError('alr_1', 's1', 4, 4, 1), priceError('alr_1', 's2', 4, 4, 1), held('e9', 's1', 9)] }));
    await s.commit(batch({ warnings: [priceError('alr_1', 's1', 4, 7, 5)] }));
    const page = await s.listWarnings('s1', { limit: 10 });
    assert.deepEqual(page.items, [held('e9', 's1', 9), priceError('alr_1', 's1', 4, 7, 5)]);
    const all: Array<[string, string]> = [];
    await s.warnings((w) => all.push([w.shop_id, w.id]));
    assert.deepEqual(all, [['s1', 'alr_1'], ['s1', 'e9'], ['s2', 'alr_1']]);
    await s.close();
  });

  test(`${name}: alerts and warnings filter by tenant; without a tenant they belong to default`, async () => {
    const s = await open();
    await s.commit(batch({
      alerts: [alert('d1', 0), { ...alert('t1', 1), source: 'tb' }],
      warnings: [held('w1', 's1', 0), { ...held('w2', 's1', 1), tenant: 'tb' }],
    }));
    assert.deepEqual((await s.listAlerts({ limit: 10, source: 'default' })).items.map((a) => a.id), ['d1']);
    assert.deepEqual((await s.listAlerts({ limit: 10, source: 'tb' })).items.map((a) => a.id), ['t1']);
    assert.deepEqual((await s.listAlerts({ limit: 10, source: 'tc' })).items, []);
    assert.deepEqual((await s.listAlerts({ limit: 10 })).items.map((a) => a.id), ['t1', 'd1']);
    assert.deepEqual((await s.listWarnings('s1', { limit: 10, source: 'default' })).items.map((w) => w.id), ['w1']);
    assert.deepEqual((await s.listWarnings('s1', { limit: 1, source: 'tb' })).items.map((w) => w.id), ['w2']);
    await s.close();
  });

  test(`${name}: closing twice is harmless, and a commit after close is refused rather than lost`, async () => {
    const s = await open();
    await s.commit(batch({ events: [storedEvent(event('e1', 0), false)] }));
    await s.close();
    await s.close();
    await assert.rejects(s.commit(batch({ events: [storedEvent(event('e2', 1), false)] })));
  });

  test(`${name}: a cursor this store did not give out is refused`, async () => {
    const s = await open();
    await assert.rejects(s.listAlerts({ limit: 1, cursor: Buffer.from('["only-one"]').toString('base64url') }), /cursor/);
    await assert.rejects(s.listAlerts({ limit: 1, cursor: 'not a cursor' }), /cursor/);
    await s.close();
  });

  test(`${name}: API keys are found by hash only`, async () => {
    const s = await open();
    await s.createKey({ id: 'k1', hash: 'h1', role: 'merchant', shop: 's1', source: 'default', createdAt: '2026-11-02T00:00:00.000Z' });
    assert.deepEqual(await s.findKey('h1'), { id: 'k1', hash: 'h1', role: 'merchant', shop: 's1', source: 'default', createdAt: '2026-11-02T00:00:00.000Z' });
    assert.equal(await s.findKey('k1'), undefined);
    await s.close();
  });

  test(`${name}: a tenant's keys are listed newest first in pages, and a revoked key keeps its first revocation time`, async () => {
    const s = await open();
    const at = (d: number) => `2026-11-0${d}T00:00:00.000Z`;
    await s.createKey({ id: 'k_a', hash: 'ha', role: 'analyst', source: 't1', createdAt: at(1) });
    await s.createKey({ id: 'k_c', hash: 'hc', role: 'consumer', account: 'u1', source: 't1', createdAt: at(3) });
    await s.createKey({ id: 'k_m', hash: 'hm', role: 'merchant', shop: 's1', source: 't1', createdAt: at(2) });
    await s.createKey({ id: 'k_x', hash: 'hx', role: 'admin', source: 't2', createdAt: at(4) });
    const first = await s.listKeys({ source: 't1', limit: 2 });
    assert.deepEqual(first.items.map((k) => k.id), ['k_c', 'k_m']);
    assert.equal(first.items[0]!.account, 'u1');
    assert.ok(first.next_cursor);
    const second = await s.listKeys({ source: 't1', limit: 2, cursor: first.next_cursor });
    assert.deepEqual(second.items.map((k) => k.id), ['k_a']);
    assert.equal(second.next_cursor, null);

    assert.equal(await s.revokeKey('k_x', 't1', at(5)), undefined, "another tenant's key is not found");
    assert.equal((await s.findKey('hx'))!.revokedAt, undefined);
    assert.equal((await s.revokeKey('k_m', 't1', at(5)))!.revokedAt, at(5));
    assert.equal((await s.revokeKey('k_m', 't1', at(6)))!.revokedAt, at(5));
    assert.deepEqual(await s.findKey('hm'), { id: 'k_m', hash: 'hm', role: 'merchant', shop: 's1', source: 't1', createdAt: at(2), revokedAt: at(5) });
    await s.close();
  });
}
