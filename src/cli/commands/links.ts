// `bulwark links ACCOUNT --db PATH [--config FILE]`
import type { Command } from 'commander';
import { accountLinks } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';

export function registerLinks(program: Command): void {
  program.command('links')
    .description("print an account's identity-graph cluster (accounts and the evidence of each link) as JSON")
    .argument('<account>', 'account id')
    .requiredOption('--db <path>', 'SQLite file written by `replay --db` or `serve`')
    .option('--config <file>', 'configuration file (JSON)')
    .action(async (account: string, opts: { db: string; config?: string }) => {
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const cluster = await accountLinks({ db: opts.db, accountId: account, config });
      process.stdout.write(`${JSON.stringify(cluster, null, 2)}\n`);
    });
}
