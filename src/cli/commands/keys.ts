// `bulwark keys create|list|revoke`. `create` prints the new key alone on one line of stdout,
// once; only its hash is stored. `list` prints one JSON line per key (never a secret or hash);
// `revoke` marks a key revoked, so that it authenticates no further request.
import type { Command } from 'commander';
import { KeyOptionsError, createKey, listKeys, revokeKey } from '../../app/index.js';
import { UsageError } from '../errors.js';

const DB_HELP = 'the store the key is kept in (the one `serve --db` uses: a SQLite file or a postgres:// URL)';

async function usage<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof KeyOptionsError) throw new UsageError(err.message);
    throw err;
  }
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys');
  keys.command('create')
    .description('create an API key; prints it once on stdout (only its hash is kept)')
    .requiredOption('--role <role>', 'ingest, analyst, merchant, consumer, partner or admin')
    .option('--shop <shop>', 'the shop a merchant key is scoped to (required for --role merchant)')
    .option('--account <account>', 'the account a consumer key is scoped to (required for --role consumer)')
    .option('--source <tenant>', 'the tenant (event "source") the key belongs to', 'default')
    .option('--db <path>', DB_HELP, './bulwark.db')
    .action(async (opts: { role: string; shop?: string; account?: string; source: string; db: string }) => {
      const { key, record } = await usage(() => createKey(opts));
      process.stdout.write(`${key}\n`);
      process.stderr.write(`created ${record.role} key ${record.id} for source ${record.source}` +
        `${record.shop ? ` and shop ${record.shop}` : ''}${record.account ? ` and account ${record.account}` : ''} in ${opts.db}; it is shown only this once\n`);
    });
  keys.command('list')
    .description("list a tenant's keys, newest first, one JSON object a line: id, role, shop, account, source, created_at, revoked_at")
    .option('--source <tenant>', 'the tenant whose keys to list', 'default')
    .option('--db <path>', DB_HELP, './bulwark.db')
    .action(async (opts: { source: string; db: string }) => {
      const all = await listKeys(opts);
      for (const k of all) {
        process.stdout.write(`${JSON.stringify({ id: k.id, role: k.role, shop: k.shop, account: k.account, source: k.source,
          created_at: k.createdAt, revoked_at: k.revokedAt })}\n`);
      }
      process.stderr.write(`${all.length} key${all.length === 1 ? '' : 's'} of source ${opts.source} in ${opts.db}\n`);
    });
  keys.command('revoke')
    .description('revoke a key by its id (from `keys list`); it gets 401 from then on')
    .argument('<id>', 'the key id, key_...')
    .option('--source <tenant>', 'the tenant the key belongs to', 'default')
    .option('--db <path>', DB_HELP, './bulwark.db')
    .action(async (id: string, opts: { source: string; db: string }) => {
      const record = await usage(() => revokeKey({ ...opts, id }));
      process.stderr.write(`key ${record.id} (${record.role}) of source ${record.source} revoked at ${record.revokedAt ?? '?'} in ${opts.db}\n`);
    });
}
