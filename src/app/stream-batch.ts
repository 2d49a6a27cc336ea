// One batch of a stream worker: load the keys the pipeline declares for its events from Redis,
// apply them, commit the state to Redis (checked against concurrent writers), then the events and
// their effects to the store, then acknowledge. Also the catch-up that re-applies stored events
// to the shared state when Redis lost some of it.
import { randomUUID } from 'node:crypto';
import type { Alert, BulwarkEvent, Decision } from '../contract/index.js';
import { Pipeline, WATERMARK, storedEvent, warningKey, type CommitBatch, type StoredEvent, type Warning } from '../core/index.js';
import { BatchView, type RedisSharedState } from '../shared/redis/index.js';
import type { PostgresStore, StreamPosition } from '../store/index.js';
import type { Config } from '../config/index.js';
import { pipelineOptions } from './engine.js';

/** An event of a batch with where it came from. */
export interface BatchEvent {
  event: BulwarkEvent;
  /** Its JSON text as published (kept byte for byte by the store). */
  text: string;
  partition: number;
  seq: number;
  /** Where its acknowledgement goes (stream messages only). */
  reply?: string;
  /** A message that is no valid event: applied as nothing, but its partition moves past it. */
  rejected?: boolean;
}

/** What a pending batch holds for the store: enough to commit it after its worker died. */
export interface PendingBatch {
  batch: Omit<CommitBatch, 'snapshot' | 'onSnapshotRead'>;
  stream: StreamPosition;
}

/** Counts a worker reports. */
export interface BatchStats {
  applied: number;
  duplicates: number;
  batches: number;
  /** Batches run again because another worker changed what they read. */
  conflicts: number;
  /** Batches run again because the pipeline read a key it had not declared. */
  reloads: number;
}

/** Why a batch could not be committed to Redis, for the worker to act on. */
export class BatchAbandoned extends Error {
  constructor(readonly why: 'lost' | 'moved', readonly partition?: number) {
    super(why === 'lost' ? 'the shared state was lost or is being rebuilt' : `partition ${partition} moved on under another worker`);
  }
}

interface RunResult {
  batch: PendingBatch['batch'];
  partitionOf: number[];
  seqs: number[];
}

const WATERMARK_KEY = `${WATERMARK.ns}:${WATERMARK.id}`;
/**
 * Keys a batch read without declaring them are loaded ahead for this many batches after: the
 * detectors' sweeps (expiring watches, scanning an item's or a category's recent orders) read
 * mostly the same keys batch after batch, and a key loaded but not read costs one MGET slot,
 * while one read undeclared costs a round trip and a second run of the whole batch.
 */
const HINT_BATCHES = 50;
/** At most this many hinted keys, the most recently missed kept. */
const MAX_HINTS = 50_000;
/** Runs of one batch before it is given up (another worker kept changing what it reads). */
const MAX_RUNS = 50;

/** Applies batches of stream events through one pipeline over the shared state. */
export class BatchApplier {
  readonly stats: BatchStats = { applied: 0, duplicates: 0, batches: 0, conflicts: 0, reloads: 0 };
  readonly #view = new BatchView();
  readonly #pipeline: Pipeline;
  #alerts = new Map<string, Alert>();
  /** Keys read undeclared, with the number of the batch that last missed them. */
  readonly #hints = new Map<string, number>();
  #batchNo = 0;

  constructor(config: Readonly<Config>, readonly shared: RedisSharedState) {
    this.#pipeline = new Pipeline({
      ...pipelineOptions(config), state: this.#view, applied: this.#view,
      alerts: { alertChanged: (a) => { this.#alerts.set(a.id, a); } },
    });
  }

