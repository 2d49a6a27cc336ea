// The alliance of one platform, composed from its configuration: the index of received signals
// (the pipeline's SharedSignals), the publisher of its own, the puller of its partners' feeds,
// and the checks and signatures of the feed it serves.
import { createHash, type KeyObject } from 'node:crypto';
import { DEFAULT_MAX_SCORE, DEFAULT_PULL, type AllianceConfig, type AllianceSecrets } from './config.js';
import { AllianceError } from './errors.js';
import { AllianceConfigError, Keyring } from './keyring.js';
import type { ReceivedSignal } from './model.js';
import { DEFAULT_PUBLISH_POLICY, type PublishPolicy, type PublishRequest } from './policy.js';
import type { CaseSignalsSource, SignalStore } from './ports.js';
import { Publisher, type PublishResult } from './publisher.js';
import { Puller, type Partner, type PartnerStatus, type PullOutcome } from './puller.js';
import { SignalIndex } from './signal-index.js';
import { checkRequest, privateKeyFrom, publicKeyFrom, responsePayload, signText, type RequestCheck } from './signing.js';
import type { FeedPageWire } from './wire.js';

export interface AllianceOptions {
  config: Readonly<AllianceConfig>;
  /** From the environment (src/config's allianceSecrets). */
  secrets: AllianceSecrets;
  store: SignalStore;
  /** Confirmed cases (src/cases); without it nothing can be published, but signals are still received. */
  cases?: CaseSignalsSource;
  /** The engine's watermark (newest event time applied), undefined before the first event. */
  watermark: () => number | undefined;
  /** Told of every pull's outcome (metrics). */
  onPull?: (partner: string, outcome: PullOutcome) => void;
}

export class Alliance {
  readonly index: SignalIndex;
  readonly keyring: Keyring;
  readonly self: string;
  readonly #store: SignalStore;
  readonly #publisher: Publisher;
  readonly #puller: Puller;
  readonly #signingKey: KeyObject;
  readonly #partners: Map<string, Partner>;
  readonly #reconcileEveryMs: number;
  #reconciler: NodeJS.Timeout | undefined;

