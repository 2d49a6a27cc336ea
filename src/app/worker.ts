// `worker`: applies the event stream with any number of others. Each worker leases a share of the
// partitions (in Redis), reads them through their durable consumers in stream order, applies
// batches to the shared state (Redis) and commits them to the store (PostgreSQL) before it
// acknowledges them. A worker that dies stops renewing its leases; the others take its partitions
// and start each at the store's checkpoint, after committing the batch it left half done.
import { randomUUID } from 'node:crypto';
import { eventAt, parseText } from '../contract/index.js';
import { Coordination, RedisSharedState } from '../shared/redis/index.js';
import { EventStream, parseStreamUrl, type PartitionReader, type StreamMessage } from '../stream/nats/index.js';
import { CheckpointMoved, PostgresStore, isPostgresUrl } from '../store/index.js';
import type { Config } from '../config/index.js';
import { BatchAbandoned, BatchApplier, type BatchEvent, type BatchStats, type PendingBatch } from './stream-batch.js';

export interface WorkerOptions {
  /** nats://... (see docs/scaling.md for its parameters). */
  stream: string;
  /** redis://...[?prefix=NAME] */
  state: string;
  /** postgres://...[?schema=NAME] */
  db: string;
  config: Readonly<Config>;
  /** Stop once every partition is applied up to its last message. */
  exitWhenIdle?: boolean;
  /** Events per batch. */
  batchSize?: number;
  /** How far (event time, ms) this worker may run ahead of the slowest other worker. */
  maxSkewMs?: number;
  /** Human progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** Resolves when the worker should stop (a signal); it finishes its batch first. */
  stop?: Promise<unknown>;
}

export interface WorkerSummary extends BatchStats {
  worker: string;
  rejected: number;
}

/** Worker defaults; docs/scaling.md gives the reasons. */
export const WORKER_DEFAULTS = { batchSize: 500, maxSkewMs: 60_000, leaseMs: 5_000, renewMs: 1_000 } as const;

/** Messages asked for per pull of one partition. */
const PULL = 500;

/** The worker's error: bad options (the message says what to change). */
export class WorkerOptionsError extends Error {
  readonly code = 'ERR_WORKER_OPTIONS';
}

interface Owned {
  reader: PartitionReader;
  buffer: StreamMessage[];
  /** Every message of the partition up to this sequence is in the buffer or applied. */
  knownThrough: number;
}

/** Runs a worker until `stop` resolves (or, with exitWhenIdle, the stream is drained). */
export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  if (!isPostgresUrl(opts.db)) {
    throw new WorkerOptionsError(`--db ${JSON.stringify(opts.db)}: workers share one store, so it must be PostgreSQL (postgres://...), not a SQLite file`);
  }
  const w = new StreamWorker(opts);
  try {
    await w.run();
  } finally {
    await w.close();
  }
  return w.summary();
}

class StreamWorker {
  readonly id = `w-${randomUUID().slice(0, 8)}`;
  readonly #opts: WorkerOptions;
  readonly #store: PostgresStore;
  readonly #shared: RedisSharedState;
  readonly #coord: Coordination;
  readonly #applier: BatchApplier;
  #stream: EventStream | undefined;
  readonly #owned = new Map<number, Owned>();
  /**
   * Partitions this worker holds the lease of but could not start reading again (the store or
   * NATS was away): nothing is applied until every one is read again, since any may hold events
   * older than the others'.
   */
  readonly #retake = new Set<number>();
  /** Each partition's marker as this worker last saw or moved it. */
  readonly #markers = new Map<number, number>();
  #epoch: string | undefined;
  #stopping = false;
  #rejected = 0;
  #lastBalance = 0;
  #heads = new Map<string, number>();
  /** The last batch stopped at an event too far ahead of the slowest other worker. */
  #blocked = false;
  /** Partitions nobody alive holds, as of the last balance. */
  #orphans = 0;
  readonly #log: (line: string) => void;

