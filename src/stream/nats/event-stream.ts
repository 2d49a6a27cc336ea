// The event stream on NATS JetStream: one stream, one subject per partition, de-duplicated by
// event id (Nats-Msg-Id) within the stream's window. Publishing keeps many messages in flight on
// one connection, so the server stores them in the order they were sent.
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { BulwarkEvent } from '../../contract/index.js';
import { PartitionRouter } from './partition.js';
import { PartitionReader } from './partition-reader.js';
import type { StreamTarget } from './target.js';

/** A failure of the stream; `retryable` says whether trying again can help. */
export class StreamError extends Error {
  constructor(readonly code: string, message: string, readonly retryable: boolean) { super(message); }
}

const PARTITIONS_NOTE = /bulwark partitions=(\d+)/;

/** A connection to the event stream: publishes events and opens partition readers. */
export class EventStream {
  readonly router: PartitionRouter;
  readonly #inflight = new Set<Promise<unknown>>();
  #failed: unknown;

  private constructor(readonly target: StreamTarget, readonly nc: NatsConnection, readonly js: JetStreamClient,
    readonly jsm: JetStreamManager, readonly partitions: number) {
    this.router = new PartitionRouter(partitions);
  }

  /** Connects and creates the stream if it does not exist (an existing one keeps its partitions). */
  static async open(target: StreamTarget, opts: { name?: string } = {}): Promise<EventStream> {
    let nc: NatsConnection;
    try {
      // Reconnect for ever: a restarted server is waited for, not a reason to stop a worker.
      nc = await connect({ servers: target.servers, maxReconnectAttempts: -1, reconnectTimeWait: 250, name: opts.name ?? 'bulwark' });
    } catch (err) {
      throw new StreamError('ERR_STREAM_CONNECT', `cannot connect to NATS at ${target.servers.join(', ')}: ${(err as Error).message}; ` +
        'check that nats-server runs there with JetStream enabled (-js)', true);
    }
    try {
      const jsm = await jetstreamManager(nc);
      const partitions = await ensureStream(jsm, target);
      return new EventStream(target, nc, jetstream(nc), jsm, partitions);
    } catch (err) {
      await nc.close();
      if (err instanceof StreamError) throw err;
      throw new StreamError('ERR_STREAM_SETUP', `cannot set up stream ${target.stream} on NATS: ${(err as Error).message}; ` +
        'is JetStream enabled on the server (nats-server -js)?', true);
    }
  }

  subjectOf(partition: number): string {
    return `${this.target.subject}.${partition}`;
  }

  /**
   * Sends one event (its JSON text as received) to its partition, with its id as Nats-Msg-Id.
   * Resolves when the server has it; `duplicate` when the window already held that id.
   */
  async publish(event: BulwarkEvent, text: string): Promise<{ seq: number; duplicate: boolean; partition: number }> {
    const partition = this.router.partitionOf(event);
    try {
      const ack = await this.js.publish(this.subjectOf(partition), text, { msgID: event.id, expect: { streamName: this.target.stream } });
      return { seq: ack.seq, duplicate: ack.duplicate, partition };
    } catch (err) {
      throw new StreamError('ERR_STREAM_PUBLISH', `publishing event ${JSON.stringify(event.id)} to ${this.target.stream} failed: ` +
        `${(err as Error).message}; publishing it again is safe (the stream drops a repeated id within its window)`, true);
    }
  }

  /**
   * Sends without waiting, keeping at most `window` unanswered; call `settle()` at the end. A
   * failure is thrown by a later call, so that a caller never believes an event was sent that was not.
   */
  async publishPipelined(event: BulwarkEvent, text: string, window = 512): Promise<void> {
    if (this.#failed) throw this.#failed;
    const p = this.publish(event, text).then(() => { this.#inflight.delete(p); }, (err: unknown) => { this.#inflight.delete(p); this.#failed ??= err; });
    this.#inflight.add(p);
    if (this.#inflight.size >= window) await Promise.race(this.#inflight);
  }

  /** Waits for every pipelined publish; throws the first failure. */
  async settle(): Promise<void> {
    await Promise.all(this.#inflight);
    if (this.#failed) throw this.#failed;
  }

  /** The sequence of the last message of `partition`, 0 when it has none. */
  async lastSeqOf(partition: number): Promise<number> {
    const m = await this.jsm.streams.getMessage(this.target.stream, { last_by_subj: this.subjectOf(partition) }).catch((err: unknown) => {
      if (/no message found|not found/i.test(String((err as Error).message))) return null;
      throw unavailable(`reading the last message of partition ${partition}`, err);
    });
    return m?.seq ?? 0;
  }

  /** The sequence of the stream's last message. */
  async lastSeq(): Promise<number> {
    try {
      return (await this.jsm.streams.info(this.target.stream)).state.last_seq;
    } catch (err) {
      throw unavailable(`reading stream ${this.target.stream}`, err);
    }
  }

  /** Rejects unless the server answers and holds the stream (readiness probes). */
  async ping(timeoutMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer from NATS within ${timeoutMs} ms`)), timeoutMs); });
    try {
      await Promise.race([this.jsm.streams.info(this.target.stream), late]);
    } catch (err) {
      throw new StreamError('ERR_STREAM_UNAVAILABLE', `stream ${this.target.stream} on NATS does not answer: ${(err as Error).message}`, true);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A reader of one partition through its durable consumer. */
  reader(partition: number): PartitionReader {
    return new PartitionReader(this, partition);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#inflight);
    if (!this.nc.isClosed()) await this.nc.close();
  }
}

/**
 * A failed request to NATS as a retryable StreamError: a server that restarts or a connection that
 * is being re-established answers with timeouts and disconnections, which a later try gets past.
 */
export function unavailable(what: string, err: unknown): StreamError {
  if (err instanceof StreamError) return err;
  return new StreamError('ERR_STREAM_UNAVAILABLE', `${what} on NATS failed: ${(err as Error).message}; the worker retries once NATS answers again`, true);
}

async function ensureStream(jsm: JetStreamManager, t: StreamTarget): Promise<number> {
  try {
    const info = await jsm.streams.info(t.stream);
    const n = Number(PARTITIONS_NOTE.exec(info.config.description ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(n)) {
      throw new StreamError('ERR_STREAM_FOREIGN', `stream ${t.stream} exists but was not made by Bulwark (no partition count in its ` +
        'description); pass another ?stream= name in --stream', false);
    }
    return n;
  } catch (err) {
    if (err instanceof StreamError) throw err;
    if (!/stream not found/i.test(String((err as Error).message))) throw err;
  }
  await jsm.streams.add({
    name: t.stream,
    description: `bulwark partitions=${t.partitions}`,
    subjects: [`${t.subject}.*`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: t.maxAgeMs * 1_000_000,
    duplicate_window: t.duplicateWindowMs * 1_000_000,
  }).catch(async (err: unknown) => {
    // Another process created it at the same time: use theirs.
    if (!/already in use|name already/i.test(String((err as Error).message))) throw err;
  });
  const info = await jsm.streams.info(t.stream);
  return Number(PARTITIONS_NOTE.exec(info.config.description ?? '')?.[1] ?? t.partitions);
}
