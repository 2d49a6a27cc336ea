// `replay`: a file of events through the whole pipeline, in event time, to the contract's four
// outputs and the shops' warnings. Input streams in batches; memory holds the entity state, not the file.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import type { Alert, DecisionValue, Rejection, StrategiesFile } from '../contract/index.js';
import { DECISION_POINTS, parseLine, readLines, toLine } from '../contract/index.js';
import { compareWarnings, warningKey, type DecisionRules, type RuleVerdict, type Store, type Warning } from '../core/index.js';
import type { Config } from '../config/index.js';
import { Engine } from './engine.js';
import { strategiesTimeline } from './strategies.js';

export interface ReplayOptions {
  input: Readable;
  outDir: string;
  config: Readonly<Config>;
  /** A durable store; without one the replay keeps everything in memory. */
  store?: Store;
  /** Called after each batch with the running counts. */
  onProgress?: (p: ReplayProgress) => void;
  /** The clock used for throughput only (never for decisions); defaults to performance.now. */
  now?: () => number;
  /** Analysts' rules to decide with (`--rules`); their hits are counted in the summary. */
  rules?: DecisionRules;
  /** Merchants' strategies (`--strategies`, checked), in effect from the first event. */
  strategies?: StrategiesFile;
}

export interface ReplayProgress {
  lines: number;
  events: number;
  alerts: number;
  elapsedMs: number;
}

export interface ReplaySummary {
  lines: number;
  events: { accepted: number; by_type: Record<string, number>; late: number; already_applied: number };
  decisions: Record<DecisionValue, number>;
  alerts: { total: number; by_kind: Record<string, number> };
  warnings: { total: number; by_kind: Record<string, number> };
  rejected: { total: number; by_code: Record<string, number> };
  throughput: { elapsed_ms: number; events_per_sec: number; lines_per_sec: number };
  /** With `--rules`: events each rule matched, and for shadow rules the decisions they would have changed. */
  rules?: { set: string; hits: Record<string, number>; shadow_changed: Record<string, number> };
}

/** Replays `input` into `outDir`: decisions.ndjson, alerts.ndjson, warnings.ndjson, rejected.ndjson, summary.json. */
export async function replay(opts: ReplayOptions): Promise<ReplaySummary> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  mkdirSync(opts.outDir, { recursive: true });
  const engine = await Engine.open(opts.config, opts.store, { ...(opts.rules ? { rules: opts.rules } : {}), strategies: strategiesTimeline(opts.strategies) });
  const decisionsOut = new NdjsonWriter(join(opts.outDir, 'decisions.ndjson'));
  const rejectedOut = new NdjsonWriter(join(opts.outDir, 'rejected.ndjson'));
  const summary: ReplaySummary = {
    lines: 0,
    events: { accepted: 0, by_type: {}, late: 0, already_applied: 0 },
    decisions: { allow: 0, challenge: 0, review: 0, deny: 0 },
    alerts: { total: 0, by_kind: {} },
    warnings: { total: 0, by_kind: {} },
    rejected: { total: 0, by_code: {} },
    throughput: { elapsed_ms: 0, events_per_sec: 0, lines_per_sec: 0 },
  };
  const ruleHits = opts.rules ? new Map<string, number>() : undefined;
  const shadowChanged = new Map<string, number>();
  const byType = new Map<string, number>();
  const reject = (r: Rejection) => {
    summary.rejected.total++;
    summary.rejected.by_code[r.code] = (summary.rejected.by_code[r.code] ?? 0) + 1;
    rejectedOut.write(r);
  };
  const batchSize = opts.config.replay.batchSize;
  // Without a store the warnings are kept here, each (shop, id) in its latest state: they are
  // few (decisions other than allow, alerts that harm a shop), and all of them are written.
  // With a store they are read back from it at the end, which includes those of earlier runs.
  const warnings = opts.store ? undefined : new Map<string, Warning>();

  for await (const batch of readLines(opts.input)) {
    for (const raw of batch) {
      summary.lines = raw.line;
      const parsed = parseLine(raw);
      if (parsed.ok === 'blank') continue;
      if (parsed.ok === false) { reject({ line: raw.line, ...parsed.rejection }); continue; }
      const event = parsed.event;
      const out = engine.process(event, parsed.text);
      // A second line with an id seen in this input is a duplicate line, rejected, while an id
      // applied by an earlier run (a resumed or repeated replay) is acknowledged once with its
      // stored decision, so a resumed run writes what one clean run would have written.
      if (out.status === 'duplicate' && !engine.appliedEarlier(event.id)) { reject(duplicateLine(raw.line, event.id)); continue; }
      byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
      if (out.status === 'duplicate') {
        summary.events.already_applied++;
        if (DECISION_POINTS.has(event.type)) {
          const stored = await opts.store?.decisionFor(event.id);
          if (stored) { summary.decisions[stored.decision]++; decisionsOut.write(stored); }
        }
        continue;
      }
      summary.events.accepted++;
      if (out.late) summary.events.late++;
      if (out.decision) { summary.decisions[out.decision.decision]++; decisionsOut.write(out.decision); }
      if (ruleHits && out.rules) countRules(out.rules, ruleHits, shadowChanged);
      if (warnings && out.warnings.length) for (const w of out.warnings) warnings.set(warningKey(w), w);
      if (engine.pending >= batchSize) await engine.flush({ wait: false });
    }
    await decisionsOut.drain();
    await rejectedOut.drain();
    opts.onProgress?.({ lines: summary.lines, events: summary.events.accepted + summary.events.already_applied,
      alerts: engine.alertCount, elapsedMs: now() - started });
  }
  // No forced snapshot: the stored events after the last one are the changelog, and the next open
  // re-applies them (at most store.snapshotEvery events), so a replay never waits to rewrite state it can rebuild.
  await engine.flush();
  await decisionsOut.close();
  await rejectedOut.close();

  for (const [type, n] of [...byType].sort()) summary.events.by_type[type] = n;
  const alerts = engine.alerts();
  await writeAlerts(join(opts.outDir, 'alerts.ndjson'), alerts);
  summary.alerts.total = alerts.length;
  for (const a of alerts) summary.alerts.by_kind[a.kind] = (summary.alerts.by_kind[a.kind] ?? 0) + 1;
  const byKind = await writeWarnings(join(opts.outDir, 'warnings.ndjson'), opts.store, warnings);
  for (const [kind, n] of [...byKind].sort()) {
    summary.warnings.by_kind[kind] = n;
    summary.warnings.total += n;
  }
  const elapsed = Math.max(1, now() - started);
  const events = summary.events.accepted + summary.events.already_applied;
  summary.throughput = {
    elapsed_ms: Math.round(elapsed),
    events_per_sec: Math.round((events * 1000) / elapsed),
    lines_per_sec: Math.round((summary.lines * 1000) / elapsed),
  };
  if (ruleHits && opts.rules) {
    summary.rules = { set: opts.rules.label, hits: Object.fromEntries([...ruleHits].sort()), shadow_changed: Object.fromEntries([...shadowChanged].sort()) };
  }
  await writeJson(join(opts.outDir, 'summary.json'), summary);
  return summary;
}

