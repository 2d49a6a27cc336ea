import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { BulwarkEvent, Decision } from '../contract/index.js';
import { Engine } from '../app/index.js';
import { loadConfig } from '../config/index.js';
import { ev } from '../../test/support/events.js';
import { Keyring, SignalIndex, type FeedSignal, type SignalKind } from './index.js';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');
// k1 expires at 2026-11-02T12:00Z (event time): the rotation's overlap ends there.
const keyring = new Keyring([{ id: 'k1', secret: K1, notAfter: '2026-11-02T12:00:00.000Z' }, { id: 'k2', secret: K2 }]);

let seq = 0;
function signal(kind: SignalKind, value: string, o: { keyId?: string; id?: string; status?: 'active' | 'revoked'; abuse?: FeedSignal['abuse'] } = {}): FeedSignal {
  const keyId = o.keyId ?? 'k1';
  return {
    id: o.id ?? `sig_${kind}_${keyId}`, seq: ++seq, kind, key_id: keyId, hash: keyring.hash(keyId, kind, value), abuse: o.abuse ?? 'promo_abuse',
    confidence: 0.9, first_seen: '2026-10-01T00:00:00.000Z', last_seen: '2026-10-20T00:00:00.000Z', expires_at: '2027-01-01T00:00:00.000Z',
    case_ref: 'cref_x', status: o.status ?? 'active',
  };
}

/** A real engine (in memory) reading `index`, and the index stamping changes with its watermark. */
async function setup() {
  const ref: { engine?: Engine } = {};
  const index = new SignalIndex(keyring, { trust: { 'platform-a': 0.8 }, maxScore: 0.9 }, () => { const w = ref.engine?.watermark; return w === undefined ? 0 : w + 1; });
  const engine = await Engine.open(loadConfig(), undefined, { signals: index });
  ref.engine = engine;
  const decide = (e: BulwarkEvent): Decision | undefined => { const o = engine.process(e); return o.status === 'accepted' ? o.decision : undefined; };
  return { engine, index, decide };
}

const reg = (minute: number, account: string, device: string, phone = '13900000000') =>
  ev('account.registered', minute, { account_id: account, role: 'buyer', device_id: device, phone, ip: '10.0.0.1' });
const allianceReasons = (d: Decision | undefined) => (d?.reasons ?? []).filter((r) => r.rule === 'alliance');

test('a received device signal raises a registration on that device, names the partner and kind, and opens an alert of its abuse kind', async () => {
  const { engine, index, decide } = await setup();
  index.receive('platform-a', signal('device', 'dev-farm-1'), '2026-11-02T00:00:00.000Z');
  const d = decide(reg(600, 'u_1', ' DEV-Farm-1 '));
  const [r] = allianceReasons(d);
  assert.equal(r?.code, 'alliance_device');
  assert.equal(r?.score, 0.72, 'confidence 0.9 x trust 0.8');
  assert.match(r!.message, /the device of this registration matches a promo_abuse device signal shared by partner platform-a/);
  assert.ok(!r!.message.includes('dev-farm-1'), 'the reason names no value');
  assert.equal(d?.decision, 'challenge');
  const alert = engine.alerts().find((a) => a.kind === 'promo_abuse');
  assert.deepEqual(alert?.subjects.accounts, ['u_1']);
  assert.equal((alert?.evidence as { partner: string }).partner, 'platform-a');
  assert.equal(allianceReasons(decide(reg(601, 'u_2', 'dev-other'))).length, 0, 'another device matches nothing');
});

