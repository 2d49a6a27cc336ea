// Review-manipulation services (删差评, 改好评, 刷单 for hire): accounts that message merchants
// offering to delete or change bad reviews or to brush orders, for money, and give a handle to
// take the deal off the platform (WeChat, V, QQ, a phone number). What gives them away is breadth:
// the same offer to many merchants from an account that is not their customer. The handle is
// also what joins a gang: two accounts that give out the same handle are one gang (as are
// accounts the identity graph joins), and the handles are kept as evidence, since they are what
// marketplaces share with each other about such gangs. One alert per gang.
//
// Only messages that can matter are read: a text to a merchant, not about an order (a customer's
// conversation about an order is theirs to have), from someone else. The text module's reading
// is memoised, and a gang pastes one script many times.
import { Type, type Static } from '@sinclair/typebox';
import { DAY_MS, type EventOf, type Severity } from '../contract/index.js';
import { round4, type AlertUpdate, type Detector, type DetectorContext, type DetectorResult } from '../core/index.js';
import { analyzeText, type LexiconName } from '../text/index.js';
import { renewExpiry, sweepExpired } from './expiry.js';
import { messageEvidence } from './message-evidence.js';
import {
  addAccount, addHandle, addMerchant, addSample, findGang, mergeGangs, newGang, noteHandle,
  GANG, HANDLE, MAX_SELLER_HANDLES, MAX_SELLER_MERCHANTS, SELLER, type Gang, type HandleRecord, type Seller,
} from './review-manipulation-gang.js';


export const ReviewManipulationParams = Type.Object({
  minOfferIntent: Type.Number({ minimum: 0, maximum: 1, default: 0.6,
    description: 'offer score (the text module\'s intents.offer, 0-1) from which a message is a service offer. The text ' +
      'module gives one service term with a contact handle 0.6, two terms 0.7, two with a handle 0.9; a lone term such ' +
      'as a follow-up "still need the review handled?" stays under it. The offer must also name what is sold ' +
      '(reviews, ratings or sales: the review-trade lexicon), so that ordinary marketing to merchants never counts' }),
  minMerchants: Type.Integer({ minimum: 1, default: 3,
    description: 'distinct merchants a gang\'s offers must reach before it is alerted. One merchant may be a conversation ' +
      '(a merchant asking a peer about such services); three unrelated merchants sent the same kind of offer is outreach, ' +
      'and the gangs police have broken up messaged hundreds' }),
  memoryMs: Type.Integer({ minimum: DAY_MS, default: 90 * DAY_MS,
    description: 'a gang (with its accounts and handles) that sends no offer for this long is forgotten, ms; its alert ' +
      'stays. Outreach runs for weeks; a quarter of silence is a gang gone or changed' }),
}, { additionalProperties: false });

export type ReviewManipulationParams = Static<typeof ReviewManipulationParams>;

/** The lexicons an analyst needs to see in an offer. */
const CUE_LEXICONS: readonly LexiconName[] = ['service-offer', 'review-trade', 'review-pressure'];
/** Merchants listed in the evidence (all are counted). */
const MAX_EVIDENCE_MERCHANTS = 50;
/**
 * Severity: three accounts or twenty merchants is an organised operation (high); fewer is a small
 * one (medium). Taken from the sizes in platforms' reports, not tuned.
 */
const HIGH_ACCOUNTS = 3;
const HIGH_MERCHANTS = 20;

/** Detects review-manipulation sellers and joins them into gangs by their handles and the identity graph. */
export const reviewManipulationDetector: Detector<ReviewManipulationParams> = {
  kind: 'review_manipulation',
  version: '1',
  observes: ['message.sent'],
  paramsSchema: ReviewManipulationParams,
  defaults: { minOfferIntent: 0.6, minMerchants: 3, memoryMs: 90 * DAY_MS },
  stateKeys(event) {
    // Handles and gangs are known only once the text is read.
    return event.type === 'message.sent' ? [[SELLER, event.data.from_id] as const] : [];
  },
  inspect(event, ctx) {
    sweepExpired(ctx.state, ctx.at, (ns, id) => forget(ctx, ns, id));
    return event.type === 'message.sent' ? onMessage(event, ctx) : undefined;
  },
};

