// `bulwark publish FILE|- --stream URL`
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { publishFile } from '../../app/index.js';
import { UsageError } from '../errors.js';

export function registerPublish(program: Command): void {
  program.command('publish')
    .description('send a file of events (NDJSON; - for standard input) into the event stream, each to its partition')
    .argument('<events>', 'events file (NDJSON), or - for standard input')
    .requiredOption('--stream <url>', 'nats://HOST:PORT[?stream=NAME&subject=PREFIX&partitions=N]')
    .action(async (events: string, opts: { stream: string }) => {
      if (events !== '-' && !existsSync(events)) {
        throw new UsageError(`events file ${events} does not exist; pass an NDJSON file, or - to read standard input`);
      }
      const s = await publishFile({ events, stream: opts.stream,
        onRejected: (r) => process.stderr.write(`line ${r.line}: ${r.code} at ${r.path || '(root)'}: ${r.message}\n`) });
      process.stderr.write(`published ${s.published} events into ${s.partitions} partitions (${s.rejected} lines rejected) in ${s.elapsedMs} ms\n`);
    });
}