  constructor(opts: WorkerOptions) {
    this.#opts = opts;
    this.#log = opts.log ?? (() => {});
    this.#store = new PostgresStore(opts.db);
    this.#shared = new RedisSharedState(opts.state);
    this.#coord = new Coordination(this.#shared);
    this.#applier = new BatchApplier(opts.config, this.#shared);
    void opts.stop?.then(() => { this.#stopping = true; });
  }

  summary(): WorkerSummary {
    return { worker: this.id, rejected: this.#rejected, ...this.#applier.stats };
  }

  async run(): Promise<void> {
    this.#stream = await EventStream.open(parseStreamUrl(this.#opts.stream), { name: `bulwark-${this.id}` });
    await this.#store.ready();
    this.#log(`worker ${this.id}: ${this.#stream.partitions} partitions on ${this.#stream.target.stream}, store ${this.#store.display}`);
    let idleMs = 0;
    while (!this.#stopping) {
      try {
        await this.#ensureEpoch();
        if (Date.now() - this.#lastBalance >= WORKER_DEFAULTS.renewMs) await this.#balance();
        await this.#retakeAll();
        const batch = await this.#nextBatch();
        if (batch.length === 0 && this.#blocked) {
          // Waiting for a slower worker to catch up in event time, or for a dead worker's
          // partitions to be taken: not idle, look again soon.
          await sleep(this.#orphans > 0 || this.#retake.size > 0 ? 100 : 2);
          continue;
        }
        if (batch.length === 0) {
          if (this.#opts.exitWhenIdle && this.#owned.size > 0 && await this.#drained()) break;
          idleMs = Math.min(200, idleMs + 10);
          await sleep(idleMs);
          continue;
        }
        idleMs = 0;
        await this.#applyBatch(batch);
      } catch (err) {
        if (err instanceof BatchAbandoned) {
          this.#log(`worker ${this.id}: ${err.message}; starting its partitions again from the store`);
          if (err.why === 'lost') this.#epoch = undefined;
          else if (err.partition !== undefined) this.#owned.delete(err.partition);
          await this.#restartOwned().catch(() => { /* retried on the next turn */ });
          continue;
        }
        if (!(err as { retryable?: boolean }).retryable) throw err;
        this.#log(`worker ${this.id}: ${(err as Error).message}`);
        await sleep(500);
        // Whatever was buffered may be out of step with what was committed: start again from the store.
        await this.#restartOwned().catch(() => { /* retried on the next turn */ });
      }
    }
  }

  /** Waits until the shared state is whole; rebuilds it from the store when nobody else does. */
  async #ensureEpoch(): Promise<void> {
    for (;;) {
      const epoch = await this.#shared.epoch();
      if (epoch !== null && !epoch.startsWith('r:')) {
        if (epoch !== this.#epoch) {
          this.#epoch = epoch;
          await this.#restartOwned();
        }
        return;
      }
      if (epoch === null && await this.#shared.beginRebuild(this.id, WORKER_DEFAULTS.leaseMs * 2)) {
        await this.#rebuild();
        continue;
      }
      await sleep(200);
    }
  }

  /** Re-applies every stored stream event to an emptied shared state, in the order committed. */
  async #rebuild(): Promise<void> {
    this.#log(`worker ${this.id}: the shared state is missing; rebuilding it from the store`);
    const started = Date.now();
    const renew = setInterval(() => { void this.#shared.renewRebuild(this.id, WORKER_DEFAULTS.leaseMs * 2).catch(() => {}); }, WORKER_DEFAULTS.renewMs);
    try {
      await this.#shared.wipeState();
      await this.#shared.stampAtLeast(await this.#store.maxVersion());
      const cps = await this.#store.checkpoints();
      this.#markers.clear();
      await this.#catchUp(new Map([...cps.keys()].map((p) => [p, 0])), `r:${this.id}`);
      await this.#shared.endRebuild(this.id);
      this.#log(`worker ${this.id}: rebuilt the shared state from the store in ${Date.now() - started} ms`);
    } finally {
      clearInterval(renew);
    }
  }

  /** Applies stored events of partitions past the given sequences to the shared state only. */
  async #catchUp(after: Map<number, number>, epoch: string): Promise<void> {
    const batchSize = this.#opts.batchSize ?? WORKER_DEFAULTS.batchSize;
    let batch: BatchEvent[] = [];
    const flush = async () => {
      if (batch.length) await this.#applier.apply(batch, epoch, this.#markers);
      batch = [];
    };
    const queue: BatchEvent[][] = [];
    await this.#store.partitionEvents(after, (e) => {
      batch.push({ event: e.event, text: JSON.stringify(e.event), partition: e.partition, seq: e.seq });
      if (batch.length >= batchSize) { queue.push(batch); batch = []; }
    });
    if (batch.length) queue.push(batch);
    for (const b of queue) { batch = b; await flush(); }
  }

  /** Claims, renews and releases partition leases so that each live worker holds about its share. */
  async #balance(): Promise<void> {
    this.#lastBalance = Date.now();
    const stream = this.#stream!;
    const n = stream.partitions;
    for (const p of [...this.#owned.keys(), ...this.#retake]) {
      if (!await this.#coord.renew(p, this.id, WORKER_DEFAULTS.leaseMs)) {
        this.#log(`worker ${this.id}: lost the lease of partition ${p}`);
        this.#owned.delete(p);
        this.#retake.delete(p);
      }
    }
    const live = Math.max(1, this.#heads.size || 1);
    const share = Math.ceil(n / live);
    const mine = [...this.#owned.keys()].sort((a, b) => b - a);
    while (mine.length > share) {
      const p = mine.shift()!;
      this.#owned.delete(p);
      await this.#coord.release(p, this.id);
    }
    const owners = await this.#coord.owners(n);
    // A partition held by nobody alive (its worker died and its lease has not run out yet) may
    // hold events older than ours: nothing is applied until someone takes it, so that events are
    // never applied past another partition's unapplied ones.
    this.#orphans = owners.filter((o, p) => o === undefined || (o !== this.id && !this.#heads.has(o)) ||
      (o === this.id && !this.#owned.has(p) && !this.#retake.has(p))).length;
    if (this.#owned.size >= share) return;
    for (let p = 0; p < n && this.#owned.size < share; p++) {
      if (owners[p] !== undefined) continue;
      if (!await this.#coord.claim(p, this.id, WORKER_DEFAULTS.leaseMs)) continue;
      await this.#take(p);
      this.#orphans--;
    }
  }

  /** Starts reading partition `p` after what the store holds, finishing what a dead owner left. */
  async #take(p: number): Promise<void> {
    const stream = this.#stream!;
    const [cps, markers] = await Promise.all([this.#store.checkpoints(), this.#shared.markers()]);
    let cp = cps.get(p) ?? 0;
    const m = markers.get(p) ?? 0;
    if (m > cp) {
      // The previous owner committed a batch to Redis and died before the store had it.
      const pending = await this.#shared.pendingPayload(p);
      if (!pending) throw new Error(`partition ${p}: Redis holds its effects up to ${m} but the store only up to ${cp}, ` +
        'and the batch between is gone; delete the epoch key under the state prefix to rebuild the state from the store');
      const batch = JSON.parse(pending.json) as PendingBatch;
      await this.#commitToStore(batch, pending.stamp).catch((err: unknown) => { if (!(err instanceof CheckpointMoved)) throw err; });
      cp = m;
    }
    this.#markers.set(p, m);
    if (m < cp) await this.#catchUp(new Map([[p, m]]), this.#epoch!);
    const reader = stream.reader(p);
    await reader.startAt(cp + 1);
    this.#owned.set(p, { reader, buffer: [], knownThrough: cp });
  }

  async #restartOwned(): Promise<void> {
    for (const p of this.#owned.keys()) this.#retake.add(p);
    this.#owned.clear();
    await this.#retakeAll();
  }

  /** Starts reading again every partition held but not read; throws (retryable) while a part is away. */
  async #retakeAll(): Promise<void> {
    for (const p of [...this.#retake]) {
      await this.#take(p);
      this.#retake.delete(p);
    }
  }

  /**
   * The next batch, in stream order across this worker's partitions: a message is taken only when
   * every partition that has nothing buffered is known to have nothing before it, and only when
   * its event time is within maxSkewMs of the slowest other worker's next event.
   */
  async #nextBatch(): Promise<BatchEvent[]> {
    const stream = this.#stream!;
    if (this.#orphans > 0 || this.#retake.size > 0) {
      this.#blocked = true;
      this.#heads = await this.#coord.heartbeat(this.id, Number.NEGATIVE_INFINITY, Date.now(), WORKER_DEFAULTS.leaseMs);
      return [];
    }
    const lastSeq = await stream.lastSeq();
    await Promise.all([...this.#owned.values()].filter((o) => o.buffer.length === 0).map(async (o) => {
      const got = await o.reader.pull(PULL);
      o.buffer.push(...got);
      o.knownThrough = got.length < PULL ? Math.max(lastSeq, o.knownThrough) : got[got.length - 1]!.seq;
    }));
    const skew = this.#opts.maxSkewMs ?? WORKER_DEFAULTS.maxSkewMs;
    const out: BatchEvent[] = [];
    const max = this.#opts.batchSize ?? WORKER_DEFAULTS.batchSize;
    let head = Number.POSITIVE_INFINITY;
    let others = Number.POSITIVE_INFINITY;
    this.#blocked = false;
    for (const [w, h] of this.#heads) if (w !== this.id) others = Math.min(others, h);
    while (out.length < max) {
      let next: Owned | undefined;
      for (const o of this.#owned.values()) if (o.buffer.length && (!next || o.buffer[0]!.seq < next.buffer[0]!.seq)) next = o;
      if (!next) break;
      const m = next.buffer[0]!;
      let blocked = false;
      for (const o of this.#owned.values()) if (o.buffer.length === 0 && o.knownThrough < m.seq) blocked = true;
      if (blocked) break;
      const text = Buffer.from(m.data).toString('utf8');
      const parsed = parseText(text);
      next.buffer.shift();
      if (!parsed.ok) {
        // Published around the validation of `publish` and the API: counted, logged, and skipped,
        // but its partition still moves past it.
        this.#rejected++;
        this.#log(`worker ${this.id}: partition ${m.partition} seq ${m.seq}: ${parsed.rejection.code}: ${parsed.rejection.message}`);
        out.push({ event: undefined as never, text, partition: m.partition, seq: m.seq, reply: m.reply, rejected: true });
        continue;
      }
      const at = eventAt(parsed.event);
      if (at > others + skew) { next.buffer.unshift(m); head = at; this.#blocked = true; break; }
      out.push({ event: parsed.event, text, partition: m.partition, seq: m.seq, reply: m.reply });
    }
    if (out.length === 0 && head === Number.POSITIVE_INFINITY) {
      for (const o of this.#owned.values()) if (o.buffer.length) { head = eventAt(JSON.parse(Buffer.from(o.buffer[0]!.data).toString('utf8'))); break; }
    }
    const first = out.find((e) => !e.rejected);
    if (first) head = eventAt(first.event);
    this.#heads = await this.#coord.heartbeat(this.id, head, Date.now(), WORKER_DEFAULTS.leaseMs);
    return out;
  }

  async #applyBatch(batch: BatchEvent[]): Promise<void> {
    const { pending, stamp, payloadId } = await this.#applier.apply(batch, this.#epoch!, this.#markers, { checkStore: this.#store, keep: true });
    await this.#commitToStore(pending, stamp);
    if (payloadId) await this.#shared.dropPayload(payloadId).catch(() => { /* it expires */ });
    // Acknowledged only now that the store has the batch: one ack per partition acks all before it.
    const last = new Map<number, BatchEvent>();
    for (const e of batch) last.set(e.partition, e);
    for (const [p, e] of last) {
      const o = this.#owned.get(p);
      if (o && e.reply) o.reader.ack({ partition: p, seq: e.seq, data: new Uint8Array(), reply: e.reply });
    }
  }

  /** Commits a batch to the store, waiting out an unreachable store (the batch is safe in Redis meanwhile). */
  async #commitToStore(pending: PendingBatch, version: number): Promise<void> {
    for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
      try {
        await this.#store.commitWith({ ...pending.batch }, { stream: pending.stream, version });
        return;
      } catch (err) {
        if (!(err as { retryable?: boolean }).retryable) throw err;
        this.#log(`worker ${this.id}: ${(err as Error).message}; retrying in ${wait} ms`);
        await sleep(wait);
      }
    }
  }

  /** True when every partition's checkpoint has reached its last message. */
  async #drained(): Promise<boolean> {
    const stream = this.#stream!;
    const cps = await this.#store.checkpoints();
    for (let p = 0; p < stream.partitions; p++) {
      if ((await stream.lastSeqOf(p)) > (cps.get(p) ?? 0)) return false;
    }
    return true;
  }

  async close(): Promise<void> {
    for (const p of [...this.#owned.keys(), ...this.#retake]) await this.#coord.release(p, this.id).catch(() => {});
    await this.#coord.leave(this.id).catch(() => {});
    await this.#stream?.close().catch(() => {});
    await this.#shared.close();
    await this.#store.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
