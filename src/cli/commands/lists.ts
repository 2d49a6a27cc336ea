// `bulwark lists add LIST VALUE [--expires T] [--note N] --db PATH`, `lists remove LIST VALUE --db PATH`,
// `lists show [LIST] --db PATH`: block and allow lists (docs/lists.md). Hashed kinds need BULWARK_LIST_KEY.
import type { Command } from 'commander';
import { addListEntry, removeListEntry, showListEntries } from '../../app/index.js';
import { listHashKey } from '../../config/index.js';

export function registerLists(program: Command): void {
  const lists = program.command('lists').description('block and allow lists of accounts, devices, IPs and ranges, phones, addresses, payment ids and contact handles');
  const key = () => { const k = listHashKey(); return k ? { hashKey: k } : {}; };
  lists.command('add')
    .description('add an entry (personal data is stored as its keyed hash; set BULWARK_LIST_KEY)')
    .argument('<list>', 'e.g. blocked_devices, allowed_accounts, blocked_ips (an IP or a CIDR range)')
    .argument('<value>', 'the value; an address as JSON {"province","city","district","detail"} or text')
    .option('--expires <time>', 'RFC 3339 event time from which the entry stops matching')
    .option('--note <text>', 'why it is on the list')
    .option('--db <path>', 'SQLite file of the server', './bulwark.db')
    .action(async (list: string, value: string, opts: { expires?: string; note?: string; db: string }) => {
      const parsed = list.endsWith('_addresses') && value.trim().startsWith('{') ? JSON.parse(value) : value;
      const e = await addListEntry({ db: opts.db, list, ...key(), input: { value: parsed, ...(opts.expires ? { expires: opts.expires } : {}), ...(opts.note ? { note: opts.note } : {}) } });
      process.stdout.write(`${JSON.stringify(e)}\n`);
    });
  lists.command('remove')
    .description('remove an entry, given its value or its stored form')
    .argument('<list>').argument('<value>')
    .option('--db <path>', 'SQLite file of the server', './bulwark.db')
    .action(async (list: string, value: string, opts: { db: string }) => {
      await removeListEntry({ db: opts.db, list, value, ...key() });
      process.stderr.write(`removed from ${list}\n`);
    });
  lists.command('show')
    .description('print the entries (one JSON line each), of one list or all')
    .argument('[list]')
    .option('--db <path>', 'SQLite file of the server', './bulwark.db')
    .action(async (list: string | undefined, opts: { db: string }) => {
      for (const e of await showListEntries({ db: opts.db, ...(list ? { list } : {}) })) process.stdout.write(`${JSON.stringify(e)}\n`);
    });
}
