// Pulls every partner's feed on a schedule, each partner on its own timer so that one that is
// down or answers garbage delays nobody else and never the decisions (they read the index in
// memory; a pull only adds to it). A failure is retried with exponential backoff and reported
// per partner (status(), the API and /metrics). A page is applied whole or not at all, and the
// cursor is stored with it, so nothing is missed or fetched twice across restarts.
import { randomInt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { FeedError, fetchFeedPage } from './feed-client.js';
import type { FeedSignal, ReceivedSignal } from './model.js';
import type { SignalStore } from './ports.js';
import type { SignalIndex } from './signal-index.js';

/** A partner as configured, with its public key loaded. */
export interface Partner {
  name: string;
  url: string;
  /** The partner key the partner created for us. */
  apiKey: string;
  publicKey: KeyObject;
  trust: number;
}

export interface PullSchedule {
  /** Between two successful pulls of one partner. */
  everyMs: number;
  /** First retry after a failure; doubles with each further failure, up to maxBackoffMs. */
  retryMs: number;
  maxBackoffMs: number;
  /** Time allowed for one request. */
  timeoutMs: number;
  /** Items asked per page. */
  pageLimit: number;
}

export type PullOutcome = 'ok' | 'unreachable' | 'refused' | 'garbage' | 'store_failed';

/** Where a partner's feed stands, for people and /metrics. */
export interface PartnerStatus {
  partner: string;
  url: string;
  trust: number;
  state: 'never' | 'ok' | 'failing';
  cursor: number;
  consecutiveFailures: number;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: { outcome: PullOutcome; message: string; at: string };
  nextAttemptAt?: string;
  pulls: Record<PullOutcome, number>;
  /** Signal versions applied from this partner since the server started. */
  applied: number;
}

const OUTCOMES: Record<FeedError['code'], PullOutcome> = {
  ERR_ALLIANCE_FEED_UNREACHABLE: 'unreachable', ERR_ALLIANCE_FEED_REFUSED: 'refused', ERR_ALLIANCE_FEED_GARBAGE: 'garbage',
};

/** Pages fetched in one go before yielding to the schedule (a partner with a huge backlog is read over several turns). */
const MAX_PAGES_PER_TURN = 50;

export class Puller {
  readonly #status = new Map<string, PartnerStatus>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #running = new Map<string, Promise<void>>();
  #stopped = false;

  constructor(private readonly o: {
    self: string; signingKey: KeyObject; partners: readonly Partner[]; schedule: PullSchedule;
    store: SignalStore; index: SignalIndex; onPull?: (partner: string, outcome: PullOutcome) => void;
  }) {
    for (const p of o.partners) {
      this.#status.set(p.name, {
        partner: p.name, url: p.url, trust: p.trust, state: 'never', cursor: 0, consecutiveFailures: 0,
        pulls: { ok: 0, unreachable: 0, refused: 0, garbage: 0, store_failed: 0 }, applied: 0,
      });
    }
  }

  /** Loads each partner's cursor and pulls them all now, then on schedule. */
  async start(): Promise<void> {
    for (const p of this.o.partners) this.#status.get(p.name)!.cursor = await this.o.store.partnerCursor(p.name);
    for (const p of this.o.partners) this.#schedule(p, 0);
  }

  /** Stops the timers and waits for pulls under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    await Promise.allSettled(this.#running.values());
  }

  status(): PartnerStatus[] {
    return [...this.#status.values()].map((s) => structuredClone(s));
  }

  /** Pulls one partner now (an analyst's "pull now", tests); resolves once it is done, failure included. */
  async pullNow(name: string): Promise<PartnerStatus | undefined> {
    const p = this.o.partners.find((x) => x.name === name);
    if (!p) return undefined;
    await (this.#running.get(name) ?? Promise.resolve());
    clearTimeout(this.#timers.get(name));
    await this.#turn(p);
    return structuredClone(this.#status.get(name));
  }

  #schedule(p: Partner, delayMs: number): void {
    if (this.#stopped) return;
    const s = this.#status.get(p.name)!;
    s.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
    const timer = setTimeout(() => { void this.#turn(p); }, delayMs);
    timer.unref();
    this.#timers.set(p.name, timer);
  }

  #turn(p: Partner): Promise<void> {
    const run = this.#pull(p).finally(() => this.#running.delete(p.name));
    this.#running.set(p.name, run);
    return run;
  }

  async #pull(p: Partner): Promise<void> {
    const s = this.#status.get(p.name)!;
    s.lastAttemptAt = new Date().toISOString();
    let outcome: PullOutcome = 'ok';
    try {
      for (let page = 0; page < MAX_PAGES_PER_TURN; page++) {
        const got = await fetchFeedPage({
          url: p.url, apiKey: p.apiKey, self: this.o.self, signingKey: this.o.signingKey, partnerKey: p.publicKey,
          after: s.cursor, limit: this.o.schedule.pageLimit, timeoutMs: this.o.schedule.timeoutMs, nowMs: Date.now(),
        });
        await this.#apply(p.name, got.items, Number(got.next_cursor));
        if (!got.has_more) break;
      }
      s.state = 'ok';
      s.consecutiveFailures = 0;
      s.lastSuccessAt = new Date().toISOString();
    } catch (err) {
      outcome = err instanceof FeedError ? OUTCOMES[err.code] : 'store_failed';
      s.state = 'failing';
      s.consecutiveFailures++;
      s.lastError = { outcome, message: (err as Error).message, at: new Date().toISOString() };
    }
    s.pulls[outcome]++;
    this.o.onPull?.(p.name, outcome);
    const { everyMs, retryMs, maxBackoffMs } = this.o.schedule;
    // Backoff with jitter (half to all of the step), so partners restarting together do not pull in step.
    const delay = outcome === 'ok' ? everyMs : Math.min(maxBackoffMs, retryMs * 2 ** Math.min(s.consecutiveFailures - 1, 30));
    this.#schedule(p, outcome === 'ok' ? delay : Math.ceil(delay / 2) + randomInt(Math.max(1, Math.ceil(delay / 2))));
  }

  /** Applies one page to the index and stores it with the cursor; on a store failure the index is put back. */
  async #apply(partner: string, items: readonly FeedSignal[], cursor: number): Promise<void> {
    const s = this.#status.get(partner)!;
    const now = new Date().toISOString();
    const before: Array<[string, ReceivedSignal | undefined]> = [];
    const changed: ReceivedSignal[] = [];
    for (const item of items) {
      const id = `${partner}:${item.id}`;
      before.push([id, this.o.index.get(id)]);
      changed.push(this.o.index.receive(partner, item, now));
    }
    try {
      await this.o.store.saveReceived(partner, changed, cursor);
    } catch (err) {
      for (const [id, prev] of before.reverse()) this.o.index.restore(prev, id);
      throw err;
    }
    s.cursor = cursor;
    s.applied += items.length;
  }
}
