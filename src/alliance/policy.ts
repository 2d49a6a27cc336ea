// What a confirmed case publishes. Defaults per abuse kind name the values that identify the
// abuser rather than a bystander: a coupon farm's devices, phones, payments, drop doors and
// range; a review-service gang's handles. A victim's values are never published, nor values so
// widely shared that they are public places (an internet cafe's device, a parcel locker's door).
import { createHmac } from 'node:crypto';
import { DAY_MS } from '../contract/index.js';
import type { Keyring } from './keyring.js';
import { SIGNAL_KINDS, type AbuseKind, type PublishedSignal, type SignalKind } from './model.js';
import { normaliseValue } from './normalize.js';
import type { CaseSignals } from './ports.js';

/** The publishing policy, from configuration (alliance.publish). */
export interface PublishPolicy {
  /** Signal kinds a case of each abuse kind shares when the analyst names none. */
  kinds: Readonly<Record<AbuseKind, readonly SignalKind[]>>;
  /** How long a signal counts after the case's last evidence, in days, per kind. */
  ttlDays: Readonly<Record<SignalKind, number>>;
  /** Confidence of a confirmed case's signals unless the analyst says otherwise, 0 to 1. */
  confidence: number;
  /** Most values of one kind one case publishes. */
  maxPerKind: number;
}

/**
 * Defaults. Kinds: what identifies the abuser in each kind of case (docs/alliance.md, Policy).
 * TTLs: a device or phone of a farm is resold or recycled within months (carriers recycle a
 * number after about 90 days without use, then it is someone else's); a range is reassigned
 * sooner; a registration outlives all of them.
 */
export const DEFAULT_PUBLISH_POLICY: PublishPolicy = {
  kinds: {
    promo_abuse: ['device', 'phone', 'payment', 'address', 'ip_range'],
    refund_abuse: ['device', 'phone', 'payment', 'address'],
    scalping: ['device', 'phone', 'payment', 'address'],
    brushing: ['device', 'phone', 'payment', 'address', 'shop_registration'],
    reverse_brushing: ['device', 'phone', 'payment', 'ip_range'],
    malicious_claim: ['device', 'phone', 'payment', 'handle'],
    review_manipulation: ['handle', 'phone', 'device'],
    harassment: ['shop_registration'],
  },
  ttlDays: { device: 180, phone: 90, payment: 180, address: 90, handle: 180, ip_range: 30, shop_registration: 365 },
  confidence: 0.9,
  maxPerKind: 500,
};

/** What an analyst asks to publish. */
export interface PublishRequest {
  caseId: string;
  tenant: string;
  kinds?: readonly SignalKind[];
  confidence?: number;
  by: string;
}

/** A value left out, and why. */
export interface Skipped {
  kind: SignalKind;
  reason: 'victim' | 'hub' | 'invalid' | 'over_limit';
  count: number;
}

export type Planned = Omit<PublishedSignal, 'seq'>;

/**
 * The signals a confirmed case publishes under every key valid at `atMs` (event time), and the
 * values left out. `secret` keys the opaque ids and case references.
 */
export function planSignals(c: CaseSignals, req: PublishRequest, o: { policy: PublishPolicy; keyring: Keyring; secret: Buffer; atMs: number; nowIso: string }): { signals: Planned[]; skipped: Skipped[] } {
  const kinds = req.kinds ?? o.policy.kinds[c.abuse];
  const confidence = req.confidence ?? o.policy.confidence;
  const keys = o.keyring.validAt(o.atMs);
  const caseRef = `cref_${mac(o.secret, `case\u0000${c.caseId}`).slice(0, 22)}`;
  const signals: Planned[] = [];
  const skipped: Skipped[] = [];
  const skip = (kind: SignalKind, reason: Skipped['reason']) => {
    const s = skipped.find((x) => x.kind === kind && x.reason === reason);
    if (s) s.count++; else skipped.push({ kind, reason, count: 1 });
  };
  for (const kind of SIGNAL_KINDS) {
    if (!kinds.includes(kind)) continue;
    const excluded = new Set([...canonical(kind, c.victims[kind]), ...canonical(kind, c.hubs?.[kind])]);
    const victims = new Set(canonical(kind, c.victims[kind]));
    const values = new Set<string>();
    for (const raw of c.values[kind] ?? []) {
      const n = normaliseValue(kind, raw);
      if (!n.ok) { skip(kind, 'invalid'); continue; }
      if (excluded.has(n.value)) { skip(kind, victims.has(n.value) ? 'victim' : 'hub'); continue; }
      if (values.has(n.value)) continue;
      if (values.size >= o.policy.maxPerKind) { skip(kind, 'over_limit'); continue; }
      values.add(n.value);
    }
    for (const value of [...values].sort()) {
      for (const keyId of keys) {
        signals.push({
          id: signalId(o.secret, { caseId: c.caseId, keyId, kind, value }),
          kind, key_id: keyId, hash: o.keyring.hash(keyId, kind, value), abuse: c.abuse, confidence,
          first_seen: new Date(c.firstSeenMs).toISOString(), last_seen: new Date(c.lastSeenMs).toISOString(),
          expires_at: new Date(c.lastSeenMs + o.policy.ttlDays[kind] * DAY_MS).toISOString(),
          case_ref: caseRef, status: 'active',
          caseId: c.caseId, tenant: c.tenant, value, publishedBy: req.by, publishedAt: o.nowIso,
        });
      }
    }
  }
  return { signals, skipped };
}

function canonical(kind: SignalKind, raws: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const r of raws ?? []) { const n = normaliseValue(kind, r); if (n.ok) out.push(n.value); }
  return out;
}

/** A published signal's id: opaque, and the same for the same case, key and value, so a repeat updates it. */
export function signalId(secret: Buffer, s: { caseId: string; keyId: string; kind: SignalKind; value: string }): string {
  return `sig_${mac(secret, `signal\u0000${s.caseId}\u0000${s.keyId}\u0000${s.kind}\u0000${s.value}`).slice(0, 24)}`;
}

/** HMAC-SHA256 under the platform's own secret, hex: ids that say nothing to anyone without it. */
export function mac(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}
