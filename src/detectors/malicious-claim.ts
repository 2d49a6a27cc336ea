// Malicious claims and extortion of merchants (职业索赔, 恶意投诉): a claimant buys from a shop, then
// demands money in private with a threat (私了, 转388元, 封口费, 不然投诉/举报/关店/12315, 职业打假),
// by chat to the merchant and in the claim itself, shop after shop. The detector reads only the
// texts it needs (buyers' messages to merchants, claims, buyers' complaints against shops) with
// src/text's analyzeText, calls a text a demand when it asks for money and holds a lever over the
// merchant, and keeps one case per claimant (or group of claimants linked by the identity graph,
// by a demand script pasted word for word, or by a payment handle). A claim tied to a demand, or
// by a claimant the case already shows to be malicious, goes to `review` with `hold_payout` and
// `protect_merchant`; merchants' own reports (complaint.filed of kind extortion or
// malicious_claim) strengthen the case and are listed in it. One alert per case.
import { Type, type Static } from '@sinclair/typebox';
import { HOUR_MS, DAY_MS, type BulwarkEvent, type EventOf } from '../contract/index.js';
import type { AccountState, AlertUpdate, Cluster, Contribution, Detector, DetectorContext, DetectorResult, OrderState } from '../core/index.js';
import { analyzeText, type TextAnalysis } from '../text/index.js';
import {
  addClaim, addComplaint, addDemand, addLink, addReport, caseOf, caseUpdate, isCertain, isMalicious, mergeCases, openCase, join, reportingMerchants,
  resolve, targetOf, CASE, CLAIMANT, DUE, DUE_ID, HANDLE, SCRIPT, TEXT_CHARS, type Case, type CaseLink, type Demand,
} from './malicious-claim-case.js';


export const MaliciousClaimParams = Type.Object({
  demandIntent: Type.Number({ minimum: 0, maximum: 1, default: 0.7,
    description: 'extortion intent (src/text analyzeText, 0 to 1) from which a text that asks for money and holds a ' +
      'lever over the merchant is a demand. The lexicons alone give 0.8-0.9 to money with a complaint threat, an ' +
      'ultimatum or a claimant\'s law, and 0.6 to a complaint threat with an ultimatum (a consumer\'s right); 0.7 is ' +
      'that 0.6 lifted by an n-gram model that finds extortion more likely than not (posterior 0.5). Money alone (0.4) ' +
      'never reaches it' }),
  excessRatio: Type.Number({ minimum: 1, default: 1.5,
    description: 'a sum above this multiple of what the order cost is out of proportion, a price rather than a ' +
      'refund. A genuine claim asks for what was paid (with shipping, a little more); an ultimatum without a ' +
      'complaint threat is a demand only past it, and a claim past it is a weak signal by itself (the laws\' ' +
      'three- and ten-fold damages are lawful, so it never decides alone)' }),
  demandWindowMs: Type.Integer({ minimum: 0, default: 30 * DAY_MS,
    description: 'a demand sent to a merchant ties a claim against the merchant\'s shop filed this long after it, ms. ' +
      'The large platforms\' after-sale period runs 7 to 15 days after delivery, and a claimant demands first, then ' +
      'claims within days; a month covers both with margin' }),
  demandMerchantsToFlag: Type.Integer({ minimum: 1, default: 2,
    description: 'merchants sent a demand that make a case malicious even before any claim or report. One angry ' +
      'message may be a one-off; the same demand to a second merchant is a practice' }),
  reportsToFlag: Type.Integer({ minimum: 1, default: 2,
    description: 'distinct merchants whose reports (complaint.filed, kind extortion or malicious_claim) make a case ' +
      'malicious without any text. One merchant may complain of any claimant it wants to be rid of; two that do not ' +
      'know each other are independent witnesses' }),
  scriptMinChars: Type.Integer({ minimum: 4, default: 12,
    description: 'characters (normalised, sums masked) a demand must have for the same text from two accounts to ' +
      'link them as one group. A dozen characters is a sentence with a demand and a threat; two people do not write ' +
      'it the same, character for character, unless they copy one script' }),
  serialClaims: Type.Integer({ minimum: 2, default: 3,
    description: 'claims by one account from which, with serialClaimShare, it is a serial claimant (a weak signal). ' +
      'An ordinary buyer claims on about one order in 300; three claims on a handful of orders is a practice' }),
  accuseAfterMs: Type.Integer({ minimum: 0, default: DAY_MS,
    description: 'how long after a case becomes certain its alert opens, ms. The alert accuses its claimants and warns ' +
      'every shop they targeted; a ring\'s members work the same days, and its links (a shared device, a script two ' +
      'of them paste) show within them, so a day joins them in one alert instead of one per member. Nothing else ' +
      'waits: each claim is decided and held when it comes. 0 opens the alert at once' }),
  serialClaimShare: Type.Number({ minimum: 0, maximum: 1, default: 0.5,
    description: 'claims per order placed from which an account with serialClaims claims is a serial claimant. ' +
      'Professional claimants buy to claim (one claim per order); a heavy buyer with a few claims is far below half' }),
}, { additionalProperties: false });