function countRules(v: RuleVerdict, hits: Map<string, number>, shadowChanged: Map<string, number>): void {
  for (const h of v.hits) hits.set(h.rule, (hits.get(h.rule) ?? 0) + 1);
  if (!v.shadow) return;
  const changed = v.shadow.decision.decision !== v.decision.decision;
  for (const h of v.shadow.hits) {
    hits.set(h.rule, (hits.get(h.rule) ?? 0) + 1);
    if (changed) shadowChanged.set(h.rule, (shadowChanged.get(h.rule) ?? 0) + 1);
  }
}

function duplicateLine(line: number, id: string): Rejection {
  return { line, event_id: id, code: 'ERR_EVENT_DUPLICATE_ID', path: 'id', received: JSON.stringify(id),
    message: `event id ${JSON.stringify(id)} was already accepted earlier in this input; it is acknowledged and not applied again` };
}

async function writeAlerts(path: string, alerts: readonly Alert[]): Promise<void> {
  const w = new NdjsonWriter(path);
  for (const a of alerts) w.write(a);
  await w.close();
}

/** Writes every warning in its final state, by shop, time and id; answers the count per kind. */
async function writeWarnings(path: string, store: Store | undefined, kept: Map<string, Warning> | undefined): Promise<Map<string, number>> {
  const w = new NdjsonWriter(path);
  const byKind = new Map<string, number>();
  const put = (x: Warning) => { w.write(x); byKind.set(x.kind, (byKind.get(x.kind) ?? 0) + 1); };
  if (kept) for (const x of [...kept.values()].sort(compareWarnings)) put(x);
  else await store?.warnings(put);
  await w.close();
  return byKind;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Buffered NDJSON output that respects the file stream's back-pressure between batches. */
class NdjsonWriter {
  readonly #stream: WriteStream;
  #buffer = '';

  constructor(path: string) {
    this.#stream = createWriteStream(path);
  }

  write(record: unknown): void {
    this.#buffer += toLine(record);
    if (this.#buffer.length > 1 << 20) this.#spill();
  }

  #spill(): void {
    if (this.#buffer) { this.#stream.write(this.#buffer); this.#buffer = ''; }
  }

  async drain(): Promise<void> {
    this.#spill();
    if (this.#stream.writableNeedDrain) await once(this.#stream, 'drain');
  }

  async close(): Promise<void> {
    this.#spill();
    this.#stream.end();
    await once(this.#stream, 'finish');
  }
}
