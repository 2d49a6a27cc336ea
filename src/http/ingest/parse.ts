// Turns the body of POST /v1/events, in any of its accepted forms, into numbered lines, each a
// validated event or a rejection. Pure: no engine, no store, so every form is tested alone.
// Each line goes through the contract's own validator, the one replay uses.
import { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import {
  isBlank, MAX_EVENT_BYTES, parseLine, readLines, validateEvent, type RawLine, type ValidationResult,
} from '../../contract/index.js';
import { HttpError } from '../errors.js';

/** Size and count limits of one ingest request. */
export interface IngestLimits {
  /** Largest body in bytes; Fastify refuses bigger ones with 413 before they are read whole. */
  bodyBytes: number;
  /** Most events (non-blank lines, or array elements) in one request. */
  batchEvents: number;
}

/**
 * 64 MiB holds a full batch of 10,000 typical events (0.3 to 2 KiB each) with room to spare
 * while bounding what one request can pin in memory; 10,000 events are one SQLite transaction
 * of well under a second, so one request never holds the engine for long.
 */
export const DEFAULT_INGEST_LIMITS: Readonly<IngestLimits> = { bodyBytes: 64 * 1024 * 1024, batchEvents: 10_000 };

/** One line of the body: its number, what validating it gave and, when there is one, its JSON text as sent. */
export interface BodyLine {
  line: number;
  result: ValidationResult;
  /** The event's JSON text as received, which the store keeps; absent where there is none (binary mode, arrays). */
  text?: string;
}

/** The media types POST /v1/events accepts. */
export const INGEST_MEDIA_TYPES = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  ndjsonAlias: 'application/ndjson',
  cloudEvent: 'application/cloudevents+json',
  cloudEventBatch: 'application/cloudevents-batch+json',
} as const;

const ACCEPTED = `${INGEST_MEDIA_TYPES.json} (one event), ${INGEST_MEDIA_TYPES.ndjson} (a batch, one event a line), ` +
  `${INGEST_MEDIA_TYPES.cloudEvent}, ${INGEST_MEDIA_TYPES.cloudEventBatch}, or CloudEvents binary mode (ce-* headers with a JSON body)`;

/** What the parser needs of a request. */
export interface IngestBody {
  headers: IncomingHttpHeaders;
  body: Buffer | undefined;
}

/** Parses and validates every line of an ingest body; throws HttpError when the body as a whole is unusable. */
export async function parseIngestBody(req: IngestBody, limits: IngestLimits = DEFAULT_INGEST_LIMITS): Promise<BodyLine[]> {
  const media = mediaTypeOf(req.headers['content-type']);
  const body = req.body;
  if (!body || body.length === 0) {
    throw new HttpError('body_empty', `the body is empty; send ${ACCEPTED}`);
  }
  switch (media) {
    case INGEST_MEDIA_TYPES.ndjson:
    case INGEST_MEDIA_TYPES.ndjsonAlias:
      return parseNdjson(body, limits);
    case INGEST_MEDIA_TYPES.cloudEventBatch:
      return parseArray(body, limits);
    case INGEST_MEDIA_TYPES.cloudEvent:
      return [single(body)];
  }
  if (isBinaryCloudEvent(req.headers)) {
    if (media !== undefined && !isJsonMedia(media)) {
      throw new HttpError('unsupported_media_type', `CloudEvents binary mode needs JSON data, received Content-Type ${media}; ` +
        'send the event data as application/json');
    }
    return [{ line: 1, result: fromBinaryMode(req.headers, parseSingle(body).value) }];
  }
  if (media === INGEST_MEDIA_TYPES.json) return [single(body)];
  throw new HttpError('unsupported_media_type',
    `${media === undefined ? 'no Content-Type was sent' : `Content-Type ${media} is not accepted here`}; send ${ACCEPTED}`);
}

/** The lowercased media type of a Content-Type header, without parameters. */
export function mediaTypeOf(header: string | undefined): string | undefined {
  const media = header?.split(';', 1)[0]?.trim().toLowerCase();
  return media ? media : undefined;
}

function isJsonMedia(media: string): boolean {
  return media === 'application/json' || media.endsWith('+json');
}

function isBinaryCloudEvent(headers: IncomingHttpHeaders): boolean {
  return headers['ce-id'] !== undefined || headers['ce-specversion'] !== undefined;
}

