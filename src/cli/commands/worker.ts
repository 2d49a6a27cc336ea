// `bulwark worker --stream URL --state URL --db URL [--exit-when-idle]`
import type { Command } from 'commander';
import { WORKER_DEFAULTS, runWorker } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { UsageError } from '../errors.js';

export function registerWorker(program: Command): void {
  program.command('worker')
    .description('apply the event stream with any number of other workers (shared state in Redis, store in PostgreSQL)')
    .requiredOption('--stream <url>', 'nats://HOST:PORT[?stream=NAME&subject=PREFIX&partitions=N]')
    .requiredOption('--state <url>', 'redis://HOST:PORT[?prefix=NAME]: the state the workers share')
    .requiredOption('--db <url>', 'postgres://USER@HOST:PORT/DATABASE[?schema=NAME]: the store')
    .option('--config <file>', 'configuration file (JSON); every worker must use the same')
    .option('--exit-when-idle', 'stop once every partition is applied up to its last message')
    .option('--batch-size <n>', `events per batch (default ${WORKER_DEFAULTS.batchSize})`)
    .option('--max-skew-ms <ms>', `how far in event time a worker may run ahead of the slowest other (default ${WORKER_DEFAULTS.maxSkewMs})`)
    .action(async (opts: { stream: string; state: string; db: string; config?: string; exitWhenIdle?: boolean; batchSize?: string; maxSkewMs?: string }) => {
      const int = (name: string, v: string | undefined): number | undefined => {
        if (v === undefined) return undefined;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, received ${JSON.stringify(v)}`);
        return n;
      };
      const batchSize = int('--batch-size', opts.batchSize);
      if (batchSize === 0) throw new UsageError('--batch-size must be at least 1');
      const maxSkewMs = int('--max-skew-ms', opts.maxSkewMs);
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const stop = new Promise((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
      const s = await runWorker({
        stream: opts.stream, state: opts.state, db: opts.db, config, stop,
        ...(opts.exitWhenIdle ? { exitWhenIdle: true } : {}),
        ...(batchSize !== undefined ? { batchSize } : {}),
        ...(maxSkewMs !== undefined ? { maxSkewMs } : {}),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stderr.write(`worker ${s.worker} stopped: ${s.applied} events applied, ${s.duplicates} duplicates, ${s.rejected} rejected, ` +
        `${s.batches} batches, ${s.conflicts} conflicts, ${s.reloads} reloads\n`);
      process.exit(0);
    });
}
