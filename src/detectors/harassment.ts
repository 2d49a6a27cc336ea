// Merchants harassing consumers (商家骚扰威胁): after a bad review, the merchant threatens or
// insults the buyer, calls and messages again and again to force the review down, or shows that
// they know where the buyer lives. Judged on the merchant's own messages (any channel of
// message.sent), so a consumer who has no proof or files no complaint is protected too; a
// harassment complaint by the consumer is linked in and strengthens the case. One or two polite
// follow-ups ("sorry, we can replace it") are ordinary after-sale care and never count.
//
// State: a watch per (merchant account, consumer) opened by a bad review and forgotten when it
// ends (expiry.ts), and a record per shop that harassed (its current case and the incidents on
// its record). message.sent is not a decision point: the detector raises one alert per shop case
// and never warns the shop (warnings.withheldReasons).
import { Type, type Static } from '@sinclair/typebox';
import { HOUR_MS, DAY_MS, type EventOf } from '../contract/index.js';
import type { AlertUpdate, Detector, DetectorContext, DetectorResult } from '../core/index.js';
import { analyzeText, normalizeAddress, type LexiconName, type TextAnalysis } from '../text/index.js';
import {
  addIncident, caseKey, caseUpdate, newShopRecord, updateIncident,
  type HarassmentReason, type IncidentEvidence, type ShopRecord,
} from './harassment-case.js';
import { messageEvidence, type MessageEvidence } from './message-evidence.js';
import { renewExpiry, scheduleExpiry, sweepExpired } from './expiry.js';


export const HarassmentParams = Type.Object({
  badRatingMax: Type.Integer({ minimum: 1, maximum: 4, default: 2,
    description: 'a review rated at most this (stars, 1-5) is a bad review whose writer is watched. Platforms count 1-2 ' +
      'stars as negative (差评) and 3 as neutral (中评); harassment reports are about 差评' }),
  watchMs: Type.Integer({ minimum: HOUR_MS, default: 14 * DAY_MS,
    description: 'how long after a bad review (or the last contact of an open incident) the merchant\'s contacts with the ' +
      'consumer are watched, ms. Harassment starts within hours or days of the review; a platform\'s review can be ' +
      'appended to for 15 days (追评), after which a merchant has nothing left to press for' }),
  hostileThreat: Type.Number({ minimum: 0, maximum: 1, default: 0.7,
    description: 'threat score (the text module\'s intents.threat, 0-1) from which one message is hostile. The text ' +
      'module gives an insult 0.7, a review demand with an ultimatum 0.8, a threat to the person 0.85; a review demand ' +
      'alone (0.3) lifted by the n-gram model stays at 0.65 at most, so "please change your review" is never hostile' }),
  repeatContacts: Type.Integer({ minimum: 2, default: 5,
    description: 'unsolicited contacts that are not polite (calls, messages; not replies) within repeatWindowMs that ' +
      'make repeated contact. One ' +
      'or two polite messages are after-sale care and a call back on top of them is normal; harassment complaints ' +
      'tell of ten or more calls a day' }),
  repeatWindowMs: Type.Integer({ minimum: HOUR_MS, default: DAY_MS,
    description: 'the window repeated contact is counted in, ms: one day, the span consumers describe ("一天打了十几个电话")' }),
  replyWindowMs: Type.Integer({ minimum: 0, default: 12 * HOUR_MS,
    description: 'a merchant\'s message or call within this long of the consumer\'s own message to them is a reply, ms, ' +
      'and not unsolicited contact (at most repliesPerMessage per message of theirs). A conversation the consumer keeps ' +
      'going is no campaign; shops answer within hours' }),
  repliesPerMessage: Type.Integer({ minimum: 0, default: 2,
    description: 'replies a consumer\'s message allows: an answer often takes two lines; a third is the merchant\'s own ' +
      'initiative again, so a consumer who writes "stop calling me" does not open the door to a call storm' }),
  complaintContacts: Type.Integer({ minimum: 1, default: 3,
    description: 'with the consumer\'s harassment complaint, this many unsolicited contacts that are not polite (at any ' +
      'spacing) make ' +
      'an incident: the complaint says they were unwanted, the merchant\'s record says they happened' }),
  pointsPerIncident: Type.Integer({ minimum: 0, default: 12,
    description: 'penalty points proposed per (shop, consumer) incident: Taobao\'s rules count harassing a consumer as a ' +
      'serious violation (严重违规) of 12 points' }),
  closureIncidents: Type.Integer({ minimum: 1, default: 4,
    description: 'incidents on a shop\'s record (within recordMs) from which shop closure is proposed: 4 incidents of 12 ' +
      'points reach 48, the serious-violation points at which Taobao closes a shop. A threat to the person or a ' +
      'revealed address proposes closure at once' }),
  recordMs: Type.Integer({ minimum: DAY_MS, default: 365 * DAY_MS,
    description: 'how long an incident stays on the shop\'s record, ms: violation points are counted per calendar year' }),
  caseGapMs: Type.Integer({ minimum: HOUR_MS, default: 30 * DAY_MS,
    description: 'a new incident this long after the shop\'s last one opens a new case (a new alert), ms; within it the ' +
      'incidents are one campaign and one alert. Earlier incidents stay on the record for closure' }),
}, { additionalProperties: false });

