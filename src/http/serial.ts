// Runs async tasks one at a time, in arrival order. The engine is one synchronous pipeline with
// one pending batch: two requests interleaving between `process` and `flush` would commit each
// other's events and mix up their failures, so every ingest request runs alone.

/** A FIFO mutex: `run` waits for every task queued before it. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Queues `task`; its result (or error) is passed back, and never blocks the tasks after it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(() => task());
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
