// Evidence packages: a case as a bundle for the police, a court or the victim. JSON, CSV tables
// and a printable HTML report, with a manifest of each file's SHA-256 so that a changed byte
// shows. Raw personal data for the analyst role only; a keyed hash (HMAC-SHA256) otherwise, the
// same value always giving the same hash, so links between accounts still show.
import { createHash, createHmac } from 'node:crypto';
import type { Alert } from '../../contract/index.js';
import type { Entities } from '../../core/index.js';
import { CaseError } from '../errors.js';
import type { CaseRecord, Sanction } from '../types.js';
import { renderReport } from './report.js';
import { buildTables, toCsv } from './tables.js';

export interface PackageFile {
  name: string;
  content_type: string;
  content: string;
}

export interface Manifest {
  case_id: string;
  generated_at: string;
  /** `raw` for analysts; `keyed_hashes` otherwise: personal values replaced by `h_` + HMAC-SHA256 hex (first 32). */
  personal_data: 'raw' | 'keyed_hashes';
  files: Array<{ name: string; bytes: number; sha256: string }>;
}

export interface EvidencePackage {
  manifest: Manifest;
  /** manifest.json's own SHA-256, to quote in a sanction or a filing. */
  manifest_sha256: string;
  files: PackageFile[];
}

export interface PackageInput {
  case: CaseRecord;
  alert: Alert | undefined;
  sanctions: readonly Sanction[];
  entities: Entities;
  raw: boolean;
  /** The HMAC key of keyed hashes; required when not raw. */
  hashSecret: string;
  now: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Builds the package of a case. */
export function buildPackage(input: PackageInput): EvidencePackage {
  if (!input.raw && !input.hashSecret) {
    throw new CaseError('ERR_CASES_NO_HASH_SECRET', 'evidence packages for roles other than analyst replace personal data with keyed hashes, ' +
      'and no key is configured: set cases.evidence.hashSecret in the configuration file');
  }
  const memo = new Map<string, string>();
  const shown = input.raw ? (v: string) => v : (v: string) => {
    let h = memo.get(v);
    if (h === undefined) { h = `h_${createHmac('sha256', input.hashSecret).update(v, 'utf8').digest('hex').slice(0, 32)}`; memo.set(v, h); }
    return h;
  };
  const t = buildTables({ case: input.case, alert: input.alert, entities: input.entities, sanctions: input.sanctions, shown });
  const caseView = input.raw ? input.case : { ...input.case, accounts: input.case.accounts.map(shown), attachments: [], assignee: undefined };
  const alertView = input.alert && (input.raw ? input.alert : {
    id: input.alert.id, kind: input.alert.kind, time: input.alert.time, updated: input.alert.updated, severity: input.alert.severity,
    summary: input.alert.summary, subjects: { ...input.alert.subjects, accounts: input.alert.subjects.accounts.map(shown) },
  });
  const sanctions = input.sanctions.map((s) => (input.raw || s.subject.type === 'shop' ? s : { ...s, subject: { ...s.subject, id: shown(s.subject.id) } }));
  const evidence = { case: caseView, alert: alertView ?? null, sanctions, losses: t.losses, timeline: t.timeline, accounts: t.accounts,
    links: t.links, orders: t.orders, refunds: t.refunds };
  const files: PackageFile[] = [
    json('evidence.json', evidence),
    csv('timeline.csv', t.timeline, ['time', 'what', 'ref', 'detail']),
    csv('orders.csv', t.orders, ['order_id', 'buyer', 'shop', 'items', 'amount_fen', 'placed_at', 'status', 'refunds', 'refund_amount_fen', 'device', 'ip', 'payment']),
    csv('refunds.csv', t.refunds, ['refund_id', 'order_id', 'buyer', 'kind', 'amount_fen', 'requested_at', 'outcome']),
    csv('accounts.csv', t.accounts, ['account', 'role', 'registered_at', 'first_seen_at', 'orders', 'order_amount_fen', 'refunds', 'refund_amount_fen', 'devices', 'cluster', 'cluster_size']),
    csv('links.csv', t.links, ['a', 'b', 'via', 'value', 'weak']),
    { name: 'report.html', content_type: 'text/html; charset=utf-8', content: renderReport({ case: input.case, raw: input.raw, tables: t, sanctions, now: input.now, accounts: caseView.accounts }) },
  ];
  const manifest: Manifest = {
    case_id: input.case.id, generated_at: input.now, personal_data: input.raw ? 'raw' : 'keyed_hashes',
    files: files.map((f) => ({ name: f.name, bytes: Buffer.byteLength(f.content, 'utf8'), sha256: sha256(f.content) })),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  return { manifest, manifest_sha256: sha256(manifestText), files: [...files, { name: 'manifest.json', content_type: 'application/json', content: manifestText }] };
}

/** The files of a package whose bytes do not match the manifest (empty when it verifies). */
export function verifyPackage(manifest: Manifest, read: (name: string) => string | Buffer | undefined): string[] {
  const bad: string[] = [];
  for (const f of manifest.files) {
    const content = read(f.name);
    if (content === undefined || createHash('sha256').update(content).digest('hex') !== f.sha256) bad.push(f.name);
  }
  return bad;
}

function json(name: string, value: unknown): PackageFile {
  return { name, content_type: 'application/json', content: `${JSON.stringify(value, null, 2)}\n` };
}

function csv(name: string, rows: ReadonlyArray<object>, header: readonly string[]): PackageFile {
  return { name, content_type: 'text/csv; charset=utf-8', content: toCsv(rows, header) };
}
