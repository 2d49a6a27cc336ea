// `npm run bench` (rules part): CEL rule evaluation with 100 active rules, the replay rate with
// and without them, and HTTP decisions: single-event POST /v1/events at a fixed 2,000 events/s
// with 100 rules (p50, p99, errors), then rising rates to the highest whose p99 stays under
// 50 ms. `--quick` (or BULWARK_BENCH_QUICK=1) runs everything small, in seconds, as a smoke test.
// Results go to bench/rules-results.json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DECISION_POINTS, type BulwarkEvent, type EventType } from '../src/contract/index.js';
import type { DecisionRules, RuleInput } from '../src/core/index.js';
import { Engine } from '../src/app/engine.js';
import { simulateToDir } from '../src/app/simulate.js';
import { loadConfig } from '../src/config/index.js';
import { ListHasher, ListIndex, RuleSet, type ListEntry } from '../src/rules/index.js';

const QUICK = process.argv.includes('--quick') || process.env.BULWARK_BENCH_QUICK === '1';
/** `--profile DIR`: the servers write V8 CPU profiles (.cpuprofile, for Chrome DevTools) into DIR when they stop. */
const PROFILE_DIR = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin', 'bulwark.js');
const SIM = QUICK ? { seed: 1, scale: 0.2, days: 2 } : { seed: 1, scale: 1, days: 7 };
const FIXED_RATE = 2_000;
const FIXED_SECONDS = QUICK ? 3 : 60;
const STEP_SECONDS = QUICK ? 1 : 10;
const STEPS = QUICK ? [250, 500] : [250, 500, 750, 1_000, 1_500, 2_000, 3_000, 4_000, 6_000, 8_000];
const P99_LIMIT_MS = 50;
const LIST_KEY = 'bench-list-key-0123456789-0123456789-abcdef';

