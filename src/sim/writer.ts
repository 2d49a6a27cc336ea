// Writes a simulated run to files: events.ndjson streamed chunk by chunk (waiting for the disk
// when it falls behind, so memory stays flat) and truth.json at the end.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Truth } from './truth.js';

/** Streams a generator of NDJSON chunks to a file and returns the generator's result. */
export async function writeChunks<R>(chunks: Generator<string, R, void>, path: string): Promise<R> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([err]) => { throw err; });
  failed.catch(() => undefined);
  try {
    for (let r = chunks.next(); ; r = chunks.next()) {
      if (r.done) {
        out.end();
        await Promise.race([once(out, 'finish'), failed]);
        return r.value;
      }
      if (!out.write(r.value)) await Promise.race([once(out, 'drain'), failed]);
    }
  } catch (err) {
    out.destroy();
    throw err;
  }
}

/** Writes truth.json as one compact JSON document (it lists every attack event id, so it is kept small). */
export async function writeTruth(truth: Truth, path: string): Promise<void> {
  await writeFile(path, `${JSON.stringify(truth)}\n`);
}
