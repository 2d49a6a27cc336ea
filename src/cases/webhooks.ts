// Webhooks: messages to the platform's URL, signed with HMAC-SHA256 over the timestamp and the
// body, delivered at least once from an outbox in the case store, retried with exponential
// backoff and jitter. The delivery id is the idempotency key: a receiver that has seen it drops it.
import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { CasesConfig } from './config.js';
import type { CaseStore } from './ports.js';
import type { Delivery, WebhookType } from './types.js';

/** Header names of a webhook request. */
export const WEBHOOK_HEADERS = {
  signature: 'bulwark-signature',
  idempotencyKey: 'idempotency-key',
  event: 'bulwark-event',
} as const;

/** The signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Checks a signature header against the body, for receivers: true when it was made with `secret`
 * within `toleranceSec` of `nowSeconds` (which stops an old captured request being replayed).
 */
export function verifyWebhook(opts: { secret: string; header: string; body: string; nowSeconds: number; toleranceSec?: number }): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(opts.header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(opts.nowSeconds - t) > (opts.toleranceSec ?? 300)) return false;
  const want = Buffer.from(signWebhook(opts.secret, t, opts.body).slice(-64), 'hex');
  return timingSafeEqual(want, Buffer.from(m[2]!, 'hex'));
}

/** A new outbox entry; the id is derived from what it says, so the same message is never queued twice. */
export function newDelivery(opts: { source: string; type: WebhookType; payload: unknown; version: string; now: string }): Delivery {
  const id = `dlv_${createHash('sha256').update(`${opts.type}\u0000${opts.version}`).digest('hex').slice(0, 24)}`;
  return { id, source: opts.source, type: opts.type, payload: opts.payload, status: 'pending', attempts: 0, next_at: opts.now, created_at: opts.now };
}

/** The wait before attempt `attempts + 1`: backoff doubled per attempt, capped, with up to 20% jitter so retries spread. */
export function backoffMs(attempts: number, cfg: Pick<CasesConfig['webhooks'], 'backoffMs' | 'maxBackoffMs'>): number {
  const base = Math.min(cfg.maxBackoffMs, cfg.backoffMs * 2 ** Math.max(0, attempts - 1));
  return base + randomInt(0, Math.max(1, Math.floor(base / 5)));
}

export interface SenderOptions {
  store: CaseStore;
  config: CasesConfig['webhooks'];
  /** Wall clock; tests may pass their own. */
  now?: () => number;
  /** How often to look for due deliveries (ms). */
  pollMs?: number;
}

/** Sends due deliveries from the outbox until closed. One sender per store. */
export class WebhookSender {
  readonly #opts: SenderOptions;
  readonly #now: () => number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(opts: SenderOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? Date.now;
  }

  /** Starts polling; without a URL configured there is nothing to send and it does nothing. */
  start(): void {
    if (!this.#opts.config.url || this.#timer) return;
    this.#timer = setInterval(() => this.kick(), this.#opts.pollMs ?? 500);
    this.#timer.unref();
    this.kick();
  }

  /** Sends what is due now (or again right after the pass under way). */
  kick(): Promise<void> {
    if (!this.#opts.config.url) return Promise.resolve();
    if (this.#running) { this.#again = true; return this.#running; }
    this.#running = this.#pass().finally(() => {
      this.#running = undefined;
      if (this.#again) { this.#again = false; void this.kick(); }
    });
    return this.#running;
  }

  async #pass(): Promise<void> {
    const due = await this.#opts.store.dueDeliveries(new Date(this.#now()).toISOString(), 100);
    for (const d of due) await this.#attempt(d);
  }

  async #attempt(d: Delivery): Promise<void> {
    const cfg = this.#opts.config;
    const body = JSON.stringify({ id: d.id, type: d.type, created_at: d.created_at, data: d.payload });
    const started = this.#now();
    let error: string | undefined;
    try {
      const res = await fetch(cfg.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.signature]: signWebhook(cfg.secret, Math.floor(started / 1000), body),
          [WEBHOOK_HEADERS.idempotencyKey]: d.id,
          [WEBHOOK_HEADERS.event]: d.type,
        },
        body,
        signal: AbortSignal.timeout(cfg.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) error = `the receiver answered ${res.status}`;
    } catch (err) {
      error = `the request failed: ${(err as Error).message}`;
    }
    const attempts = d.attempts + 1;
    const now = this.#now();
    const next: Delivery = error === undefined
      ? { ...d, attempts, status: 'delivered', delivered_at: new Date(now).toISOString() }
      : {
          ...d, attempts, last_error: error,
          status: attempts >= cfg.maxAttempts ? 'failed' : 'pending',
          next_at: new Date(now + backoffMs(attempts, cfg)).toISOString(),
        };
    if (error === undefined) delete next.last_error;
    await this.#opts.store.write({ deliveries: [next] });
  }

  /** Stops polling and waits for the pass under way. */
  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
