// End to end through the app layer: simulate a small marketplace with a reverse-brushing flood
// and a viral burst, replay it, evaluate it against the truth, and check the targets of the issue;
// then stop it in the middle of the flood and resume it through SQLite.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateDir, replay, simulateToDir } from '../app/index.js';
import { loadConfig } from '../config/index.js';
import { SqliteStore } from '../store/index.js';
import type { Alert, Decision } from '../contract/index.js';
import type { Truth } from '../sim/index.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-reverse-brushing-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sim = join(dir, 'sim');
const events = join(sim, 'events.ndjson');
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const lines = <T>(d: string, f: string) => read(d, f).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

test('a simulated flood: seen within ten minutes, farm named, victim protected, viral burst untouched', async () => {
  await simulateToDir({ seed: 5, scale: 0.2, days: 3, outDir: sim });
  const truth = JSON.parse(read(sim, 'truth.json')) as Truth;
  const rb = truth.incidents.filter((i) => i.kind === 'reverse_brushing');
  const viral = truth.lookalikes.filter((l) => l.kind === 'viral_burst');
  assert.ok(rb.length >= 1 && viral.length >= 1, 'the run has a flood and a viral burst');

  const out = join(dir, 'run');
  await replay({ input: createReadStream(events), outDir: out, config: loadConfig() });
  const { report } = await evaluateDir({ eventsPath: events, truthPath: join(sim, 'truth.json'), outDir: out });
  const k = report.kinds.find((x) => x.kind === 'reverse_brushing')!;
  assert.equal(k.detected, k.incidents);
  assert.ok(k.account_precision! >= 0.95, `account precision ${k.account_precision}`);
  assert.ok(k.account_recall! >= 0.95, `account recall ${k.account_recall}`);
  assert.equal(k.shop_recall, 1);
  assert.equal(k.item_recall, 1);
  assert.equal(k.alerts_per_detected_incident, 1);
  assert.equal(k.unmatched_alerts, 0);
  assert.equal(k.lookalike_flags, 0);
  for (const d of report.reverse_brushing_detection) {
    assert.ok(d.minutes !== null && d.minutes <= 10, `${d.incident} first alerted after ${d.minutes} min`);
    assert.ok(d.held_share! >= 0.9, `${d.incident}: ${d.held} of ${d.orders} flood orders held`);
  }
  assert.equal(report.brushing_alerts_on_reverse_brushing_victims.count, 0, 'no brushing alert names a victim');

  // The alert protects the victim: it names it, lists the orders to exclude, and never names it as an attacker.
  for (const a of lines<Alert>(out, 'alerts.ndjson').filter((x) => x.kind === 'reverse_brushing')) {
    const e = a.evidence as { victim: { shop: string; item: string }; exclude_from_victim_sales_and_ratings: boolean;
      excluded_orders: { count: number } };
    assert.ok(rb.some((i) => i.victim_shops?.includes(e.victim.shop) && i.items.includes(e.victim.item)), JSON.stringify(e.victim));
    assert.equal(e.exclude_from_victim_sales_and_ratings, true);
    assert.equal(e.excluded_orders.count, a.subjects.orders.length);
    assert.ok(!a.subjects.accounts.some((x) => truth.incidents.some((i) => i.victim_shops?.includes(x))));
  }

  // Benign orders this detector moved: at most 0.5%; the viral burst's orders all allowed.
  const attack = new Set(truth.incidents.flatMap((i) => i.events));
  const viralEvents = new Set(viral.flatMap((l) => l.events));
  let benign = 0;
  let flagged = 0;
  for (const d of lines<Decision>(out, 'decisions.ndjson')) {
    if (d.type !== 'order.placed' || attack.has(d.event_id)) continue;
    benign++;
    const ours = d.reasons.some((r) => r.rule === 'reverse_brushing');
    if (d.decision !== 'allow' && ours) flagged++;
    if (viralEvents.has(d.event_id)) assert.ok(!ours, `viral order ${d.event_id} got ${d.decision}`);
  }
  assert.ok(benign > 1000 && flagged / benign <= 0.005, `${flagged} of ${benign} benign orders flagged by reverse_brushing`);

  // Stopped in the middle of the flood (snapshots every 3,000 events) and resumed on its store,
  // the run writes what one clean run writes: the incident's state survives the store.
  const all = read(sim, 'events.ndjson').split('\n').filter(Boolean);
  const floodOrders = new Set(rb[0]!.events);
  const floodLines = all.flatMap((l, i) => (l.includes('"order.placed"') && floodOrders.has((JSON.parse(l) as { id: string }).id) ? [i] : []));
  const cut = floodLines[Math.floor(floodLines.length / 2)]!;
  const half = join(dir, 'half.ndjson');
  writeFileSync(half, `${all.slice(0, cut).join('\n')}\n`);
  const db = join(dir, 'run.db');
  const config = loadConfig({ overrides: { store: { snapshotEvery: 3_000 } } });
  const first = new SqliteStore(db);
  await replay({ input: createReadStream(half), outDir: join(dir, 'first'), config, store: first });
  await first.close();
  const second = new SqliteStore(db);
  const resumed = join(dir, 'resumed');
  await replay({ input: Readable.from([`${all.join('\n')}\n`]), outDir: resumed, config, store: second });
  await second.close();
  for (const f of ['decisions.ndjson', 'alerts.ndjson']) assert.equal(read(resumed, f), read(out, f), f);
});