function onMessage(e: EventOf<'message.sent'>, ctx: DetectorContext<ReviewManipulationParams>): DetectorResult | undefined {
  const d = e.data;
  if (d.text === undefined || d.order_id !== undefined || d.from_id === d.to_id) return undefined;
  const to = ctx.entities.account(d.to_id);
  if (!to || (to.role !== 'merchant' && to.shops.length === 0)) return undefined;
  const a = analyzeText(d.text);
  if (a.intents.offer < ctx.params.minOfferIntent || a.cues['review-trade'] === undefined) return undefined;

  const from = d.from_id;
  const state = ctx.state;
  const seller = state.get<Seller>(SELLER, from) ?? { g: from, n: 0, m: [], mn: 0, h: [], cs: 1, first: ctx.at, last: ctx.at, e: 0 };
  // A new seller, or one whose gang was forgotten, is a gang of its own.
  let gang = findGang(state, seller.g) ?? newGang(from, ctx.at);
  addAccount(gang, from);

  // Its handles join it to whoever gave them before.
  for (const h of a.contacts) {
    if (!seller.h.includes(h) && seller.h.length < MAX_SELLER_HANDLES) seller.h.push(h);
    const rec = state.get<HandleRecord>(HANDLE, h);
    const other = rec ? findGang(state, rec.g) : undefined;
    if (other && other.id !== gang.id) gang = mergeGangs(state, gang, other, [from, 'handle', h, rec!.a[0] ?? other.id]);
    // A handle whose gang was forgotten starts afresh with this one.
    const next = noteHandle(other ? rec : undefined, gang.id, from, ctx.at);
    next.e = renewExpiry(state, HANDLE, h, next.e, next.l + ctx.params.memoryMs);
    state.set(HANDLE, h, next);
    addHandle(gang, h);
  }
  // So does the identity graph: sellers sharing a device, payment, phone or door are one party.
  const cluster = ctx.entities.clusterRoot(from);
  if (cluster.size > 1 && cluster.size !== seller.cs) {
    seller.cs = cluster.size;
    for (const acc of ctx.entities.cluster(from).accounts) {
      if (acc === from) continue;
      const s = state.get<Seller>(SELLER, acc);
      const other = s ? findGang(state, s.g) : undefined;
      if (other && other.id !== gang.id) gang = mergeGangs(state, gang, other, [from, 'identity_graph', cluster.root, acc]);
    }
  }

  seller.n++;
  seller.last = Math.max(seller.last, ctx.at);
  if (!seller.m.includes(d.to_id)) {
    seller.mn++;
    if (seller.m.length < MAX_SELLER_MERCHANTS) seller.m.push(d.to_id);
  }
  addMerchant(gang, d.to_id);
  gang.offers++;
  gang.last = Math.max(gang.last, ctx.at);
  gang.offer = Math.max(gang.offer, a.intents.offer);
  addSample(gang, messageEvidence(e, a, CUE_LEXICONS));
  seller.g = gang.id;
  seller.e = renewExpiry(state, SELLER, from, seller.e, seller.last + ctx.params.memoryMs);
  state.set(SELLER, from, seller);
  gang.e = renewExpiry(state, GANG, gang.id, gang.e, gang.last + ctx.params.memoryMs);
  state.set(GANG, gang.id, gang);
  if (gang.merchantCount < ctx.params.minMerchants) return undefined;
  gang.key ??= gang.id;
  return { alerts: [gangUpdate(gang, ctx)] };
}

/** The gang's alert as it now stands. */
function gangUpdate(g: Gang, ctx: DetectorContext<ReviewManipulationParams>): AlertUpdate {
  const accounts = g.accounts.map((id) => {
    const s = ctx.state.get<Seller>(SELLER, id);
    const acct = ctx.entities.account(id);
    return {
      account: id, offers: s?.n ?? 0, merchantsReached: s?.mn ?? 0, handles: s?.h ?? [],
      ordersPlaced: acct?.orders ?? 0, role: acct?.role ?? null,
      registeredAt: acct?.registeredAt === undefined ? null : new Date(acct.registeredAt).toISOString(),
      firstOffer: s ? new Date(s.first).toISOString() : null, lastOffer: s ? new Date(s.last).toISOString() : null,
    };
  });
  const handles = g.handles.map((h) => ({ handle: h, accounts: ctx.state.get<HandleRecord>(HANDLE, h)?.a ?? [] }));
  const accountCount = g.accounts.length + g.accountsUnlisted;
  const severity: Severity = accountCount >= HIGH_ACCOUNTS || g.merchantCount >= HIGH_MERCHANTS ? 'high' : 'medium';
  return {
    incident: g.key!,
    severity,
    score: scoreOf(g.offer, g.merchantCount, ctx.params.minMerchants),
    summary: `${accountCount} account(s) offered review manipulation to ${g.merchantCount} merchant(s) in ${g.offers} ` +
      `message(s), giving ${g.handles.length} contact handle(s): ${g.handles.slice(0, 5).join(', ')}`,
    subjects: { accounts: [...g.accounts] },
    evidence: {
      gang: g.id, accounts, accountsNotListed: g.accountsUnlisted, handles,
      // Handles and phone numbers are personal data: hash them before they leave the platform.
      merchantsReached: g.merchantCount, merchants: g.merchants.slice(0, MAX_EVIDENCE_MERCHANTS), offers: g.offers,
      firstOffer: new Date(g.first).toISOString(), lastOffer: new Date(g.last).toISOString(),
      strongestOffer: g.offer, samples: g.samples,
      links: g.links.map(([account, via, value, other]) => ({ account, via, value, other })),
    },
  };
}

/** The offer's strength, lifted by breadth: each minMerchants more merchants halve what is left of doubt. */
function scoreOf(offer: number, merchants: number, minMerchants: number): number {
  return round4(Math.min(0.99, 1 - (1 - offer) * 0.5 ** Math.floor(merchants / minMerchants - 1)));
}

/**
 * Forgets a seller, handle or gang memoryMs after it was last active (a gang merged into another,
 * kept only to forward to it, then too). A gang's alert stays; an offer after that starts a new gang.
 */
function forget(ctx: DetectorContext<ReviewManipulationParams>, ns: string, id: string): void {
  const state = ctx.state;
  const before = ctx.at - ctx.params.memoryMs;
  if (ns === SELLER) {
    const s = state.get<Seller>(SELLER, id);
    if (s && s.last <= before) state.delete(SELLER, id);
  } else if (ns === HANDLE) {
    const r = state.get<HandleRecord>(HANDLE, id);
    if (r && r.l <= before) state.delete(HANDLE, id);
  } else if (ns === GANG) {
    const g = state.get<Gang>(GANG, id);
    if (g && (g.into !== undefined || g.last <= before)) state.delete(GANG, id);
  }
}
