// The evaluation report as a plain-text table for a terminal.
import type { EvalReport, FlagShare } from './eval.js';

const ratio = (x: number | null) => (x === null ? '-' : x.toFixed(3));
const pct = (s: FlagShare) => (s.share === null ? '-' : `${(s.share * 100).toFixed(1)}%`);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function launchLine(l: EvalReport['limited_launch_buyers']): string {
  if (l.launches === 0) return 'Genuine buyers of limited launches: no launches in the truth';
  const share = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
  return `Genuine buyers of limited launches: ${l.genuine_buyers} in ${l.launches} launch(es); ` +
    `denied ${l.denied} (${share(l.denied_share)}), not allowed ${l.not_allowed} (${share(l.not_allowed_share)})`;
}

/** Formats an evaluation report as aligned text tables. */
export function formatEvalTable(report: EvalReport): string {
  const kinds = table(
    ['kind', 'incidents', 'alerts', 'detected', 'unmatched', 'acct P', 'acct R', 'shop R', 'item R', 'alerts/inc', 'look-alike flags'],
    report.kinds.map((k) => [k.kind, String(k.incidents), String(k.alerts), String(k.detected), String(k.unmatched_alerts),
      ratio(k.account_precision), ratio(k.account_recall), ratio(k.shop_recall), ratio(k.item_recall),
      k.alerts_per_detected_incident === null ? '-' : k.alerts_per_detected_incident.toFixed(2), String(k.lookalike_flags)]),
  );
  const decisions = table(
    ['decision point', 'attack', 'flagged', 'benign', 'flagged', 'look-alike', 'flagged'],
    report.decisions_by_type.map((d) => [d.type, String(d.attack.events), pct(d.attack), String(d.benign.events), pct(d.benign),
      String(d.lookalike.events), pct(d.lookalike)]),
  );
  const delays = report.reverse_brushing_detection.map((d) => d.minutes === null
    ? `  ${d.incident}: not detected (started ${d.start})`
    : `  ${d.incident}: first alert ${d.minutes} min after the start (${d.start} -> ${d.first_alert}); ` +
      `${d.held} of ${d.orders} orders held`);
  const victims = report.brushing_alerts_on_reverse_brushing_victims;
  return [
    `Evaluation of seed ${report.truth.seed}, scale ${report.truth.scale}, ${report.truth.days} days: ` +
      `${report.events} events, ${report.decisions} decisions, ${report.alerts} alerts`,
    '',
    'Alerts by kind (acct P/R: account precision and recall; look-alike flags: benign look-alike accounts and shops named)',
    kinds,
    '',
    'Decisions: share flagged (not allow) among attack, benign and look-alike events',
    decisions,
    ...(report.undecided || report.unknown_decisions
      ? [`  ${report.undecided} decision-point events had no decision; ${report.unknown_decisions} decisions named unknown events`] : []),
    '',
    'Reverse brushing: time to first alert',
    ...(delays.length ? delays : ['  no reverse-brushing incidents in the truth']),
    `  brushing alerts naming a reverse-brushing victim shop: ${victims.count}` +
      (victims.count ? ` (${victims.alert_ids.slice(0, 5).join(', ')}${victims.count > 5 ? ', ...' : ''})` : ''),
    '',
    launchLine(report.limited_launch_buyers),
    '',
  ].join('\n');
}