/** 100 rules spread over the decision points, as an analyst team might write them; a fifth in shadow. */
export function hundredRules(): string {
  const out: string[] = ['rules:'];
  for (let i = 0; i < 100; i++) {
    const k = i % 6;
    const when = [
      `event.type == "order.placed" && event.data.amount > ${50_000 + i * 1000} && account.orders24h >= ${3 + (i % 5)} && account.ageDays < ${1 + (i % 7)}.0`,
      `event.type == "refund.requested" && event.data.kind == "refund_only" && account.refundOnly7d >= ${2 + (i % 4)} && order.amount > ${i * 500}`,
      i % 2 ? `event.type == "account.registered" && has(event.data.device_id) && event.data.device_id in lists.blocked_devices`
        : `event.type == "account.registered" && account.clusterSize > ${5 + (i % 10)}`,
      `event.type == "coupon.claimed" && account.coupons24h > ${2 + (i % 5)} && account.ageDays < 3.0`,
      `event.type == "claim.filed" && event.data.amount > ${10_000 + i * 100} && shop.claims7d > ${i % 5}`,
      `event.type == "listing.updated" && item.priceRatio < ${(0.1 + (i % 5) * 0.1).toFixed(1)} && shop.ageDays < 30.0`,
    ][k]!;
    out.push(`  - id: r${i}`, `    when: '${when}'`, `    decision: ${i % 3 ? 'review' : 'challenge'}`, ...(i % 5 === 4 ? ['    mode: shadow'] : []));
  }
  return `${out.join('\n')}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0;
}

async function events(): Promise<BulwarkEvent[]> {
  const dir = join(root, 'bench', 'data', `sim-seed${SIM.seed}-scale${SIM.scale}-days${SIM.days}`);
  const path = join(dir, 'events.ndjson');
  if (!existsSync(path)) {
    process.stderr.write(`simulating seed ${SIM.seed} at scale ${SIM.scale} for ${SIM.days} days into ${dir} ...\n`);
    await simulateToDir({ ...SIM, outDir: dir });
  }
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as BulwarkEvent);
}

/** A rule set that times its own evaluation and counts the rules it ran. */
class Timed implements DecisionRules {
  ms = 0;
  evaluations = 0;
  readonly #perType = new Map<string, number>();
  constructor(private readonly inner: RuleSet, specsPerType: Map<string, number>) { this.#perType = specsPerType; }
  get label() { return this.inner.label; }
  appliesTo(t: EventType) { return this.inner.appliesTo(t); }
  evaluate(input: RuleInput) {
    const t0 = performance.now();
    const m = this.inner.evaluate(input);
    this.ms += performance.now() - t0;
    this.evaluations += this.#perType.get(input.event.type) ?? 0;
    return m;
  }
}

async function ruleEvaluation(all: BulwarkEvent[]) {
  const config = loadConfig();
  const hasher = new ListHasher(LIST_KEY);
  const entries: ListEntry[] = Array.from({ length: 1000 }, (_, i) => ({ list: 'blocked_devices', value: hasher.hash('devices', `d_${i * 7}`), hashed: true,
    keyId: hasher.keyId, addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'bench' }));
  const replayRate = async (rules?: DecisionRules) => {
    const engine = await Engine.open(config, undefined, rules ? { rules } : undefined);
    const t0 = performance.now();
    for (const e of all) engine.process(e);
    return (all.length * 1000) / (performance.now() - t0);
  };
  // The first run warms the JIT up and is not counted.
  const runs = QUICK ? 2 : 5;
  const without: number[] = [];
  const withRules: number[] = [];
  const evalRates: number[] = [];
  let evaluations = 0;
  for (let r = 0; r < runs; r++) {
    without.push(await replayRate());
    const set = RuleSet.fromText(hundredRules(), 'bench-100-rules.yaml');
    set.useLists(new ListIndex(entries, hasher));
    const perType = new Map<string, number>();
    for (const s of set.specs) { const t = /event\.type == "([a-z.]+)"/.exec(s.when)![1]!; perType.set(t, (perType.get(t) ?? 0) + 1); }
    const timed = new Timed(set, perType);
    withRules.push(await replayRate(timed));
    evalRates.push((timed.evaluations * 1000) / timed.ms);
    evaluations = timed.evaluations;
  }
  without.shift(); withRules.shift(); evalRates.shift();
  const decisionEvents = all.filter((e) => DECISION_POINTS.has(e.type)).length;
  return {
    events: all.length, decision_events: decisionEvents, rules: 100, rule_evaluations: evaluations,
    evaluations_per_sec: Math.round(median(evalRates)),
    replay_events_per_sec_without_rules: Math.round(median(without)),
    replay_events_per_sec_with_100_rules: Math.round(median(withRules)),
  };
}

function bulwark(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`bulwark ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

async function startServer(dir: string, withRules = true): Promise<{ url: string; child: ChildProcess; key: string }> {
  const db = join(dir, 'bench.db');
  writeFileSync(join(dir, 'rules.yaml'), hundredRules());
  const key = bulwark(['keys', 'create', '--role', 'ingest', '--db', db]);
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, cli, 'serve', '--db', db, '--port', '0', ...(withRules ? ['--rules', join(dir, 'rules.yaml')] : [])],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BULWARK_LIST_KEY: LIST_KEY } });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    let listening = false;
    child.stderr!.on('data', (b: Buffer) => {
      // Once it listens, only the tail is kept (for an exit's message): the request log would
      // otherwise grow a string of tens of megabytes here, scanned on every chunk, on the
      // load generator's own core.
      err = (err + b.toString()).slice(listening ? -4000 : -1_000_000);
      if (listening) return;
      const m = /listening on (http:\/\/[^ ]+)/.exec(err);
      if (m) { listening = true; resolve(m[1]!); }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err.slice(-2000)}`)));
  });
  return { url, child, key };
}

/** Keep-alive connections to the server: enough for the rates measured; more would only queue in the kernel. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: URL, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends `rate` single-event requests a second for `seconds`, open loop (requests go out on
 * schedule whether or not earlier ones are answered, over at most 64 connections); latency is
 * measured from each request's scheduled time, so queueing counts.
 */
async function load(url: string, key: string, feed: () => BulwarkEvent, rate: number, seconds: number) {
  const target = new URL('/v1/events', url);
  // The machine is shared: its 1-minute load average before and after says what else ran.
  const loadBefore = loadavg()[0]!;
  const latencies: number[] = [];
  let errors = 0;
  const total = rate * seconds;
  const t0 = performance.now();
  const inflight = new Set<Promise<void>>();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000));
    for (; sent < due; sent++) {
      const scheduled = t0 + (sent * 1000) / rate;
      const p: Promise<void> = post(target, key, JSON.stringify(feed()))
        .then((status) => { if (status !== 200) errors++; latencies.push(performance.now() - scheduled); })
        .catch(() => { errors++; })
        .finally(() => { inflight.delete(p); });
      inflight.add(p);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { rate, seconds, requests: total, errors, p50_ms: round2(quantile(latencies, 0.5)), p99_ms: round2(quantile(latencies, 0.99)),
    achieved_per_sec: Math.round((latencies.length * 1000) / (performance.now() - t0)),
    load_avg_1m: [round2(loadBefore), round2(loadavg()[0]!)] };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The HTTP figures of one server: the fixed rate, then rising rates until p99 reaches the limit. */
async function http(all: BulwarkEvent[], withRules: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-bench-'));
  const { url, child, key } = await startServer(dir, withRules);
  try {
    let i = 0;
    let lap = 0;
    // Events in their order; past the end of the file, again with new ids (a later lap).
    const feed = () => {
      if (i === all.length) { i = 0; lap++; }
      const e = all[i++]!;
      return lap === 0 ? e : { ...e, id: `${e.id}_${lap}` };
    };
    // Warm the server up (JIT, caches) at a rate it keeps up with before anything is measured.
    await load(url, key, feed, 500, QUICK ? 1 : 5);
    if (!withRules) return { fixed: await load(url, key, feed, FIXED_RATE, FIXED_SECONDS) };
    // Rising rates first, while the server is fresh; the fixed rate last, since past the server's
    // capacity it leaves a backlog (and a long write-ahead log) that would weigh on what follows.
    const steps = [];
    let highest = 0;
    for (const rate of STEPS) {
      const s = await load(url, key, feed, rate, STEP_SECONDS);
      steps.push(s);
      if (s.p99_ms >= P99_LIMIT_MS || s.errors > 0 || s.achieved_per_sec < rate * 0.95) break;
      highest = rate;
    }
    const fixed = await load(url, key, feed, FIXED_RATE, FIXED_SECONDS);
    return { fixed, steps, highest_rate_p99_under_50ms: highest };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();

async function main(): Promise<void> {
const all = await events();
process.stderr.write(`rules bench${QUICK ? ' (quick)' : ''}: ${all.length} events\n`);
const evaluation = await ruleEvaluation(all);
process.stderr.write(`${JSON.stringify(evaluation)}\n`);
const httpResults = { with_100_rules: await http(all, true), without_rules: await http(all, false) };
const results = { quick: QUICK, machine: { cpus: cpus().length, node: process.version }, sim: SIM, evaluation, http: httpResults };
mkdirSync(join(root, 'bench', 'data'), { recursive: true });
// A quick run is a smoke test: its figures go beside the bench data, not into the results kept in git.
const resultsPath = QUICK ? join(root, 'bench', 'data', 'rules-results.quick.json') : join(root, 'bench', 'rules-results.json');
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
}
