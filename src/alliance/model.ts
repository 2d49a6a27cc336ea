// The alliance's signal: a keyed hash of one value that a confirmed case showed to be an abuser's
// (a device, a phone, a payment instrument, a delivery door, a contact handle, an IP range, a shop
// registration), with what abuse it served, how sure the platform is, and when it holds. Raw values
// never leave the platform: only the hash under the alliance's shared key does.
import { ALERT_KINDS, type AlertKind } from '../contract/index.js';

export const SIGNAL_KINDS = ['device', 'phone', 'payment', 'address', 'handle', 'ip_range', 'shop_registration'] as const;
/** What a signal's value is. */
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The abuse kinds a signal may name: every alert kind but a price error, which accuses nobody. */
export const ABUSE_KINDS = ALERT_KINDS.filter((k) => k !== 'price_error');
export type AbuseKind = Exclude<AlertKind, 'price_error'>;

/** One signal as it crosses the wire (the feed's item): no raw value, no customer, no case id. */
export interface FeedSignal {
  /** The publisher's id of this signal; stable across updates (a revocation keeps it). */
  id: string;
  /** The feed position of this version of the signal; a later change gets a larger one. */
  seq: number;
  kind: SignalKind;
  /** The alliance key the value was hashed under. */
  key_id: string;
  /** HMAC-SHA256 of `kind:normalised value` under that key, base64url without padding. */
  hash: string;
  abuse: AbuseKind;
  /** How sure the publishing platform is, 0 to 1. */
  confidence: number;
  /** Event times the value was first and last seen in the abuse, RFC 3339 UTC. */
  first_seen: string;
  last_seen: string;
  /** Event time after which the signal no longer counts. */
  expires_at: string;
  /** An opaque reference to the publisher's case: groups its signals, says nothing of it. */
  case_ref: string;
  /** `revoked`: the case was reversed (or the analyst withdrew it); receivers must stop using it. */
  status: 'active' | 'revoked';
}

/** A signal this platform publishes, as its own store keeps it (the raw value never leaves). */
export interface PublishedSignal extends FeedSignal {
  /** The local case it came from; never published. */
  caseId: string;
  /** The tenant whose case it is. */
  tenant: string;
  /** The normalised value, kept locally so that a new alliance key can re-hash it; never published. */
  value: string;
  /** The analyst key that published it, and when (wall clock, for the audit). */
  publishedBy: string;
  publishedAt: string;
  revokedAt?: string;
}

/** A span of the receiver's event time: from `from` (inclusive) to `to` (exclusive, open when absent). */
export interface Span {
  from: number;
  to?: number;
}

/**
 * A signal received from a partner, as this platform keeps it. `inForce` and `suppressed` are in
 * this platform's event time (see docs/alliance.md, Determinism): a replay with the same received
 * signals gives the same decisions as the live run did.
 */
export interface ReceivedSignal {
  /** `partner:remote id`: unique on this platform. */
  id: string;
  partner: string;
  remoteId: string;
  kind: SignalKind;
  keyId: string;
  hash: string;
  abuse: AbuseKind;
  confidence: number;
  firstSeen: string;
  lastSeen: string;
  expiresAt: string;
  caseRef: string;
  status: 'active' | 'revoked';
  /** When it came into force here, and when a revocation ended it (again when a publisher reinstated it). */
  inForce: Span[];
  /** Spans an analyst suppressed it for. */
  suppressed: Span[];
  /** Wall-clock time of the last change received, for people. */
  receivedAt: string;
}
