// The records of the case desk: cases (one per incident), the sanctions ledger, complaints and
// merchants' reports, appeals, the audit log of people's actions, quality scores and webhook
// deliveries. Plain JSON, so that any CaseStore can keep them as they are.
import type { AlertKind, Severity } from '../contract/index.js';

export const CASE_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
/** `open` until an analyst resolves it as `confirmed` (abuse, sanctions apply) or `dismissed`. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Something done at once to protect a harmed party, before anyone decides (from the alert's evidence). */
export interface Protection {
  kind: 'orders_excluded' | 'payouts_held';
  shop: string;
  /** The orders kept out of the shop's sales, ratings and refund rate (orders_excluded). */
  orders?: string[];
  /** Claims whose payout is held (payouts_held), when the evidence lists them. */
  claims?: string[];
  /** Money held (payouts_held), minor units. */
  amount_fen?: number;
  /** Wall-clock time it was first recorded, when the merchant was notified. */
  since: string;
}

/** A reference to evidence an analyst attached (a file kept elsewhere, by hash and location). */
export interface Attachment {
  id: string;
  name: string;
  description: string;
  sha256?: string;
  uri?: string;
  by: string;
  at: string;
}

/** One incident, for people to act on. Its id is derived from its alert's, so it is the same on every run. */
export interface CaseRecord {
  id: string;
  /** The tenant (event source) of its alert. */
  source: string;
  kind: AlertKind;
  status: CaseStatus;
  severity: Severity;
  alert_ids: string[];
  summary: string;
  /** Event time the incident was first seen, and of its last update. */
  opened: string;
  updated: string;
  /** Every shop the alert names; `victim_shops` are harmed by the incident, `accused_shops` are accused of it. */
  shops: string[];
  victim_shops: string[];
  accused_shops: string[];
  accounts: string[];
  order_count: number;
  /** Money at stake: the amounts of the incident's orders, or the payouts held, whichever is more (minor units). */
  at_stake_fen: number;
  assignee?: string;
  protections: Protection[];
  /** Complaints and merchants' reports the incident's evidence names. */
  complaint_ids: string[];
  attachments: Attachment[];
  resolution?: Resolution;
  /** The last time a confirmed case was reversed (its sanctions lifted), if it was. */
  reversal?: Reversal;
}

/**
 * A confirmed case taken back: every sanction of it lifted. `reopened` and `dismissed` are an
 * analyst's (the case goes back to the queue, or is closed as no abuse); `appeal` is an appeal
 * decided for the appellant that lifted the last sanction still in force.
 */
export interface Reversal {
  outcome: 'reopened' | 'dismissed' | 'appeal';
  by: string;
  at: string;
  note: string;
  /** The sanctions this reversal lifted. */
  sanction_ids: string[];
  /** `appeal`: the appeal that lifted the last one. */
  appeal_id?: string;
  /** How many times the case was reversed, this one included: a case confirmed again gets sanctions with new ids. */
  round: number;
}

export interface Resolution {
  outcome: 'confirmed' | 'dismissed';
  by: string;
  at: string;
  note: string;
  sanction_ids: string[];
}

export const SANCTION_KINDS = ['points', 'sales_cleared', 'listing_removed', 'shop_closed', 'account_restricted'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const RESTRICTIONS = ['refund_only_disabled', 'coupons_barred', 'evidence_required'] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

export const SANCTION_STATES = ['active', 'appealed', 'reversed'] as const;
export type SanctionState = (typeof SANCTION_STATES)[number];

export interface SanctionSubject {
  type: 'shop' | 'account';
  id: string;
}

/** One entry of the sanctions ledger: what, against whom, on which case and evidence, since when. */
export interface Sanction {
  id: string;
  source: string;
  case_id: string;
  /** The alerts the case rests on, and the SHA-256 of its evidence package's manifest when one was made. */
  evidence: { alert_ids: string[]; manifest_sha256?: string };
  subject: SanctionSubject;
  kind: SanctionKind;
  /** `points`: how many. */
  points?: number;
  /** `sales_cleared`: the orders taken out of the shop's sales and ratings. */
  orders?: string[];
  /** `listing_removed`: the items. */
  items?: string[];
  /** `account_restricted`: what the account may no longer do. */
  restrictions?: Restriction[];
  /** `shop_closed`: for good (repeat abuse), not until an appeal or a review. */
  permanent?: boolean;
  /** Why, in words a merchant or consumer can read. */
  reason: string;
  effective_at: string;
  state: SanctionState;
  created_by: string;
}

export const COMPLAINT_STATUSES = ['received', 'under_review', 'upheld', 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** A consumer's complaint or a merchant's report (`complaint.filed`), with where it stands. */
export interface Complaint {
  id: string;
  source: string;
  by_id: string;
  against_id: string;
  kind: string;
  order_ids: string[];
  /** True when it came with text or orders; one without is decided on the record of the one it accuses. */
  with_proof: boolean;
  /** Event time it was filed. */
  filed_at: string;
  /** By when the platform promised to review it (event time + `complaints.reviewMs`). */
  review_deadline: string;
  status: ComplaintStatus;
  case_id?: string;
  decided_at?: string;
  note?: string;
}

export const APPEAL_STATUSES = ['pending', 'upheld', 'reversed'] as const;
/** `upheld`: the sanction stands; `reversed`: it is lifted. */
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export interface Appeal {
  id: string;
  source: string;
  sanction_id: string;
  case_id: string;
  subject: SanctionSubject;
  reason: string;
  filed_by: string;
  filed_at: string;
  status: AppealStatus;
  decided_by?: string;
  decided_at?: string;
  note?: string;
}

/** One action of a person, as the append-only audit log keeps it. */
export interface AuditEntry {
  source: string;
  /** Wall-clock time of the action. */
  at: string;
  /** The API key id that acted (never the key). */
  actor: string;
  role: string;
  action: string;
  target: { type: 'case' | 'sanction' | 'appeal' | 'complaint'; id: string };
  case_id?: string;
  before: unknown;
  after: unknown;
}

/** A shop's quality score at one moment, with each component (0 to 100) and what it was made of. */
export interface QualityScore {
  source: string;
  shop: string;
  at: string;
  score: number;
  components: Record<QualityComponent, { score: number; weight: number; value: number | null; basis: string }>;
}

export const QUALITY_COMPONENTS = ['refunds', 'complaints', 'sanctions', 'reviews', 'verified_sales'] as const;
export type QualityComponent = (typeof QUALITY_COMPONENTS)[number];

export const WEBHOOK_TYPES = ['alert.changed', 'case.protection', 'case.resolved', 'case.reversed', 'sanction.created', 'sanction.changed', 'appeal.decided'] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** `failed`: every attempt was used; `pending` includes those waiting for a retry. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message to the platform's webhook URL and its delivery. */
export interface Delivery {
  /** Also the idempotency key the receiver de-duplicates on. */
  id: string;
  source: string;
  type: WebhookType;
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  /** Wall-clock time of the next attempt while pending. */
  next_at: string;
  created_at: string;
  last_error?: string;
  delivered_at?: string;
}