test('a revocation ends a signal from just after the watermark; a suppression stops it and lifting it restarts it', async () => {
  const { index, decide } = await setup();
  index.receive('platform-a', signal('phone', '13812345678'), 'now');
  assert.equal(allianceReasons(decide(reg(600, 'u_1', 'd1', '+86 138-1234-5678'))).length, 1);
  const id = 'platform-a:sig_phone_k1';
  index.suppress(id, true);
  assert.equal(allianceReasons(decide(reg(601, 'u_2', 'd2', '13812345678'))).length, 0, 'suppressed');
  index.suppress(id, false);
  assert.equal(allianceReasons(decide(reg(602, 'u_3', 'd3', '13812345678'))).length, 1, 'suppression lifted');
  index.receive('platform-a', signal('phone', '13812345678', { status: 'revoked' }), 'now');
  assert.equal(allianceReasons(decide(reg(603, 'u_4', 'd4', '13812345678'))).length, 0, 'revoked');
  const s = index.get(id)!;
  assert.deepEqual(s.inForce, [{ from: 0, to: Date.UTC(2026, 10, 2, 10, 2) + 1 }]);
  assert.equal(s.suppressed.length, 1);
  // Late events are judged by the spans at their own time, as a replay would judge them.
  assert.equal(allianceReasons(decide(reg(600.5, 'u_5', 'd5', '13812345678'))).length, 0, 'suppressed at 10:00:30');
  assert.equal(allianceReasons(decide(reg(601.5, 'u_6', 'd6', '13812345678'))).length, 1, 'in force again at 10:01:30');
});

test('old and new alliance keys both match until the old one expires; then only the new one', async () => {
  const { index, decide } = await setup();
  index.receive('platform-a', signal('device', 'dev-old', { keyId: 'k1', id: 'sig_old' }), 'now');
  index.receive('platform-a', signal('device', 'dev-new', { keyId: 'k2', id: 'sig_new' }), 'now');
  assert.equal(allianceReasons(decide(reg(600, 'u_1', 'dev-old'))).length, 1, 'k1 matches before 12:00');
  assert.equal(allianceReasons(decide(reg(601, 'u_2', 'dev-new'))).length, 1, 'k2 matches');
  assert.equal(allianceReasons(decide(reg(721, 'u_3', 'dev-old'))).length, 0, 'k1 expired at 12:00');
  assert.equal(allianceReasons(decide(reg(722, 'u_4', 'dev-new'))).length, 1, 'k2 still matches');
});

test("a message giving a gang's handle opens a review_manipulation alert naming its sender", async () => {
  const { engine, index, decide } = await setup();
  index.receive('platform-a', signal('handle', 'id:shp123', { abuse: 'review_manipulation' }), 'now');
  decide(ev('message.sent', 600, { message_id: 'm1', from_id: 'seller_9', to_id: 'merchant_1', channel: 'chat', text: '删差评，加V：shp123 详谈' }));
  const alert = engine.alerts().find((a) => a.kind === 'review_manipulation');
  assert.deepEqual(alert?.subjects.accounts, ['seller_9']);
  assert.match(alert!.summary, /partner platform-a shared a review_manipulation handle signal/);
});

test('the same events with the same received signals give byte-identical decisions, however the signals were loaded', async () => {
  const events = [reg(600, 'u_1', 'dev-a'), reg(601, 'u_2', 'dev-b', '13812345678'), reg(602, 'u_3', 'dev-c'),
    ev('coupon.claimed', 603, { claim_id: 'c1', coupon_id: 'new', account_id: 'u_2', value: 1500, device_id: 'dev-a' })];
  const live = await setup();
  live.index.receive('platform-a', signal('device', 'dev-a', { id: 's1' }), 'now');
  live.index.receive('platform-a', signal('phone', '13812345678', { id: 's2' }), 'now');
  const first = events.map((e) => JSON.stringify(live.decide(e)));
  live.index.receive('platform-a', signal('device', 'dev-a', { id: 's1', status: 'revoked' }), 'now');
  const late = reg(604, 'u_4', 'dev-a');
  const after = live.decide(late);
  const replay = await setup();
  for (const s of live.index.all().reverse()) replay.index.load(s);
  assert.deepEqual(events.map((e) => JSON.stringify(replay.decide(e))), first);
  assert.equal(JSON.stringify(replay.decide(late)), JSON.stringify(after));
  assert.equal(allianceReasons(after).length, 0);
  assert.equal(allianceReasons(JSON.parse(first[3]!)).length, 2, 'the claim matches its device and the account\'s phone');
});
