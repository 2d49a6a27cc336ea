// `bulwark lists add|remove|show --db`: the block and allow lists of a server's database, from the
// command line (docs/lists.md). The same checks and hashing as over HTTP; a running server reads
// the change at its next list change or restart.
import { ListHasher, type ListEntry } from '../rules/index.js';
import { SqlitePolicyStore, SqliteStore } from '../store/index.js';
import { makeListEntry, PolicyError, type ListEntryInput } from './policy.js';

interface ListsDb { db: string; hashKey?: string }

async function withStore<T>(db: string, work: (s: SqlitePolicyStore) => Promise<T>): Promise<T> {
  // The pipeline's store migrates the file first (and creates it), then the policy tables are opened on it.
  await new SqliteStore(db).close();
  const store = new SqlitePolicyStore(db);
  try { return await work(store); } finally { await store.close(); }
}

/** Adds (or replaces) an entry; answers it as stored. */
export function addListEntry(opts: ListsDb & { list: string; input: ListEntryInput }): Promise<ListEntry> {
  const entry = makeListEntry(opts.list, opts.input, { by: 'cli', at: new Date().toISOString(),
    hasher: opts.hashKey ? new ListHasher(opts.hashKey) : undefined });
  return withStore(opts.db, async (s) => { await s.putListEntry(entry); return entry; });
}

/** Removes an entry given its raw value or its stored form. */
export function removeListEntry(opts: ListsDb & { list: string; value: string }): Promise<void> {
  return withStore(opts.db, async (s) => {
    const candidates = new Set([opts.value]);
    try {
      candidates.add(makeListEntry(opts.list, { value: opts.value }, { by: 'cli', at: '', hasher: opts.hashKey ? new ListHasher(opts.hashKey) : undefined }).value);
    } catch { /* not a raw value of that list: try it as stored */ }
    for (const v of candidates) if (await s.removeListEntry(opts.list, v, 'cli', new Date().toISOString())) return;
    throw new PolicyError('ERR_POLICY_NOT_FOUND', `no entry ${JSON.stringify(opts.value)} in ${opts.list}; see them with bulwark lists show ${opts.list} --db ${opts.db}`);
  });
}

/** Every entry, or one list's. */
export function showListEntries(opts: ListsDb & { list?: string }): Promise<ListEntry[]> {
  return withStore(opts.db, async (s) => (await s.listEntries() as ListEntry[]).filter((e) => opts.list === undefined || e.list === opts.list));
}
