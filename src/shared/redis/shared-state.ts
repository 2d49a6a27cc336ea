// State shared by the stream's workers, in Redis: entity and detector state as `<stamp> <json>`
// under `<prefix>s:<key>`, the ids of recently applied events, each partition's marker (the last
// stream sequence whose effects the state holds), the batch a worker committed here but maybe not
// yet to the store, partition leases and the workers' event-time heads. One Redis (or one hash
// slot): the commit script touches keys it cannot declare ahead.
import { Redis } from 'ioredis';
import type { BatchView, Write } from './batch-view.js';
import { COMMIT_SCRIPT } from './commit-script.js';

/** A failure of the shared state; `retryable` says whether trying again can help. */
export class SharedStateError extends Error {
  constructor(readonly code: string, message: string, readonly retryable: boolean) { super(message); }
}

/** How a commit ended. */
export type CommitOutcome =
  | { ok: true; stamp: number }
  | { ok: false; why: 'lost' }
  | { ok: false; why: 'conflict'; key: string }
  | { ok: false; why: 'moved'; partition: number; marker: number };

export interface SharedCommit {
  epoch: string;
  reads: ReadonlyArray<readonly [string, string]>;
  writes: readonly Write[];
  /** Keys merged by maximum (numbers as JSON text). */
  maxima: ReadonlyArray<readonly [string, string]>;
  /** Each partition of the batch: its marker before and after. */
  partitions: ReadonlyArray<{ partition: number; after: number; upTo: number }>;
  applied: readonly string[];
  /** What the store must receive if this worker dies before committing it there. */
  payload?: { id: string; json: string };
}

/** Keys per MGET: large enough for few round trips, small enough not to stall Redis. */
const MGET_CHUNK = 5_000;
/** How long an applied id is remembered here (the store remembers it for ever). */
const APPLIED_TTL_SEC = 3_600;
/** How long a batch waiting for the store is kept: far beyond any outage a worker waits out. */
const PAYLOAD_TTL_SEC = 7 * 86_400;

/** Parses `redis://HOST:PORT[/DB][?prefix=NAME]`. */
export function parseRedisUrl(value: string): { url: string; prefix: string } {
  let url: URL;
  try { url = new URL(value); } catch {
    throw new SharedStateError('ERR_STATE_URL', `--state ${JSON.stringify(value)} is not a URL; write redis://HOST:PORT, e.g. redis://127.0.0.1:6379`, false);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new SharedStateError('ERR_STATE_URL', `--state ${JSON.stringify(value)} must start with redis:// (Redis holds the shared state)`, false);
  }
  const prefix = url.searchParams.get('prefix') ?? 'bulwark';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    throw new SharedStateError('ERR_STATE_URL', `prefix=${JSON.stringify(prefix)} in --state: use letters, digits, _, . and - (at most 64)`, false);
  }
  url.searchParams.delete('prefix');
  return { url: url.href, prefix: `${prefix}:` };
}

/** How long a readiness probe waits for Redis. */
const PING_TIMEOUT_MS = 2_000;

