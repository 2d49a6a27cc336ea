// Refund-only abuse (仅退款薅羊毛): accounts take the goods and ask for their money back without
// returning them and without cause. One such request proves nothing (goods do arrive broken or not
// as described), so the detector weighs each one on the behaviour around it: no evidence, the
// goods already delivered, soon after delivery, an expensive order, a young account, and an
// account whose refund-only requests are a large share of its orders (a Beta-shrunk rate, so that
// one honest refund on one order is not a 100% refunder). What no household does is several
// linked accounts (shared devices, payment ids, phones, doors: the identity graph) each taking
// goods and refunding without cause; that is a farm, reviewed or denied, with one alert.
//
// A refund of an order that was never shipped, or is still on its way, takes nothing (the parcel is
// stopped or refused); a return gives the goods back; a request with photos is what a buyer with
// broken goods sends. None of these is doubted. State: one small record per account that asked a
// refund-only for delivered goods (this module), and the farm's incident (refund-abuse-farm.ts).
import { Type, type Static } from '@sinclair/typebox';
import { HOUR_MS, DAY_MS, type EventOf } from '../contract/index.js';
import type { AlertUpdate, Contribution, Detector, DetectorContext, DetectorResult, OrderState } from '../core/index.js';
import {
  judgeFarm, MAX_RECORD_ORDERS, ordersOf, REFUNDER_NS, shrunkRate, WITH_EVIDENCE, WITHOUT_EVIDENCE, type RefunderRecord,
} from './refund-abuse-farm.js';


export const RefundAbuseParams = Type.Object({
  expensiveFen: Type.Integer({ minimum: 1, default: 30_000,
    description: 'a refund-only request of at least this amount is for expensive goods, fen. 300 yuan is about three ' +
      'times a typical order on Chinese marketplaces (around 100 yuan); refund-only fraud goes for goods worth keeping or ' +
      'reselling (phones, cosmetics, shoes, liquor), and below this a dispute costs more to fight than it is worth' }),
  soonAfterDeliveryMs: Type.Integer({ minimum: 0, default: DAY_MS,
    description: 'a refund-only request this soon after delivery, without evidence, comes before the goods could have ' +
      'been used enough to be found wanting, ms. Abusers ask as soon as the parcel is in hand; a day covers a parcel ' +
      'picked up from a locker in the evening' }),
  youngAccountMs: Type.Integer({ minimum: 0, default: 30 * DAY_MS,
    description: 'an account registered less than this before its request is young, ms. Farms register accounts for ' +
      'the job; a month is the usual horizon of new-account risk rules (and of new-user offers). Accounts registered ' +
      'before the stream began carry no registration time and are not called young' }),
  priorRate: Type.Number({ minimum: 0.0001, maximum: 0.5, default: 0.01,
    description: 'prior mean of the share of an account\'s orders that end in a refund-only request without evidence ' +
      'for delivered goods (per order). Under 1 in 100 on a marketplace with an ordinary dispute rate; the mean of the ' +
      'Beta prior every account\'s rate is shrunk towards' }),
  priorOrders: Type.Number({ minimum: 1, maximum: 1000, default: 10,
    description: 'weight of that prior, in orders: an account\'s own rate counts as much as the prior once it has this ' +
      'many orders. One refund on one order then reads (1 + 0.1) / 11 = 10%, not 100%; four of four read 29%' }),
  minFarmAccounts: Type.Integer({ minimum: 2, maximum: 50, default: 3,
    description: 'linked accounts (one identity-graph cluster) that must each have asked a refund-only without evidence ' +
      'for delivered goods before the group is a farm. A couple sharing a tablet, a card and a door is a household of ' +
      'two; three linked refunders is where a household ends' }),
  farmMinRate: Type.Number({ minimum: 0, maximum: 1, default: 0.1,
    description: 'the linked group\'s shrunk rate of refund-only requests without evidence per order (all its members\' ' +
      'orders, with the prior above) must reach this too, so that a large cluster of ordinary buyers (a chain of shared ' +
      'doors and cards) with a few disputes among hundreds of orders is not a farm. Ten times the prior mean: a farm ' +
      'refunds most of what it buys' }),
  denyFarmAccounts: Type.Integer({ minimum: 2, maximum: 256, default: 6,
    description: 'a farm with this many linked refunders is denied its refund-only requests without evidence (the ' +
      'buyer may return the goods instead); smaller farms are reviewed by a person. Twice the farm minimum leaves no ' +
      'room for a household or a shared office to explain it' }),
}, { additionalProperties: false });

