// `publish`: a file of events into the stream, each to its partition with its id as the stream's
// de-duplication id, in file order. Lines that are not valid events are reported, not sent.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parseLine, readLines, type Rejection } from '../contract/index.js';
import { EventStream, parseStreamUrl } from '../stream/nats/index.js';

export interface PublishOptions {
  /** An NDJSON file, or '-' for standard input. */
  events: string;
  stream: string;
  /** Read from this instead of opening `events` (tests). */
  input?: Readable;
  onRejected?: (r: Rejection) => void;
}

export interface PublishSummary {
  lines: number;
  published: number;
  rejected: number;
  partitions: number;
  elapsedMs: number;
}

/** Publishes every valid event of the file; resolves once the stream has stored them all. */
export async function publishFile(opts: PublishOptions): Promise<PublishSummary> {
  const started = performance.now();
  const stream = await EventStream.open(parseStreamUrl(opts.stream), { name: 'bulwark-publish' });
  const input = opts.input ?? (opts.events === '-' ? process.stdin : createReadStream(opts.events, { highWaterMark: 1 << 20 }));
  const summary: PublishSummary = { lines: 0, published: 0, rejected: 0, partitions: stream.partitions, elapsedMs: 0 };
  try {
    for await (const batch of readLines(input)) {
      for (const raw of batch) {
        summary.lines = raw.line;
        const parsed = parseLine(raw);
        if (parsed.ok === 'blank') continue;
        if (parsed.ok === false) { summary.rejected++; opts.onRejected?.({ line: raw.line, ...parsed.rejection }); continue; }
        await stream.publishPipelined(parsed.event, parsed.text);
        summary.published++;
      }
    }
    await stream.settle();
  } finally {
    await stream.close();
  }
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}
