// The received signals in memory, indexed by hash: the pipeline's SharedSignals port. An event's
// values are hashed under every alliance key valid at its time and looked up; a signal counts
// while it is in force at the event's time (received, not revoked, not suppressed, not expired,
// its key not expired). Every change is stamped in event time (the engine's watermark + 1 ms), so
// that a replay with the same received signals decides exactly as the live run did.
import type { BulwarkEvent, Severity } from '../contract/index.js';
import { round4, type SharedSignals, type SignalContext, type SignalHit } from '../core/index.js';
import { eventValues, type LocalValue } from './event-values.js';
import type { Keyring } from './keyring.js';
import type { FeedSignal, ReceivedSignal, SignalKind, Span } from './model.js';

/** How received signals weigh in decisions. */
export interface UsePolicy {
  /** Trust per partner, 0 to 1: a signal's score is its confidence times its partner's trust. */
  trust: Readonly<Record<string, number>>;
  /** The most one signal may score: a partner's word alone sends to a person, it never denies. */
  maxScore: number;
}

interface Entry { signal: ReceivedSignal; expiresMs: number }

/** The reason `rule` of alliance contributions. */
export const ALLIANCE_SOURCE = 'alliance';

/** Cached hashes of local values; cleared when full (a value's hash never changes, so clearing only costs time). */
const HASH_CACHE_MAX = 200_000;

const NONE: readonly never[] = [];

export class SignalIndex implements SharedSignals {
  readonly source = ALLIANCE_SOURCE;
  readonly #byId = new Map<string, Entry>();
  readonly #byHash = new Map<string, Entry[]>();
  readonly #kinds = new Map<SignalKind, number>();
  #wanted = new Set<SignalKind>();
  readonly #hashes = new Map<string, string>();

  /** `stamp` answers the event time from which a change made now is in force (the engine's watermark + 1). */
  constructor(private readonly keyring: Keyring, private readonly use: UsePolicy, private readonly stamp: () => number) {}

  /** Loads a stored signal as it is (at start). */
  load(s: ReceivedSignal): void {
    this.#put(s);
  }

  /** Applies a feed item from `partner` and returns the signal as it now stands, to be stored. */
  receive(partner: string, item: FeedSignal, receivedAt: string): ReceivedSignal {
    const id = `${partner}:${item.id}`;
    const before = this.#byId.get(id)?.signal;
    const at = this.stamp();
    const inForce = before ? before.inForce.map((s) => ({ ...s })) : [];
    const open = inForce.at(-1);
    const isOpen = open !== undefined && open.to === undefined;
    if (item.status === 'active' && !isOpen) inForce.push({ from: at });
    if (item.status === 'revoked' && isOpen) open.to = at;
    const signal: ReceivedSignal = {
      id, partner, remoteId: item.id, kind: item.kind, keyId: item.key_id, hash: item.hash, abuse: item.abuse,
      confidence: item.confidence, firstSeen: item.first_seen, lastSeen: item.last_seen, expiresAt: item.expires_at,
      caseRef: item.case_ref, status: item.status, inForce, suppressed: before?.suppressed ?? [], receivedAt,
    };
    this.#put(signal);
    return signal;
  }

  /** Suppresses (or lifts the suppression of) a signal from now on; undefined for an unknown id. */
  suppress(id: string, suppressed: boolean): ReceivedSignal | undefined {
    const e = this.#byId.get(id);
    if (!e) return undefined;
    const spans: Span[] = e.signal.suppressed.map((s) => ({ ...s }));
    const open = spans.at(-1);
    const isOpen = open !== undefined && open.to === undefined;
    const at = this.stamp();
    if (suppressed && !isOpen) spans.push({ from: at });
    if (!suppressed && isOpen) open.to = at;
    const signal = { ...e.signal, suppressed: spans };
    this.#put(signal);
    return signal;
  }

  /** Puts a signal back as it was (a store write that failed). */
  restore(previous: ReceivedSignal | undefined, id: string): void {
    if (previous) this.#put(previous);
    else this.#remove(id);
  }

  /** The event time a change made now would be in force from. */
  stampNow(): number {
    return this.stamp();
  }

  get(id: string): ReceivedSignal | undefined {
    return this.#byId.get(id)?.signal;
  }

