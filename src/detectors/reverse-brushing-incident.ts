// A reverse-brushing incident as the detector keeps it, and the alert it makes of it: the victim
// to protect, the burst against the item's baseline, the signals of the flood's orders, the links
// among the attacking accounts (from the identity graph) and the refund wave.
import type { AlertUpdate, Entities } from '../core/index.js';

/** Evidence of the largest clusters among the attackers, as read from the identity graph. */
export interface LinkSnapshot {
  clusters: Array<{ root: string; size: number; accounts: string[]; links: Array<{ a: string; b: string; via: string; value: string }> }>;
  /** Merging links by what was shared, over the listed clusters. */
  via: Record<string, number>;
}

/** One flood on a victim shop (one or more of its items), kept in the detector's state as JSON. */
export interface Incident {
  /** First item and the minute the burst began: stable, so a long flood stays one alert. */
  key: string;
  shop: string;
  items: string[];
  /** What opened it: a burst whose orders showed the signals, or the refunds of a burst. */
  by: 'burst' | 'refund_wave';
  startAt: number;
  openedAt: number;
  openedTime: string;
  /** Time of the last flood order. */
  lastAt: number;
  /** Orders whose signals were read, and how many showed each. */
  analysed: number;
  vague: number;
  fresh: number;
  linked: number;
  /** Flood orders (those with a signal): exact count, held ones, and the first ids. */
  orders: number;
  held: number;
  orderIds: string[];
  /** Attacking accounts named, and how many of them are in a cluster of two or more. */
  accounts: number;
  linkedAccounts: number;
  /** Most orders in one window, and the item's baseline then; the same when the incident opened. */
  peak: number;
  peakBaseline: number;
  openWindow: number;
  openBaseline: number;
  refunds: number;
  refundedOrders: number;
  refundFen: number;
  refundOnly: number;
  refundIds: string[];
  /** Largest clusters seen among the buyers: [root, size] (roots may have merged since). */
  roots: Array<[string, number]>;
  links?: LinkSnapshot;
  /** Flood orders when the links were last read; read again when the flood doubles. */
  linksAtOrders: number;
}

/** What the incident needs of the parameters. */
export interface IncidentParams {
  windowMs: number;
  vagueShare: number;
  linkedShare: number;
  freshShare: number;
  refundWaveShare: number;
  criticalOrders: number;
}

const CLUSTERS_LISTED = 5;
const CLUSTER_ACCOUNTS_LISTED = 8;
const CLUSTER_LINKS_LISTED = 8;

/** Reads the largest clusters among the incident's buyers again from the identity graph. */
export function snapshotLinks(inc: Incident, entities: Entities): void {
  const current: Array<[string, number]> = [];
  for (const [root] of inc.roots) {
    const c = entities.clusterRoot(root);
    const i = current.findIndex((r) => r[0] === c.root);
    if (i < 0) current.push([c.root, c.size]);
  }
  current.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  inc.roots = current;
  const via: Record<string, number> = {};
  const clusters: LinkSnapshot['clusters'] = [];
  for (const [root] of current.slice(0, CLUSTERS_LISTED)) {
    const c = entities.cluster(root);
    const merges = c.links.filter((l) => !l.weak);
    for (const l of merges) via[l.via] = (via[l.via] ?? 0) + 1;
    clusters.push({ root: c.root, size: c.size, accounts: c.accounts.slice(0, CLUSTER_ACCOUNTS_LISTED),
      links: merges.slice(0, CLUSTER_LINKS_LISTED).map((l) => ({ a: l.a, b: l.b, via: l.via, value: l.value })) });
  }
  inc.links = { clusters, via };
  inc.linksAtOrders = Math.max(1, inc.orders);
}

/** Subjects the update adds to the alert (the alert keeps all it was given before). */
export interface SubjectsToAdd { accounts: string[]; orders: string[]; items: string[] }

/** The alert update of the incident as it now is. */
export function incidentUpdate(inc: Incident, p: IncidentParams, add: SubjectsToAdd): AlertUpdate {
  const share = (x: number) => (inc.analysed > 0 ? round3(x / inc.analysed) : 0);
  const signals = (inc.vague >= p.vagueShare * inc.analysed ? 1 : 0) + (inc.linked >= p.linkedShare * inc.analysed ? 1 : 0)
    + (inc.fresh >= p.freshShare * inc.analysed ? 1 : 0);
  const refundShare = inc.orders > 0 ? inc.refundedOrders / inc.orders : 0;
  const wave = inc.by === 'refund_wave' || refundShare >= p.refundWaveShare;
  // Each signal the flood shows adds to the score; the refund wave confirms it.
  const score = Math.min(0.99, 0.6 + 0.1 * signals + (wave ? 0.09 : 0));
  const expected = (inc.openBaseline * p.windowMs) / 3_600_000;
  const windowMin = p.windowMs / 60_000;
  return {
    incident: inc.key,
    severity: wave || inc.orders >= p.criticalOrders ? 'critical' : 'high',
    score,
    summary: `reverse brushing against shop ${inc.shop} (item ${inc.items.join(', ')}): ${inc.orders} suspicious orders since ` +
      `${new Date(inc.startAt).toISOString()}, up to ${inc.peak} in ${windowMin} min against a baseline of ` +
      `${round3(inc.peakBaseline)} an hour; ${pct(share(inc.vague))} to vague addresses, ${pct(share(inc.fresh))} from new or ` +
      `dormant buyers, ${pct(share(inc.linked))} from linked buyers; ${inc.refundedOrders} refunded. The shop is the victim: ` +
      'exclude these orders from its sales and ratings',
    subjects: { shops: [inc.shop], items: add.items, accounts: add.accounts, orders: add.orders },
    evidence: {
      victim: { shop: inc.shop, item: inc.items[0], items: [...inc.items] },
      detected_by: inc.by,
      first_seen: inc.openedTime,
      burst_start: new Date(inc.startAt).toISOString(),
      last_order: new Date(inc.lastAt).toISOString(),
      burst: {
        window_min: windowMin, orders_in_window: inc.openWindow, baseline_per_hour: round3(inc.openBaseline),
        expected_in_window: round3(expected), ratio: round3(inc.openWindow / Math.max(expected, 1e-9)),
        midas_score: round3(chiSquare(inc.openWindow, expected)), peak_in_window: inc.peak,
      },
      orders: { flood: inc.orders, held: inc.held, before_alert: inc.orders - inc.held, analysed: inc.analysed },
      vague_address_share: share(inc.vague),
      new_or_dormant_share: share(inc.fresh),
      linked_share: share(inc.linked),
      accounts: { named: inc.accounts, linked: inc.linkedAccounts },
      links: inc.links ? { clusters: inc.links.clusters, via: { ...inc.links.via } } : { clusters: [], via: {} },
      refunds: {
        count: inc.refunds, refunded_orders: inc.refundedOrders, share_of_flood: round3(refundShare), amount_fen: inc.refundFen,
        refund_only: inc.refundOnly, wave, ids: [...inc.refundIds],
      },
      excluded_orders: { count: inc.orders, ids: [...inc.orderIds], listed_in: 'subjects.orders' },
      exclude_from_victim_sales_and_ratings: true,
    },
  };
}

/** MIDAS's chi-squared statistic of a count against its expectation (0 when not above it). */
function chiSquare(observed: number, expected: number): number {
  if (expected <= 0 || observed <= expected) return 0;
  return ((observed - expected) ** 2) / expected;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
