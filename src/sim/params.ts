// Every number that shapes the simulated marketplace, as documented data. Ranges [lo, hi] are
// drawn per incident from the seed, so that each run shows a slightly different shape of each
// attack and detectors cannot overfit one exact pattern. Integer ranges give integers.
import type { AlertKind } from '../contract/index.js';
import type { Range } from './rng.js';

/** The standing population at scale 1 (multiplied by scale, with floors for tiny scales). */
export const populationParams = {
  buyersPerScale: 24_000,
  minBuyers: 1_500,
  /** Enough shops at tiny scales that incidents and look-alikes never share a shop. */
  shopsPerScale: 900,
  minShops: 160,
  itemsPerShop: [5, 26] as Range,
  /** Zipf exponents: heavy buyers and best sellers, with a long tail. */
  buyerActivityExponent: 0.75,
  itemPopularityExponent: 0.95,
  /** Share of buyers reaching us through a mobile carrier's NAT (their IP is shared by strangers). */
  carrierNatShare: 0.3,
  secondDeviceShare: 0.25,
  secondPaymentShare: 0.2,
  workAddressShare: 0.15,
} as const;

/** Ordinary traffic per day at scale 1 before the diurnal profile; and the ordinary order lifecycle. */
export const benignParams = {
  ordersPerDay: 5_000,
  /** Days before the start whose orders still ship, arrive and get reviewed inside the run. */
  warmUpDays: 5,
  /** Logins without an order (browsing). */
  browseLoginsPerDay: 4_200,
  merchantLoginsPerDay: 900,
  /** Pre-sale questions; most get an answer from the merchant. */
  questionsPerDay: 700,
  priceUpdatesPerDay: 500,
  newBuyersPerDay: 300,
  newShopsPerDay: 6,
  loginBeforeOrderShare: 0.4,
  multiLineShare: 0.1,
  /** Share of new users who take the new-user coupon, and of those who then order with it. */
  newUserCouponShare: 0.55,
  newUserFirstOrderShare: 0.6,
  newUserCouponFen: [1000, 2000] as Range,
  /** Order lifecycle (shares of orders). */
  unpaidShare: 0.04,
  merchantCancelShare: 0.008,
  refundBeforeShipShare: 0.025,
  returnShare: 0.025,
  /** Refund-only after delivery with photos (damaged goods) and without (small disputes). */
  damagedRefundShare: 0.004,
  smallDisputeRefundShare: 0.0015,
  reviewShare: 0.38,
  claimShare: 0.002,
  complaintShare: 0.0006,
  /** Share of bad reviews (1-2 stars) that get a polite merchant message. */
  badReviewFollowupShare: 0.2,
  /** Star ratings 5..1 and their weights: mostly 4-5 stars, some bad ones. */
  ratingWeights: [[5, 70], [4, 17], [3, 5], [2, 3], [1, 5]] as const,
  /** Share of texts written in traditional script (Hong Kong, Taiwan, overseas buyers). */
  traditionalShare: 0.12,
  /** Hours between payment and shipping, shipping and delivery. */
  shipAfterPayH: [3, 48] as Range,
  deliverAfterShipH: [20, 96] as Range,
  packagingG: [20, 150] as Range,
} as const;

/** Local-time (UTC+8) hourly weights of shopping activity: quiet at night, peaks at lunch and 20-22h. */
export const DIURNAL_LOCAL: readonly number[] = [
  0.5, 0.3, 0.15, 0.1, 0.08, 0.1, 0.25, 0.5, 0.8, 1.0, 1.2, 1.2, 1.1, 1.1, 1.1, 1.1, 1.1, 1.0, 1.0, 1.3, 1.6, 1.8, 1.5, 1.0,
];

/** Out-of-order delivery: about 0.5% of events arrive a few seconds to minutes late. */
export const latenessParams = { share: 0.005, delayMs: [2_000, 8 * 60_000] as Range } as const;

/**
 * Incidents per 7 days at scale 1, for each alert kind. The count is multiplied by scale and
 * days/7 and never falls below one, so every kind shows up in every run.
 */
