// `npm run bench` (distributed part): the scale-out mode on this machine's NATS JetStream, Redis
// and PostgreSQL, with the built CLI in child processes as an operator runs it.
// - End to end with 1 and 2 workers: a file published while the workers apply it, from the first
//   publish to the last event committed in PostgreSQL (events/s), with the consumer lag (events
//   published and not yet committed) sampled every 250 ms. Two workers are run twice: with the
//   default event-time skew (60 s), and with one scaled to the simulation's sparse traffic.
// - HTTP decisions in this mode: `serve --stream` with a worker applying behind it, single-event
//   POST /v1/events one after another (p50, p99 latency and the rate reached).
// `--quick` (or BULWARK_BENCH_QUICK=1) runs it small, as a smoke test. Results: bench/stream-results.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { simulateToDir } from '../src/app/simulate.js';
import { publishFile } from '../src/app/publish.js';
import { createKey } from '../src/app/keys.js';
import { POSTGRES, deployment, dropDeployment, storedEvents, type Deployment } from '../src/app/scale-test-support.js';

const QUICK = process.argv.includes('--quick') || process.env.BULWARK_BENCH_QUICK === '1';
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin', 'bulwark.js');
const SIM = QUICK ? { seed: 1, scale: 0.1, days: 1 } : { seed: 1, scale: 0.5, days: 7 };
const HTTP_EVENTS = QUICK ? 300 : 5_000;
const PARTITIONS = 16;
/**
 * One hour of event time. The simulation is sparse (well under one event per second of event
 * time), so the default 60 s skew holds a worker to a few dozen events ahead of the other and they
 * take turns; at a marketplace's rates 60 s is millions of events. An hour here lets them overlap.
 */
const SCALED_SKEW_MS = 3_600_000;