/** The state is missing (no worker ran yet, or Redis lost it) or being rebuilt: nothing can be decided on it. */
export function notWhole(epoch: string | null): SharedStateError {
  return new SharedStateError('ERR_STATE_NOT_READY', epoch === null
    ? 'the shared state in Redis is missing (no worker has set it up yet, or Redis lost it); start a worker, which builds it from the store'
    : 'a worker is rebuilding the shared state in Redis from the store; decisions resume when it is done', true);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

type CommitCommand = (...args: Array<string | number>) => Promise<unknown[]>;

/** The shared state over one Redis connection. */
export class RedisSharedState {
  readonly redis: Redis;
  readonly prefix: string;

  constructor(stateUrl: string) {
    const { url, prefix } = parseRedisUrl(stateUrl);
    this.prefix = prefix;
    // Commands fail after a short wait rather than queueing for ever while Redis is away: the
    // worker backs off and starts again from what the store holds.
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 3_000, retryStrategy: (n) => Math.min(50 * n, 1_000) });
    this.redis.on('error', () => { /* reported by the commands that fail */ });
    this.redis.defineCommand('bulwarkCommit', { numberOfKeys: 0, lua: COMMIT_SCRIPT });
  }

  /** Loads `keys` and whether each of `eventIds` was applied into `view`; answers the epoch. */
  async load(view: BatchView, keys: readonly string[], eventIds: readonly string[]): Promise<string | null> {
    const p = this.redis.pipeline();
    p.get(`${this.prefix}epoch`);
    for (let i = 0; i < keys.length; i += MGET_CHUNK) p.mget(keys.slice(i, i + MGET_CHUNK).map((k) => `${this.prefix}s:${k}`));
    for (let i = 0; i < eventIds.length; i += MGET_CHUNK) p.mget(eventIds.slice(i, i + MGET_CHUNK).map((id) => `${this.prefix}a:${id}`));
    const res = await this.#run(p, 'loading state');
    let r = 1;
    for (let i = 0; i < keys.length; i += MGET_CHUNK) {
      const values = res[r++] as Array<string | null>;
      values.forEach((v, j) => view.loaded(keys[i + j]!, v));
    }
    for (let i = 0; i < eventIds.length; i += MGET_CHUNK) {
      const values = res[r++] as Array<string | null>;
      values.forEach((v, j) => { if (v !== null) view.knownApplied(eventIds[i + j]!); });
    }
    return res[0] as string | null;
  }

  /** Commits a batch's changes atomically, or answers why not. */
  async commit(c: SharedCommit): Promise<CommitOutcome> {
    const args: Array<string | number> = [this.prefix, c.epoch, c.reads.length];
    for (const [k, s] of c.reads) args.push(k, s);
    args.push(c.writes.length);
    for (const [k, v] of c.writes) args.push(k, v ?? '');
    args.push(c.maxima.length);
    for (const [k, v] of c.maxima) args.push(k, v);
    args.push(c.partitions.length);
    for (const p of c.partitions) args.push(p.partition, String(p.after), String(p.upTo));
    args.push(c.applied.length, ...c.applied, APPLIED_TTL_SEC, c.payload?.id ?? '', c.payload?.json ?? '', PAYLOAD_TTL_SEC);
    let res: unknown[];
    try {
      res = await (this.redis as unknown as { bulwarkCommit: CommitCommand }).bulwarkCommit(...args);
    } catch (err) {
      throw this.#error('committing a batch', err);
    }
    switch (res[0]) {
      case 'ok': return { ok: true, stamp: Number(res[1]) };
      case 'lost': return { ok: false, why: 'lost' };
      case 'conflict': return { ok: false, why: 'conflict', key: String(res[1]) };
      default: return { ok: false, why: 'moved', partition: Number(res[1]), marker: Number(res[2]) };
    }
  }

  /** Each partition's marker: the last stream sequence the state holds the effects of. */
  async markers(): Promise<Map<number, number>> {
    const h = await this.#call('reading partition markers', () => this.redis.hgetall(`${this.prefix}markers`));
    return new Map(Object.entries(h).map(([p, s]) => [Number(p), Number(s)]));
  }

  /** The batch committed here for `partition` that may not have reached the store, with its stamp, if still kept. */
  async pendingPayload(partition: number): Promise<{ stamp: number; json: string } | null> {
    const id = await this.#call('reading a pending batch', () => this.redis.hget(`${this.prefix}pending`, String(partition)));
    const raw = id ? await this.#call('reading a pending batch', () => this.redis.get(`${this.prefix}batch:${id}`)) : null;
    if (!raw) return null;
    const space = raw.indexOf(' ');
    return { stamp: Number(raw.slice(0, space)), json: raw.slice(space + 1) };
  }

  /** Drops a batch once the store has it. */
  async dropPayload(id: string): Promise<void> {
    await this.#call('dropping a committed batch', () => this.redis.del(`${this.prefix}batch:${id}`));
  }

  /** Rejects unless Redis answers and holds a whole state (a worker set it up and no rebuild is under way). */
  async ping(): Promise<void> {
    const epoch = await this.#call('reading the epoch', () => withTimeout(this.redis.get(`${this.prefix}epoch`), PING_TIMEOUT_MS));
    if (epoch === null || epoch.startsWith('r:')) throw notWhole(epoch);
  }

  async epoch(): Promise<string | null> {
    return this.#call('reading the epoch', () => this.redis.get(`${this.prefix}epoch`));
  }

  /**
   * Takes the right to rebuild the state, when nobody holds the state or the right: the epoch
   * becomes `r:<id>` for `ttlMs` (renewed while the rebuild runs). False when another has it.
   */
  async beginRebuild(id: string, ttlMs: number): Promise<boolean> {
    const ok = await this.#call('starting a rebuild', () => this.redis.set(`${this.prefix}epoch`, `r:${id}`, 'PX', ttlMs, 'NX'));
    return ok === 'OK';
  }

  /** Extends a rebuild's hold; false when it was lost (expired and taken by another). */
  async renewRebuild(id: string, ttlMs: number): Promise<boolean> {
    const n = await this.#call('renewing a rebuild', () => this.redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end",
      1, `${this.prefix}epoch`, `r:${id}`, ttlMs));
    return n === 1;
  }

  /** Ends a rebuild: the state is whole again under epoch `id`. */
  async endRebuild(id: string): Promise<boolean> {
    const n = await this.#call('ending a rebuild', () => this.redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 else return 0 end",
      1, `${this.prefix}epoch`, `r:${id}`, id));
    return n === 1;
  }

  /** Deletes the state, applied ids, markers and batches under the prefix (not the epoch, leases or heads). */
  async wipeState(): Promise<void> {
    for (const pattern of ['s:*', 'a:*', 'batch:*']) {
      let cursor = '0';
      do {
        const [next, keys] = await this.#call('wiping state', () => this.redis.scan(cursor, 'MATCH', `${this.prefix}${pattern}`, 'COUNT', 5_000));
        if (keys.length) await this.#call('wiping state', () => this.redis.unlink(...keys));
        cursor = next;
      } while (cursor !== '0');
    }
    await this.#call('wiping state', () => this.redis.del(`${this.prefix}markers`, `${this.prefix}pending`));
  }

  /** Makes the next stamps higher than `n` (after a loss, so that versions keep growing). */
  async stampAtLeast(n: number): Promise<void> {
    await this.#call('setting the stamp', () => this.redis.eval(
      "local c = tonumber(redis.call('GET', KEYS[1]) or '0') if c < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end return 1",
      1, `${this.prefix}stamp`, n));
  }

  async #run(p: ReturnType<Redis['pipeline']>, what: string): Promise<unknown[]> {
    let res: Array<[Error | null, unknown]> | null;
    try { res = await p.exec(); } catch (err) { throw this.#error(what, err); }
    if (!res) throw this.#error(what, new Error('pipeline aborted'));
    return res.map(([err, v]) => { if (err) throw this.#error(what, err); return v; });
  }

  async #call<T>(what: string, f: () => Promise<T>): Promise<T> {
    try { return await f(); } catch (err) { throw this.#error(what, err); }
  }

  #error(what: string, err: unknown): SharedStateError {
    return new SharedStateError('ERR_STATE_UNAVAILABLE', `${what} in Redis failed: ${(err as Error).message}; ` +
      'the worker retries once Redis answers again', true);
  }

  async close(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
