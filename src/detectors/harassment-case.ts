// The harassment record of one shop: every (shop, consumer) incident in the shop's current case,
// with the messages as evidence, the incidents on the shop's record, the points proposed (per
// incident) and whether closure is proposed. One alert per case: the harassing merchant and shop
// with the consumers they harassed. State lives in the detector's `shop` namespace; this module
// shapes it and the alert.
import type { Severity } from '../contract/index.js';
import type { AlertUpdate } from '../core/index.js';
import type { MessageEvidence } from './message-evidence.js';

/** Why an incident is harassment; the first two are severe. */
export type HarassmentReason = 'threat_to_person' | 'address_revealed' | 'hostile_message' | 'repeated_contact' | 'complaint_with_contact';

/** One consumer harassed by the shop's merchant after a bad review, as the alert shows it. */
export interface IncidentEvidence {
  consumer: string;
  /** When it became an incident (ISO). */
  openedAt: string;
  review: { at: string; rating: number; orders: string[] };
  reasons: HarassmentReason[];
  /**
   * Contacts after the review (every channel), the polite ones and the replies to the consumer's own
   * messages among them, and the most unsolicited ones within one repeat window.
   */
  contacts: number;
  politeContacts: number;
  replies: number;
  calls: number;
  peakContactsInWindow: number;
  hostileMessages: number;
  complaints: string[];
  messages: MessageEvidence[];
  /** Contacts not listed in `messages` (calls with no note, beyond the list). */
  messagesNotListed: number;
}

/** A shop's harassment record: its current case and the incidents on its record. */
export interface ShopRecord {
  /** The merchant account that sent the messages. */
  merchant: string;
  /** Times the record's incidents opened, oldest first (at most MAX_RECORD, those within recordMs). */
  record: number[];
  /** The current case's number (part of the alert's key) and when it last grew. */
  caseNo: number;
  lastAt: number;
  incidents: IncidentEvidence[];
  /** Incidents of the case beyond the listed ones. */
  unlisted: number;
}

/** What the case's alert needs of the detector's parameters. */
export interface PenaltyPolicy {
  pointsPerIncident: number;
  closureIncidents: number;
  recordMs: number;
}

/** Incidents listed per case (counted on past it) and incident times kept on a shop's record. */
const MAX_CASE_INCIDENTS = 32;
const MAX_RECORD = 64;

/**
 * Alert score by the strongest reason (independent evidence, combined as a noisy-or with a
 * complaint). A threat to the person or a revealed address is what platforms close shops for;
 * a hostile message is harassment by its own words; repeated contact is harassment by conduct,
 * with a benign reading left (a merchant desperate to fix an order); a complaint with a few
 * contacts rests on the consumer's word.
 */
const REASON_SCORE: Record<HarassmentReason, number> = {
  threat_to_person: 0.95, address_revealed: 0.95, hostile_message: 0.85, repeated_contact: 0.75, complaint_with_contact: 0.6,
};
/** What a consumer's harassment complaint adds: their own account of it, half as strong as the merchant's messages. */
const COMPLAINT_SCORE = 0.5;

export const SEVERE_REASONS: ReadonlySet<HarassmentReason> = new Set(['threat_to_person', 'address_revealed']);

/** A shop with no record yet. */
export function newShopRecord(merchant: string): ShopRecord {
  return { merchant, record: [], caseNo: 0, lastAt: 0, incidents: [], unlisted: 0 };
}

/**
 * Adds an incident to the shop's current case or, when the case has been quiet for `caseGapMs`,
 * to a new one, and (`onRecord`) to the shop's record; drops record entries older than recordMs.
 */