export type HarassmentParams = Static<typeof HarassmentParams>;

/**
 * A bad review's writer, watched: the merchant's contacts with them since the review. Keyed by
 * (merchant account, consumer), since a message names accounts, not shops.
 */
interface Watch {
  /** The consumer. */
  b: string;
  /** Shop reviewed (the latest bad review's), orders reviewed badly, lowest rating, first bad review time. */
  s: string;
  o: string[];
  rt: number;
  r: number;
  /** When the watch ends (event time, ms). */
  e: number;
  /** Contacts since the review; polite ones; replies to the consumer; calls. */
  n: number;
  np: number;
  nr: number;
  nc: number;
  /** The consumer's last message to the merchant, and the replies it still allows. */
  lc: number;
  q: number;
  /** Times of the contacts that are not polite, ascending (the latest MAX_RECENT), and the most in one window. */
  t: number[];
  pk: number;
  /** Hostile messages; messages threatening the person; messages revealing the address. */
  h: number;
  tp: number;
  ar: number;
  cp: string[];
  m: MessageEvidence[];
  /** Contacts not listed in `m`. */
  mx: number;
  /** When the incident opened (absent while it has not), and the case (`shop#case`) it was put in. */
  inc?: number;
  ck?: string;
}

/** State namespaces: watches by (merchant, consumer), shop records by shop. */
const WATCH = 'watch';
const SHOP = 'shop';

/** Non-polite contact times kept per watch: enough to count any window up to a few dozen contacts. */
const MAX_RECENT = 64;
/** Messages listed per incident, orders per watch, complaints per incident. */
const MAX_MESSAGES = 24;
const MAX_ORDERS = 4;
const MAX_COMPLAINTS = 8;
/** Consumer messages whose replies are allowed at once: a question in three lines, not a backlog. */
const MAX_PENDING_MESSAGES = 3;
/** The lexicons an analyst needs to see in a harassment message. */
const CUE_LEXICONS: readonly LexiconName[] = ['personal-threat', 'insult', 'review-pressure', 'pressure', 'apology'];
/** A run of digits in the text: without one no door or phone can be named, and no address is parsed. */
const DIGIT = /[0-9０-９一二三四五六七八九]/;

