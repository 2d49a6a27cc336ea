// The writer thread of a SQLite file store: it owns the writing connection, so that the
// pipeline thread goes on with the next batch while this one is written. WAL mode lets the
// pipeline thread's connection read meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './open.js';
import { BatchWriter, type WriteStep } from './batch-writer.js';

const WAL_BACKSTOP_PAGES = 100_000;

const { path, backgroundCheckpoints } = workerData as { path: string; backgroundCheckpoints?: boolean };
const db = openDatabase(path);
// With a checkpoint thread beside it, this connection checkpoints only as a backstop, should that
// thread fall far behind (WAL_BACKSTOP_PAGES of log, about 400 MB).
if (backgroundCheckpoints) db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
const writer = new BatchWriter(db);

parentPort!.on('message', (msg: { seq: number; step?: WriteStep; close?: true }) => {
  if (msg.close) {
    db.close();
    parentPort!.postMessage({ seq: msg.seq, ok: true });
    return;
  }
  try {
    writer.step(msg.step!);
    parentPort!.postMessage({ seq: msg.seq, ok: true });
  } catch (err) {
    const e = err as { message?: string; code?: string };
    parentPort!.postMessage({ seq: msg.seq, ok: false, message: String(e.message), code: String(e.code ?? '') });
  }
});
