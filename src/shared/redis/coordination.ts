// How workers share partitions, through Redis: a lease per partition (a key that expires unless
// its holder renews it), and each worker's head, the event time of the next event it would apply,
// so that no worker runs far ahead of the others in event time (see the worker).
import type { RedisSharedState } from './shared-state.js';

const RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

/** Partition leases and worker heads under the shared state's prefix. */
export class Coordination {
  constructor(readonly state: RedisSharedState) {}

  #lease(p: number): string {
    return `${this.state.prefix}lease:${p}`;
  }

  /** Takes partition `p` for `worker` if nobody holds it. */
  async claim(p: number, worker: string, ttlMs: number): Promise<boolean> {
    return (await this.state.redis.set(this.#lease(p), worker, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Extends `worker`'s lease of `p`; false when it no longer holds it. */
  async renew(p: number, worker: string, ttlMs: number): Promise<boolean> {
    return (await this.state.redis.eval(RENEW, 1, this.#lease(p), worker, ttlMs)) === 1;
  }

  async release(p: number, worker: string): Promise<void> {
    await this.state.redis.eval(RELEASE, 1, this.#lease(p), worker);
  }

  /** Who holds each of `partitions` partitions (undefined: nobody). */
  async owners(partitions: number): Promise<Array<string | undefined>> {
    const v = await this.state.redis.mget(Array.from({ length: partitions }, (_, p) => this.#lease(p)));
    return v.map((x) => x ?? undefined);
  }

  /**
   * Says that `worker` is alive until `nowMs + ttlMs` with its next event at `headMs` (Infinity when
   * it has nothing to apply), and answers the live workers' heads, this one's included.
   */
  async heartbeat(worker: string, headMs: number, nowMs: number, ttlMs: number): Promise<Map<string, number>> {
    const key = `${this.state.prefix}heads`;
    const res = await this.state.redis.multi().hset(key, worker, `${headMs} ${nowMs + ttlMs}`).hgetall(key).exec();
    const all = (res?.[1]?.[1] ?? {}) as Record<string, string>;
    const live = new Map<string, number>();
    const dead: string[] = [];
    for (const [w, v] of Object.entries(all)) {
      const [head, until] = v.split(' ');
      if (Number(until) < nowMs) dead.push(w);
      else live.set(w, Number(head));
    }
    if (dead.length) await this.state.redis.hdel(key, ...dead);
    return live;
  }

  /** Removes `worker`'s head (it stopped). */
  async leave(worker: string): Promise<void> {
    await this.state.redis.hdel(`${this.state.prefix}heads`, worker);
  }
}
