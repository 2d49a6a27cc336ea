// `simulate` for the CLI: runs the marketplace simulator into a folder (events.ndjson, truth.json).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate, writeChunks, writeTruth, type SimOptions, type Truth } from '../sim/index.js';

export { DEFAULT_START as SIMULATION_DEFAULT_START, MIN_SCALE as SIMULATION_MIN_SCALE } from '../sim/index.js';

/** Where a simulation goes and how it is made. */
export interface SimulateToDirOptions extends SimOptions {
  outDir: string;
}

/** What a simulation wrote. */
export interface SimulateSummary {
  eventsPath: string;
  truthPath: string;
  events: number;
  incidentsByKind: Record<string, number>;
  lookalikesByKind: Record<string, number>;
  lateEvents: number;
  elapsedMs: number;
}

/** Simulates a marketplace into outDir/events.ndjson and outDir/truth.json. */
export async function simulateToDir(opts: SimulateToDirOptions): Promise<SimulateSummary> {
  const started = performance.now();
  await mkdir(opts.outDir, { recursive: true });
  const eventsPath = join(opts.outDir, 'events.ndjson');
  const truthPath = join(opts.outDir, 'truth.json');
  const { outDir: _outDir, ...sim } = opts;
  const truth: Truth = await writeChunks(simulate(sim), eventsPath);
  await writeTruth(truth, truthPath);
  return {
    eventsPath, truthPath, events: truth.events,
    incidentsByKind: countBy(truth.incidents.map((i) => i.kind)),
    lookalikesByKind: countBy(truth.lookalikes.map((l) => l.kind)),
    lateEvents: truth.late_events.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}
