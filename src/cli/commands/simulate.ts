// `bulwark simulate --seed N --scale F --days D --out DIR [--start TIME]`
import type { Command } from 'commander';
import { SIMULATION_DEFAULT_START, SIMULATION_MIN_SCALE, simulateToDir } from '../../app/index.js';
import { UsageError } from '../errors.js';

interface SimulateFlags { seed: string; scale: string; days: string; start: string; out: string }

/** Adds `bulwark simulate`. */
export function registerSimulate(program: Command): void {
  program.command('simulate')
    .description('generate a labelled marketplace event stream: DIR/events.ndjson and its truth DIR/truth.json')
    .option('--seed <n>', 'random seed, an integer from 0 to 2147483647 (same seed, same bytes)', '1')
    .option('--scale <f>', `population and traffic multiplier, ${SIMULATION_MIN_SCALE} to 100 (1 is about 240,000 events a week)`, '1')
    .option('--days <d>', 'days of event time, 1 to 366', '7')
    .option('--start <time>', 'first instant of event time, RFC 3339 UTC with milliseconds', SIMULATION_DEFAULT_START)
    .requiredOption('--out <dir>', 'folder for events.ndjson and truth.json (created if missing)')
    .action(async (flags: SimulateFlags) => {
      const opts = parseSimulateFlags(flags);
      const s = await simulateToDir({ ...opts, outDir: flags.out });
      const kinds = Object.entries(s.incidentsByKind).map(([k, n]) => `${k} ${n}`).join(', ');
      const looks = Object.values(s.lookalikesByKind).reduce((a, b) => a + b, 0);
      process.stderr.write(`simulated ${s.events} events (${s.lateEvents} late) in ${(s.elapsedMs / 1000).toFixed(1)} s ` +
        `to ${s.eventsPath}; incidents: ${kinds}; ${looks} look-alikes; truth in ${s.truthPath}\n`);
    });
}

/** Checks the flags and converts them, naming the bad flag and what to pass. */
export function parseSimulateFlags(f: SimulateFlags): { seed: number; scale: number; days: number; start: string } {
  if (!/^\d+$/.test(f.seed.trim()) || Number(f.seed) > 0x7fffffff) {
    throw new UsageError(`--seed must be an integer from 0 to 2147483647, received "${f.seed}"; pass e.g. --seed 1`);
  }
  const scale = Number(f.scale);
  if (f.scale.trim() === '' || !Number.isFinite(scale) || scale <= 0) {
    throw new UsageError(`--scale must be a number greater than 0, received "${f.scale}"; pass e.g. --scale 1 (or 0.1 for a quick run)`);
  }
  if (scale < SIMULATION_MIN_SCALE || scale > 100) {
    throw new UsageError(`--scale must be from ${SIMULATION_MIN_SCALE} to 100, received "${f.scale}"; pass e.g. --scale 1`);
  }
  if (!/^\d+$/.test(f.days.trim()) || Number(f.days) < 1 || Number(f.days) > 366) {
    throw new UsageError(`--days must be an integer from 1 to 366, received "${f.days}"; pass e.g. --days 7`);
  }
  const t = Date.parse(f.start);
  if (!Number.isFinite(t) || new Date(t).toISOString() !== f.start) {
    throw new UsageError(`--start must be an RFC 3339 UTC time with milliseconds, received "${f.start}"; pass e.g. --start ${SIMULATION_DEFAULT_START}`);
  }
  return { seed: Number(f.seed), scale, days: Number(f.days), start: f.start };
}
