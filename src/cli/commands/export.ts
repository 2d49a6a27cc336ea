// `bulwark export --db PATH|URL --out DIR`
import type { Command } from 'commander';
import { exportStore } from '../../app/index.js';

export function registerExport(program: Command): void {
  program.command('export')
    .description('write a store\'s decisions.ndjson, alerts.ndjson and warnings.ndjson, in the format and order of replay')
    .requiredOption('--db <path|url>', 'SQLite file or postgres:// URL to read')
    .requiredOption('--out <dir>', 'folder to write the files to')
    .action(async (opts: { db: string; out: string }) => {
      const s = await exportStore({ db: opts.db, outDir: opts.out });
      process.stderr.write(`exported ${s.decisions} decisions, ${s.alerts} alerts, ${s.warnings} warnings to ${opts.out}\n`);
    });
}
