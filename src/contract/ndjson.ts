// NDJSON in and out. Input is read as bytes and split on '\n' by hand so that a line over the
// size limit is dropped while it streams (memory stays flat) and bad UTF-8 is caught per line.
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { MAX_EVENT_BYTES, validateEvent, type ValidationResult } from './validate.js';
import type { BulwarkEvent } from './schema.js';
import type { Rejection } from './outputs.js';

/**
 * One raw input line, 1-based, decoded; or a note that it was too large to keep (`size` bytes) or
 * was not UTF-8.
 */
export type RawLine =
  | { line: number; text: string }
  | { line: number; text: null; problem: 'too_large'; size: number }
  | { line: number; text: null; problem: 'not_utf8' };

/**
 * Splits a byte stream into decoded lines, yielding them in batches. Each chunk's whole lines are
 * checked and decoded at once (one UTF-8 check and one string per chunk, not per line: this runs
 * on every event); a chunk with bad bytes is redone line by line so that only its bad lines are
 * refused. A line over maxBytes is dropped while it streams, so memory stays flat.
 */
export async function* readLines(input: Readable, maxBytes = MAX_EVENT_BYTES): AsyncGenerator<RawLine[]> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let oversized = false;
  let lineNo = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const last = buf.lastIndexOf(10);
    const batch: RawLine[] = [];
    let start = 0;
    if (last !== -1 && (pendingSize > 0 || oversized)) {
      // The line that began in an earlier chunk ends here.
      const nl = buf.indexOf(10);
      const piece = buf.subarray(0, nl);
      const size = pendingSize + piece.length;
      batch.push(oversized || size > maxBytes ? tooLarge(++lineNo, size) : decodeLine(++lineNo, Buffer.concat([...pending, piece])));
      pending = []; pendingSize = 0; oversized = false;
      start = nl + 1;
    }
    if (last >= start) {
      const region = buf.subarray(start, last);
      if (isUtf8(region)) {
        for (const text of region.toString('utf8').split('\n')) {
          lineNo++;
          // A UTF-16 unit is at most 3 UTF-8 bytes: only a long line needs counting.
          const size = text.length * 3 > maxBytes ? Buffer.byteLength(text, 'utf8') : 0;
          batch.push(size > maxBytes ? tooLarge(lineNo, size) : { line: lineNo, text });
        }
      } else {
        for (let s = 0, nl = region.indexOf(10); ; nl = region.indexOf(10, s)) {
          const piece = region.subarray(s, nl === -1 ? region.length : nl);
          batch.push(piece.length > maxBytes ? tooLarge(++lineNo, piece.length) : decodeLine(++lineNo, piece));
          if (nl === -1) break;
          s = nl + 1;
        }
      }
      start = last + 1;
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
    yield [oversized ? tooLarge(lineNo, pendingSize) : decodeLine(lineNo, Buffer.concat(pending))];
  }
}

function tooLarge(line: number, size: number): RawLine {
  return { line, text: null, problem: 'too_large', size };
}

function decodeLine(line: number, bytes: Buffer): RawLine {
  return isUtf8(bytes) ? { line, text: bytes.toString('utf8') } : { line, text: null, problem: 'not_utf8' };
}

/** A parsed line: the event with its JSON text as received, a rejection, or a blank line to skip. */
export type LineResult =
  | { ok: true; event: BulwarkEvent; text: string }
  | { ok: false; rejection: Omit<Rejection, 'line'> }
  | { ok: 'blank' };

/** Validates one raw line; blank lines are skipped, not rejected. */
export function parseLine(raw: RawLine): LineResult {
  if (raw.text === null) {
    if (raw.problem === 'not_utf8') {
      return { ok: false, rejection: { code: 'ERR_EVENT_NOT_UTF8', path: '', expected: 'UTF-8 text',
        received: 'invalid UTF-8 bytes', message: 'line is not valid UTF-8; re-encode the file as UTF-8' } };
    }
    return { ok: false, rejection: { code: 'ERR_EVENT_TOO_LARGE', path: '', expected: `at most ${MAX_EVENT_BYTES} bytes`,
      received: `${raw.size} bytes`, message: `line is ${raw.size} bytes; an event may be at most ${MAX_EVENT_BYTES} bytes (1 MiB)` } };
  }
  let text = raw.text;
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  if (isBlank(text)) return { ok: 'blank' };
  const r = parseText(text);
  return r.ok ? { ok: true, event: r.event, text } : r;
}

/** Whether a line holds only spaces, tabs and carriage returns. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
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

/** Serialises one record as an NDJSON line. */
export function toLine(record: unknown): string {
  return `${JSON.stringify(record)}\n`;
}
