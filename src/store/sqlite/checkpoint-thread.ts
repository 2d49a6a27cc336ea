// The checkpoint thread of a served SQLite file (SqliteStore's `backgroundCheckpoints`): it copies
// the write-ahead log back into the database file on a connection of its own, so that the writer
// thread never stops a commit for it. A checkpoint of a busy server's log takes tens of
// milliseconds; done by the writer it held back every request waiting for the next commit.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './open.js';

const { path, everyMs } = workerData as { path: string; everyMs: number };
const db = openDatabase(path, 'reads');
// PASSIVE: copies what the writer has committed without blocking it or the readers; the writer
// starts the log over at its next commit once all of it is copied.
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or briefly unavailable: the next tick tries again; the writer's own backstop bounds the log.
  }
}, everyMs);

parentPort!.on('message', (msg: { close?: true }) => {
  if (!msg.close) return;
  clearInterval(timer);
  db.close();
  // Nothing is left to keep the thread alive: it exits.
  parentPort!.close();
});