export const incidentsPerWeek: Readonly<Record<AlertKind, number>> = {
  reverse_brushing: 1, brushing: 2, refund_abuse: 2, promo_abuse: 2, scalping: 1,
  price_error: 1, malicious_claim: 2, harassment: 3, review_manipulation: 1,
};

/**
 * Reverse brushing grows slower than scale: a gang of ~2,000 orders is one job, and larger
 * marketplaces see more jobs rather than larger ones (exponent on scale for the count).
 */
export const reverseBrushingCountExponent = 0.6;

/** The shape of each attack. */
export const attackParams = {
  /**
   * A rival pays a gang to flood a victim's cheap item with orders and refund them: in the case
   * this is modelled on, about 2,000 orders of a 29.90 item within half an hour, almost all
   * refunded within a day, from aged accounts with addresses that name no door. Gangs differ:
   * smaller jobs, longer floods in waves, fake full addresses, accounts kept apart or warmed up.
   */
  reverseBrushing: {
    orders: [500, 2_500] as Range,
    /** Never fewer than this at tiny scales, so the incident stays recognisable. */
    minOrders: 320,
    windowMin: [12, 45] as Range,
    priceFen: 2_990,
    /** Share of orders whose address names only a road or a landmark (the rest invent a full door). */
    vagueShare: [0.4, 0.92] as Range,
    /** How orders spread over the window: steady, a slow start, or 2-4 waves with pauses. */
    shapes: ['steady', 'ramp', 'waves'] as const,
    waves: [2, 4] as Range,
    /** Pause between waves, minutes: a job run by shifts, well under an hour. */
    wavePauseMin: [4, 20] as Range,
    /** Chance that the flood is split over two of the victim's items (60/40). */
    twoItemsChance: 0.25,
    /** Teams of the gang, each with its own rack of phones and bank cards. */
    crews: [1, 5] as Range,
    /** Share of accounts on a phone and card of their own, so that they link to nobody. */
    camouflageShare: [0, 0.35] as Range,
    /** Share of accounts warmed up (养号) with a login 1-10 days before the attack. */
    warmedShare: [0, 0.3] as Range,
    warmedDaysBefore: [1, 10] as Range,
    refundShare: [0.975, 0.995] as Range,
    /** Orders per farm account (accounts are reused a little). */
    ordersPerAccount: [1.3, 2.2] as Range,
    /** Farm accounts per shared device and per shared payment instrument. */
    accountsPerDevice: [4, 12] as Range,
    accountsPerPayment: [3, 8] as Range,
    /** Farm accounts are bought aged: registered this many days before the attack. */
    accountAgeDays: [21, 180] as Range,
    /** Proxy /24 ranges the farm's traffic comes from. */
    proxyNets: [3, 8] as Range,
    refundAfterH: [0.5, 20] as Range,
    resolveAfterH: [0.1, 6] as Range,
    /** Share of refunds filed as refund-only (the rest return-and-refund). */
    refundOnlyShare: [0.55, 0.85] as Range,
    /** Share of the orders the innocent victim ships before the refunds arrive. */
    victimShipShare: [0.03, 0.2] as Range,
  },
  /**
   * A brushing platform's workers buy from client shops, get empty parcels and post praise.
   * Platforms differ: a studio on shared phones and drop doors, or home workers on their own
   * phones and addresses; empty parcels or real goods; praise at once or a day later to look
   * natural; a few ordinary orders elsewhere as camouflage.
   */
  brushing: {
    brushers: [20, 90] as Range,
    minBrushers: 12,
    clientShops: [2, 8] as Range,
    itemsPerShop: [1, 3] as Range,
    ordersPerShop: [15, 90] as Range,
    minOrdersPerShop: 15,
    /** Orders of one task batch, placed within an hour. */
    batch: [4, 12] as Range,
    accountsPerDevice: [3, 8] as Range,
    /** Brushers' recipient phones are shared too (a few SIMs per studio). */
    accountsPerPhone: [3, 6] as Range,
    dropAddresses: [5, 15] as Range,
    /** Share of drop addresses that are parcel points named vaguely (a locker, a gate): they link nobody. */
    vagueDropShare: [0, 0.5] as Range,
    /** Share of workers at home on a phone of their own, shipping to their own door: they link to nobody. */
    homeWorkerShare: [0, 0.5] as Range,
    /** Share of parcels that are empty or a slip of paper (0-30 g); the rest hold the real goods. */
    emptyParcelShare: [0.6, 1] as Range,
    emptyParcelG: [0, 30] as Range,
    shipAfterH: [0.5, 6] as Range,
    /** Share of fake orders that get the five-star review, and of those posted a day or more later. */
    reviewShare: [0.75, 1] as Range,
    lateReviewShare: [0, 0.3] as Range,
    reviewAfterDeliveryH: [0.3, 8] as Range,
    lateReviewAfterDeliveryH: [24, 72] as Range,
    /** Share of reviews that use a short generic phrase instead of the platform's template. */
    genericTextShare: [0, 0.25] as Range,
    /** Ordinary orders per worker at other shops through the run, as camouflage. */
    camouflageOrders: [0, 3] as Range,
  },
  /** Linked accounts buy expensive goods and ask refund-only without evidence after delivery. */
  refundAbuse: {
    accounts: [6, 16] as Range,
    minAccounts: 5,
    ordersPerAccount: [2, 4] as Range,
    minPriceFen: 50_000,
    accountsPerDevice: [2, 5] as Range,
    accountsPerPayment: [2, 4] as Range,
    addresses: [2, 4] as Range,
    refundAfterDeliveryH: [0.5, 12] as Range,
    noEvidenceShare: [0.85, 1] as Range,
    approvedShare: [0.6, 0.9] as Range,
  },
  /** A farm registers new accounts in a burst and spends each new-user coupon once. */
  promoAbuse: {
    accounts: [30, 90] as Range,
    minAccounts: 15,
    burstMin: [10, 45] as Range,
    accountsPerDevice: [4, 10] as Range,
    dropAddresses: [2, 4] as Range,
    couponAfterRegMin: [0.5, 8] as Range,
    orderAfterCouponMin: [3, 60] as Range,
    couponFen: [1_000, 3_000] as Range,
    /** Share of accounts registered with a referral from an earlier farm account. */
    referralShare: [0.2, 0.7] as Range,
  },
  /** One party buys a limited launch through many accounts, writing one door in many ways. */
  scalping: {
    accounts: [25, 80] as Range,
    minAccounts: 15,
    perAccountLimit: [1, 2] as Range,
    stock: [200, 800] as Range,
    /** Launch prices, fen: a liquor release, sneakers, a console. */
    launchPricesFen: [149_900, 129_900, 199_900, 259_900, 99_900] as const,
    /** Scalper orders land within this many minutes of the launch. */
    burstMin: [1, 5] as Range,
    /** Share of scalper accounts that place a second order over the limit. */
    repeatShare: [0.15, 0.4] as Range,
    baseDoors: [1, 3] as Range,
    accountsPerDevice: [3, 8] as Range,
    /** Genuine fans buying the same launch in its first half hour. */
    genuineBuyers: [60, 200] as Range,
    /** Share of scalper accounts registered in the days before the launch. */
    freshAccountShare: [0.3, 0.7] as Range,
    /**
     * Crews of one party, each with its own phone rack, bank cards and drop doors: a large scalping
     * operation hires several teams, so one launch meets several linked groups, not one.
     */
    crews: [1, 3] as Range,
    /** Share of scalper accounts that order from a phone of their own, still paying with the crew's cards. */
    ownDeviceShare: [0, 0.3] as Range,
    /** Share of scalper orders sent to a parcel point named vaguely (a road, a gate): they link nobody by address. */
    vagueShare: [0, 0.15] as Range,
    /** Share of genuine fans who buy with a partner of their household (one shared device and home door). */
    householdFanShare: [0.05, 0.15] as Range,
    /** Share of genuine fans who buy the full limit when it is above one (one for a friend). */
    fanFullLimitShare: 0.3,
  },
  /** A merchant types a price 100 times too low; orders pile in until it is fixed. */
  priceError: {
    normalPriceFen: [200_000, 900_000] as Range,
    divisor: 100,
    fixAfterMin: [20, 180] as Range,
    orders: [40, 250] as Range,
    minOrders: 25,
    /** Deal hunters buy several. */
    multiQtyShare: [0.3, 0.6] as Range,
    maxQty: 10,
    merchantCancelShare: [0.6, 0.95] as Range,
  },
  /** Professional claimants extort shops with claims and threats of complaints. */
  maliciousClaim: {
    claimants: [1, 3] as Range,
    shopsPerClaimant: [4, 10] as Range,
    minShopsPerClaimant: 3,
    /** Share of targets first sent the demand by chat. */
    messageFirstShare: [0.6, 0.9] as Range,
    /** Demands: usually a lucky or round number, sometimes ten times the price (food law). */
    demandYuan: [188, 388, 500, 666, 888, 1000, 2000] as const,
    tenfoldShare: 0.25,
    /** Share of targeted merchants who complain back (extortion or malicious_claim). */
    merchantComplaintShare: [0.3, 0.6] as Range,
    /** Share of targets also hit with a complaint to the platform. */
    claimantComplaintShare: [0.2, 0.4] as Range,
  },
  /** A merchant threatens and calls buyers who left bad reviews. */
  harassment: {
    consumers: [1, 3] as Range,
    threatsPerConsumer: [1, 4] as Range,
    callsPerConsumer: [4, 20] as Range,
    callsWithinH: [1, 6] as Range,
    firstContactAfterReviewH: [0.2, 6] as Range,
    complaintShare: [0.6, 1] as Range,
  },
  /** Service sellers offer merchants to delete or change reviews. */
  reviewManipulation: {
    sellers: [1, 3] as Range,
    merchantsPerSeller: [15, 50] as Range,
    minMerchantsPerSeller: 8,
    priceYuan: [20, 80] as Range,
    replyShare: [0.1, 0.3] as Range,
    obfuscatedShare: [0.2, 0.5] as Range,
    /** Share of a seller's later offers that still give the gang's handle rather than the seller's own. */
    gangHandleShare: [0.3, 0.7] as Range,
  },
} as const;

