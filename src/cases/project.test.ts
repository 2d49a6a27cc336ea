import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../contract/index.js';
import { caseIdOf, evidenceStrings, projectAlert } from './project.js';
import { pointsSummary } from './sanctions.js';
import { defaultCasesConfig } from './config.js';
import type { Sanction } from './types.js';

const alert = (o: Partial<Alert>): Alert => ({
  id: 'alr_abc', kind: 'reverse_brushing', time: '2026-11-02T10:00:00.000Z', updated: '2026-11-02T10:05:00.000Z', status: 'open',
  severity: 'high', score: 0.9, summary: 's', subjects: { accounts: ['u1', 'u2'], shops: ['s_v'], items: ['i'], orders: ['o1', 'o2'] },
  evidence: { victim: { shop: 's_v' }, exclude_from_victim_sales_and_ratings: true }, ...o,
});
const ctx = (now: string) => ({ harmKinds: new Set(['reverse_brushing', 'price_error', 'malicious_claim', 'scalping']), now,
  orderAmount: (id: string) => (id === 'o1' ? 2990 : id === 'o2' ? 1000 : undefined) });

test('a victim is harmed, never accused; its orders are excluded from the first projection on, the date kept as the alert grows', () => {
  const first = projectAlert(alert({}), undefined, ctx('2026-11-05T00:00:00.000Z'));
  assert.equal(first.case.id, caseIdOf('alr_abc'));
  assert.deepEqual(first.case.victim_shops, ['s_v']);
  assert.deepEqual(first.case.accused_shops, []);
  assert.equal(first.case.at_stake_fen, 3990);
  assert.deepEqual(first.newProtections.map((p) => [p.kind, p.shop, p.orders]), [['orders_excluded', 's_v', ['o1', 'o2']]]);
  const grown = projectAlert(alert({ subjects: { accounts: ['u1'], shops: ['s_v'], items: ['i'], orders: ['o1', 'o2', 'o3'] } }),
    { ...first.case, status: 'confirmed' }, ctx('2026-11-06T00:00:00.000Z'));
  assert.deepEqual(grown.newProtections, []);
  assert.equal(grown.case.protections[0]!.since, '2026-11-05T00:00:00.000Z');
  assert.deepEqual(grown.case.protections[0]!.orders, ['o1', 'o2', 'o3']);
  assert.equal(grown.case.status, 'confirmed', 'a case keeps its status as its alert grows');
  assert.equal(projectAlert(alert({}), first.case, ctx('2026-11-07T00:00:00.000Z')).changed, false, 'projecting the same alert again changes nothing');
});

test('an alert that accuses its shops names them accused; a held payout protects the harmed shop', () => {
  const accused = projectAlert(alert({ kind: 'harassment', evidence: {} }), undefined, ctx('t'));
  assert.deepEqual([accused.case.victim_shops, accused.case.accused_shops], [[], ['s_v']]);
  const claim = projectAlert(alert({ kind: 'malicious_claim', evidence: { payoutHeldFen: 38800 } }), undefined, ctx('t'));
  assert.deepEqual(claim.case.protections.map((p) => [p.kind, p.shop, p.amount_fen]), [['payouts_held', 's_v', 38800]]);
  assert.equal(claim.case.at_stake_fen, 38800);
});

test('evidence strings are found at any depth, each once', () => {
  assert.deepEqual(evidenceStrings({ a: ['cp_1', { b: 'cp_2', c: 3 }], d: 'cp_1' }).sort(), ['cp_1', 'cp_2']);
});

test('points count within the record window and until reversed; levels from the configuration', () => {
  const esc = defaultCasesConfig().escalation;
  const s = (id: string, at: string, state: Sanction['state'] = 'active'): Sanction => ({ id, source: 'default', case_id: 'c', evidence: { alert_ids: [] },
    subject: { type: 'shop', id: 's' }, kind: 'points', points: 12, reason: '', effective_at: at, state, created_by: 'k' });
  const now = '2027-06-01T00:00:00.000Z';
  assert.deepEqual(pointsSummary([s('1', '2026-01-01T00:00:00.000Z'), s('2', '2027-01-01T00:00:00.000Z')], now, esc), { points: 12, level: 'warning', to_next_level: 12 });
  assert.deepEqual(pointsSummary([s('1', '2027-01-01T00:00:00.000Z', 'appealed'), s('2', '2027-02-01T00:00:00.000Z', 'reversed')], now, esc).points, 12);
  const many = ['1', '2', '3', '4'].map((i) => s(i, '2027-03-01T00:00:00.000Z'));
  assert.deepEqual(pointsSummary(many, now, esc), { points: 48, level: 'shop_closed', to_next_level: null });
});
