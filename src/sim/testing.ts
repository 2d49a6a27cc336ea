// Test support: runs the simulator into memory. Only tests import this file.
import { simulate } from './simulate.js';
import type { Truth } from './truth.js';
import type { SimOptions } from './world.js';

/** A run held in memory: the NDJSON text, its lines and the truth. */
export interface RunInMemory { text: string; lines: string[]; truth: Truth }

/** Runs the simulator and keeps everything in memory (use small scales). */
export function runInMemory(opts: SimOptions): RunInMemory {
  const gen = simulate(opts);
  const chunks: string[] = [];
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) {
      const text = chunks.join('');
      return { text, lines: text.split('\n').filter((l) => l.length > 0), truth: r.value };
    }
    chunks.push(r.value);
  }
}