/** Detects merchants who harass consumers after a bad review. */
export const harassmentDetector: Detector<HarassmentParams> = {
  kind: 'harassment',
  version: '1',
  observes: ['review.posted', 'message.sent', 'complaint.filed'],
  paramsSchema: HarassmentParams,
  defaults: {
    badRatingMax: 2, watchMs: 14 * DAY_MS, hostileThreat: 0.7, repeatContacts: 5, repeatWindowMs: DAY_MS,
    replyWindowMs: 12 * HOUR_MS, repliesPerMessage: 2, complaintContacts: 3, pointsPerIncident: 12, closureIncidents: 4, recordMs: 365 * DAY_MS, caseGapMs: 30 * DAY_MS,
  },
  stateKeys(event) {
    // A review's merchant (the shop's owner) is known only from entity state as it is inspected.
    if (event.type === 'message.sent') {
      return [[WATCH, watchId(event.data.from_id, event.data.to_id)] as const, [WATCH, watchId(event.data.to_id, event.data.from_id)] as const];
    }
    if (event.type === 'complaint.filed') return [[WATCH, watchId(event.data.against_id, event.data.by_id)] as const];
    return [];
  },
  inspect(event, ctx) {
    sweepExpired(ctx.state, ctx.at, (ns, id) => forget(ctx, ns, id));
    if (event.type === 'message.sent') return onMessage(event, ctx);
    if (event.type === 'review.posted') onReview(event, ctx);
    else if (event.type === 'complaint.filed') return onComplaint(event, ctx);
    return undefined;
  },
};

function onReview(e: EventOf<'review.posted'>, ctx: DetectorContext<HarassmentParams>): void {
  const d = e.data;
  if (d.rating > ctx.params.badRatingMax) return;
  const merchant = ctx.entities.shop(d.shop_id)?.ownerId;
  if (merchant === undefined || merchant === d.buyer_id) return;
  const id = watchId(merchant, d.buyer_id);
  let w = ctx.state.get<Watch>(WATCH, id);
  if (!w) {
    w = { b: d.buyer_id, s: d.shop_id, o: [], rt: d.rating, r: ctx.at, e: 0, n: 0, np: 0, nr: 0, nc: 0, lc: 0, q: 0, t: [], pk: 0, h: 0, tp: 0, ar: 0, cp: [], m: [], mx: 0 };
  }
  w.s = d.shop_id;
  if (!w.o.includes(d.order_id) && w.o.length < MAX_ORDERS) w.o.push(d.order_id);
  w.rt = Math.min(w.rt, d.rating);
  w.r = Math.min(w.r, ctx.at);
  extend(ctx, id, w, ctx.at + ctx.params.watchMs);
  ctx.state.set(WATCH, id, w);
}

/** What one message is, for harassment. */
interface Reading {
  analysis: Readonly<TextAnalysis> | undefined;
  polite: boolean;
  hostile: boolean;
  toPerson: boolean;
  reveals: boolean;
}

function onMessage(e: EventOf<'message.sent'>, ctx: DetectorContext<HarassmentParams>): DetectorResult | undefined {
  const d = e.data;
  const id = watchId(d.from_id, d.to_id);
  const w = ctx.state.get<Watch>(WATCH, id);
  // Only the merchant's contacts with a consumer who reviewed them badly, after the review and while watched.
  if (!w) {
    noteConsumerMessage(d.to_id, d.from_id, ctx);
    return undefined;
  }
  if (ctx.at < w.r || ctx.at > w.e) return undefined;
  const p = ctx.params;
  const reading = read(d.text, d.to_id, ctx);
  w.n++;
  if (d.channel === 'phone') w.nc++;
  if (reading.polite) w.np++;
  else if (w.q > 0 && ctx.at - w.lc <= p.replyWindowMs) { w.q--; w.nr++; }
  else countContact(w, ctx.at, p.repeatWindowMs);
  if (reading.hostile) w.h++;
  if (reading.toPerson) w.tp++;
  if (reading.reveals) w.ar++;
  listMessage(w, messageEvidence(e, reading.analysis, CUE_LEXICONS), !reading.polite && (reading.hostile || reading.reveals
    || reading.analysis?.cues['review-pressure'] !== undefined));
  return progress(id, w, d.from_id, ctx);
}

