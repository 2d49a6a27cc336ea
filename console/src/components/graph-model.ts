// Identity-graph clusters (GET /v1/accounts/{id}/links, GET /v1/alerts/{id}/links) as graph
// elements: accounts, the devices, payments, phones, addresses and IPs that link them, and shops.
/** The shape both link routes answer for one cluster. */
export interface ClusterShape {
  root: string;
  size: number;
  accounts: string[];
  links: Array<{ a: string; b: string; via: string; value: string; weak: boolean }>;
}

export type NodeKind = 'account' | 'device' | 'payment' | 'phone' | 'address' | 'ip' | 'shop';

export interface GraphNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** Named by the alert or asked for: drawn stronger. */
  subject: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** What the edge is: the kind of shared value, or `alert` for an account the alert names with its shop. */
  via: string;
  weak: boolean;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  accounts: number;
  entities: number;
}

const accountId = (a: string) => `account:${a}`;

/**
 * Accounts and what they share. `subjects` are marked; with `shop`, each cluster of them is
 * joined to it (the alert names them together: for one victim shop, the orders that hit it).
 */
export function clustersToGraph(clusters: readonly ClusterShape[], opts: { subjects?: readonly string[]; shop?: string } = {}): GraphModel {
  const subjects = new Set(opts.subjects ?? []);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const account = (a: string) => {
    const id = accountId(a);
    if (!nodes.has(id)) nodes.set(id, { id, label: a, kind: 'account', subject: subjects.has(a) });
    return id;
  };
  for (const c of clusters) {
    for (const a of c.accounts) account(a);
    for (const link of c.links) {
      const kind = (['device', 'payment', 'phone', 'address', 'ip'].includes(link.via) ? link.via : 'device') as NodeKind;
      const entity = `${kind}:${link.value}`;
      if (!nodes.has(entity)) nodes.set(entity, { id: entity, label: link.value, kind, subject: false });
      for (const end of [link.a, link.b]) {
        const from = account(end);
        const id = `${from}|${entity}`;
        if (!edges.has(id)) edges.set(id, { id, source: from, target: entity, via: link.via, weak: link.weak });
      }
    }
  }
  for (const s of subjects) account(s);
  if (opts.shop) {
    // One edge from the shop to each cluster (its first account the alert names), not one per
    // account: hundreds of edges into one hub would pull the whole ring into a blob.
    const shop = `shop:${opts.shop}`;
    nodes.set(shop, { id: shop, label: opts.shop, kind: 'shop', subject: true });
    const joined = new Set<string>();
    for (const c of clusters) {
      const named = c.accounts.find((a) => subjects.has(a)) ?? c.root;
      for (const a of c.accounts) joined.add(a);
      edges.set(`${accountId(named)}|${shop}`, { id: `${accountId(named)}|${shop}`, source: accountId(named), target: shop, via: 'alert', weak: true });
    }
    for (const s of subjects) {
      if (!joined.has(s)) edges.set(`${accountId(s)}|${shop}`, { id: `${accountId(s)}|${shop}`, source: accountId(s), target: shop, via: 'alert', weak: true });
    }
  }
  const all = [...nodes.values()];
  const accounts = all.filter((n) => n.kind === 'account').length;
  return { nodes: all, edges: [...edges.values()], accounts, entities: all.length - accounts - (opts.shop ? 1 : 0) };
}