export type MaliciousClaimParams = Static<typeof MaliciousClaimParams>;

/**
 * Scores. A claim tied to a demand scores the demand's intent and calls for review (a person
 * decides before any payout). A claim by a claimant already shown malicious elsewhere: 0.8,
 * review. Each merchant reporting the claimant removes 40% of the doubt (one 0.4, below any
 * action; two 0.64; three 0.78). A claim past excessRatio, or by a serial claimant: 0.3 each,
 * together a challenge, never more.
 */
const KNOWN_CLAIMANT_SCORE = 0.8;
/**
 * The most a reviewed claim scores here, below the default deny threshold (0.95): a malicious
 * claim is held for a person, never refused by this detector, since a greedy demand can hide a
 * genuine defect that the reviewer should still see put right.
 */
const REVIEW_CAP = 0.9;
const REPORT_DOUBT = 0.6;
const WEAK_SCORE = 0.3;
const REVIEW_ACTIONS = ['hold_payout', 'protect_merchant'] as const;

/** Detects claimants who extort merchants: demands with threats, by chat and in claims, across shops. */
export const maliciousClaimDetector: Detector<MaliciousClaimParams> = {
  kind: 'malicious_claim',
  version: '1',
  observes: ['message.sent', 'claim.filed', 'complaint.filed'],
  paramsSchema: MaliciousClaimParams,
  defaults: {
    demandIntent: 0.7, excessRatio: 1.5, demandWindowMs: 30 * DAY_MS, demandMerchantsToFlag: 2, reportsToFlag: 2,
    scriptMinChars: 12, accuseAfterMs: DAY_MS, serialClaims: 3, serialClaimShare: 0.5,
  },
  stateKeys(event) {
    // Cases, scripts and handles are found through the claimant's pointer as the event is judged.
    // Every event looks at the queue of alerts due.
    const due = [DUE, DUE_ID] as const;
    switch (event.type) {
      case 'message.sent': return [due, [CLAIMANT, event.data.from_id] as const];
      case 'claim.filed': return [due, [CLAIMANT, event.data.buyer_id] as const];
      case 'complaint.filed': return [due, [CLAIMANT, event.data.against_id] as const, [CLAIMANT, event.data.by_id] as const];
      default: return [];
    }
  },
  inspect(event, ctx) {
    // Alerts come due in event time; the stream's messages, claims and complaints are the clock.
    const opened = openDue(ctx, event.time);
    const result = inspectEvent(event, ctx);
    if (!opened) return result;
    return { ...result, alerts: [...opened, ...(result?.alerts ?? [])] };
  },
};

function inspectEvent(event: BulwarkEvent, ctx: Ctx): DetectorResult | undefined {
  switch (event.type) {
    case 'message.sent': return onMessage(event, ctx);
    case 'claim.filed': return onClaim(event, ctx);
    case 'complaint.filed': return onComplaint(event, ctx);
    default: return undefined;
  }
}

type Ctx = DetectorContext<MaliciousClaimParams>;