/**
 * A watched consumer writing to the merchant: the merchant's next messages may be replies. Several
 * messages in a row allow more replies, up to MAX_PENDING_MESSAGES messages' worth.
 */
function noteConsumerMessage(merchant: string, consumer: string, ctx: DetectorContext<HarassmentParams>): void {
  const id = watchId(merchant, consumer);
  const w = ctx.state.get<Watch>(WATCH, id);
  if (!w || ctx.at < w.r) return;
  const p = ctx.params;
  w.lc = Math.max(w.lc, ctx.at);
  w.q = Math.min(w.q + p.repliesPerMessage, MAX_PENDING_MESSAGES * p.repliesPerMessage);
  ctx.state.set(WATCH, id, w);
}

function onComplaint(e: EventOf<'complaint.filed'>, ctx: DetectorContext<HarassmentParams>): DetectorResult | undefined {
  const d = e.data;
  if (d.kind !== 'harassment') return undefined;
  // Filed against the merchant's account or against the shop (then its owner is the merchant).
  const merchant = ctx.entities.shop(d.against_id)?.ownerId ?? d.against_id;
  const id = watchId(merchant, d.by_id);
  const w = ctx.state.get<Watch>(WATCH, id);
  if (!w || w.cp.includes(d.complaint_id)) return undefined;
  if (w.cp.length < MAX_COMPLAINTS) w.cp.push(d.complaint_id);
  return progress(id, w, merchant, ctx);
}

/** Saves the watch and opens or grows its incident when it is one. */
function progress(id: string, w: Watch, merchant: string, ctx: DetectorContext<HarassmentParams>): DetectorResult | undefined {
  const p = ctx.params;
  const reasons = reasonsOf(w, p);
  if (reasons.length === 0) {
    ctx.state.set(WATCH, id, w);
    return undefined;
  }
  const shop = ctx.state.get<ShopRecord>(SHOP, w.s) ?? newShopRecord(merchant);
  shop.merchant = merchant;
  const inc = incidentOf(w, reasons, w.inc ?? ctx.at);
  if (w.ck !== undefined && w.ck === caseKey(w.s, shop.caseNo)) {
    updateIncident(shop, inc, ctx.at, p.recordMs);
  } else {
    // An incident is put on the shop's record once, when it opens (or joins a new case it ran into).
    addIncident(shop, inc, ctx.at, { ...p, onRecord: w.inc === undefined });
    w.inc ??= ctx.at;
    w.ck = caseKey(w.s, shop.caseNo);
    scheduleExpiry(ctx.state, SHOP, w.s, ctx.at + Math.max(p.recordMs, p.caseGapMs));
  }
  // Harassment that goes on is watched as long as it goes on.
  extend(ctx, id, w, ctx.at + p.watchMs);
  ctx.state.set(WATCH, id, w);
  ctx.state.set(SHOP, w.s, shop);
  const alert: AlertUpdate = caseUpdate(w.s, shop, p, inc);
  return { alerts: [alert] };
}

/** Why the watch is an incident, strongest first; empty while it is not one. */
function reasonsOf(w: Watch, p: HarassmentParams): HarassmentReason[] {
  const out: HarassmentReason[] = [];
  if (w.tp > 0) out.push('threat_to_person');
  if (w.ar > 0) out.push('address_revealed');
  if (w.h > 0) out.push('hostile_message');
  if (w.pk >= p.repeatContacts) out.push('repeated_contact');
  if (w.cp.length > 0 && w.n - w.np - w.nr >= p.complaintContacts) out.push('complaint_with_contact');
  return out;
}

function incidentOf(w: Watch, reasons: HarassmentReason[], openedAt: number): IncidentEvidence {
  return {
    consumer: w.b, openedAt: new Date(openedAt).toISOString(),
    review: { at: new Date(w.r).toISOString(), rating: w.rt, orders: [...w.o] },
    reasons, contacts: w.n, politeContacts: w.np, replies: w.nr, calls: w.nc, peakContactsInWindow: w.pk, hostileMessages: w.h,
    complaints: [...w.cp], messages: [...w.m], messagesNotListed: w.mx,
  };
}

