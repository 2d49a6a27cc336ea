// What a merchant is shown of a case: its own shop's part, never the accounts (other customers'
// data and what the platform knows of a ring), the assignee or the analysts' attachments.
import type { CaseRecord } from './types.js';

/** A case as the merchant of `shop` sees it. */
export interface MerchantCase {
  id: string;
  kind: CaseRecord['kind'];
  status: CaseRecord['status'];
  severity: CaseRecord['severity'];
  summary: string;
  opened: string;
  updated: string;
  /** `victim`: the shop is harmed by the incident; `sanctioned`: the shop was found to have done it. */
  role: 'victim' | 'sanctioned';
  order_count: number;
  protections: CaseRecord['protections'];
  resolution?: { outcome: 'confirmed' | 'dismissed'; at: string; sanction_ids: string[] };
}

/** The merchant's view of `c` for `shop` (which must be allowed to see it: see `visibleTo`). */
export function merchantView(c: CaseRecord, shop: string): MerchantCase {
  const v: MerchantCase = {
    id: c.id, kind: c.kind, status: c.status, severity: c.severity, summary: c.summary, opened: c.opened, updated: c.updated,
    role: c.victim_shops.includes(shop) ? 'victim' : 'sanctioned', order_count: c.order_count,
    protections: c.protections.filter((p) => p.shop === shop),
  };
  if (c.resolution) v.resolution = { outcome: c.resolution.outcome, at: c.resolution.at, sanction_ids: [...c.resolution.sanction_ids] };
  return v;
}