  /**
   * Applies `events` to the shared state and commits them there under `epoch`, moving each
   * partition's marker from `markers` (updated in place). With `storedIds` the events the store
   * already holds are duplicates; catch-up passes none, since it re-applies stored events.
   * Answers the batch for the store and the stamp of the Redis commit.
   */
  async apply(events: readonly BatchEvent[], epoch: string, markers: Map<number, number>,
    opts: { checkStore?: PostgresStore; keep?: boolean } = {}): Promise<{ pending: PendingBatch; stamp: number; payloadId: string | undefined }> {
    const view = this.#view;
    view.clear();
    const keys = new Set<string>();
    for (const e of events) if (!e.rejected) for (const k of this.#pipeline.stateKeys(e.event)) keys.add(k);
    const batchNo = ++this.#batchNo;
    for (const [k, at] of this.#hints) {
      if (batchNo - at > HINT_BATCHES) this.#hints.delete(k);
      else keys.add(k);
    }
    const ids = events.filter((e) => !e.rejected).map((e) => e.event.id);
    const [, stored] = await Promise.all([this.shared.load(view, [...keys], ids), opts.checkStore?.storedAmong(ids)]);
    for (const id of stored ?? []) view.knownApplied(id);
    for (let run = 1; ; run++) {
      let out: RunResult | undefined;
      try {
        out = this.#run(events);
      } catch (err) {
        // Code that reads a key it did not declare may trip over its absence: load it and run again.
        if (view.missing.size === 0) throw err;
      }
      if (view.missing.size || !out) {
        this.stats.reloads++;
        const more = [...view.missing];
        for (const k of more) {
          this.#hints.delete(k);
          this.#hints.set(k, batchNo);
          if (this.#hints.size > MAX_HINTS) this.#hints.delete(this.#hints.keys().next().value!);
        }
        view.reset();
        await this.shared.load(view, more, []);
        continue;
      }
      const { reads, writes } = view.changes();
      const partitions = partitionMoves(events, markers);
      const pending: PendingBatch = { batch: out.batch, stream: { partitionOf: out.partitionOf, seqs: out.seqs, partitions } };
      const payloadId = opts.keep ? randomUUID() : undefined;
      const watermark = writes.find(([k]) => k === WATERMARK_KEY);
      const outcome = await this.shared.commit({
        epoch,
        reads: reads.filter(([k]) => k !== WATERMARK_KEY),
        writes: writes.filter(([k]) => k !== WATERMARK_KEY),
        maxima: watermark?.[1] ? [[WATERMARK_KEY, watermark[1]]] : [],
        partitions,
        applied: [...view.added],
        ...(payloadId ? { payload: { id: payloadId, json: JSON.stringify(pending) } } : {}),
      });
      if (outcome.ok) {
        for (const p of partitions) markers.set(p.partition, p.upTo);
        this.stats.batches++;
        this.stats.applied += out.batch.events.length;
        this.stats.duplicates += ids.length - out.batch.events.length;
        return { pending, stamp: outcome.stamp, payloadId };
      }
      if (outcome.why === 'lost') throw new BatchAbandoned('lost');
      if (outcome.why === 'moved') throw new BatchAbandoned('moved', outcome.partition);
      // Another worker changed something this batch read: read it all again and run again.
      this.stats.conflicts++;
      if (run >= MAX_RUNS) throw new Error(`a batch met ${MAX_RUNS} conflicts in a row (last on ${outcome.key}); the workers contend on one key`);
      view.clear();
      await this.shared.load(view, [...keys], ids);
      for (const id of stored ?? []) view.knownApplied(id);
    }
  }

  /** Runs the events through the pipeline once, from the loaded state. */
  #run(events: readonly BatchEvent[]): RunResult {
    this.#alerts = new Map();
    const stored: StoredEvent[] = [];
    const partitionOf: number[] = [];
    const seqs: number[] = [];
    const decisions: Decision[] = [];
    const warnings = new Map<string, Warning>();
    for (const e of events) {
      if (e.rejected) continue;
      const out = this.#pipeline.process(e.event);
      if (out.status === 'duplicate') continue;
      stored.push(storedEvent(e.event, out.late, e.text));
      partitionOf.push(e.partition);
      seqs.push(e.seq);
      if (out.decision) decisions.push(out.decision);
      for (const w of out.warnings) warnings.set(warningKey(w), w);
    }
    // Serialised now: the next run reuses nothing, but the objects must not change under the store's writes.
    const batch = JSON.parse(JSON.stringify({ events: stored, decisions, alerts: [...this.#alerts.values()], warnings: [...warnings.values()] })) as PendingBatch['batch'];
    return { batch, partitionOf, seqs };
  }
}

/** Each partition of a batch with its marker before and its last sequence in the batch. */
function partitionMoves(events: readonly BatchEvent[], markers: ReadonlyMap<number, number>): Array<{ partition: number; after: number; upTo: number }> {
  const last = new Map<number, number>();
  for (const e of events) last.set(e.partition, Math.max(last.get(e.partition) ?? 0, e.seq));
  return [...last].sort((a, b) => a[0] - b[0]).map(([partition, upTo]) => ({ partition, after: markers.get(partition) ?? 0, upTo }));
}