function start(args: string[]): { child: ChildProcess; err: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const err: string[] = [];
  child.stderr!.on('data', (c: Buffer) => err.push(c.toString()));
  return { child, err, exited: new Promise((r) => child.on('exit', (code) => r(code))) };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface EndToEnd { workers: number; maxSkewMs: number; events: number; elapsedMs: number; eventsPerSec: number;
  publishMs: number; lagMaxEvents: number; lagP50Events: number; drainAfterPublishMs: number; conflicts: number; reloads: number }

/** Publishes `events` while `workers` workers apply them; measures until the store holds every event. */
async function endToEnd(path: string, events: number, workers: number, maxSkewMs: number): Promise<EndToEnd> {
  const d = deployment(`bench${workers}`, PARTITIONS);
  const pool = new pg.Pool({ connectionString: POSTGRES });
  try {
    // The workers are started and connected first: the clock measures applying, not Node's start-up.
    const ws = Array.from({ length: workers }, () => start(['worker', '--stream', d.stream, '--state', d.state, '--db', d.db,
      '--max-skew-ms', String(maxSkewMs)]));
    for (let i = 0; !ws.every((w) => /partitions on/.test(w.err.join(''))); i++) {
      if (i > 600) throw new Error(`the workers did not start: ${ws.map((w) => w.err.join('')).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const started = performance.now();
    let publishedAt = 0;
    const publishing = publishFile({ events: path, stream: d.stream }).then(() => { publishedAt = performance.now(); });
    const lags: number[] = [];
    let stored = 0;
    // The publisher's progress is read from the stream's own count: lag = in the stream, not yet committed.
    const nc = await connect({ servers: new URL(d.stream).host });
    const jsm = await jetstreamManager(nc);
    const name = new URL(d.stream).searchParams.get('stream')!;
    while (stored < events) {
      await new Promise((r) => setTimeout(r, 250));
      const inStream = await jsm.streams.info(name).then((i) => i.state.messages, () => 0);
      stored = await storedEvents(pool, d.name);
      lags.push(Math.max(0, inStream - stored));
      for (const w of ws) if (w.child.exitCode !== null) throw new Error(`a worker stopped: ${w.err.join('')}`);
    }
    const elapsedMs = performance.now() - started;
    await publishing;
    await nc.close();
    // Not --exit-when-idle: a worker that caught up with the publisher would stop. Stopped now, each prints its counts.
    const summaries = await Promise.all(ws.map(async (w) => { w.child.kill('SIGTERM'); await w.exited; return w.err.join(''); }));
    const count = (re: RegExp) => summaries.reduce((n, s) => n + Number(re.exec(s)?.[1] ?? 0), 0);
    return {
      workers, maxSkewMs, events, elapsedMs: Math.round(elapsedMs), eventsPerSec: Math.round((events * 1000) / elapsedMs),
      publishMs: Math.round(publishedAt - started), lagMaxEvents: Math.max(...lags), lagP50Events: percentile(lags, 50),
      drainAfterPublishMs: Math.round(started + elapsedMs - publishedAt), conflicts: count(/(\d+) conflicts/), reloads: count(/(\d+) reloads/),
    };
  } finally {
    await pool.end();
    await dropDeployment(d);
  }
}

/** serve --stream with one worker behind it: single-event requests one after another. */
async function httpLatency(path: string): Promise<{ requests: number; p50Ms: number; p99Ms: number; maxMs: number; requestsPerSec: number; errors: number }> {
  const d: Deployment = deployment('benchhttp', PARTITIONS);
  const worker = start(['worker', '--stream', d.stream, '--state', d.state, '--db', d.db]);
  const serve = start(['serve', '--port', '0', '--stream', d.stream, '--state', d.state, '--db', d.db]);
  try {
    const { key } = await createKey({ role: 'ingest', db: d.db });
    let url: string | undefined;
    for (let i = 0; !url; i++) {
      if (i > 300) throw new Error(`serve did not start: ${serve.err.join('')}`);
      await new Promise((r) => setTimeout(r, 100));
      url = /listening on (http:\/\/\S+)/.exec(serve.err.join(''))?.[1];
    }
    for (let i = 0; (await fetch(`${url}/readyz`)).status !== 200; i++) {
      if (i > 300) throw new Error('serve --stream did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(0, HTTP_EVENTS);
    const ms: number[] = [];
    let errors = 0;
    const started = performance.now();
    for (const line of lines) {
      const t = performance.now();
      const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: line });
      await res.arrayBuffer();
      ms.push(performance.now() - t);
      if (res.status !== 200 && errors++ === 0) process.stderr.write(`HTTP ${res.status} on ${line.slice(0, 80)}\n`);
    }
    const total = performance.now() - started;
    return { requests: lines.length, p50Ms: round(percentile(ms, 50), 2), p99Ms: round(percentile(ms, 99), 2), maxMs: round(Math.max(...ms), 2),
      requestsPerSec: Math.round((lines.length * 1000) / total), errors };
  } finally {
    serve.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    await Promise.all([serve.exited, worker.exited]);
    await dropDeployment(d);
  }
}

const dataDir = join(root, 'bench', 'data');
mkdirSync(dataDir, { recursive: true });
const simDir = join(dataDir, `stream-sim-${SIM.seed}-${SIM.scale}-${SIM.days}`);
const sim = existsSync(join(simDir, 'truth.json'))
  ? { eventsPath: join(simDir, 'events.ndjson'), events: (JSON.parse(readFileSync(join(simDir, 'truth.json'), 'utf8')) as { events: number }).events }
  : await simulateToDir({ ...SIM, outDir: simDir });
process.stderr.write(`stream bench${QUICK ? ' (quick)' : ''}: ${sim.events} events, ${PARTITIONS} partitions\n`);
const runs: EndToEnd[] = [];
for (const [workers, skew] of [[1, 60_000], [2, 60_000], [2, SCALED_SKEW_MS]] as const) {
  const r = await endToEnd(sim.eventsPath, sim.events, workers, skew);
  process.stderr.write(`${workers} worker(s), skew ${skew} ms: ${r.eventsPerSec} events/s end to end, lag max ${r.lagMaxEvents} events\n`);
  runs.push(r);
}
const http = await httpLatency(sim.eventsPath);
process.stderr.write(`HTTP decisions with --stream: p50 ${http.p50Ms} ms, p99 ${http.p99Ms} ms, ${http.requestsPerSec} requests/s\n`);
const results = { quick: QUICK, machine: { cpus: cpus().length, node: process.version }, sim: { ...SIM, events: sim.events }, partitions: PARTITIONS, endToEnd: runs, http };
const resultsPath = QUICK ? join(dataDir, 'stream-results.quick.json') : join(root, 'bench', 'stream-results.json');
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
