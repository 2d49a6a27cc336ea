import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvalInputError, evaluateDir } from './evaluate.js';

const nd = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** A run with one price-error incident, one promotion look-alike, and a replay's outputs. */
function fixture(): { dir: string; events: string; truth: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-eval-'));
  const events = join(dir, 'events.ndjson');
  const truth = join(dir, 'truth.json');
  writeFileSync(events, nd([
    { id: 'e1', type: 'listing.updated', time: '2026-11-02T10:00:00.000Z', data: {} },
    { id: 'e2', type: 'order.placed', time: '2026-11-02T10:01:00.000Z', data: {} },
    { id: 'e3', type: 'listing.updated', time: '2026-11-02T11:00:00.000Z', data: {} },
  ]) + 'not json\n');
  writeFileSync(truth, JSON.stringify({ seed: 1, scale: 1, days: 7, start: '2026-11-02T00:00:00.000Z', end: '2026-11-09T00:00:00.000Z',
    events: 3, late_events: [],
    incidents: [{ id: 'inc_pe_1', kind: 'price_error', accounts: [], shops: ['s1'], items: ['i1'], orders: ['o1'],
      start: '2026-11-02T10:00:00.000Z', events: ['e1', 'e2'] }],
    lookalikes: [{ id: 'look_promo_1', kind: 'promotion', resembles: 'price_error', accounts: [], shops: ['s2'], items: ['i2'],
      orders: [], start: '2026-11-02T11:00:00.000Z', events: ['e3'] }] }));
  writeFileSync(join(dir, 'decisions.ndjson'), nd([
    { event_id: 'e1', type: 'listing.updated', decision: 'review', score: 0.9, reasons: [], actions: [] },
    { event_id: 'e2', type: 'order.placed', decision: 'allow', score: 0.1, reasons: [], actions: [] },
    { event_id: 'e3', type: 'listing.updated', decision: 'allow', score: 0, reasons: [], actions: [] },
  ]));
  const subjects = { accounts: [], shops: ['s1'], items: ['i1'], orders: [] };
  writeFileSync(join(dir, 'alerts.ndjson'), nd([
    { id: 'A1', kind: 'price_error', time: '2026-11-02T10:03:00.000Z', subjects },
    // The same alert again in a later state: the last one counts, so there is still one alert.
    { id: 'A1', kind: 'price_error', time: '2026-11-02T10:03:00.000Z', subjects },
  ]));
  return { dir, events, truth };
}

test('evaluateDir streams the files, writes eval.json and returns the table', async () => {
  const f = fixture();
  const r = await evaluateDir({ eventsPath: f.events, truthPath: f.truth, outDir: f.dir });
  assert.equal(r.jsonPath, join(f.dir, 'eval.json'));
  assert.deepEqual(JSON.parse(readFileSync(r.jsonPath, 'utf8')), r.report);
  const pe = r.report.kinds.find((k) => k.kind === 'price_error')!;
  assert.equal(pe.alerts, 1);
  assert.equal(pe.detected, 1);
  assert.equal(pe.shop_recall, 1);
  assert.equal(r.report.events, 3, 'the line that is not JSON is skipped');
  const listing = r.report.decisions_by_type.find((d) => d.type === 'listing.updated')!;
  assert.deepEqual(listing.attack, { events: 1, flagged: 1, share: 1 });
  assert.deepEqual(listing.lookalike, { events: 1, flagged: 0, share: 0 });
  assert.match(r.table, /^price_error\s+1\s+1\s+1/m);
});

test('a --json path takes the report instead of DIR/eval.json', async () => {
  const f = fixture();
  const jsonPath = join(f.dir, 'elsewhere.json');
  const r = await evaluateDir({ eventsPath: f.events, truthPath: f.truth, outDir: f.dir, jsonPath });
  assert.equal(r.jsonPath, jsonPath);
  assert.ok(JSON.parse(readFileSync(jsonPath, 'utf8')).kinds);
});

test('a missing file is named with how to produce it', async () => {
  const f = fixture();
  const empty = mkdtempSync(join(tmpdir(), 'bulwark-eval-empty-'));
  await assert.rejects(evaluateDir({ eventsPath: f.events, truthPath: f.truth, outDir: empty }), (err: unknown) => {
    assert.ok(err instanceof EvalInputError);
    assert.equal(err.code, 'ERR_EVAL_MISSING_FILE');
    assert.match(err.message, /decisions\.ndjson does not exist; run `bulwark replay .* --out .*` first/);
    return true;
  });
  await assert.rejects(evaluateDir({ eventsPath: f.events, truthPath: join(empty, 'truth.json'), outDir: f.dir }),
    /truth file .*truth\.json does not exist; run `bulwark simulate/);
});

test('a truth file that is not a truth is refused with what to pass', async () => {
  const f = fixture();
  writeFileSync(f.truth, '{"hello": 1}');
  await assert.rejects(evaluateDir({ eventsPath: f.events, truthPath: f.truth, outDir: f.dir }),
    /has no incidents and lookalikes arrays; pass the truth\.json written by `bulwark simulate`/);
});
