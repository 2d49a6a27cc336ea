// Reads one partition through its durable pull consumer. Pulls ask with no_wait, so an empty
// partition answers at once: a worker merging several partitions in stream order must know that
// a partition has nothing before it takes the next message of another.
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { createInbox } from '@nats-io/transport-node';
import type { EventStream } from './event-stream.js';
import { StreamError, unavailable } from './event-stream.js';

/** One message of a partition. */
export interface StreamMessage {
  partition: number;
  /** Its sequence in the stream (across partitions). */
  seq: number;
  data: Uint8Array;
  /** Where its acknowledgement goes. */
  reply: string;
}

/** How long a pull may take before the connection is judged lost (a restarting server). */
const PULL_TIMEOUT_MS = 5_000;

export class PartitionReader {
  readonly consumer: string;

  constructor(readonly stream: EventStream, readonly partition: number) {
    this.consumer = `${stream.target.stream}_p${partition}`;
  }

  /**
   * Points the partition's durable consumer at `startSeq`: the first message after the store's
   * checkpoint. A new owner starts there at once rather than waiting for the messages its
   * predecessor had been given to time out.
   */
  async startAt(startSeq: number): Promise<void> {
    const { jsm, target } = this.stream;
    await jsm.consumers.delete(target.stream, this.consumer).catch(() => { /* none yet */ });
    await jsm.consumers.add(target.stream, {
      durable_name: this.consumer,
      filter_subject: this.stream.subjectOf(this.partition),
      // Acknowledging a message acknowledges every one before it: one ack per committed batch.
      ack_policy: AckPolicy.All,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: Math.max(1, startSeq),
      max_ack_pending: 100_000,
      ack_wait: 120 * 1_000_000_000,
    }).catch((err: unknown) => { throw unavailable(`setting up consumer ${this.consumer}`, err); });
  }

  /** Up to `max` messages, fewer (or none) when the partition has no more now; never waits for more. */
  async pull(max: number): Promise<StreamMessage[]> {
    const { nc, target } = this.stream;
    const inbox = createInbox();
    const sub = nc.subscribe(inbox, { max: max + 1 });
    const out: StreamMessage[] = [];
    const timer = setTimeout(() => sub.unsubscribe(), PULL_TIMEOUT_MS);
    let status: number | undefined;
    try {
      nc.publish(`$JS.API.CONSUMER.MSG.NEXT.${target.stream}.${this.consumer}`, JSON.stringify({ batch: max, no_wait: true }), { reply: inbox });
      for await (const m of sub) {
        if (m.headers && m.data.length === 0 && m.headers.code) { status = m.headers.code; break; }
        // $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<time>.<pending>
        const seq = Number(m.reply?.split('.')[5]);
        out.push({ partition: this.partition, seq, data: m.data, reply: m.reply! });
        if (out.length >= max) break;
      }
    } finally {
      clearTimeout(timer);
      sub.unsubscribe();
    }
    if (status === undefined && out.length < max) {
      throw new StreamError('ERR_STREAM_PULL', `no answer from NATS for partition ${this.partition} of ${target.stream} within ` +
        `${PULL_TIMEOUT_MS} ms; the server may be restarting (the worker retries)`, true);
    }
    if (status !== undefined && status !== 404 && status !== 408) {
      throw new StreamError('ERR_STREAM_PULL', `NATS answered ${status} to a pull on ${this.consumer}; the consumer may be gone (the worker recreates it)`, true);
    }
    return out;
  }

  /** Acknowledges `m` and every message of this partition before it. */
  ack(m: StreamMessage): void {
    this.stream.nc.publish(m.reply, '+ACK');
  }
}