  /** Every signal, by id. */
  all(): ReceivedSignal[] {
    return [...this.#byId.values()].map((e) => e.signal).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Whether the signal counts at event time `at`. */
  inForceAt(s: ReceivedSignal, at: number): boolean {
    const e = this.#byId.get(s.id);
    return e !== undefined && this.#counts(e, at);
  }

  hits(event: BulwarkEvent, ctx: SignalContext): readonly SignalHit[] {
    if (this.#wanted.size === 0) return NONE;
    let hits: SignalHit[] | undefined;
    // One hit per partner and hash (two cases of one partner naming one device are one piece of evidence).
    const taken = new Set<string>();
    const keys = this.keyring.validAt(ctx.at);
    for (const v of eventValues(event, ctx, this.#wanted)) {
      for (const keyId of keys) {
        const entries = this.#byHash.get(this.#hash(keyId, v.kind, v.value));
        if (!entries) continue;
        for (const e of entries) {
          const s = e.signal;
          if (s.keyId !== keyId || s.kind !== v.kind || !this.#counts(e, ctx.at)) continue;
          const once = `${s.partner}\u0000${s.kind}\u0000${s.hash}`;
          if (taken.has(once)) continue;
          taken.add(once);
          (hits ??= []).push(this.#hit(s, v, event));
        }
      }
    }
    return hits ?? NONE;
  }

  #hit(s: ReceivedSignal, v: LocalValue, event: BulwarkEvent): SignalHit {
    const trust = this.use.trust[s.partner] ?? 0;
    const score = round4(Math.min(this.use.maxScore, s.confidence * trust));
    const kind = s.kind.replace('_', ' ');
    const message = `${v.what} matches a ${s.abuse} ${kind} signal shared by partner ${s.partner} ` +
      `(confidence ${s.confidence} x trust ${trust}; signal ${s.id})`;
    const severity: Severity = score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
    return {
      contribution: { code: `alliance_${s.kind}`, message, score },
      alert: {
        kind: s.abuse,
        update: {
          incident: `alliance:${s.id}`, severity, score,
          summary: `partner ${s.partner} shared a ${s.abuse} ${kind} signal (confidence ${s.confidence}) that matched here: ` +
            `${v.what}${v.account ? ` by account ${v.account}` : ''}`,
          subjects: { ...(v.account ? { accounts: [v.account] } : {}), ...(v.shop ? { shops: [v.shop] } : {}) },
          evidence: {
            source: ALLIANCE_SOURCE, partner: s.partner, trust,
            signal: {
              id: s.id, kind: s.kind, abuse: s.abuse, confidence: s.confidence, key_id: s.keyId, case_ref: s.caseRef,
              first_seen: s.firstSeen, last_seen: s.lastSeen, expires_at: s.expiresAt,
            },
            lastMatch: { event: event.id, type: event.type, what: v.what, ...(v.account ? { account: v.account } : {}) },
          },
        },
      },
    };
  }

  #counts(e: Entry, at: number): boolean {
    const s = e.signal;
    return at < e.expiresMs && within(s.inForce, at) && !within(s.suppressed, at) && this.keyring.isValid(s.keyId, at);
  }

  #hash(keyId: string, kind: SignalKind, value: string): string {
    const k = `${keyId}\u0000${kind}\u0000${value}`;
    let h = this.#hashes.get(k);
    if (h === undefined) {
      if (this.#hashes.size >= HASH_CACHE_MAX) this.#hashes.clear();
      h = this.keyring.hash(keyId, kind, value);
      this.#hashes.set(k, h);
    }
    return h;
  }

  #put(s: ReceivedSignal): void {
    this.#remove(s.id);
    const e: Entry = { signal: s, expiresMs: Date.parse(s.expiresAt) };
    this.#byId.set(s.id, e);
    // Sorted by id, so hits come out in the same order however the signals were loaded.
    const list = [...(this.#byHash.get(s.hash) ?? []), e].sort((a, b) => (a.signal.id < b.signal.id ? -1 : 1));
    this.#byHash.set(s.hash, list);
    this.#kinds.set(s.kind, (this.#kinds.get(s.kind) ?? 0) + 1);
    this.#wanted = new Set(this.#kinds.keys());
  }

  #remove(id: string): void {
    const e = this.#byId.get(id);
    if (!e) return;
    this.#byId.delete(id);
    const list = this.#byHash.get(e.signal.hash)!.filter((x) => x !== e);
    if (list.length) this.#byHash.set(e.signal.hash, list); else this.#byHash.delete(e.signal.hash);
    const n = this.#kinds.get(e.signal.kind)! - 1;
    if (n > 0) this.#kinds.set(e.signal.kind, n); else this.#kinds.delete(e.signal.kind);
    this.#wanted = new Set(this.#kinds.keys());
  }
}

function within(spans: readonly Span[], at: number): boolean {
  for (const s of spans) if (s.from <= at && (s.to === undefined || at < s.to)) return true;
  return false;
}