/**
 * Reads a message's text, if any. Polite: courtesy and nothing hostile. Hostile: the text module's
 * threat score reaches hostileThreat. To the person: a threat against the consumer themselves
 * (where they live, coming round). Reveals: names the consumer's phone number, or a door, in a
 * message that is hostile or presses about the review.
 */
function read(text: string | undefined, consumer: string, ctx: DetectorContext<HarassmentParams>): Reading {
  if (!text) return { analysis: undefined, polite: false, hostile: false, toPerson: false, reveals: false };
  const a = analyzeText(text);
  const toPerson = a.cues['personal-threat'] !== undefined;
  const hostile = toPerson || a.intents.threat >= ctx.params.hostileThreat;
  const polite = a.polite && !hostile;
  let reveals = false;
  if (!polite && DIGIT.test(a.text.compact)) {
    const phone = ctx.entities.account(consumer)?.phone;
    reveals = (phone !== undefined && a.contacts.includes(`phone:${phone}`))
      || ((hostile || a.cues['review-pressure'] !== undefined) && namesDoor(a.text.compact));
  }
  return { analysis: a, polite, hostile, toPerson, reveals };
}

/** Whether the text names a door: a building and a room, as the address parser reads them. */
function namesDoor(compact: string): boolean {
  const parsed = normalizeAddress({ province: '', city: '', detail: compact });
  return !parsed.vague && parsed.building !== undefined && parsed.room !== undefined;
}

/** Counts a contact that is not polite at `at` and the most such contacts in one window around it. */
function countContact(w: Watch, at: number, windowMs: number): void {
  const t = w.t;
  let i = t.length;
  while (i > 0 && t[i - 1]! > at) i--;
  t.splice(i, 0, at);
  if (t.length > MAX_RECENT) t.shift();
  let before = 0;
  let after = 0;
  for (const x of t) {
    if (x >= at - windowMs && x <= at) before++;
    if (x >= at && x <= at + windowMs) after++;
  }
  w.pk = Math.max(w.pk, before, after);
}

/** Lists a message as evidence; cued ones push out calls and plain messages once the list is full. */
function listMessage(w: Watch, m: MessageEvidence, cued: boolean): void {
  if (w.m.length < MAX_MESSAGES) { w.m.push(m); return; }
  const plain = cued ? w.m.findIndex((x) => x.cues === undefined || onlyCourtesy(x)) : -1;
  if (plain < 0) { w.mx++; return; }
  w.m.splice(plain, 1);
  w.m.push(m);
  w.mx++;
}

function onlyCourtesy(m: MessageEvidence): boolean {
  return m.cues !== undefined && Object.keys(m.cues).every((k) => k === 'apology' || k === 'pressure');
}

/** Moves the watch's end to `until` (never earlier; within the hour expiry works in) and lists it to be forgotten then. */
function extend(ctx: DetectorContext<HarassmentParams>, id: string, w: Watch, until: number): void {
  w.e = renewExpiry(ctx.state, WATCH, id, w.e, until);
}

/** Deletes a watch or shop record whose time has passed (it may have been renewed since it was listed). */
function forget(ctx: DetectorContext<HarassmentParams>, ns: string, id: string): void {
  if (ns === WATCH) {
    const w = ctx.state.get<Watch>(WATCH, id);
    if (w && w.e <= ctx.at) ctx.state.delete(WATCH, id);
  } else if (ns === SHOP) {
    const s = ctx.state.get<ShopRecord>(SHOP, id);
    const p = ctx.params;
    if (s && s.lastAt + Math.max(p.recordMs, p.caseGapMs) <= ctx.at) ctx.state.delete(SHOP, id);
  }
}

function watchId(merchant: string, consumer: string): string {
  return `${merchant}|${consumer}`;
}
