// `export`: a store's decisions, alerts and warnings as the files `replay` writes, in the same
// format and order, from any store (a SQLite file or PostgreSQL), whichever process filled it:
// the way to read what a fleet of stream workers decided.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { toLine } from '../contract/index.js';
import { compareAlerts, type Store } from '../core/index.js';
import { openStore } from './stores.js';

export interface ExportOptions {
  /** A SQLite file or a postgres:// URL. */
  db: string;
  outDir: string;
  /** Read from this store instead of opening `db` (tests). */
  store?: Store;
}

export interface ExportSummary {
  decisions: number;
  alerts: number;
  warnings: number;
}

/** Writes decisions.ndjson (in the order applied), alerts.ndjson (by first seen, then id) and warnings.ndjson (by shop, time, id). */
export async function exportStore(opts: ExportOptions): Promise<ExportSummary> {
  const store = opts.store ?? openStore(opts.db);
  try {
    mkdirSync(opts.outDir, { recursive: true });
    const summary: ExportSummary = { decisions: 0, alerts: 0, warnings: 0 };
    await writeLines(join(opts.outDir, 'decisions.ndjson'), (put) => store.decisions((d) => { put(d); summary.decisions++; }));
    await writeLines(join(opts.outDir, 'alerts.ndjson'), async (put) => {
      // Sorted here too: the order replay writes is defined by compareAlerts, not by a store's collation.
      for (const a of (await store.allAlerts()).sort(compareAlerts)) { put(a); summary.alerts++; }
    });
    await writeLines(join(opts.outDir, 'warnings.ndjson'), (put) => store.warnings((w) => { put(w); summary.warnings++; }));
    return summary;
  } finally {
    if (!opts.store) await store.close();
  }
}

async function writeLines(path: string, fill: (put: (record: unknown) => void) => Promise<void>): Promise<void> {
  const out: WriteStream = createWriteStream(path);
  let buffer = '';
  try {
    await fill((record) => {
      buffer += toLine(record);
      if (buffer.length > 1 << 20) { out.write(buffer); buffer = ''; }
    });
    out.write(buffer);
  } finally {
    out.end();
    await once(out, 'finish');
  }
}
