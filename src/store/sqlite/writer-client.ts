// The pipeline thread's side of the writer thread: one promise per batch, answered in order.
import { Worker } from 'node:worker_threads';
import type { WriteStep } from './batch-writer.js';

/** Old-generation heap of the writer thread: a few batches of rows in flight, with room to spare. */
const WRITER_HEAP_MB = 128;

interface Reply { seq: number; ok: boolean; message?: string; code?: string }

/** How often the checkpoint thread copies the log into the database file, when there is one. */
const CHECKPOINT_EVERY_MS = 250;

/** A worker running `name` (writer-thread, checkpoint-thread) from compiled JS, or from source with tsx. */
function thread(name: string, workerData: unknown, resourceLimits: { maxOldGenerationSizeMb: number }): Worker {
  // The thread runs the same code as this file: compiled JS, or in development the TypeScript
  // source, which a worker can load only with the tsx loader registered in it too.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, import.meta.url);
  return fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
      { eval: true, workerData, resourceLimits })
    : new Worker(entry, { workerData, resourceLimits });
}

/**
 * Sends batches to a writer thread over `path` and resolves each when it is committed. With
 * `backgroundCheckpoints` (a server: many small commits, each waited for by requests), a third
 * thread checkpoints the log so that no commit waits for a checkpoint.
 */
export class WriterThread {
  readonly #worker: Worker;
  readonly #checkpointer: Worker | undefined;
  #checkpointerExited = false;
  readonly #waiting = new Map<number, { resolve: () => void; reject: (e: Error & { code?: string }) => void }>();
  #seq = 0;
  #failed: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(path: string, opts: { backgroundCheckpoints?: boolean } = {}) {
    // The thread only passes rows through; without a bound its heap grows lazily by hundreds of
    // megabytes of dead rows before it collects, which the process's peak memory pays for.
    const resourceLimits = { maxOldGenerationSizeMb: WRITER_HEAP_MB };
    this.#worker = thread('writer-thread', { path, backgroundCheckpoints: opts.backgroundCheckpoints === true }, resourceLimits);
    if (opts.backgroundCheckpoints) {
      this.#checkpointer = thread('checkpoint-thread', { path, everyMs: CHECKPOINT_EVERY_MS }, { maxOldGenerationSizeMb: 32 });
      // It never holds the process open; a failure of it leaves the writer's backstop checkpoints.
      this.#checkpointer.unref();
      this.#checkpointer.on('error', () => { /* the writer still checkpoints past its backstop */ });
      this.#checkpointer.once('exit', () => { this.#checkpointerExited = true; });
    }
    this.#worker.on('message', (r: Reply) => {
      const w = this.#waiting.get(r.seq);
      if (!w) return;
      this.#waiting.delete(r.seq);
      if (this.#waiting.size === 0) this.#worker.unref();
      if (r.ok) w.resolve();
      else w.reject(Object.assign(new Error(r.message), { code: r.code }));
    });
    this.#worker.on('error', (err) => this.#fail(err));
    this.#worker.on('exit', (code) => { if (this.#waiting.size) this.#fail(new Error(`SQLite writer thread exited with code ${code}`)); });
    // Idle, the thread must not keep the process alive; while a batch is out, it must.
    this.#worker.unref();
  }

  /** Runs one write step on the thread; steps run in the order sent. */
  step(step: WriteStep): Promise<void> {
    return this.#send({ step });
  }

  /** Lets the batches sent so far finish, then stops the thread; later writes are refused. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const cp = this.#checkpointer;
      // Closed first, between two checkpoints: its connection is released before the writer's.
      if (cp && !this.#checkpointerExited) {
        // Held open until it has exited (it is unref'd), or the process could end while waiting.
        cp.ref();
        await new Promise<void>((resolve) => { cp.once('exit', () => resolve()); cp.postMessage({ close: true }); });
      }
      try { await this.#send({ close: true }); } finally {
        this.#failed ??= Object.assign(new Error('the SQLite store is closed; open it again to write'), { code: 'ERR_STORE_CLOSED' });
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }

  #send(body: { step?: WriteStep; close?: true }): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#closing && !body.close) {
      return Promise.reject(Object.assign(new Error('the SQLite store is closing; open it again to write'), { code: 'ERR_STORE_CLOSED' }));
    }
    const seq = ++this.#seq;
    return new Promise<void>((resolve, reject) => {
      this.#waiting.set(seq, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage({ seq, ...body });
    });
  }

  #fail(err: Error): void {
    this.#failed = err;
    for (const w of this.#waiting.values()) w.reject(err);
    this.#waiting.clear();
  }
}
