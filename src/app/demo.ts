// The demo: a simulated marketplace week, replayed into an embedded store, evaluated against
// the simulation's truth. Everything a newcomer needs to see Bulwark work, on one machine.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { simulateToDir, type SimulateSummary } from './simulate.js';
import type { ReplayProgress, ReplaySummary } from './replay.js';
import { replayFile } from './replay-file.js';
import { evaluateDir, type EvaluateDirResult } from './evaluate.js';

export interface DemoOptions {
  outDir: string;
  seed: number;
  scale: number;
  days: number;
  config: Readonly<Config>;
  /** Human progress lines (to standard error). */
  log: (line: string) => void;
  onProgress?: (p: ReplayProgress) => void;
}

export interface DemoResult {
  simulation: SimulateSummary;
  replay: ReplaySummary;
  evaluation: EvaluateDirResult;
  dbPath: string;
  replayDir: string;
}

/** Simulates, replays into a fresh SQLite store and evaluates; returns every figure. */
export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const simDir = join(opts.outDir, 'simulation');
  const replayDir = join(opts.outDir, 'replay');
  const dbPath = join(opts.outDir, 'bulwark.db');
  opts.log(`simulating ${opts.days} days of a marketplace (seed ${opts.seed}, scale ${opts.scale}) into ${simDir}`);
  const simulation = await simulateToDir({ seed: opts.seed, scale: opts.scale, days: opts.days, outDir: simDir });
  opts.log(`  ${simulation.events} events; attacks: ${fmt(simulation.incidentsByKind)}`);
  opts.log(`  look-alikes that must not be flagged: ${fmt(simulation.lookalikesByKind)}`);

  // A fresh store each time, so the demo shows one clean run rather than a resumed one.
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  opts.log(`replaying into ${replayDir} with the embedded store ${dbPath}`);
  const summary = await replayFile({ events: simulation.eventsPath, outDir: replayDir, db: dbPath, config: opts.config }, opts.onProgress);
  opts.log(`  ${summary.events.accepted} events applied at ${summary.throughput.events_per_sec} events/s; ` +
    `decisions: ${fmt(summary.decisions)}; alerts: ${fmt(summary.alerts.by_kind)}`);
  const evaluation = await evaluateDir({ eventsPath: simulation.eventsPath, truthPath: simulation.truthPath, outDir: replayDir });
  return { simulation, replay: summary, evaluation, dbPath, replayDir };
}

function fmt(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}