/** A buyer's message to a merchant: a demand opens or grows the buyer's case. */
function onMessage(e: EventOf<'message.sent'>, ctx: Ctx): DetectorResult | undefined {
  const d = e.data;
  if (!d.text) return undefined;
  // Merchants' messages to buyers are the harassment detector's; a claimant writes as a buyer.
  const from = ctx.entities.account(d.from_id);
  if (isMerchant(from)) return undefined;
  const to = ctx.entities.account(d.to_id);
  let order: OrderState | undefined;
  if (!isMerchant(to)) {
    // A recipient not yet known as a merchant still is one if it owns the shop of the order discussed.
    order = d.order_id === undefined ? undefined : ctx.entities.order(d.order_id);
    if (!order || ctx.entities.shop(order.shopId)?.ownerId !== d.to_id) return undefined;
  }
  const a = analyzeText(d.text);
  if (a.intents.extortion < ctx.params.demandIntent) return undefined;
  if (d.order_id !== undefined) order ??= ctx.entities.order(d.order_id);
  const intent = demandIntentOf(a, order?.amount, ctx.params);
  if (intent === 0) return undefined;
  const shop = order?.shopId ?? (to && to.shops.length === 1 ? to.shops[0] : undefined);
  let c = openCase(ctx.state, d.from_id, ctx.at);
  const t = targetOf(c, d.to_id, shop);
  if (t) { t.d = Math.max(t.d, intent); t.dAt = Math.max(t.dAt, ctx.at); }
  addDemand(c, demandOf(a, intent, { time: e.time, account: d.from_id, via: 'message', id: d.message_id, merchant: d.to_id, shop }));
  c = link(ctx, c, d.from_id, a, e.time);
  return finish(ctx, c, e.time);
}

/** A claim: judged on its own text, the demands sent to the merchant before it and the claimant's case. */
function onClaim(e: EventOf<'claim.filed'>, ctx: Ctx): DetectorResult | undefined {
  const d = e.data;
  const p = ctx.params;
  const order = ctx.entities.order(d.order_id);
  // The claimant's own words first; the reason (often picked from a list, 虚假宣传) only when they
  // are not a demand by themselves, as it may supply the lever (a claimant's law) they lack.
  const own = d.text ? analyzeText(d.text) : undefined;
  let a = own;
  let intent = own ? demandIntentOf(own, order?.amount, p) : 0;
  if (intent === 0 && d.reason) {
    a = analyzeText(d.text ? `${d.reason}，${d.text}` : d.reason);
    intent = demandIntentOf(a, order?.amount, p);
  }
  const support = weakSignals(d, order, ctx.entities.account(d.buyer_id), p);

  let c = caseOf(ctx.state, d.buyer_id);
  let linkedTo: string | undefined;
  if (!c) {
    const linked = linkedMaliciousCase(ctx, d.buyer_id, e.time);
    if (linked) {
      c = linked.c;
      linkedTo = `identity graph, ${linked.link.value}, with ${linked.link.b}`;
      join(ctx.state, c, d.buyer_id);
      addLink(c, linked.link);
    }
  }
  if (!c && intent === 0) return support.length ? { contributions: support } : undefined;

  const known = c !== undefined && isMalicious(c, p);
  c ??= openCase(ctx.state, d.buyer_id, ctx.at);
  const merchant = ctx.entities.shop(d.shop_id)?.ownerId;
  const t = targetOf(c, merchant, d.shop_id);
  // A demand sent to this merchant before, within the window (the claim is its formal follow-up).
  const earlier = t && t.d > 0 && t.dAt <= ctx.at && ctx.at - t.dAt <= p.demandWindowMs ? t : undefined;
  const reporters = reportingMerchants(c);
  if (reporters > 0) {
    support.push({ code: 'merchant_reports', score: 1 - REPORT_DOUBT ** reporters,
      message: `${reporters} merchant(s) reported the claimant for extortion or a malicious claim` });
  }
  let primary: Contribution | undefined;
  let why = 'claimant of an open case';
  if (intent > 0 || earlier) {
    primary = { code: 'extortion_demand', score: Math.max(intent, earlier?.d ?? 0), atLeast: 'review', actions: REVIEW_ACTIONS,
      message: intent > 0 && a ? `the claim demands money with a threat (${cueList(a)})`
        : `the claimant sent the merchant a demand for money with a threat ${hoursAgo(ctx.at - earlier!.dAt)} before this claim` };
    why = intent > 0 ? 'demand in the claim' : 'demand to the merchant before the claim';
  } else if (known) {
    primary = { code: 'known_malicious_claimant', score: KNOWN_CLAIMANT_SCORE, atLeast: 'review', actions: REVIEW_ACTIONS,
      message: linkedTo
        ? `the claimant is linked (${linkedTo}) to claimants who extorted ${demandedMerchants(c)} merchant(s)`
        : `the claimant has extorted ${demandedMerchants(c)} merchant(s) or been reported by ${reportingMerchants(c)}` };
    why = linkedTo ? `linked to the case (${linkedTo})` : 'claimant of a malicious case';
  }
  const contributions = primary ? foldInto(primary, support) : support;
  if (t) {
    t.claims++;
    if (intent > 0) { t.d = Math.max(t.d, intent); t.dAt = Math.max(t.dAt, ctx.at); }
  }
  if (intent > 0 && a) {
    addDemand(c, demandOf(a, intent, { time: e.time, account: d.buyer_id, via: 'claim', id: d.claim_id, merchant, shop: d.shop_id }));
  }
  const held = primary !== undefined;
  addClaim(c, { id: d.claim_id, time: e.time, account: d.buyer_id, shop: d.shop_id, order: d.order_id, amountFen: d.amount, held, why });
  // Scripts are the claimant's own words: the claim's text without the reason picked from a list.
  c = link(ctx, c, d.buyer_id, intent > 0 ? own : undefined, e.time);
  const result = finish(ctx, c, e.time);
  return { contributions, ...(result?.alerts ? { alerts: result.alerts } : {}) };
}

