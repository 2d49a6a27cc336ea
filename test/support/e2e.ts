// End-to-end runs of a detector through the app layer: simulate a small marketplace, replay it,
// evaluate it against the truth; check the targets for one alert kind; stop a replay at
// a line and resume it through SQLite. Shared by the detectors' *.e2e.test.ts files.
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateDir, replay, simulateToDir } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { SqliteStore } from '../../src/store/index.js';
import type { AlertKind, Decision, EventType } from '../../src/contract/index.js';
import type { EvalReport, KindReport, SimOptions, Truth } from '../../src/sim/index.js';

/** A simulated run, replayed in memory and evaluated. */
export interface SimulatedRun {
  dir: string;
  /** The simulation's folder (events.ndjson, truth.json). */
  sim: string;
  /** The replay's output folder. */
  out: string;
  truth: Truth;
  report: EvalReport;
  /** A file's text. */
  read(folder: string, file: string): string;
  /** A file's NDJSON records. */
  records<T>(folder: string, file: string): T[];
  /** Removes the run's files. */
  remove(): void;
}

/** Simulates with `opts` into a temporary folder, replays in memory and evaluates. */
export async function simulatedRun(name: string, opts: SimOptions): Promise<SimulatedRun> {
  const dir = mkdtempSync(join(tmpdir(), `bulwark-${name}-`));
  const sim = join(dir, 'sim');
  const out = join(dir, 'memory');
  const events = join(sim, 'events.ndjson');
  await simulateToDir({ ...opts, outDir: sim });
  await replay({ input: createReadStream(events), outDir: out, config: loadConfig() });
  const { report } = await evaluateDir({ eventsPath: events, truthPath: join(sim, 'truth.json'), outDir: out });
  const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
  return {
    dir, sim, out, report, read,
    truth: JSON.parse(read(sim, 'truth.json')) as Truth,
    records: <T>(folder: string, file: string) => read(folder, file).split('\n').filter(Boolean).map((l) => JSON.parse(l) as T),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The targets for one alert kind: precision and recall ≥ 0.95, every shop and item (when
 * its incidents name any: a coupon farm names none), one alert per incident, no false flag.
 */
export function assertKindTargets(report: EvalReport, kind: AlertKind): KindReport {
  const k = report.kinds.find((x) => x.kind === kind)!;
  assert.ok(k.incidents >= 1, `the run has a ${kind} incident`);
  assert.equal(k.detected, k.incidents);
  assert.ok(k.account_precision! >= 0.95, `account precision ${k.account_precision}`);
  assert.ok(k.account_recall! >= 0.95, `account recall ${k.account_recall}`);
  if (k.shop_recall !== null) assert.equal(k.shop_recall, 1);
  if (k.item_recall !== null) assert.equal(k.item_recall, 1);
  assert.equal(k.alerts_per_detected_incident, 1);
  assert.equal(k.unmatched_alerts, 0);
  assert.equal(k.lookalike_flags, 0);
  return k;
}

/**
 * Benign decisions of `type` (events not listed in any incident) that `rule` moved off allow: at
 * most `maxShare` (0.5% unless told) of more than `minEvents` (1,000 unless told). `visit` sees
 * every benign decision.
 */
export function assertFewBenignFlagged(run: SimulatedRun, rule: string, opts: {
  type?: EventType; maxShare?: number; minEvents?: number; visit?: (d: Decision) => void;
} = {}): void {
  const { type = 'order.placed', maxShare = 0.005, minEvents = 1000, visit } = opts;
  const attack = new Set(run.truth.incidents.flatMap((i) => i.events));
  let benign = 0;
  let flagged = 0;
  for (const d of run.records<Decision>(run.out, 'decisions.ndjson')) {
    if (d.type !== type || attack.has(d.event_id)) continue;
    benign++;
    visit?.(d);
    if (d.decision !== 'allow' && d.reasons.some((r) => r.rule === rule)) flagged++;
  }
  assert.ok(benign > minEvents && flagged / benign <= maxShare, `${flagged} of ${benign} benign ${type} flagged by ${rule}`);
}

/**
 * Replays the first `cut` lines into a SQLite store (snapshots every `snapshotEvery` events),
 * then the whole file on the same store: the outputs equal the one clean run's.
 */
export async function assertResumeMatches(run: SimulatedRun, cut: number, snapshotEvery: number): Promise<void> {
  const lines = run.read(run.sim, 'events.ndjson').split('\n').filter(Boolean);
  const half = join(run.dir, 'half.ndjson');
  writeFileSync(half, `${lines.slice(0, cut).join('\n')}\n`);
  const db = join(run.dir, 'run.db');
  const config = loadConfig({ overrides: { store: { snapshotEvery } } });
  const first = new SqliteStore(db);
  await replay({ input: createReadStream(half), outDir: join(run.dir, 'first'), config, store: first });
  await first.close();
  const second = new SqliteStore(db);
  const resumed = join(run.dir, 'resumed');
  await replay({ input: Readable.from([`${lines.join('\n')}\n`]), outDir: resumed, config, store: second });
  await second.close();
  for (const f of ['decisions.ndjson', 'alerts.ndjson']) assert.equal(run.read(resumed, f), run.read(run.out, f), f);
}
