// The rows of an evidence package, read from the entity state: the case's orders with their
// refunds and amounts, the accounts and the identity-graph links between them, a timeline and
// the losses. Personal values (account ids, devices, IPs, payment ids, phones, address keys)
// go through `shown`, which is the identity for analysts and a keyed hash for everyone else.
import type { Alert } from '../../contract/index.js';
import type { Entities } from '../../core/index.js';
import type { CaseRecord, Sanction } from '../types.js';

export interface OrderRow {
  order_id: string; buyer: string; shop: string; items: string; amount_fen: number; placed_at: string; status: string;
  refunds: number; refund_amount_fen: number; device: string; ip: string; payment: string;
}
export interface RefundRow { refund_id: string; order_id: string; buyer: string; kind: string; amount_fen: number; requested_at: string; outcome: string }
export interface AccountRow {
  account: string; role: string; registered_at: string; first_seen_at: string; orders: number; order_amount_fen: number;
  refunds: number; refund_amount_fen: number; devices: number; cluster: string; cluster_size: number;
}
export interface LinkRow { a: string; b: string; via: string; value: string; weak: boolean }
export interface TimelineRow { time: string; what: string; ref: string; detail: string }

export interface Tables {
  orders: OrderRow[];
  refunds: RefundRow[];
  accounts: AccountRow[];
  links: LinkRow[];
  timeline: TimelineRow[];
  losses: { orders_fen: number; refunds_fen: number; payouts_held_fen: number; orders: number; refunds: number };
}

/** Most accounts whose identity-graph clusters are read; the case lists them all by id. */
const MAX_CLUSTERS = 64;

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** Builds the package's tables for `c` from the live entity state. */
export function buildTables(opts: { case: CaseRecord; alert: Alert | undefined; entities: Entities; sanctions: readonly Sanction[];
  shown: (value: string) => string }): Tables {
  const { entities, shown } = opts;
  const c = opts.case;
  const orderIds = opts.alert?.subjects.orders ?? [];
  const orders: OrderRow[] = [];
  const refunds: RefundRow[] = [];
  const timeline: TimelineRow[] = [];
  const losses = { orders_fen: 0, refunds_fen: 0, payouts_held_fen: 0, orders: 0, refunds: 0 };
  for (const id of orderIds) {
    const o = entities.order(id);
    if (!o) continue;
    let refundAmount = 0;
    for (const rid of o.refundIds) {
      const r = entities.refund(rid);
      if (!r) continue;
      refundAmount += r.amount;
      refunds.push({ refund_id: r.id, order_id: o.id, buyer: shown(r.buyerId), kind: r.kind, amount_fen: r.amount,
        requested_at: iso(r.requestedAt), outcome: r.outcome ?? '' });
      timeline.push({ time: iso(r.requestedAt), what: 'refund.requested', ref: r.id, detail: `${r.kind} of ${r.amount} fen on ${o.id}` });
      if (r.resolvedAt !== undefined) timeline.push({ time: iso(r.resolvedAt), what: 'refund.resolved', ref: r.id, detail: r.outcome ?? '' });
    }
    orders.push({ order_id: o.id, buyer: shown(o.buyerId), shop: o.shopId, items: o.items.join(' '), amount_fen: o.amount,
      placed_at: iso(o.placedAt), status: o.status, refunds: o.refundIds.length, refund_amount_fen: refundAmount,
      device: o.deviceId ? shown(o.deviceId) : '', ip: o.ip ? shown(o.ip) : '', payment: o.paymentId ? shown(o.paymentId) : '' });
    timeline.push({ time: iso(o.placedAt), what: 'order.placed', ref: o.id, detail: `${o.amount} fen at shop ${o.shopId}` });
    for (const [at, what] of [[o.paidAt, 'order.paid'], [o.shippedAt, 'order.shipped'], [o.deliveredAt, 'order.delivered'], [o.cancelledAt, 'order.cancelled']] as const) {
      if (at !== undefined) timeline.push({ time: iso(at), what, ref: o.id, detail: '' });
    }
    losses.orders++; losses.orders_fen += o.amount;
    losses.refunds += o.refundIds.length; losses.refunds_fen += refundAmount;
  }
  for (const p of c.protections) if (p.kind === 'payouts_held') losses.payouts_held_fen += p.amount_fen ?? 0;

  const accountIds = [...new Set([...c.accounts, ...orderIds.map((id) => entities.order(id)?.buyerId).filter((x): x is string => !!x)])].sort();
  const accounts: AccountRow[] = [];
  const links = new Map<string, LinkRow>();
  for (const [i, id] of accountIds.entries()) {
    const a = entities.account(id);
    if (!a) continue;
    const root = entities.clusterRoot(id);
    accounts.push({ account: shown(id), role: a.role ?? '', registered_at: iso(a.registeredAt), first_seen_at: iso(a.firstSeenAt),
      orders: a.orders, order_amount_fen: a.orderAmount, refunds: a.refunds, refund_amount_fen: a.refundAmount,
      devices: a.devices.length, cluster: shown(root.root), cluster_size: root.size });
    if (i < MAX_CLUSTERS) {
      for (const l of entities.cluster(id).links) {
        const row: LinkRow = { a: shown(l.a), b: shown(l.b), via: l.via, value: shown(l.value), weak: l.weak };
        links.set(`${row.a}\u0000${row.b}\u0000${row.via}\u0000${row.value}`, row);
      }
    }
  }
  if (opts.alert) {
    timeline.push({ time: opts.alert.time, what: 'alert.opened', ref: opts.alert.id, detail: `${opts.alert.kind}, ${opts.alert.severity}` });
    if (opts.alert.updated !== opts.alert.time) timeline.push({ time: opts.alert.updated, what: 'alert.updated', ref: opts.alert.id, detail: 'last change' });
  }
  for (const p of c.protections) timeline.push({ time: p.since, what: `protection.${p.kind}`, ref: p.shop, detail: '' });
  if (c.resolution) timeline.push({ time: c.resolution.at, what: `case.${c.resolution.outcome}`, ref: c.id, detail: c.resolution.note });
  for (const s of opts.sanctions) timeline.push({ time: s.effective_at, what: `sanction.${s.kind}`, ref: s.id, detail: `${s.subject.type} ${shownSubject(s, shown)}: ${s.state}` });
  timeline.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0));
  return { orders, refunds, accounts, links: [...links.values()], timeline, losses };
}

function shownSubject(s: Sanction, shown: (v: string) => string): string {
  return s.subject.type === 'account' ? shown(s.subject.id) : s.subject.id;
}

/** RFC 4180 CSV: a header from the first row's keys, fields quoted when they hold a comma, quote or line break. */
export function toCsv(rows: ReadonlyArray<object>, header: readonly string[]): string {
  const field = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => field((r as Record<string, unknown>)[h])).join(','))].join('\r\n') + '\r\n';
}
