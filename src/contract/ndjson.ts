// NDJSON in and out. Input is read as bytes and split on '\n' by hand so that a line over the
// size limit is dropped while it streams (memory stays flat) and bad UTF-8 is caught per line.
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { MAX_EVENT_BYTES, validateEvent, type ValidationResult } from './validate.js';
import type { BulwarkEvent } from './schema.js';
import type { Rejection } from './outputs.js';

/** One raw input line: its 1-based number and bytes, or a note that it was too large to keep. */
export interface RawLine {
  line: number;
  bytes: Buffer | null;
  /** Byte length of the line as sent (without the newline). */
  size: number;
}

/** Splits a byte stream into lines, yielding them in batches; lines over maxBytes arrive with bytes null. */
export async function* readLines(input: Readable, maxBytes = MAX_EVENT_BYTES): AsyncGenerator<RawLine[]> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let oversized = false;
  let lineNo = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const batch: RawLine[] = [];
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      const piece = buf.subarray(start, nl);
      lineNo++;
      const size = pendingSize + piece.length;
      if (oversized || size > maxBytes) {
        batch.push({ line: lineNo, bytes: null, size });
      } else {
        const bytes = pending.length ? Buffer.concat([...pending, piece]) : piece;
        batch.push({ line: lineNo, bytes, size });
      }
      pending = []; pendingSize = 0; oversized = false;
      start = nl + 1;
    }
    if (start < buf.length) {
      const rest = buf.subarray(start);
      pendingSize += rest.length;
      if (pendingSize > maxBytes) { oversized = true; pending = []; }
      else pending.push(Buffer.from(rest));
    }
    if (batch.length) yield batch;
  }
  if (pendingSize > 0 || oversized) {
    lineNo++;
    yield [{ line: lineNo, bytes: oversized ? null : Buffer.concat(pending), size: pendingSize }];
  }
}

/** A parsed line: the event with its JSON text as received, a rejection, or a blank line to skip. */
export type LineResult =
  | { ok: true; event: BulwarkEvent; text: string }
  | { ok: false; rejection: Omit<Rejection, 'line'> }
  | { ok: 'blank' };

/** Decodes and validates one raw line; blank lines are skipped, not rejected. */
export function parseLine(raw: RawLine): LineResult {
  if (raw.bytes === null) {
    return { ok: false, rejection: { code: 'ERR_EVENT_TOO_LARGE', path: '', expected: `at most ${MAX_EVENT_BYTES} bytes`,
      received: `${raw.size} bytes`, message: `line is ${raw.size} bytes; an event may be at most ${MAX_EVENT_BYTES} bytes (1 MiB)` } };
  }
  let bytes = raw.bytes;
  if (bytes.length && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
  if (bytes.length === 0 || isBlank(bytes)) return { ok: 'blank' };
  if (!isUtf8(bytes)) {
    return { ok: false, rejection: { code: 'ERR_EVENT_NOT_UTF8', path: '', expected: 'UTF-8 text',
      received: 'invalid UTF-8 bytes', message: 'line is not valid UTF-8; re-encode the file as UTF-8' } };
  }
  const text = bytes.toString('utf8');
  const r = parseText(text);
  return r.ok ? { ok: true, event: r.event, text } : r;
}

/** Parses and validates one event from its JSON text. */
export function parseText(text: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, rejection: { code: 'ERR_EVENT_NOT_JSON', path: '', expected: 'one JSON object',
      received: text.length > 40 ? `${text.slice(0, 37)}...` : text,
      message: `line is not JSON: ${(err as Error).message}` } };
  }
  return validateEvent(value);
}

function isBlank(b: Buffer): boolean {
  for (const c of b) if (c !== 32 && c !== 9 && c !== 13) return false;
  return true;
}

/** Serialises one record as an NDJSON line. */
export function toLine(record: unknown): string {
  return `${JSON.stringify(record)}\n`;
}
