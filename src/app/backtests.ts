// Backtests a server runs in the background (POST /v1/backtests): the events stored so far,
// replayed once with the rules in force and a candidate side by side (docs/backtest.md). They run
// on the server's thread in slices, yielding between them so that ingest keeps answering.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { validateEvent } from '../contract/index.js';
import type { EventHistory } from '../core/index.js';
import { BacktestTally, RuleSet, parseRuleFile, type BacktestReport, type RuleSpec } from '../rules/index.js';
import type { Config } from '../config/index.js';
import { Engine } from './engine.js';
import type { Policy } from './policy.js';

/** Events replayed between two yields: a few milliseconds of work. */
const SLICE = 2_000;

export interface BacktestRun {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** Wall-clock start, RFC 3339, and the key that started it. */
  started: string;
  by: string;
  progress: { events: number; of: number };
  report?: BacktestReport;
  error?: string;
}

export class Backtests {
  readonly #runs = new Map<string, BacktestRun>();
  #next = 1;

  constructor(private readonly deps: { config: Readonly<Config>; policy: Policy; history: EventHistory }) {}

  /** Checks the candidate (throws RulesError) and starts it; answers the run at once. */
  start(candidateText: string, by: string): BacktestRun {
    const { specs, sources, problems } = parseRuleFile(candidateText, 'the candidate');
    const candidate = RuleSet.compile(specs, { label: 'candidate', sources, problems });
    const current = RuleSet.compile(this.deps.policy.current.rules as unknown as RuleSpec[], { label: `rules v${this.deps.policy.current.version}` });
    const lists = this.deps.policy.listIndex;
    current.useLists(lists);
    candidate.useLists(lists);
    const cursor = this.deps.history.openEvents();
    const run: BacktestRun = { id: `bt_${this.#next++}`, status: 'running', started: new Date().toISOString(), by, progress: { events: 0, of: cursor.total } };
    this.#runs.set(run.id, run);
    void (async () => {
      try {
        const engine = await Engine.open(this.deps.config, undefined, { rules: current, candidate });
        const modes = new Map<string, { in: 'current' | 'candidate' | 'both'; mode: 'active' | 'shadow' }>();
        for (const s of current.specs) modes.set(s.id, { in: 'current', mode: s.mode ?? 'active' });
        for (const s of candidate.specs) modes.set(s.id, { in: modes.has(s.id) ? 'both' : 'candidate', mode: s.mode ?? 'active' });
        const tally = new BacktestTally({ current: current.label, candidate: candidate.label, modes });
        for (;;) {
          const texts = await cursor.next(SLICE);
          if (texts.length === 0) break;
          for (const text of texts) {
            const v = validateEvent(JSON.parse(text));
            if (!v.ok) continue;
            const out = engine.process(v.event);
            if (out.status === 'accepted' && out.decision && out.candidate) tally.add(out.rules ?? out.decision, out.candidate);
          }
          run.progress.events += texts.length;
          await yieldToEvents();
        }
        run.report = tally.report();
        run.status = 'done';
      } catch (err) {
        run.status = 'failed';
        run.error = (err as Error).message;
      } finally {
        cursor.close();
      }
    })();
    return run;
  }

  get(id: string): BacktestRun | undefined {
    return this.#runs.get(id);
  }
}