export type RefundAbuseParams = Static<typeof RefundAbuseParams>;

/**
 * Scores of the signals of one request (noisy-or: any two of soon, expensive and young together
 * with the missing evidence reach the challenge threshold of 0.5; none of them alone does).
 */
const SCORE = {
  /** A refund-only request without evidence for delivered goods: doubtful, never enough alone. */
  noEvidence: 0.2,
  soon: 0.25,
  expensive: 0.3,
  young: 0.25,
  /** A farm member's request goes to a person (review threshold 0.75); at the deny size, denied. */
  farm: 0.8,
  farmDeny: 0.95,
} as const;
const ASK_EVIDENCE = ['require_evidence'] as const;
const HOLD = ['require_evidence', 'hold_refund'] as const;

/** Where the goods of the refunded order are: the stage that says whether a refund-only takes anything. */
type Stage = 'not_shipped' | 'in_transit' | 'delivered' | 'unknown';

/** Detects refund-only abuse: doubtful refund-only requests and farms of linked accounts that make them. */
export const refundAbuseDetector: Detector<RefundAbuseParams> = {
  kind: 'refund_abuse',
  version: '1',
  observes: ['refund.requested'],
  paramsSchema: RefundAbuseParams,
  defaults: {
    expensiveFen: 30_000, soonAfterDeliveryMs: DAY_MS, youngAccountMs: 30 * DAY_MS, priorRate: 0.01, priorOrders: 10,
    minFarmAccounts: 3, farmMinRate: 0.1, denyFarmAccounts: 6,
  },
  stateKeys(event) {
    // The records of the buyer's linked accounts are found through the graph as the request is judged.
    if (event.type !== 'refund.requested') return [];
    return [[REFUNDER_NS, event.data.buyer_id] as const];
  },
  inspect(event, ctx) {
    if (event.type !== 'refund.requested' || event.data.kind !== 'refund_only') return undefined;
    return onRefundOnly(event, ctx);
  },
};

