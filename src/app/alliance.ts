// Wires the alliance for `serve`: its signal store beside the SQLite store, the index the engine's
// pipeline reads received signals through, and the case desk it publishes from.
import { Alliance, type CaseSignalsSource } from '../alliance/index.js';
import { allianceSecrets, type Config } from '../config/index.js';
import { SqliteSignalStore, isPostgresUrl } from '../store/index.js';

export interface OpenedAlliance {
  alliance: Alliance;
  close(): Promise<void>;
}

/** Opens the alliance when the configuration has one; undefined otherwise. */
export async function openAlliance(o: {
  config: Readonly<Config>; db: string; watermark: () => number | undefined; cases?: CaseSignalsSource;
  /** Where the secrets are read from; the process environment by default. */
  env?: Record<string, string | undefined>;
}): Promise<OpenedAlliance | undefined> {
  const c = o.config.alliance;
  if (!c) return undefined;
  const secrets = allianceSecrets(c, o.env);
  if (isPostgresUrl(o.db)) {
    throw new AllianceStoreError('the alliance keeps its signals in the SQLite store for now; serve with --db PATH to a SQLite file, or remove the alliance section');
  }
  const store = new SqliteSignalStore(o.db);
  try {
    const alliance = await Alliance.open({ config: c, secrets, store, watermark: o.watermark, ...(o.cases ? { cases: o.cases } : {}) });
    return { alliance, close: async () => { await alliance.stop(); await store.close(); } };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** The configured store cannot hold the alliance's signals. */
export class AllianceStoreError extends Error {
  readonly code = 'ERR_ALLIANCE_STORE';
}

/** New alliance keys for `bulwark alliance keygen`: a signing key pair and a shared hashing key. */
export { generateAllianceKeys } from '../alliance/index.js';
