// `bulwark serve [--host 127.0.0.1] [--port 8080] [--db ./bulwark.db] [--config FILE]`
// `bulwark serve --stream nats://... --state redis://... --db postgres://...` (the scale-out mode)
import type { Command } from 'commander';
import { serve } from '../../app/index.js';
import { listHashKey, loadConfig } from '../../config/index.js';
import { UsageError } from '../errors.js';

export function registerServe(program: Command): void {
  program.command('serve')
    .description('serve the HTTP API (events in, decisions and alerts out); stops cleanly on SIGINT or SIGTERM')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on; 0 picks a free one (the URL is printed to stderr)', '8080')
    .option('--db <path>', 'SQLite file of events, decisions, alerts, state and keys, or postgres://... (PostgreSQL)', './bulwark.db')
    .option('--stream <url>', 'nats://...: decide over the workers\' shared state (--state) and record events in this stream (docs/scaling.md)')
    .option('--state <url>', 'redis://...[?prefix=NAME]: the state the stream\'s workers share (with --stream)')
    .option('--config <file>', 'configuration file (JSON)')
    .option('--rules <file>', 'rule file (YAML) to put in force; saved as a new version when it differs from the stored rules')
    .action(async (opts: { host: string; port: string; db: string; config?: string; rules?: string; stream?: string; state?: string }) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65_535) {
        throw new UsageError(`--port must be a whole number from 0 to 65535, received ${JSON.stringify(opts.port)}`);
      }
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      await serve({
        host: opts.host, port, db: opts.db, config, ...(opts.rules ? { rules: opts.rules } : {}),
        ...(opts.stream !== undefined ? { stream: opts.stream } : {}), ...(opts.state !== undefined ? { state: opts.state } : {}),
        ...(listHashKey() ? { listKey: listHashKey()! } : {}),
        onListening: (url) => process.stderr.write(`bulwark serve listening on ${url} (db ${opts.db}${opts.stream ? `, stream ${opts.stream}` : ''}); stop with Ctrl-C\n`),
      });
      process.stderr.write('bulwark serve stopped\n');
    });
}