function onRefundOnly(e: EventOf<'refund.requested'>, ctx: DetectorContext<RefundAbuseParams>): DetectorResult | undefined {
  const d = e.data;
  const p = ctx.params;
  const order = ctx.entities.order(d.order_id);
  const stage = stageOf(order);
  // Nothing was taken: the goods never left, or the parcel can still be stopped or refused.
  if (stage === 'not_shipped' || stage === 'in_transit') return undefined;
  const evidence = (d.evidence ?? 0) > 0;
  const rec = noteRequest(ctx, { buyer: d.buyer_id, orderId: d.order_id, shopId: order?.shopId, amount: d.amount, evidence });
  const account = ctx.entities.account(d.buyer_id);

  const contributions: Contribution[] = [];
  if (!evidence) {
    contributions.push({ code: 'refund_only_without_evidence', score: SCORE.noEvidence, actions: ASK_EVIDENCE,
      message: stage === 'delivered'
        ? `refund-only of ${yuan(d.amount)} for delivered goods without evidence`
        : `refund-only of ${yuan(d.amount)} without evidence (the order's delivery is not known)` });
    if (stage === 'delivered' && order!.deliveredAt !== undefined && ctx.at - order!.deliveredAt < p.soonAfterDeliveryMs) {
      contributions.push({ code: 'refund_soon_after_delivery', score: SCORE.soon, actions: ASK_EVIDENCE,
        message: `asked ${hours(ctx.at - order!.deliveredAt)} after delivery, before the goods could have been used` });
    }
    if (d.amount >= p.expensiveFen) {
      contributions.push({ code: 'refund_expensive_goods', score: SCORE.expensive, actions: ASK_EVIDENCE,
        message: `${yuan(d.amount)} is at least ${yuan(p.expensiveFen)}` });
    }
    const age = account?.registeredAt === undefined ? undefined : ctx.at - account.registeredAt;
    if (age !== undefined && age < p.youngAccountMs) {
      contributions.push({ code: 'refund_young_account', score: SCORE.young, actions: ASK_EVIDENCE,
        message: `account registered ${days(age)} before the request` });
    }
    // The first doubtful request is never history: one honest refund makes nobody an abuser.
    if (rec.k >= 2) {
      const orders = ordersOf(account, rec);
      const rate = shrunkRate(rec.k, orders, p);
      contributions.push({ code: 'refund_only_history', score: rate, actions: ASK_EVIDENCE,
        message: `${rec.k} refund-only requests without evidence on ${orders} order(s): ${pct(rate)} after shrinking towards ` +
          `the prior of ${pct(p.priorRate)} over ${p.priorOrders} orders` });
    }
  }

  // A request of a linked group is judged as the group's: its refunders, its rate, its incident.
  let alert: AlertUpdate | undefined;
  if (ctx.entities.clusterRoot(d.buyer_id).size >= p.minFarmAccounts) {
    const farm = judgeFarm(ctx, p, { buyer: d.buyer_id, time: e.time });
    if (farm) {
      alert = farm.alert;
      const deny = !evidence && farm.refunders >= p.denyFarmAccounts;
      contributions.push({
        code: 'refund_farm', score: deny ? SCORE.farmDeny : SCORE.farm, atLeast: deny ? 'deny' : 'review', actions: HOLD,
        message: `${farm.refunders} linked accounts asked refund-only without evidence for delivered goods ` +
          `(${pct(farm.rate)} of their ${farm.orders} orders, shrunk); the group is a refund farm`,
      });
    }
  }
  if (contributions.length === 0 && !alert) return undefined;
  return { ...(contributions.length ? { contributions } : {}), ...(alert ? { alerts: [alert] } : {}) };
}

/** Records the request in the buyer's record (each order counted once per kind of request) and returns the record. */
function noteRequest(ctx: DetectorContext<RefundAbuseParams>, r: { buyer: string; orderId: string; shopId: string | undefined;
  amount: number; evidence: boolean }): RefunderRecord {
  const rec = ctx.state.get<RefunderRecord>(REFUNDER_NS, r.buyer) ?? { k: 0, e: 0, a: 0, ea: 0, o: [], f: [], s: [] };
  const bit = r.evidence ? WITH_EVIDENCE : WITHOUT_EVIDENCE;
  const i = rec.o.indexOf(r.orderId);
  // A request repeated for the same order (after a rejection) is the same claim on the same goods.
  if (i >= 0 && (rec.f[i]! & bit) !== 0) return rec;
  if (r.evidence) { rec.e++; rec.ea += r.amount; } else { rec.k++; rec.a += r.amount; }
  if (i >= 0) rec.f[i] = rec.f[i]! | bit;
  else if (rec.o.length < MAX_RECORD_ORDERS) {
    rec.o.push(r.orderId);
    rec.f.push(bit);
    if (r.shopId !== undefined && !rec.s.includes(r.shopId)) rec.s.push(r.shopId);
  }
  ctx.state.set(REFUNDER_NS, r.buyer, rec);
  return rec;
}

function stageOf(order: OrderState | undefined): Stage {
  if (!order) return 'unknown';
  if (order.deliveredAt !== undefined || order.status === 'delivered') return 'delivered';
  if (order.shippedAt !== undefined || order.status === 'shipped') return 'in_transit';
  return 'not_shipped';
}

function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2)} yuan`;
}

function hours(ms: number): string {
  return `${(ms / HOUR_MS).toFixed(1)} h`;
}

function days(ms: number): string {
  return `${(ms / DAY_MS).toFixed(1)} days`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