  private constructor(o: AllianceOptions) {
    const c = o.config;
    this.self = c.self;
    this.#store = o.store;
    this.keyring = new Keyring(c.keys.map((k) => ({ ...k, secret: o.secrets.keys[k.id] ?? '' })));
    this.#signingKey = privateKeyFrom(o.secrets.signingKey, 'the alliance signing key');
    this.#partners = new Map();
    c.partners.forEach((p, i) => {
      if (this.#partners.has(p.name) || p.name === c.self) {
        throw new AllianceConfigError('ERR_ALLIANCE_PARTNER', `alliance.partners[${i}].name ${JSON.stringify(p.name)} is used twice (or is alliance.self); give each partner its own name`);
      }
      this.#partners.set(p.name, { name: p.name, url: p.url, apiKey: o.secrets.partnerKeys[p.name] ?? '', trust: p.trust, publicKey: publicKeyFrom(p.publicKey, `alliance.partners[${i}].publicKey`) });
    });
    const stamp = () => { const w = o.watermark(); return w === undefined || !Number.isFinite(w) ? 0 : w + 1; };
    this.index = new SignalIndex(this.keyring, {
      trust: Object.fromEntries([...this.#partners.values()].map((p) => [p.name, p.trust])),
      maxScore: c.use?.maxScore ?? DEFAULT_MAX_SCORE,
    }, stamp);
    this.#publisher = new Publisher({
      store: o.store, cases: o.cases, keyring: this.keyring, policy: publishPolicy(c),
      secret: createHash('sha256').update('bulwark-alliance-local\u0000').update(this.#signingKey.export({ format: 'der', type: 'pkcs8' })).digest(),
      eventNow: () => o.watermark() ?? 0, wallNow: () => new Date().toISOString(),
    });
    this.#reconcileEveryMs = c.pull?.everyMs ?? DEFAULT_PULL.everyMs;
    this.#puller = new Puller({
      self: c.self, signingKey: this.#signingKey, partners: [...this.#partners.values()], schedule: { ...DEFAULT_PULL, ...c.pull },
      store: o.store, index: this.index, ...(o.onPull ? { onPull: o.onPull } : {}),
    });
  }

  /** Builds the alliance and loads the received signals into its index (before the engine replays anything). */
  static async open(o: AllianceOptions): Promise<Alliance> {
    const a = new Alliance(o);
    await o.store.received((s) => a.index.load(s));
    return a;
  }

  /**
   * Re-hashes published signals under new keys, revokes those of cases no longer confirmed (then
   * again every pull interval, in case a reversal was not reported), and starts pulling.
   */
  async start(): Promise<void> {
    await this.#publisher.rehash();
    await this.#publisher.reconcile();
    await this.#puller.start();
    this.#reconciler = setInterval(() => { this.#publisher.reconcile().catch(() => { /* tried again next interval */ }); }, this.#reconcileEveryMs);
    this.#reconciler.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#reconciler);
    await this.#puller.stop();
  }

  /** Checks a signed feed request of the partner `partner` (the --source of its key). */
  async checkFeedRequest(r: { headers: Record<string, string | string[] | undefined>; method: string; path: string; partner: string }): Promise<RequestCheck> {
    const p = this.#partners.get(r.partner);
    if (!p) return { ok: false, code: 'signature_invalid', message: `no partner ${JSON.stringify(r.partner)} is configured here; the operator adds it to alliance.partners` };
    const nowMs = Date.now();
    return checkRequest({ ...r, publicKey: p.publicKey, nowMs, useNonce: (nonce, expiresMs) => this.#store.useNonce(r.partner, nonce, expiresMs, nowMs) });
  }

  /** A page of this platform's feed, as the wire carries it. */
  async feed(after: number, limit: number): Promise<FeedPageWire> {
    const page = await this.#store.feed(after, limit);
    return { items: page.items, next_cursor: String(page.cursor), has_more: page.hasMore };
  }

  /** The signature of an answer to the request with `nonce`. */
  signAnswer(nonce: string, body: string): string {
    return signText(this.#signingKey, responsePayload(nonce, body));
  }

  /** Where confirmed cases come from, once the case desk is open (it opens after the engine, which needs the index first). */
  useCases(cases: CaseSignalsSource): void {
    this.#publisher.useCases(cases);
  }

  publish(req: PublishRequest): Promise<PublishResult> {
    return this.#publisher.publish(req);
  }

  /** Revokes a case's signals (the case was reversed); the cases module calls it, and start() catches any it missed. */
  revokeCase(caseId: string) {
    return this.#publisher.revokeCase(caseId);
  }

  reconcile(): Promise<string[]> {
    return this.#publisher.reconcile();
  }

  listPublished(q: { tenant?: string; caseId?: string; limit: number; cursor?: number }) {
    return this.#store.listPublished(q);
  }

  /** Received signals, with whether each counts at the engine's current event time. */
  received(filter: { partner?: string; kind?: string } = {}): Array<ReceivedSignal & { inForceNow: boolean }> {
    const at = this.index.stampNow();
    return this.index.all()
      .filter((s) => (filter.partner === undefined || s.partner === filter.partner) && (filter.kind === undefined || s.kind === filter.kind))
      .map((s) => ({ ...s, inForceNow: this.index.inForceAt(s, at) }));
  }

  /** An analyst's override: suppresses a received signal from now on (or lifts it), stored before it answers. */
  async suppress(id: string, suppressed: boolean): Promise<ReceivedSignal> {
    const before = this.index.get(id);
    const after = this.index.suppress(id, suppressed);
    if (!after) throw new AllianceError('ERR_ALLIANCE_SIGNAL_UNKNOWN', `no received signal ${JSON.stringify(id)}; list them with GET /v1/alliance/received`);
    try {
      await this.#store.saveReceived(after.partner, [after], undefined);
    } catch (err) {
      this.index.restore(before, id);
      throw err;
    }
    return after;
  }

  partners(): PartnerStatus[] {
    return this.#puller.status();
  }

  async pullNow(name: string): Promise<PartnerStatus> {
    const s = await this.#puller.pullNow(name);
    if (!s) throw new AllianceError('ERR_ALLIANCE_PARTNER_UNKNOWN', `no partner ${JSON.stringify(name)} in alliance.partners`);
    return s;
  }
}

function publishPolicy(c: Readonly<AllianceConfig>): PublishPolicy {
  const d = DEFAULT_PUBLISH_POLICY;
  return {
    kinds: { ...d.kinds, ...c.publish?.kinds } as PublishPolicy['kinds'],
    ttlDays: { ...d.ttlDays, ...c.publish?.ttlDays } as PublishPolicy['ttlDays'],
    confidence: c.publish?.confidence ?? d.confidence,
    maxPerKind: c.publish?.maxPerKind ?? d.maxPerKind,
  };
}
