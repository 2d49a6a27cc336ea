// What the case desk needs from storage. Reads by id or by query; every change goes through one
// `write`, applied atomically, so a resolution with its sanctions, complaints and audit entries is
// all kept or none of it. SQLite implements it (src/store/sqlite); PostgreSQL can follow.
import type { EventOf } from '../contract/index.js';
import type { Page } from '../core/index.js';
import type {
  Appeal, AppealStatus, AuditEntry, CaseRecord, CaseStatus, Complaint, ComplaintStatus, Delivery, DeliveryStatus,
  QualityScore, Sanction,
} from './types.js';

export interface CaseQuery {
  source: string;
  kind?: string;
  status?: CaseStatus;
  severity?: string;
  /** Cases naming this shop (any role). */
  shop?: string;
  /** Cases where this shop is a victim, or accused and the case is confirmed: what its merchant may see. */
  visibleToShop?: string;
  account?: string;
  assignee?: string;
  /** Cases first seen at or before this event time (an age filter). */
  openedBefore?: string;
  /** `queue`: severity, then money at stake, then oldest first; `newest`: first seen, newest first. */
  order: 'queue' | 'newest';
  limit: number;
  cursor?: string;
}

export interface SanctionQuery {
  source: string;
  subjectType?: 'shop' | 'account';
  subjectId?: string;
  caseId?: string;
}

export interface ComplaintQuery {
  source: string;
  byId?: string;
  status?: ComplaintStatus;
  limit: number;
  cursor?: string;
}

export interface AppealQuery {
  source: string;
  status?: AppealStatus;
  /** Appeals of sanctions against this subject. */
  subjectId?: string;
  limit: number;
  cursor?: string;
}

/** Everything one action changes; records replace those with the same id, audit entries and scores are appended. */
export interface CaseWrite {
  cases?: readonly CaseRecord[];
  sanctions?: readonly Sanction[];
  complaints?: readonly Complaint[];
  appeals?: readonly Appeal[];
  audit?: readonly AuditEntry[];
  quality?: readonly QualityScore[];
  /** New outbox entries; one whose id is already there (the same message) is left as it is. */
  enqueue?: readonly Delivery[];
  /** Outbox entries after an attempt, replacing the stored ones. */
  deliveries?: readonly Delivery[];
  /** The sequence number of the last stored event whose complaint has been recorded. */
  complaintsThrough?: number;
}

/** Storage of the case desk. */
export interface CaseStore {
  write(w: CaseWrite): Promise<void>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  listCases(q: CaseQuery): Promise<Page<CaseRecord>>;
  /** A case's audit entries, oldest first. */
  audit(caseId: string): Promise<AuditEntry[]>;
  getSanction(id: string): Promise<Sanction | undefined>;
  /** Sanctions, oldest effective first. */
  sanctions(q: SanctionQuery): Promise<Sanction[]>;
  getComplaint(id: string): Promise<Complaint | undefined>;
  /** Complaints among `ids` (those that exist). */
  complaintsByIds(ids: readonly string[]): Promise<Complaint[]>;
  /** The id of every complaint of every tenant (they are few next to events), for linking them to cases. */
  complaintIds(): Promise<string[]>;
  listComplaints(q: ComplaintQuery): Promise<Page<Complaint>>;
  getAppeal(id: string): Promise<Appeal | undefined>;
  listAppeals(q: AppealQuery): Promise<Page<Appeal>>;
  /** A shop's quality scores, newest first. */
  qualityHistory(source: string, shop: string, limit: number): Promise<QualityScore[]>;
  /** Deliveries due at or before `now` (pending), oldest first. */
  dueDeliveries(now: string, limit: number): Promise<Delivery[]>;
  listDeliveries(q: { source?: string; status?: DeliveryStatus; limit: number }): Promise<Delivery[]>;
  /** Counts of deliveries by status. */
  deliveryCounts(): Promise<Record<DeliveryStatus, number>>;
  /**
   * Stored `complaint.filed` events after the mark last written as `complaintsThrough`, in order,
   * at most `limit`, and the mark to write once they are recorded (past every stored event when
   * fewer than `limit` came back).
   */
  complaintEvents(limit: number): Promise<{ events: Array<EventOf<'complaint.filed'>>; through: number }>;
}
