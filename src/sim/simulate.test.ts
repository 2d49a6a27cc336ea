import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALERT_KINDS, validateEvent, type BulwarkEvent } from '../contract/index.js';
import { LOOKALIKE_KINDS } from './truth.js';
import { checkSimOptions } from './simulate.js';
import { runInMemory } from './testing.js';
import { attackParams } from './params.js';

const small = { seed: 1, scale: 0.1, days: 7 };
const a = runInMemory(small);
const events = a.lines.map((l) => JSON.parse(l) as BulwarkEvent);
const byId = new Map(events.map((e) => [e.id, e]));

test('the same seed gives byte-identical events and truth; another seed gives others', () => {
  const b = runInMemory(small);
  assert.equal(b.text, a.text);
  assert.equal(JSON.stringify(b.truth), JSON.stringify(a.truth));
  const c = runInMemory({ ...small, seed: 2 });
  assert.notEqual(c.text, a.text);
  assert.notDeepEqual(c.truth.incidents.map((i) => i.accounts), a.truth.incidents.map((i) => i.accounts));
});

test('every event is valid per the contract and has a unique id', () => {
  for (const e of events) {
    const r = validateEvent(e);
    assert.ok(r.ok, `${e.id}: ${r.ok ? '' : r.rejection.message}`);
  }
  assert.equal(byId.size, events.length);
  assert.equal(a.truth.events, events.length);
});

test('events are written in time order except about 0.5% that arrive a few seconds to minutes late', () => {
  const late = new Set(a.truth.late_events);
  const share = late.size / events.length;
  assert.ok(share > 0.003 && share < 0.008, `late share ${share}`);
  let last = '';
  let maxLagMs = 0;
  let laterSeen = 0;
  for (const e of events) {
    if (late.has(e.id)) {
      const lag = Date.parse(last) - Date.parse(e.time);
      maxLagMs = Math.max(maxLagMs, lag);
      if (lag > 0) laterSeen++;
      continue;
    }
    assert.ok(e.time >= last, `${e.id} at ${e.time} after ${last}`);
    last = e.time;
  }
  assert.ok(maxLagMs <= 8 * 60_000, `a late event lagged ${maxLagMs} ms`);
  assert.ok(laterSeen > late.size / 2, 'most late events come after later ones');
});

test('every alert kind has an incident, every look-alike kind is present, and truth ids point at real events', () => {
  for (const kind of ALERT_KINDS) assert.ok(a.truth.incidents.some((i) => i.kind === kind), `no ${kind} incident`);
  for (const kind of LOOKALIKE_KINDS) assert.ok(a.truth.lookalikes.some((l) => l.kind === kind), `no ${kind} look-alike`);
  const orders = new Set(events.filter((e) => e.type === 'order.placed').map((e) => (e.data as { order_id: string }).order_id));
  for (const rec of [...a.truth.incidents, ...a.truth.lookalikes]) {
    assert.ok(rec.events.length > 0, rec.id);
    for (const id of rec.events) assert.ok(byId.has(id), `${rec.id} lists unknown event ${id}`);
    for (const o of rec.orders) assert.ok(orders.has(o), `${rec.id} lists unknown order ${o}`);
    // Registrations (and a farm's warming logins) days ahead are preparation and do not move the start of these kinds.
    const prep = ['reverse_brushing', 'scalping', 'review_manipulation'].includes(rec.kind);
    const isPrep = (type: string) => type === 'account.registered' || (rec.kind === 'reverse_brushing' && type === 'account.login');
    const first = rec.events.map((id) => byId.get(id)!).filter((e) => !prep || !isPrep(e.type)).map((e) => e.time).sort()[0];
    assert.equal(rec.start, first, `${rec.id} start`);
  }
});

test('at tiny scale reverse brushing stays recognisable: at least 300 orders of 29.90 within the flood window and its pauses', () => {
  const rb = a.truth.incidents.find((i) => i.kind === 'reverse_brushing')!;
  const placed = rb.events.map((id) => byId.get(id)!).filter((e) => e.type === 'order.placed');
  assert.ok(placed.length >= 300, `${placed.length} orders`);
  const P = attackParams.reverseBrushing;
  const longestMs = (P.windowMin[1] + P.waves[1] * P.wavePauseMin[1]) * 60_000;
  const times = placed.map((e) => Date.parse(e.time));
  assert.ok(Math.max(...times) - Math.min(...times) <= longestMs, `flood of ${(Math.max(...times) - Math.min(...times)) / 60_000} minutes`);
});

test('reviews, messages and claims are written in both simplified and traditional script', () => {
  const texts = (type: string) => events.filter((e) => e.type === type).map((e) => String((e.data as { text?: string }).text ?? ''));
  for (const type of ['review.posted', 'message.sent', 'claim.filed']) {
    const t = texts(type);
    assert.ok(t.some((x) => /[质发货评这说还买]/.test(x)), `${type} has simplified text`);
    assert.ok(t.some((x) => /[質發貨評這說還買壞轉東]/.test(x)), `${type} has traditional text`);
  }
});

test('orders follow the day: fewer in the small hours than in the evening (local time)', () => {
  const byHour = new Array<number>(24).fill(0);
  for (const e of events) if (e.type === 'order.placed') byHour[(new Date(e.time).getUTCHours() + 8) % 24]!++;
  const night = byHour[2]! + byHour[3]! + byHour[4]!;
  const evening = byHour[20]! + byHour[21]! + byHour[22]!;
  assert.ok(evening > 3 * night, `night ${night}, evening ${evening}`);
});

test('options are checked and name what to pass', () => {
  assert.throws(() => checkSimOptions({ seed: 1.5, scale: 1, days: 7 }), /seed must be an integer/);
  assert.throws(() => checkSimOptions({ seed: 1, scale: 0, days: 7 }), /scale must be a number from 0.05/);
  assert.throws(() => checkSimOptions({ seed: 1, scale: 1, days: 0 }), /days must be an integer from 1/);
  assert.throws(() => checkSimOptions({ seed: 1, scale: 1, days: 7, start: '2026-11-02' }), /start must be an RFC 3339/);
});

test('a one-day run still has one incident of every kind', () => {
  const r = runInMemory({ seed: 4, scale: 0.1, days: 1 });
  for (const kind of ALERT_KINDS) assert.ok(r.truth.incidents.some((i) => i.kind === kind), `no ${kind} incident in one day`);
  assert.equal(r.truth.end, '2026-11-03T00:00:00.000Z');
});