/** Benign look-alikes per 7 days at scale 1 (same scaling and floor as incidents). */
export const lookalikesPerWeek = {
  viral_burst: 1, family_device: 1, campus_ip: 1, genuine_refund: 1, polite_followup: 1, promotion: 1, genuine_claim: 1,
} as const;

/** The shape of each benign look-alike. */
export const lookalikeParams = {
  /** A livestream makes an item sell hundreds in minutes: established buyers, full addresses. */
  viralBurst: { orders: [250, 600] as Range, minOrders: 150, windowMin: [10, 30] as Range, refundShare: [0.01, 0.04] as Range },
  /** Relatives share a phone or tablet and a home. */
  familyDevice: { families: [3, 6] as Range, members: [2, 4] as Range, ordersPerMember: [1, 3] as Range, newMemberShare: 0.4 },
  /** Students behind one campus /24: many unrelated accounts, some new, some with coupons. */
  campusIp: { students: [40, 100] as Range, minStudents: 20, newStudents: [5, 20] as Range, ordersPerStudent: [1, 3] as Range },
  /** Refund-only after delivery with photos of damaged goods. */
  genuineRefund: { cases: [10, 30] as Range, minCases: 6, evidence: [1, 5] as Range },
  /** Merchants politely follow up a bad review. */
  politeFollowup: { cases: [5, 15] as Range, minCases: 4, messages: [1, 2] as Range },
  /** Ordinary promotions: up to 25% off for a day or three. */
  promotion: { items: [2, 5] as Range, discount: [0.08, 0.25] as Range, days: [1, 3] as Range, extraOrders: [20, 80] as Range },
  /** Claims for damaged goods in ordinary words. */
  genuineClaim: { cases: [5, 15] as Range, minCases: 4 },
} as const;