/** A merchant's report against a claimant, or a buyer's complaint against a shop or its merchant. */
function onComplaint(e: EventOf<'complaint.filed'>, ctx: Ctx): DetectorResult | undefined {
  const d = e.data;
  const againstShop = ctx.entities.shop(d.against_id);
  if (againstShop) return onComplaintAgainstShop(e, ctx, againstShop.ownerId, againstShop.id);
  const byAccount = ctx.entities.account(d.by_id);
  const against = ctx.entities.account(d.against_id);
  if (!isMerchant(byAccount) && isMerchant(against)) {
    return onComplaintAgainstShop(e, ctx, d.against_id, against!.shops.length === 1 ? against!.shops[0] : undefined);
  }
  if (d.kind !== 'extortion' && d.kind !== 'malicious_claim') return undefined;
  const by = merchantOf(ctx, d.by_id, d.order_ids);
  if (!by || by.merchant === d.against_id) return undefined;
  let c = openCase(ctx.state, d.against_id, ctx.at);
  const t = targetOf(c, by.merchant, by.shop);
  if (t) t.reports++;
  addReport(c, { id: d.complaint_id, time: e.time, by: d.by_id, ...by, against: d.against_id, kind: d.kind });
  c = link(ctx, c, d.against_id, undefined, e.time);
  return finish(ctx, c, e.time);
}

/** A buyer's complaint to the platform against a shop: a demand in it, or a complaint by a claimant of a case, joins the case. */
function onComplaintAgainstShop(e: EventOf<'complaint.filed'>, ctx: Ctx, merchant: string | undefined,
  shop: string | undefined): DetectorResult | undefined {
  const d = e.data;
  const existing = caseOf(ctx.state, d.by_id);
  if (!existing && !d.text) return undefined;
  if (isMerchant(ctx.entities.account(d.by_id))) return undefined;
  const order = d.order_ids?.length ? ctx.entities.order(d.order_ids[0]!) : undefined;
  const a = d.text ? analyzeText(d.text) : undefined;
  const intent = a ? demandIntentOf(a, order?.amount, ctx.params) : 0;
  if (!existing && intent === 0) return undefined;
  let c = existing ?? openCase(ctx.state, d.by_id, ctx.at);
  const t = targetOf(c, merchant, shop ?? order?.shopId);
  if (t) {
    t.complaints++;
    if (intent > 0) { t.d = Math.max(t.d, intent); t.dAt = Math.max(t.dAt, ctx.at); }
  }
  addComplaint(c, d.complaint_id);
  if (intent > 0 && a) {
    addDemand(c, demandOf(a, intent, { time: e.time, account: d.by_id, via: 'complaint', id: d.complaint_id, merchant, shop: shop ?? order?.shopId }));
  }
  c = link(ctx, c, d.by_id, intent > 0 ? a : undefined, e.time);
  return finish(ctx, c, e.time);
}

/**
 * The extortion intent of a text that is a demand, else 0. A demand asks for money (a money
 * cue such as 私了, 封口费, 转…元, or a sum) and holds a lever over the merchant: a complaint or
 * regulator threat or a claimant's law, or an ultimatum with a price out of proportion to what
 * was paid. "Refund me or I complain to 12315" names no price beyond the order and is a
 * consumer's right, not extortion.
 */
export function demandIntentOf(a: TextAnalysis, paidFen: number | undefined, p: MaliciousClaimParams): number {
  const x = a.intents.extortion;
  if (x < p.demandIntent) return 0;
  if (a.cues['money-demand'] === undefined && a.amounts.length === 0) return 0;
  if (a.cues['complaint-threat'] !== undefined || a.cues['professional-claimant'] !== undefined) return x;
  if (a.cues.pressure !== undefined && paidFen !== undefined && a.amounts.some((y) => y * 100 > paidFen * p.excessRatio)) return x;
  return 0;
}

