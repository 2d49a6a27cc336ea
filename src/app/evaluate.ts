// `eval` for the CLI: reads a simulated run (events, truth) and a replay's outputs (decisions,
// alerts) as streams and evaluates them; writes the report as JSON and returns its text table.
import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Alert } from '../contract/index.js';
import { evaluate, formatEvalTable, type AlertRef, type DecisionRef, type EvalReport, type EventRef, type Truth } from '../sim/index.js';

/** An input of the evaluation is missing or unreadable; the message says how to produce it. */
export class EvalInputError extends Error {
  constructor(readonly code: 'ERR_EVAL_MISSING_FILE' | 'ERR_EVAL_BAD_FILE', message: string) {
    super(message);
  }
}

/** Files of an evaluation. */
export interface EvaluateDirOptions {
  eventsPath: string;
  truthPath: string;
  /** A replay's output folder, holding decisions.ndjson and alerts.ndjson. */
  outDir: string;
  /** Where to write the JSON report; default outDir/eval.json. */
  jsonPath?: string;
}

/** The report, its table and where the JSON went. */
export interface EvaluateDirResult { report: EvalReport; table: string; jsonPath: string }

/** Evaluates a replay's decisions and alerts against a simulated run's truth. */
export async function evaluateDir(opts: EvaluateDirOptions): Promise<EvaluateDirResult> {
  const decisionsPath = join(opts.outDir, 'decisions.ndjson');
  const alertsPath = join(opts.outDir, 'alerts.ndjson');
  const simulateHint = 'run `bulwark simulate --seed 1 --out DIR` to make events.ndjson and truth.json';
  const replayHint = `run \`bulwark replay ${opts.eventsPath} --out ${opts.outDir}\` first`;
  requireFile(opts.eventsPath, 'events file', simulateHint);
  requireFile(opts.truthPath, 'truth file', simulateHint);
  requireFile(decisionsPath, 'decisions file', replayHint);
  requireFile(alertsPath, 'alerts file', replayHint);

  const truth = await readTruth(opts.truthPath);
  // alerts.ndjson holds each alert in its final state; should an alert appear twice, the last wins.
  const alerts = new Map<string, AlertRef>();
  for await (const a of readNdjson<Alert>(alertsPath, { strict: true })) alerts.set(a.id, a);

  const report = await evaluate({
    truth,
    events: readEventRefs(opts.eventsPath),
    decisions: readNdjson<DecisionRef>(decisionsPath, { strict: true }),
    alerts: alerts.values(),
  });
  const jsonPath = opts.jsonPath ?? join(opts.outDir, 'eval.json');
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  return { report, table: formatEvalTable(report), jsonPath };
}

function requireFile(path: string, what: string, hint: string): void {
  if (!existsSync(path)) throw new EvalInputError('ERR_EVAL_MISSING_FILE', `${what} ${path} does not exist; ${hint}`);
}

async function readTruth(path: string): Promise<Truth> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new EvalInputError('ERR_EVAL_BAD_FILE', `truth file ${path} is not JSON (${(err as Error).message}); ` +
      'pass the truth.json written by `bulwark simulate`');
  }
  const t = value as Partial<Truth>;
  if (!Array.isArray(t.incidents) || !Array.isArray(t.lookalikes)) {
    throw new EvalInputError('ERR_EVAL_BAD_FILE', `truth file ${path} has no incidents and lookalikes arrays; ` +
      'pass the truth.json written by `bulwark simulate`');
  }
  return value as Truth;
}

// Events written by the simulator (and most producers) start with id and type; reading just those
// is several times faster than parsing a million lines whole. Other lines are parsed in full.
const HEAD = /^\{"id":"([^"\\]+)","type":"([^"\\]+)"/;

/**
 * A copy of a string cut out of a line. V8 keeps a long substring as a view of its parent, so a
 * stored id or type would keep its whole line alive (hundreds of MB over a million events).
 */
function own(s: string): string {
  return s.length <= 12 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** Reads the id and type of every event of an NDJSON file; lines that are not JSON objects are skipped. */
async function* readEventRefs(path: string): AsyncGenerator<EventRef> {
  const lines = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    const m = HEAD.exec(line);
    if (m) { yield { id: own(m[1]!), type: own(m[2]!) }; continue; }
    if (line.trim() === '') continue;
    try {
      const v = JSON.parse(line) as Partial<EventRef>;
      if (typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.type === 'string') yield { id: v.id, type: v.type };
    } catch {
      // A line the replay rejected as not JSON: it has no decision either.
    }
  }
}

/**
 * Reads an NDJSON file line by line. Events files may hold lines the replay rejected, so they are
 * skipped (strict: false); in the replay's own outputs a bad line is an error.
 */
async function* readNdjson<T>(path: string, o: { strict: boolean }): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      if (!o.strict) continue;
      throw new EvalInputError('ERR_EVAL_BAD_FILE', `${path} line ${n} is not JSON (${(err as Error).message}); ` +
        'regenerate it with `bulwark replay`');
    }
    if (typeof value === 'object' && value !== null) yield value as T;
  }
}
