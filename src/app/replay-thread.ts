// The thread a file replay runs on (see replay-file.ts): opens the store, replays, reports
// progress and the summary to the thread that started it, and closes the store.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { replay } from './replay.js';
import { openStore } from './stores.js';
import { loadRuleFile } from './rules.js';
import { loadStrategiesFile } from './strategies.js';
import { listIndexOf } from './lists.js';
import type { ReplayFileJob, ReplayThreadMessage } from './replay-file.js';

const job = workerData as ReplayFileJob;
const post = (m: ReplayThreadMessage) => parentPort!.postMessage(m);
const input = job.events === '-' ? process.stdin : createReadStream(job.events, { highWaterMark: 1 << 20 });
const store = job.db ? openStore(job.db) : undefined;
try {
  const rules = job.rules ? loadRuleFile(job.rules) : undefined;
  rules?.useLists(listIndexOf(job.lists ?? [], job.listKey));
  const strategies = job.strategies ? loadStrategiesFile(job.strategies, job.config.guards.price_guard) : undefined;
  const summary = await replay({ input, outDir: job.outDir, config: job.config, store, onProgress: (p) => post({ progress: p }),
    ...(rules ? { rules } : {}), ...(strategies ? { strategies } : {}) });
  await store?.close();
  post({ summary });
} catch (err) {
  await store?.close().catch(() => { /* the first error is the one to report */ });
  const e = err as { message?: string; code?: unknown };
  post({ error: { message: String(e.message ?? err), ...(typeof e.code === 'string' ? { code: e.code } : {}) } });
}
