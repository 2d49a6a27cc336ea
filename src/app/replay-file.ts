// `replay` of a file or standard input on a thread of its own. A replay allocates a parsed event
// per line and drops it microseconds later; V8's default young generation is sized for servers
// answering requests, and a bulk replay on it promotes and collects far more than it needs to.
// A worker thread is the one place Node lets a program size the young generation itself
// (`resourceLimits`), without asking every user to pass a flag to node. The thread dies with the
// process, so a killed replay is still one killed process.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/index.js';
import type { ListEntry } from '../rules/index.js';
import type { ReplayProgress, ReplaySummary } from './replay.js';

/** Young generation of the replay thread, MB: measured on the bench file, 96 gave 7-9% more events/s than the default and a lower peak. */
const REPLAY_YOUNG_GENERATION_MB = 96;

/** What the replay thread is asked to do; plain data, copied to the thread. */
export interface ReplayFileJob {
  /** An NDJSON file, or '-' for standard input. */
  events: string;
  outDir: string;
  /** A SQLite file to keep everything in (resumable); without it, memory only. */
  db?: string;
  config: Config;
  /** A rule file to decide with (checked before the thread starts: see loadRuleFile). */
  rules?: string;
  /** A strategies file, JSON or YAML (checked before the thread starts: see loadStrategiesFile). */
  strategies?: string;
  /** Block and allow list entries the rules read (`--lists`, and those stored in `db`). */
  lists?: ListEntry[];
  /** The key hashed entries were made with (BULWARK_LIST_KEY), to hash the events' values alike. */
  listKey?: string;
}

/** What the replay thread reports. */
export type ReplayThreadMessage =
  | { progress: ReplayProgress }
  | { summary: ReplaySummary }
  | { error: { message: string; code?: string } };

/** Replays a file (or standard input) into `outDir` on a thread of its own and returns its summary. */
export function replayFile(job: ReplayFileJob, onProgress?: (p: ReplayProgress) => void): Promise<ReplaySummary> {
  // Compiled, the thread runs the JS next to this file; from the TypeScript source (tests), it
  // needs the tsx loader registered in it too.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./replay-thread${fromSource ? '.ts' : '.js'}`, import.meta.url);
  const options = { workerData: job, stdin: job.events === '-', resourceLimits: { maxYoungGenerationSizeMb: REPLAY_YOUNG_GENERATION_MB } };
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, { ...options, eval: true })
    : new Worker(entry, options);
  if (job.events === '-') process.stdin.pipe(worker.stdin!);
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: ReplayThreadMessage) => {
      if ('progress' in m) onProgress?.(m.progress);
      else if ('summary' in m) { settled = true; resolve(m.summary); }
      else { settled = true; reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {})); }
    });
    worker.on('error', (err) => { settled = true; reject(err); });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the replay thread stopped (exit code ${code}) before it finished; see the messages above`));
    });
  });
}
