// The printable HTML report of an evidence package: one self-contained page (no scripts, no
// external files) with the case, the losses, the sanctions, the timeline, the accounts, their
// links and the orders. Every value is HTML-escaped; long tables are cut with a note, the CSV
// files hold every row.
import type { CaseRecord, Sanction } from '../types.js';
import type { Tables } from './tables.js';

/** Rows of each table printed; the CSV files beside the report hold them all. */
const PRINTED_ROWS = 200;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (ch) => ESC[ch]!);
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

function table(title: string, rows: ReadonlyArray<object>, cols: readonly string[], file: string): string {
  const shown = rows.slice(0, PRINTED_ROWS);
  const more = rows.length > shown.length ? `<p class="note">${rows.length - shown.length} more row(s) in ${esc(file)}</p>` : '';
  return `<h2>${esc(title)} (${rows.length})</h2>\n<table><thead><tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>\n` +
    shown.map((r) => `<tr>${cols.map((c) => `<td>${esc((r as Record<string, unknown>)[c])}</td>`).join('')}</tr>`).join('\n') +
    `\n</tbody></table>${more}\n`;
}

/** The report page. */
export function renderReport(opts: { case: CaseRecord; raw: boolean; tables: Tables; sanctions: readonly Sanction[]; now: string; accounts: readonly string[] }): string {
  const { case: c, tables: t } = opts;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence: case ${esc(c.id)}</title>
<style>body{font:12px/1.4 sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em;width:100%}
td,th{border:1px solid #999;padding:2px 4px;text-align:left;vertical-align:top}th{background:#eee}
.note{color:#555}@media print{h2{page-break-after:avoid}tr{page-break-inside:avoid}}</style></head>
<body>
<h1>Case ${esc(c.id)}: ${esc(c.kind)}</h1>
<p>${esc(c.summary)}</p>
<table><tbody>
<tr><th>status</th><td>${esc(c.status)}</td><th>severity</th><td>${esc(c.severity)}</td></tr>
<tr><th>first seen</th><td>${esc(c.opened)}</td><th>last update</th><td>${esc(c.updated)}</td></tr>
<tr><th>shops harmed</th><td>${esc(c.victim_shops.join(', ') || 'none')}</td><th>shops accused</th><td>${esc(c.accused_shops.join(', ') || 'none')}</td></tr>
<tr><th>alerts</th><td>${esc(c.alert_ids.join(', '))}</td><th>accounts named</th><td>${opts.accounts.length}</td></tr>
<tr><th>generated</th><td>${esc(opts.now)}</td><th>personal data</th><td>${opts.raw ? 'raw (analyst copy)' : 'keyed hashes (HMAC-SHA256)'}</td></tr>
</tbody></table>
<h2>Losses</h2>
<table><tbody>
<tr><th>orders</th><td>${t.losses.orders}</td><th>amount</th><td>${yuan(t.losses.orders_fen)}</td></tr>
<tr><th>refunds</th><td>${t.losses.refunds}</td><th>refunded</th><td>${yuan(t.losses.refunds_fen)}</td></tr>
<tr><th>payouts held</th><td colspan="3">${yuan(t.losses.payouts_held_fen)}</td></tr>
</tbody></table>
${c.resolution ? `<h2>Resolution</h2><p>${esc(c.resolution.outcome)} on ${esc(c.resolution.at)} by ${esc(c.resolution.by)}: ${esc(c.resolution.note)}</p>` : ''}
${table('Sanctions', opts.sanctions.map((s) => ({ ...s, subject: `${s.subject.type} ${s.subject.id}` })), ['id', 'kind', 'subject', 'points', 'state', 'effective_at', 'reason'], 'evidence.json')}
${table('Timeline', t.timeline, ['time', 'what', 'ref', 'detail'], 'timeline.csv')}
${table('Accounts', t.accounts, ['account', 'role', 'registered_at', 'orders', 'refunds', 'devices', 'cluster', 'cluster_size'], 'accounts.csv')}
${table('Links between accounts', t.links, ['a', 'b', 'via', 'value', 'weak'], 'links.csv')}
${table('Orders', t.orders, ['order_id', 'buyer', 'shop', 'amount_fen', 'placed_at', 'status', 'refunds', 'refund_amount_fen'], 'orders.csv')}
<p class="note">Each file of this package is listed with its SHA-256 in manifest.json; recompute them to check that nothing was changed.</p>
</body></html>
`;
}
