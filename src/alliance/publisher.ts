// Publishing: a confirmed case's signals into this platform's feed, revoked when the case is
// reversed (or no longer confirmed), and re-hashed under a new alliance key so that a rotation
// loses no match.
import { AllianceError } from './errors.js';
import type { Keyring } from './keyring.js';
import type { PublishedSignal } from './model.js';
import { planSignals, signalId, type Planned, type PublishPolicy, type PublishRequest, type Skipped } from './policy.js';
import type { CaseSignalsSource, SignalStore } from './ports.js';

export interface PublisherOptions {
  store: SignalStore;
  cases: CaseSignalsSource | undefined;
  keyring: Keyring;
  policy: PublishPolicy;
  /** Keys opaque ids and case references (derived from the signing key). */
  secret: Buffer;
  /** The engine's watermark (event time): which alliance keys are valid now. */
  eventNow: () => number;
  /** Wall clock, ISO, for the audit fields. */
  wallNow: () => string;
}

export interface PublishResult {
  caseId: string;
  published: PublishedSignal[];
  skipped: Skipped[];
}

export class Publisher {
  constructor(private readonly o: PublisherOptions) {}

  useCases(cases: CaseSignalsSource): void {
    this.o.cases = cases;
  }

  /** Publishes the signals of a confirmed case (again: a repeat publishes nothing new but what changed). */
  async publish(req: PublishRequest): Promise<PublishResult> {
    const c = await this.#case(req.caseId, req.tenant);
    if (c.status !== 'confirmed') {
      throw new AllianceError('ERR_ALLIANCE_CASE_NOT_CONFIRMED', `case ${req.caseId} is not confirmed; only confirmed cases share signals ` +
        '(confirm it first, or leave it unshared)');
    }
    const { signals, skipped } = planSignals(c, req, { policy: this.o.policy, keyring: this.o.keyring, secret: this.o.secret, atMs: this.o.eventNow(), nowIso: this.o.wallNow() });
    if (signals.length === 0) {
      throw new AllianceError('ERR_ALLIANCE_NOTHING_TO_SHARE', `case ${req.caseId} has no ${(req.kinds ?? this.o.policy.kinds[c.abuse]).join(', ')} value to share` +
        `${skipped.length ? ` (left out: ${skipped.map((s) => `${s.count} ${s.kind} ${s.reason}`).join(', ')})` : ''}; name other kinds`);
    }
    const before = new Map((await this.o.store.publishedOfCase(req.caseId)).map((s) => [s.id, s]));
    // Unchanged signals keep their feed position: partners fetch nothing twice.
    const changed = signals.filter((s) => !same(before.get(s.id), s));
    const saved = changed.length ? await this.o.store.savePublished(changed) : [];
    const byId = new Map(saved.map((s) => [s.id, s]));
    return { caseId: req.caseId, published: signals.map((s) => byId.get(s.id) ?? before.get(s.id)!), skipped };
  }

  /** Revokes every active signal of a case; partners see the revocation on their next pull. */
  async revokeCase(caseId: string): Promise<PublishedSignal[]> {
    const active = (await this.o.store.publishedOfCase(caseId)).filter((s) => s.status === 'active');
    if (active.length === 0) return [];
    const at = this.o.wallNow();
    return this.o.store.savePublished(active.map(({ seq: _seq, ...s }) => ({ ...s, status: 'revoked' as const, revokedAt: at })));
  }

  /**
   * Revokes the signals of every case that is no longer confirmed (reversed on appeal, reopened,
   * deleted): the safety net under the cases module telling us at once. Answers the revoked cases.
   */
  async reconcile(): Promise<string[]> {
    if (!this.o.cases) return [];
    const revoked: string[] = [];
    for (const caseId of await this.o.store.casesWithActiveSignals()) {
      const one = (await this.o.store.publishedOfCase(caseId))[0];
      const c = one && await this.o.cases.caseSignals(caseId, one.tenant);
      if (!c || c.status !== 'confirmed') {
        await this.revokeCase(caseId);
        revoked.push(caseId);
      }
    }
    return revoked;
  }

  /**
   * After a key is added: every active signal is published under every valid key too, from the
   * value kept locally, so that partners who match under either key keep matching.
   */
  async rehash(): Promise<number> {
    const valid = this.o.keyring.validAt(this.o.eventNow());
    const added: Planned[] = [];
    for (const caseId of await this.o.store.casesWithActiveSignals()) {
      const signals = (await this.o.store.publishedOfCase(caseId)).filter((s) => s.status === 'active');
      const have = new Set(signals.map((s) => `${s.key_id}\u0000${s.kind}\u0000${s.value}`));
      for (const s of signals) {
        for (const keyId of valid) {
          const k = `${keyId}\u0000${s.kind}\u0000${s.value}`;
          if (have.has(k)) continue;
          have.add(k);
          const { seq: _seq, ...rest } = s;
          added.push({ ...rest, id: signalId(this.o.secret, { caseId, keyId, kind: s.kind, value: s.value }), key_id: keyId, hash: this.o.keyring.hash(keyId, s.kind, s.value), publishedAt: this.o.wallNow() });
        }
      }
    }
    if (added.length) await this.o.store.savePublished(added);
    return added.length;
  }

  async #case(caseId: string, tenant: string) {
    if (!this.o.cases) throw new AllianceError('ERR_ALLIANCE_NO_CASES', 'this server has no case desk to read confirmed cases from; signals are published from confirmed cases only');
    const c = await this.o.cases.caseSignals(caseId, tenant);
    if (!c) throw new AllianceError('ERR_ALLIANCE_CASE_UNKNOWN', `no case ${JSON.stringify(caseId)}; list cases with GET /v1/cases`);
    return c;
  }
}

function same(a: PublishedSignal | undefined, b: Planned): boolean {
  return a !== undefined && a.status === b.status && a.confidence === b.confidence && a.first_seen === b.first_seen &&
    a.last_seen === b.last_seen && a.expires_at === b.expires_at && a.hash === b.hash;
}
