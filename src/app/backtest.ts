// `backtest`: history replayed once, deciding every decision point with the current policy and a
// candidate side by side over the same state (docs/backtest.md), into backtest.json and a table.
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parseLine, readLines } from '../contract/index.js';
import { BacktestTally, formatBacktest, type BacktestReport, type ListIndex, type RuleSet } from '../rules/index.js';
import type { Truth } from '../sim/index.js';
import type { Config } from '../config/index.js';
import { Engine } from './engine.js';

export interface BacktestOptions {
  /** The events, NDJSON. */
  input: Readable;
  config: Readonly<Config>;
  /** The rules in force now (none: detectors and thresholds only). */
  current?: RuleSet;
  candidate: RuleSet;
  /** The lists both policies read. */
  lists?: ListIndex;
  /** A simulated run's truth: precision and recall before and after. */
  truth?: Truth;
  /** Called after each batch of lines with the lines read so far. */
  onProgress?: (lines: number) => void;
}

/** Runs a backtest and answers its report. */
export async function backtest(opts: BacktestOptions): Promise<BacktestReport> {
  opts.current?.useLists(opts.lists);
  opts.candidate.useLists(opts.lists);
  const engine = await Engine.open(opts.config, undefined, { ...(opts.current ? { rules: opts.current } : {}), candidate: opts.candidate });
  const modes = new Map<string, { in: 'current' | 'candidate' | 'both'; mode: 'active' | 'shadow' }>();
  for (const s of opts.current?.specs ?? []) modes.set(s.id, { in: 'current', mode: s.mode ?? 'active' });
  for (const s of opts.candidate.specs) modes.set(s.id, { in: modes.has(s.id) ? 'both' : 'candidate', mode: s.mode ?? 'active' });
  const attack = opts.truth ? new Set(opts.truth.incidents.flatMap((i) => i.events)) : undefined;
  const tally = new BacktestTally({
    current: opts.current?.label ?? '(no rules)', candidate: opts.candidate.label, modes,
    ...(attack ? { isAttack: (id: string) => attack.has(id) } : {}),
  });
  let lines = 0;
  for await (const batch of readLines(opts.input)) {
    for (const raw of batch) {
      lines = raw.line;
      const parsed = parseLine(raw);
      if (parsed.ok !== true) continue;
      const out = engine.process(parsed.event);
      if (out.status !== 'accepted' || !out.decision || !out.candidate) continue;
      tally.add(out.rules ?? out.decision, out.candidate);
    }
    opts.onProgress?.(lines);
  }
  return tally.report();
}

/** `bulwark backtest`: a file of events, a candidate rule file, an optional truth; writes DIR/backtest.json and DIR/backtest.txt. */
export async function backtestFile(opts: {
  events: string; outDir: string; config: Readonly<Config>; current?: RuleSet; candidate: RuleSet; lists?: ListIndex; truth?: string;
}): Promise<BacktestReport> {
  const truth = opts.truth ? (JSON.parse(await readFile(opts.truth, 'utf8')) as Truth) : undefined;
  const report = await backtest({
    input: createReadStream(opts.events, { highWaterMark: 1 << 20 }), config: opts.config, candidate: opts.candidate,
    ...(opts.current ? { current: opts.current } : {}), ...(opts.lists ? { lists: opts.lists } : {}), ...(truth ? { truth } : {}),
  });
  await mkdir(opts.outDir, { recursive: true });
  await writeFile(join(opts.outDir, 'backtest.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(opts.outDir, 'backtest.txt'), formatBacktest(report));
  return report;
}
