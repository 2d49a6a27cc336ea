// The simulator's main loop. It plans every incident and look-alike, emits the catalogue snapshot,
// then walks event time minute by minute: scenarios whose first event falls in the minute run,
// ordinary traffic for the minute is generated, and every event before the end of the minute
// leaves the queue in time order. Output is produced as NDJSON chunks, so memory stays flat.
import { BenignTraffic } from './benign.js';
import { planIncidents, planLookalikes } from './plan.js';
import type { Scenario } from './scenario.js';
import type { Truth, TruthIncident, TruthLookalike } from './truth.js';
import { DEFAULT_START, MINUTE_MS, World, type SimOptions } from './world.js';

/** Smallest scale the simulator supports: below it the attacks would no longer look like themselves. */
export const MIN_SCALE = 0.05;
const CHUNK_CHARS = 1 << 20;

/** Checks simulation options; throws a RangeError naming the option and what to pass. */
export function checkSimOptions(opts: SimOptions): Required<SimOptions> {
  const { seed, scale, days } = opts;
  const start = opts.start ?? DEFAULT_START;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0x7fffffff) {
    throw new RangeError(`seed must be an integer from 0 to 2147483647, received ${seed}`);
  }
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > 100) {
    throw new RangeError(`scale must be a number from ${MIN_SCALE} to 100, received ${scale}`);
  }
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new RangeError(`days must be an integer from 1 to 366, received ${days}`);
  }
  const t = Date.parse(start);
  if (!Number.isFinite(t) || new Date(t).toISOString() !== start) {
    throw new RangeError(`start must be an RFC 3339 UTC time with milliseconds like ${DEFAULT_START}, received ${start}`);
  }
  return { seed, scale, days, start };
}

/**
 * Simulates a marketplace: yields events.ndjson in chunks of whole lines and returns the truth.
 * Deterministic: the same options give the same bytes.
 */
export function* simulate(options: SimOptions): Generator<string, Truth, void> {
  const opts = checkSimOptions(options);
  const w = new World(opts);
  const incidents = planIncidents(w);
  const lookalikes = planLookalikes(w);
  // Stable order by first event time; ties keep planning order.
  const pending: Scenario<unknown>[] = [...incidents, ...lookalikes]
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.at - b.s.at || a.i - b.i)
    .map((x) => x.s);
  const benign = new BenignTraffic(w);
  benign.prologue();
  benign.warmUp();

  let chunk: string[] = [];
  let chunkChars = 0;
  let written = 0;
  const out = (line: string) => {
    chunk.push(line);
    chunkChars += line.length + 1;
    written++;
  };
  let next = 0;
  for (let t = w.startMs; t < w.endMs; t += MINUTE_MS) {
    const until = Math.min(t + MINUTE_MS, w.endMs);
    while (next < pending.length && pending[next]!.at < until) pending[next++]!.run();
    benign.step(t, until);
    w.queue.flushBefore(until, out);
    if (chunkChars >= CHUNK_CHARS) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
      chunkChars = 0;
    }
  }
  w.queue.flushAll(out);
  if (chunk.length) yield `${chunk.join('\n')}\n`;

  return {
    seed: opts.seed, scale: opts.scale, days: opts.days, start: new Date(w.startMs).toISOString(),
    end: new Date(w.endMs).toISOString(), events: written,
    incidents: incidents.map((s) => s.truth()).filter(nonEmpty),
    lookalikes: lookalikes.map((s) => s.truth()).filter(nonEmpty),
    late_events: [...w.queue.lateIds],
  };
}

/** An incident or look-alike whose events all fell after the end of a short run is left out. */
function nonEmpty<T extends TruthIncident | TruthLookalike>(t: T): boolean {
  return t.events.length > 0;
}
