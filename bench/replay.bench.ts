// `npm run bench`: replay throughput and peak memory on a simulated file of at least 1,000,000
// events, with and without --db, beside the bare NDJSON read-and-parse rate of the same file
// measured in the same run. The ratio replay/parse is the figure that travels between machines.
// Each figure is the median of RUNS runs; every replay is a fresh child process of the built CLI.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readLines } from '../src/contract/index.js';
import { simulateToDir } from '../src/app/simulate.js';

const RUNS = Number(process.env.BULWARK_BENCH_RUNS ?? 5);
const SCALE = Number(process.env.BULWARK_BENCH_SCALE ?? 5);
const MIN_EVENTS = 1_000_000;
const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, 'bench', 'data');
const cli = join(root, 'bin', 'bulwark.js');

interface ReplayRun { eventsPerSec: number; peakRssMb: number; elapsedMs: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function ensureEvents(): Promise<{ path: string; events: number }> {
  const simDir = join(dataDir, `sim-seed1-scale${SCALE}`);
  const path = join(simDir, 'events.ndjson');
  if (!existsSync(path)) {
    process.stderr.write(`simulating seed 1 at scale ${SCALE} into ${simDir} ...\n`);
    await simulateToDir({ seed: 1, scale: SCALE, days: 7, outDir: simDir });
  }
  const truth = JSON.parse(readFileSync(join(simDir, 'truth.json'), 'utf8')) as { events: number };
  if (truth.events < MIN_EVENTS) {
    throw new Error(`the bench file has ${truth.events} events, under ${MIN_EVENTS}; raise BULWARK_BENCH_SCALE`);
  }
  return { path, events: truth.events };
}

/** Reads the file with the replay's own line reader and JSON.parse on each line, nothing else. */
async function parseRate(path: string): Promise<number> {
  const started = performance.now();
  let n = 0;
  for await (const batch of readLines(createReadStream(path, { highWaterMark: 1 << 20 }))) {
    for (const raw of batch) { if (raw.text !== null) { JSON.parse(raw.text); n++; } }
  }
  return (n * 1000) / (performance.now() - started);
}

function replayOnce(path: string, withDb: boolean): ReplayRun {
  const out = join(dataDir, withDb ? 'out-db' : 'out-mem');
  const db = join(dataDir, 'bench.db');
  for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  // GNU time reports the peak resident set of the whole process (both threads with --db).
  const args = [cli, 'replay', path, '--out', out, ...(withDb ? ['--db', db] : [])];
  const r = spawnSync('/usr/bin/time', ['-f', 'peak_rss_kb=%M', process.execPath, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`replay failed (${r.status}): ${r.stderr}`);
  const rss = Number(/peak_rss_kb=(\d+)/.exec(r.stderr)?.[1]);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { throughput: { events_per_sec: number; elapsed_ms: number } };
  return { eventsPerSec: summary.throughput.events_per_sec, peakRssMb: Math.round(rss / 1024), elapsedMs: summary.throughput.elapsed_ms };
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('the bench needs GNU time for peak memory: apt-get install -y time');
  mkdirSync(dataDir, { recursive: true });
  const { path, events } = await ensureEvents();
  const parse: number[] = []; const mem: ReplayRun[] = []; const disk: ReplayRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    process.stderr.write(`run ${i + 1}/${RUNS}: parse, replay, replay --db\n`);
    parse.push(await parseRate(path));
    mem.push(replayOnce(path, false));
    disk.push(replayOnce(path, true));
  }
  const parseMedian = median(parse);
  const summarize = (runs: ReplayRun[]) => {
    const eps = median(runs.map((r) => r.eventsPerSec));
    return { events_per_sec: Math.round(eps), ratio_to_parse: Math.round((eps / parseMedian) * 1000) / 1000,
      peak_rss_mb: Math.max(...runs.map((r) => r.peakRssMb)), runs: runs.map((r) => r.eventsPerSec) };
  };
  const results = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
    file: { events, scale: SCALE, seed: 1, days: 7 },
    runs: RUNS,
    parse: { lines_per_sec: Math.round(parseMedian), runs: parse.map(Math.round) },
    replay_memory: summarize(mem),
    replay_db: summarize(disk),
    targets: { replay_memory_events_per_sec: 150_000, replay_db_events_per_sec: 60_000, peak_rss_mb: 1536 },
  };
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const row = (name: string, eps: string, ratio: string, rss: string) =>
    `${name.padEnd(22)} ${eps.padStart(12)} ${ratio.padStart(16)} ${rss.padStart(14)}`;
  console.log(`replay of ${events} simulated events, median of ${RUNS} runs (${results.machine.cpus} cpus, ${results.machine.cpu})`);
  console.log(row('', 'events/s', 'ratio to parse', 'peak RSS MB'));
  console.log(row('NDJSON read + parse', String(results.parse.lines_per_sec), '1.000', '-'));
  console.log(row('replay (memory)', String(results.replay_memory.events_per_sec), String(results.replay_memory.ratio_to_parse), String(results.replay_memory.peak_rss_mb)));
  console.log(row('replay --db (SQLite)', String(results.replay_db.events_per_sec), String(results.replay_db.ratio_to_parse), String(results.replay_db.peak_rss_mb)));
  console.log('written to bench/results.json');
}

await main();