/**
 * The primary reason with the supporting ones folded into its score (a noisy-or, capped at
 * REVIEW_CAP) and listed after it at score 0, so that every reason is shown and the detector
 * alone never denies a claim: a person decides.
 */
function foldInto(primary: Contribution, support: readonly Contribution[]): Contribution[] {
  let doubt = 1 - primary.score;
  for (const x of support) doubt *= 1 - x.score;
  return [{ ...primary, score: Math.min(REVIEW_CAP, 1 - doubt) }, ...support.map((x) => ({ ...x, score: 0 }))];
}

/** Weak signals of any claim: asking more than was paid, or an account that claims on most of its orders. */
function weakSignals(d: EventOf<'claim.filed'>['data'], order: OrderState | undefined, buyer: AccountState | undefined,
  p: MaliciousClaimParams): Contribution[] {
  const out: Contribution[] = [];
  if (order && d.amount > order.amount * p.excessRatio) {
    out.push({ code: 'claim_exceeds_payment', score: WEAK_SCORE,
      message: `the claim asks ${yuan(d.amount)} yuan for an order of ${yuan(order.amount)} yuan` });
  }
  if (buyer && buyer.claims >= p.serialClaims && buyer.claims >= p.serialClaimShare * buyer.orders) {
    out.push({ code: 'serial_claimant', score: WEAK_SCORE,
      message: `the account has filed ${buyer.claims} claims on ${buyer.orders} order(s)` });
  }
  return out;
}

/**
 * Joins the case with other cases its claimant is linked to: by the identity graph (a shared
 * device, payment id, phone or door), and, for a demand, by its script (the text with sums
 * masked) or a payment handle it names, used before by another case.
 */
function link(ctx: Ctx, c: Case, account: string, demand: TextAnalysis | undefined, time: string): Case {
  const p = ctx.params;
  if (demand) {
    const script = demand.text.compact.replace(/[0-9]+/g, '#');
    if ([...script].length >= p.scriptMinChars) c = linkBy(ctx, c, SCRIPT, script, { a: account, via: 'script', value: script, time });
    for (const h of demand.contacts) c = linkBy(ctx, c, HANDLE, h, { a: account, via: 'handle', value: h, time });
  }
  if (ctx.entities.clusterRoot(account).size > 1) {
    const cluster = ctx.entities.cluster(account);
    for (const m of cluster.accounts) {
      if (m === account) continue;
      const other = caseOf(ctx.state, m);
      if (!other || other.id === c.id) continue;
      c = mergeCases(ctx.state, c, other, graphLink(cluster, account, m, time));
    }
  }
  return c;
}

/** Merges with the case that first used `key` in namespace `ns`, or records this case as its user. */
function linkBy(ctx: Ctx, c: Case, ns: string, key: string, l: Omit<CaseLink, 'b'>): Case {
  const first = ctx.state.get<string>(ns, key);
  const other = first === undefined ? undefined : resolve(ctx.state, first);
  if (!other) { ctx.state.set(ns, key, c.id); return c; }
  if (other.id === c.id) return c;
  return mergeCases(ctx.state, c, other, { ...l, b: other.accounts[0] ?? other.id });
}

/** A malicious case of an account in the claimant's identity-graph cluster, and the link that joins them. */
function linkedMaliciousCase(ctx: Ctx, account: string, time: string): { c: Case; link: CaseLink } | undefined {
  if (ctx.entities.clusterRoot(account).size < 2) return undefined;
  const cluster = ctx.entities.cluster(account);
  for (const m of cluster.accounts) {
    if (m === account) continue;
    const c = caseOf(ctx.state, m);
    if (c && isMalicious(c, ctx.params)) return { c, link: graphLink(cluster, account, m, time) };
  }
  return undefined;
}

/** The evidence of a graph link between two members of a cluster: a strong link of either, else the cluster. */
function graphLink(cluster: Cluster, a: string, b: string, time: string): CaseLink {
  const shared = cluster.links.find((l) => !l.weak && (l.a === a || l.b === a || l.a === b || l.b === b));
  return { a, b, via: 'graph', value: shared ? `${shared.via}:${shared.value}` : `cluster:${cluster.root}`, time };
}

/**
 * Saves the case and grows its alert; a case that has just become certain is queued, and its
 * alert opens accuseAfterMs later (at once when that is 0).
 */
