// Runs async tasks one at a time, in arrival order. Ingest decides each request in its turn
// (serve --stream: the whole request, its publish included, since its engine loads state per
// request), and changes that take effect at a position of the stream run between requests.

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
