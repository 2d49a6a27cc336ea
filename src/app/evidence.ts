// `bulwark evidence CASE_ID --out DIR`: writes a case's evidence package from a database a server
// or a replay wrote, with manifest.json listing each file's SHA-256. The operator at the command
// line acts as an analyst of the case's tenant (raw personal data) unless asked for keyed hashes.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { casePackage, type Manifest } from '../cases/index.js';
import type { Config } from '../config/index.js';
import { openCaseDesk } from './cases.js';
import { Engine } from './engine.js';
import { openStore } from './stores.js';

/** The case is not in the database; the CLI exits 1 with the message. */
export class EvidenceError extends Error {
  readonly code = 'ERR_EVIDENCE_CASE';
}

export interface EvidenceOptions {
  caseId: string;
  outDir: string;
  db: string;
  config: Readonly<Config>;
  /** Keyed hashes instead of raw personal data (a copy for someone other than analysts). */
  hashed?: boolean;
}

/** Writes the package of `caseId` to `outDir` and returns its manifest and the manifest's SHA-256. */
export async function writeEvidence(opts: EvidenceOptions): Promise<{ manifest: Manifest; manifestSha256: string; files: string[] }> {
  if (!existsSync(opts.db)) throw new EvidenceError(`database ${opts.db} does not exist; pass the --db file of a serve or replay run`);
  const opened = openStore(opts.db);
  try {
    if (!('cases' in opened)) {
      throw new EvidenceError(`${opts.db} is not a SQLite file; cases are kept in SQLite stores so far, so pass the --db of a SQLite serve run`);
    }
    const store = opened;
    const engine = await Engine.open(opts.config, store);
    // Opening the desk brings its cases up to date with every stored alert (a replay writes none);
    // no webhook is sent from here.
    const quiet = { ...opts.config, cases: { ...opts.config.cases, webhooks: { ...opts.config.cases.webhooks, url: '' } } };
    const handle = await openCaseDesk({ config: quiet, engine, store });
    try {
      const c = await store.cases.getCase(opts.caseId);
      if (!c) {
        throw new EvidenceError(`no case ${JSON.stringify(opts.caseId)} in ${opts.db}; case ids are case_ followed by the hash part of their ` +
          'alert id (alr_...), listed by GET /v1/cases');
      }
      // An admin's copy is the one with keyed hashes: raw personal data is for analysts only.
      const pkg = await casePackage(handle.desk, { keyId: 'cli', role: opts.hashed ? 'admin' : 'analyst', source: c.source }, opts.caseId);
      mkdirSync(opts.outDir, { recursive: true });
      for (const f of pkg.files) writeFileSync(join(opts.outDir, f.name), f.content);
      return { manifest: pkg.manifest, manifestSha256: pkg.manifest_sha256, files: pkg.files.map((f) => f.name) };
    } finally {
      await handle.close();
    }
  } finally {
    await opened.close();
  }
}