function finish(ctx: Ctx, c: Case, time: string): DetectorResult | undefined {
  if (c.alerted === undefined && isCertain(c, ctx.params)) {
    if (c.certainAt === undefined) {
      c.certainAt = ctx.at;
      if (ctx.params.accuseAfterMs > 0) enqueue(ctx, ctx.at + ctx.params.accuseAfterMs, c.id);
    }
    if (ctx.at - c.certainAt >= ctx.params.accuseAfterMs) c.alerted = time;
  }
  ctx.state.set(CASE, c.id, c);
  return c.alerted !== undefined ? { alerts: [caseUpdate(c)] } : undefined;
}

/** [due time ms, case id], soonest first. */
type DueQueue = Array<[number, string]>;

function enqueue(ctx: Ctx, dueAt: number, caseId: string): void {
  const q = ctx.state.get<DueQueue>(DUE, DUE_ID) ?? [];
  let i = q.length;
  while (i > 0 && q[i - 1]![0] > dueAt) i--;
  q.splice(i, 0, [dueAt, caseId]);
  ctx.state.set(DUE, DUE_ID, q);
}

/** Opens the alerts of the queued cases due by now that have none yet (a case merged meanwhile opens its survivor's). */
function openDue(ctx: Ctx, time: string): AlertUpdate[] | undefined {
  const q = ctx.state.get<DueQueue>(DUE, DUE_ID);
  if (!q || q.length === 0 || q[0]![0] > ctx.at) return undefined;
  let out: AlertUpdate[] | undefined;
  while (q.length > 0 && q[0]![0] <= ctx.at) {
    const c = resolve(ctx.state, q.shift()![1]);
    if (!c || c.alerted !== undefined) continue;
    c.alerted = time;
    ctx.state.set(CASE, c.id, c);
    (out ??= []).push(caseUpdate(c));
  }
  ctx.state.set(DUE, DUE_ID, q);
  return out;
}

/** The merchant behind a complaint's author: a shop, a merchant account, or the owner of the complaint's order's shop. */
function merchantOf(ctx: Ctx, byId: string, orderIds: readonly string[] | undefined): { merchant?: string; shop?: string } | undefined {
  const shop = ctx.entities.shop(byId);
  if (shop) return { ...(shop.ownerId ? { merchant: shop.ownerId } : {}), shop: shop.id };
  const order = orderIds?.length ? ctx.entities.order(orderIds[0]!) : undefined;
  const orderShop = order ? ctx.entities.shop(order.shopId) : undefined;
  const account = ctx.entities.account(byId);
  if (orderShop && (orderShop.ownerId === byId || (isMerchant(account) && orderShop.ownerId === undefined))) {
    return { merchant: byId, shop: orderShop.id };
  }
  if (!isMerchant(account)) return undefined;
  return { merchant: byId, ...(account!.shops.length === 1 ? { shop: account!.shops[0]! } : {}) };
}

function isMerchant(a: AccountState | undefined): boolean {
  return a !== undefined && (a.role === 'merchant' || a.shops.length > 0);
}

function demandOf(a: TextAnalysis, intent: number, o: Omit<Demand, 'text' | 'amounts' | 'cues' | 'intent' | 'merchant' | 'shop'> &
  { merchant: string | undefined; shop: string | undefined }): Demand {
  const cues: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(a.cues)) if (v && k !== 'apology') cues[k] = v;
  const { merchant, shop, ...rest } = o;
  return {
    ...rest, ...(merchant !== undefined ? { merchant } : {}), ...(shop !== undefined ? { shop } : {}),
    text: [...a.text.spaced].slice(0, TEXT_CHARS).join(''), amounts: a.amounts, cues, intent,
  };
}

function demandedMerchants(c: Case): number {
  return c.targets.filter((t) => t.d > 0).length;
}

function cueList(a: TextAnalysis): string {
  const terms = [...(a.cues['money-demand'] ?? []), ...(a.cues.pressure ?? []), ...(a.cues['complaint-threat'] ?? []),
    ...(a.cues['professional-claimant'] ?? [])];
  const sums = a.amounts.length ? `; ${a.amounts.join(', ')} yuan` : '';
  return `${terms.slice(0, 6).join(', ')}${sums}`;
}

function hoursAgo(ms: number): string {
  return ms < HOUR_MS ? `${Math.max(1, Math.round(ms / 60_000))} min` : `${Math.round(ms / HOUR_MS)} h`;
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