export function addIncident(shop: ShopRecord, inc: IncidentEvidence, at: number,
  o: PenaltyPolicy & { caseGapMs: number; onRecord: boolean }): void {
  pruneRecord(shop, at, o.recordMs);
  if (shop.incidents.length + shop.unlisted > 0 && at - shop.lastAt > o.caseGapMs) {
    shop.caseNo++;
    shop.incidents = [];
    shop.unlisted = 0;
  }
  if (shop.incidents.length < MAX_CASE_INCIDENTS) shop.incidents.push(inc);
  else shop.unlisted++;
  if (o.onRecord) {
    if (shop.record.length >= MAX_RECORD) shop.record.shift();
    shop.record.push(at);
  }
  shop.lastAt = Math.max(shop.lastAt, at);
}

/** Replaces the listed incident of `inc.consumer` (if listed) with `inc`: it grew; drops record entries older than recordMs. */
export function updateIncident(shop: ShopRecord, inc: IncidentEvidence, at: number, recordMs: number): void {
  pruneRecord(shop, at, recordMs);
  const i = shop.incidents.findIndex((x) => x.consumer === inc.consumer);
  if (i >= 0) shop.incidents[i] = inc;
  shop.lastAt = Math.max(shop.lastAt, at);
}

/** The incident key of a shop's case (its alert's key). */
export function caseKey(shopId: string, caseNo: number): string {
  return `${shopId}#${caseNo}`;
}

/**
 * The alert of the shop's current case as it now stands; `current` (the incident that changed) is
 * named in the subjects even when the case lists no more incidents.
 */
export function caseUpdate(shopId: string, shop: ShopRecord, p: PenaltyPolicy, current: IncidentEvidence): AlertUpdate {
  const listed = shop.incidents;
  const caseIncidents = listed.length + shop.unlisted;
  const severe = listed.some((i) => i.reasons.some((r) => SEVERE_REASONS.has(r)));
  const repeated = shop.record.length >= p.closureIncidents;
  const closureReasons = [...(severe ? ['severe'] : []), ...(repeated ? ['repeated'] : [])];
  const closure = closureReasons.length > 0;
  let score = 0;
  for (const i of listed) {
    let s = Math.max(...i.reasons.map((r) => REASON_SCORE[r]));
    if (i.complaints.length) s = 1 - (1 - s) * (1 - COMPLAINT_SCORE);
    score = Math.max(score, s);
  }
  const hostile = listed.some((i) => i.reasons.includes('hostile_message'));
  const severity: Severity = closure ? 'critical' : severe || hostile ? 'high' : 'medium';
  const contacts = listed.reduce((s, i) => s + i.contacts - i.politeContacts - i.replies, 0);
  const complaints = listed.reduce((s, i) => s + i.complaints.length, 0);
  const points = caseIncidents * p.pointsPerIncident;
  return {
    incident: caseKey(shopId, shop.caseNo),
    severity,
    score: Math.min(0.99, score),
    summary: `merchant ${shop.merchant} of shop ${shopId} harassed ${caseIncidents} consumer(s) after bad reviews ` +
      `(${contacts} unsolicited contact(s); ${[...new Set(listed.flatMap((i) => i.reasons))].join(', ')}); ` +
      `${complaints} complaint(s); ${points} point(s) proposed${closure ? `, shop closure proposed (${closureReasons.join(', ')})` : ''}`,
    subjects: {
      accounts: [shop.merchant, ...listed.map((i) => i.consumer), current.consumer],
      shops: [shopId],
      orders: [...listed.flatMap((i) => i.review.orders), ...current.review.orders],
    },
    evidence: {
      merchant: shop.merchant, shop: shopId, case: shop.caseNo,
      penalty: {
        pointsPerIncident: p.pointsPerIncident, incidents: caseIncidents, pointsProposed: points,
        shopIncidentsOnRecord: shop.record.length, shopPointsOnRecord: shop.record.length * p.pointsPerIncident,
        closureIncidents: p.closureIncidents, closureProposed: closure, closureReasons,
      },
      incidents: listed, incidentsNotListed: shop.unlisted,
    },
  };
}

function pruneRecord(shop: ShopRecord, at: number, recordMs: number): void {
  let k = 0;
  while (k < shop.record.length && shop.record[k]! <= at - recordMs) k++;
  if (k > 0) shop.record.splice(0, k);
}
