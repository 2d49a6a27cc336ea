// The ports of the alliance: where signals are kept (SignalStore: SQLite now, PostgreSQL later) and
// where confirmed cases come from (CaseSignalsSource: the cases of src/cases, wired by app/).
import type { PublishedSignal, ReceivedSignal, FeedSignal, SignalKind, AbuseKind } from './model.js';

/** A page of the feed: items by `seq`, and the cursor to pass next time (the last seq given). */
export interface FeedPage {
  items: FeedSignal[];
  /** The `seq` of the last item, or the cursor asked with when there is none: never goes back. */
  cursor: number;
  hasMore: boolean;
}

/**
 * Durable storage of the alliance's signals. Small on purpose, so that a PostgreSQL store can
 * implement it beside the SQLite one: each method is one transaction.
 */
export interface SignalStore {
  /**
   * Adds or updates published signals (by id), each given the next feed position, in one
   * transaction; answers them as stored.
   */
  savePublished(signals: readonly Omit<PublishedSignal, 'seq'>[]): Promise<PublishedSignal[]>;
  /** Every published signal of a case (any status), by id. */
  publishedOfCase(caseId: string): Promise<PublishedSignal[]>;
  /** Case ids with at least one active published signal. */
  casesWithActiveSignals(): Promise<string[]>;
  /** Published signals, newest feed position first, `limit` after the opaque `cursor`. */
  listPublished(q: { tenant?: string; caseId?: string; limit: number; cursor?: number }): Promise<{ items: PublishedSignal[]; next: number | null }>;
  /** The feed for partners: signals with `seq > after`, ascending, at most `limit`. */
  feed(after: number, limit: number): Promise<FeedPage>;

  /** Stores received signals and the partner's new cursor atomically: all of it or none. */
  saveReceived(partner: string, signals: readonly ReceivedSignal[], cursor: number | undefined): Promise<void>;
  /** Calls `each` for every received signal (at start, to fill the index). */
  received(each: (s: ReceivedSignal) => void): Promise<void>;
  /** The cursor of a partner's feed this platform has applied up to (0 before the first pull). */
  partnerCursor(partner: string): Promise<number>;

  /**
   * Records a request nonce of a partner until `expiresMs` (wall clock); false when it was already
   * recorded (a replayed request). Expired nonces are forgotten on the way.
   */
  useNonce(partner: string, nonce: string, expiresMs: number, nowMs: number): Promise<boolean>;
}

/** What a confirmed case tells the alliance: its abuse, its status and the abusers' values. */
export interface CaseSignals {
  caseId: string;
  /** The tenant whose case it is. */
  tenant: string;
  abuse: AbuseKind;
  /** Only `confirmed` cases publish; any other status (reversed on appeal, reopened) revokes. */
  status: 'confirmed' | 'other';
  /** Event times of the incident's first and last evidence, epoch ms. */
  firstSeenMs: number;
  lastSeenMs: number;
  /** The abusers' raw values by kind (devices, phones, payments, doors, handles, IP ranges, shop registrations). */
  values: Partial<Record<SignalKind, readonly string[]>>;
  /** The victims' values: never published, even when an abuser shares one (a victim's door the farm shipped to). */
  victims: Partial<Record<SignalKind, readonly string[]>>;
  /** Values seen with so many accounts they are public places (an internet cafe's device, a parcel locker): never published. */
  hubs?: Partial<Record<SignalKind, readonly string[]>>;
}

/** Where confirmed cases and their values come from (src/cases, wired by app/). */
export interface CaseSignalsSource {
  /** The case as the alliance sees it; undefined when there is no such case for this tenant. */
  caseSignals(caseId: string, tenant: string): Promise<CaseSignals | undefined>;
}
