// `bulwark links`: an account's identity-graph cluster, read from a database a replay or a
// server wrote. The engine restores the last snapshot and re-applies the events after it, so
// the cluster is the one of the last commit.
import { existsSync } from 'node:fs';
import type { Cluster } from '../core/index.js';
import type { Config } from '../config/index.js';
import { Engine } from './engine.js';
import { openStore } from './stores.js';

/** Thrown when the account is not in the database; the CLI exits 1 with its message. */
export class UnknownAccountError extends Error {
  readonly code = 'ERR_LINKS_UNKNOWN_ACCOUNT';
}

/** The cluster of `accountId` in the database at `db`, with the evidence of each link. */
export async function accountLinks(opts: { db: string; accountId: string; config: Readonly<Config> }): Promise<Cluster> {
  if (!existsSync(opts.db)) {
    throw new UnknownAccountError(`database ${opts.db} does not exist; pass the --db file of a replay or serve run`);
  }
  const store = openStore(opts.db);
  try {
    const engine = await Engine.open(opts.config, store);
    const cluster = engine.links(opts.accountId);
    if (!cluster) {
      throw new UnknownAccountError(`no account ${JSON.stringify(opts.accountId)} in ${opts.db}; ` +
        'pass an account id that appears in the events replayed into it');
    }
    return cluster;
  } finally {
    await store.close();
  }
}
