// The evidence a brushing alert shows an analyst: how dense and how large the block is, how light
// its parcels were against their items' usual weights, how fast and how alike its reviews were,
// what its brushers share in the identity graph, and how many of the ring's shops each serves.
import type { Entities } from '../core/index.js';

/** Evidence flags of an order (as brushing.ts writes them). */
export const FLAG = { light: 1, quick: 2, templated: 4, refunded: 8 } as const;

/** One fake-looking order of a block, with what was measured on it. */
export interface BlockOrder {
  account: string;
  cluster: string;
  clusterSize: number;
  shop: string;
  item: string;
  flags: number;
  /** Review fingerprint, 0 when none. */
  hash: number;
  /** Parcel weight and the item's usual weight then, g; -1 when unknown. */
  weightG: number;
  usualG: number;
  /** Minutes from delivery to the five-star review; -1 when none. */
  delayMin: number;
}

export interface BlockSummary {
  orders: readonly BlockOrder[];
  shops: readonly string[];
  density: number;
  coreClusters: number;
  clusters: ReadonlyArray<{ root: string; size: number }>;
  evidenceWeight: number;
  peeledFrom: string;
}

/** Shops listed one by one in the evidence (the rest are counted in `block.shops`). */
const SHOPS_LISTED = 16;

/** The alert evidence of a block. Reads the identity graph for the links between its brushers. */
export function blockEvidence(b: BlockSummary, entities: Entities): Record<string, unknown> {
  const accounts = new Set(b.orders.map((o) => o.account));
  const light = b.orders.filter((o) => o.flags & FLAG.light);
  const quick = b.orders.filter((o) => o.flags & FLAG.quick);
  const reviewed = b.orders.filter((o) => o.delayMin >= 0);

  // A text is templated when two or more of the block's accounts posted it.
  const posters = new Map<number, Set<string>>();
  for (const o of b.orders) if (o.hash !== 0) (posters.get(o.hash) ?? posters.set(o.hash, new Set()).get(o.hash)!).add(o.account);
  const templates = [...posters.values()].filter((s) => s.size >= 2).length;
  const templated = b.orders.filter((o) => o.hash !== 0 && posters.get(o.hash)!.size >= 2).length;

  const shopsOf = new Map<string, Set<string>>();
  for (const o of b.orders) (shopsOf.get(o.account) ?? shopsOf.set(o.account, new Set()).get(o.account)!).add(o.shop);
  const served = [...shopsOf.values()].map((s) => s.size);

  const sharedVia: Record<string, number> = {};
  let largest = 1;
  let clustered = 0;
  for (const c of b.clusters) {
    if (c.size < 2) continue;
    largest = Math.max(largest, c.size);
    const cluster = entities.cluster(c.root);
    for (const a of cluster.accounts) if (accounts.has(a)) clustered++;
    for (const l of cluster.links) {
      if (!l.weak && accounts.has(l.a) && accounts.has(l.b)) sharedVia[l.via] = (sharedVia[l.via] ?? 0) + 1;
    }
  }

  const perShop = new Map<string, { fakeOrders: number; light: number; accounts: Set<string> }>();
  for (const o of b.orders) {
    const s = perShop.get(o.shop) ?? { fakeOrders: 0, light: 0, accounts: new Set<string>() };
    s.fakeOrders++;
    if (o.flags & FLAG.light) s.light++;
    s.accounts.add(o.account);
    perShop.set(o.shop, s);
  }
  const shops = [...perShop.entries()]
    .sort((x, y) => y[1].fakeOrders - x[1].fakeOrders || (x[0] < y[0] ? -1 : 1))
    .slice(0, SHOPS_LISTED)
    .map(([shop, s]) => ({ shop, fakeOrders: s.fakeOrders, lightParcels: s.light, accounts: s.accounts.size }));

  const n = b.orders.length;
  return {
    state: 'open',
    peeledFrom: b.peeledFrom,
    block: {
      shops: b.shops.length, clusters: b.clusters.length, coreClusters: b.coreClusters, accounts: accounts.size,
      fakeOrders: n, density: round(b.density, 4), evidenceWeight: round(b.evidenceWeight, 2),
    },
    parcels: {
      light: light.length, lightShare: share(light.length, n),
      medianWeightG: medianOf(light.map((o) => o.weightG)), medianUsualG: medianOf(light.map((o) => o.usualG)),
    },
    reviews: {
      quickFiveStar: quick.length, quickShare: share(quick.length, n),
      medianDelayH: reviewed.length ? round(medianOf(reviewed.map((o) => o.delayMin))! / 60, 2) : null,
      templated, templatedShare: share(templated, n), distinctTemplates: templates,
    },
    links: { clusteredAccounts: clustered, largestCluster: largest, sharedVia: sortKeys(sharedVia) },
    shopsPerBrusher: {
      mean: served.length ? round(served.reduce((x, y) => x + y, 0) / served.length, 2) : 0,
      max: served.length ? Math.max(...served) : 0,
      servingSeveral: served.filter((s) => s >= 2).length,
    },
    shops,
  };
}

function medianOf(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function share(k: number, n: number): number | null {
  return n === 0 ? null : round(k / n, 4);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
