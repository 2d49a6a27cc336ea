// `bulwark lists add|remove|show --db`: the block and allow lists of a server's database, from the
// command line (docs/lists.md). The same checks and hashing as over HTTP; a running server reads
// the change at its next list change or restart.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ListHasher, ListIndex, type ListEntry } from '../rules/index.js';
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

/** A `--lists` file or `--db` whose lists cannot be used; the message says what to change. */
export class ListsFileError extends Error {
  readonly code = 'ERR_LISTS_FILE';
}

/**
 * Reads a `--lists` file (replay and backtest): YAML or JSON, each list's name mapped to its
 * entries, each a value or `{value, expires?, note?}` as over HTTP:
 *
 *     blocked_devices: [dev-9f2c, {value: dev-77, expires: 2026-12-01T00:00:00Z, note: ring}]
 *     blocked_ips: [203.0.113.0/24]
 *
 * Values are checked, normalised and (personal data) hashed with `hashKey` exactly as `lists add`
 * does; the first bad entry refuses the whole file, naming it.
 */
export function loadListsFile(path: string, hashKey?: string): ListEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ListsFileError(`cannot read lists file ${path}: ${(err as Error).message}; pass a YAML or JSON file with --lists`);
  }
  let doc: unknown;
  try {
    doc = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ListsFileError(`lists file ${path} is not valid YAML or JSON: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return [];
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ListsFileError(`lists file ${path} must map list names to entries, e.g. "blocked_devices: [dev-1]" (docs/lists.md)`);
  }
  const hasher = hashKey ? new ListHasher(hashKey) : undefined;
  const entries: ListEntry[] = [];
  for (const [list, items] of Object.entries(doc as Record<string, unknown>)) {
    if (!Array.isArray(items)) throw new ListsFileError(`lists file ${path}: ${list} must be a list of entries, e.g. "${list}: [value]"`);
    items.forEach((item, i) => {
      const input: ListEntryInput = typeof item === 'object' && item !== null && 'value' in item
        ? item as ListEntryInput : { value: item as string };
      // YAML reads an unquoted time as a Date; an entry's expiry is the RFC 3339 text.
      const expires = input.expires as unknown;
      if (expires instanceof Date) input.expires = expires.toISOString();
      if (typeof input.value === 'number') input.value = String(input.value);
      try {
        entries.push(makeListEntry(list, input, { by: `file:${path}`, at: '', hasher }));
      } catch (err) {
        throw new ListsFileError(`lists file ${path}: ${list}[${i}]: ${(err as Error).message}`);
      }
    });
  }
  return entries;
}

/** The lists stored in a server's SQLite file (`--db`), as the server has them. */
export async function storedListEntries(db: string): Promise<ListEntry[]> {
  if (!existsSync(db)) throw new ListsFileError(`database ${db} does not exist; pass the --db of the server whose lists to use`);
  return withStore(db, async (s) => await s.listEntries() as ListEntry[]);
}

/** The lists index rules read, over `entries` (a later entry replaces an earlier one of the same list and value). */
export function listIndexOf(entries: readonly ListEntry[], hashKey?: string): ListIndex {
  const byKey = new Map(entries.map((e) => [`${e.list}\u0000${e.value}`, e]));
  return new ListIndex([...byKey.values()], hashKey ? new ListHasher(hashKey) : undefined);
}