async function parseNdjson(body: Buffer, limits: IngestLimits): Promise<BodyLine[]> {
  // The contract's line reader, so HTTP and replay split, size-check and decode lines alike.
  const raws: RawLine[] = [];
  let events = 0;
  for await (const batch of readLines(Readable.from([body]), MAX_EVENT_BYTES)) {
    for (const raw of batch) {
      if (isBlankLine(raw)) continue;
      // Counted before anything is parsed, so an oversized batch costs no validation work.
      if (++events > limits.batchEvents) throw tooManyEvents(limits, 'lines');
      raws.push(raw);
    }
  }
  if (raws.length === 0) throw new HttpError('body_empty', `the body has only blank lines; send one JSON event a line`);
  const lines: BodyLine[] = [];
  let anyJson = false;
  for (const raw of raws) {
    const parsed = parseLine(raw);
    if (parsed.ok === 'blank') continue;
    lines.push(parsed.ok ? { line: raw.line, result: { ok: true, event: parsed.event }, text: parsed.text } : { line: raw.line, result: parsed });
    if (parsed.ok || (parsed.rejection.code !== 'ERR_EVENT_NOT_JSON' && parsed.rejection.code !== 'ERR_EVENT_NOT_UTF8')) anyJson = true;
  }
  if (!anyJson) {
    const first = lines[0]?.result;
    throw new HttpError('body_not_json', 'no line of the body is JSON, so it is not NDJSON; send one JSON event a line' +
      (first && !first.ok ? ` (line ${lines[0]!.line}: ${first.rejection.message})` : ''));
  }
  return lines;
}

function parseArray(body: Buffer, limits: IngestLimits): BodyLine[] {
  const { value } = parseOne(body);
  if (!Array.isArray(value)) {
    throw new HttpError('invalid_request', `a ${INGEST_MEDIA_TYPES.cloudEventBatch} body must be a JSON array of events, received ` +
      `${value === null ? 'null' : typeof value}; send [ {...}, {...} ] or one event as ${INGEST_MEDIA_TYPES.cloudEvent}`);
  }
  if (value.length > limits.batchEvents) throw tooManyEvents(limits, 'array elements');
  return value.map((v, i) => ({ line: i + 1, result: validateEvent(v) }));
}

/** A body that holds one event (structured mode), kept with its text. */
function single(body: Buffer): BodyLine {
  const { value, text } = parseSingle(body);
  const result = validateEvent(value);
  return result.ok ? { line: 1, result, text: text.trim() } : { line: 1, result };
}

/** Parses a body that holds one event, which may be at most MAX_EVENT_BYTES like an NDJSON line. */
function parseSingle(body: Buffer): { value: unknown; text: string } {
  if (body.length > MAX_EVENT_BYTES) {
    throw new HttpError('payload_too_large', `one event may be at most ${MAX_EVENT_BYTES} bytes (1 MiB), received ${body.length}; ` +
      'move bulky content out of the event', { max_bytes: MAX_EVENT_BYTES });
  }
  return parseOne(body);
}

/** Parses a whole body as one JSON value. */
function parseOne(body: Buffer): { value: unknown; text: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError('body_not_json', 'the body is not valid UTF-8; send JSON encoded as UTF-8');
  }
  try {
    return { value: JSON.parse(text), text };
  } catch (err) {
    throw new HttpError('body_not_json', `the body is not JSON: ${(err as Error).message}; send ${ACCEPTED}`);
  }
}

/**
 * CloudEvents binary mode: the attributes come as ce-* headers (ce-id, ce-type, ce-time,
 * ce-source, ce-specversion and any extension) and the body is the `data`.
 */
function fromBinaryMode(headers: IncomingHttpHeaders, data: unknown): ValidationResult {
  const envelope: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('ce-') || value === undefined) continue;
    envelope[name.slice(3)] = Array.isArray(value) ? value[0] : value;
  }
  envelope.data = data;
  const result = validateEvent(envelope);
  if (result.ok || !/^(id|type|time|source|specversion)$/.test(result.rejection.path)) return result;
  // Point at the header the client actually sent, not at a JSON field it never wrote.
  const field = result.rejection.path;
  const header = `ce-${field}`;
  const message = result.rejection.message.startsWith(`${field}:`)
    ? `header ${header}${result.rejection.message.slice(field.length)}`
    : `header ${header}: ${result.rejection.message}`;
  return { ok: false, rejection: { ...result.rejection, path: header, message } };
}

function tooManyEvents(limits: IngestLimits, what: string): HttpError {
  return new HttpError('batch_too_large', `the batch has more than ${limits.batchEvents.toLocaleString('en')} ${what}; ` +
    `one request may carry at most ${limits.batchEvents.toLocaleString('en')} events: split it into several requests`,
  { max_events: limits.batchEvents });
}

function isBlankLine(raw: RawLine): boolean {
  return raw.text !== null && isBlank(raw.text);
}
