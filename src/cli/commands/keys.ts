// `bulwark keys create --role R [--shop S] [--source T] [--db PATH]`: prints the new key alone on
// one line of stdout, once; only its hash is stored.
import type { Command } from 'commander';
import { KeyOptionsError, createKey } from '../../app/index.js';
import { UsageError } from '../errors.js';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys');
  keys.command('create')
    .description('create an API key; prints it once on stdout (only its hash is kept)')
    .requiredOption('--role <role>', 'ingest, analyst, merchant, consumer, partner or admin')
    .option('--shop <shop>', 'the shop a merchant key is scoped to (required for --role merchant)')
    .option('--account <account>', 'the account a consumer key is scoped to (required for --role consumer)')
    .option('--source <tenant>', 'the tenant (event "source") the key belongs to', 'default')
    .option('--db <path>', 'SQLite file to store the key in (the one `serve --db` uses)', './bulwark.db')
    .action(async (opts: { role: string; shop?: string; account?: string; source: string; db: string }) => {
      try {
        const { key, record } = await createKey(opts);
        process.stdout.write(`${key}\n`);
        process.stderr.write(`created ${record.role} key ${record.id} for source ${record.source}` +
          `${record.shop ? ` and shop ${record.shop}` : ''}${record.account ? ` and account ${record.account}` : ''} in ${opts.db}; it is shown only this once\n`);
      } catch (err) {
        if (err instanceof KeyOptionsError) throw new UsageError(err.message);
        throw err;
      }
    });
}
