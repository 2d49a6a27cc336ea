// Runtime validation of one event, compiled once from the schema objects in schema.ts.
// Bad input is a result, not an exception: every failure is a Rejection with a path, a stable
// code, what was expected and what came.
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { TSchema } from '@sinclair/typebox';
import { EventDataSchemas, EnvelopeSchema, EVENT_TYPES, type BulwarkEvent, type EventType } from './schema.js';
import type { Rejection } from './outputs.js';
import { parseEventTime } from './time.js';
import { closest } from './did-you-mean.js';

/** Largest accepted line or event body, in bytes (1 MiB): bigger ones are rejected, never parsed. */
export const MAX_EVENT_BYTES = 1024 * 1024;

const envelopeCheck = TypeCompiler.Compile(EnvelopeSchema);
const dataChecks = new Map<string, TypeCheck<TSchema>>(
  EVENT_TYPES.map((t) => [t, TypeCompiler.Compile(EventDataSchemas[t]) as TypeCheck<TSchema>]),
);

export type ValidationResult =
  | { ok: true; event: BulwarkEvent }
  | { ok: false; rejection: Omit<Rejection, 'line'> };

/** Validates a parsed JSON value as one contract event (CloudEvents structured mode included). */
export function validateEvent(value: unknown): ValidationResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail({ code: 'ERR_EVENT_NOT_OBJECT', path: '', expected: 'a JSON object',
      received: describeValue(value), message: `expected one JSON object per line, received ${describeValue(value)}` });
  }
  const obj = value as Record<string, unknown>;
  const eventId = typeof obj.id === 'string' ? obj.id : undefined;
  if (typeof obj.type === 'string' && !dataChecks.has(obj.type)) {
    return fail({ code: 'ERR_EVENT_UNKNOWN_TYPE', path: 'type', event_id: eventId,
      expected: `one of ${EVENT_TYPES.join(', ')}`, received: JSON.stringify(obj.type),
      message: `unknown event type ${JSON.stringify(obj.type)}${suggestType(obj.type)}` });
  }
  if (!envelopeCheck.Check(obj)) {
    return fail(fromError(first(envelopeCheck.Errors(obj)), '', eventId));
  }
  const check = dataChecks.get(obj.type as EventType)!;
  if (!check.Check(obj.data)) {
    return fail(fromError(first(check.Errors(obj.data)), 'data', eventId));
  }
  const time = obj.time as string;
  if (Number.isNaN(parseEventTime(time))) {
    return fail({ code: 'ERR_EVENT_BAD_TIME', path: 'time', event_id: eventId,
      expected: 'a real RFC 3339 UTC time with milliseconds', received: JSON.stringify(time),
      message: `time ${JSON.stringify(time)} is not a real calendar time; send e.g. 2026-11-02T10:15:00.000Z` });
  }
  return { ok: true, event: obj as BulwarkEvent };
}

/** Epoch milliseconds of a validated event's time. */
export function eventAt(e: Pick<BulwarkEvent, 'time'>): number {
  return parseEventTime(e.time);
}

function fail(rejection: Omit<Rejection, 'line'>): ValidationResult {
  if (rejection.event_id === undefined) delete rejection.event_id;
  return { ok: false, rejection };
}

function first(errors: Iterable<ValueError>): ValueError {
  // Union errors come first for a bad literal; the most useful error is the deepest one at the
  // first failing path, so take the first path and prefer its non-union message.
  let best: ValueError | undefined;
  for (const e of errors) {
    if (!best) { best = e; continue; }
    if (e.path !== best.path) break;
    if (best.type === ValueErrorType.Union) best = e;
  }
  return best!;
}

function fromError(e: ValueError, prefix: string, eventId: string | undefined): Omit<Rejection, 'line'> {
  const path = joinPath(prefix, e.path);
  const expected = describeSchema(e.schema);
  if (e.value === undefined) {
    return { code: 'ERR_EVENT_MISSING_FIELD', path, event_id: eventId, expected,
      message: `${path}: required field is missing; expected ${expected}` };
  }
  const received = describeValue(e.value);
  const code = path === 'time' ? 'ERR_EVENT_BAD_TIME' : 'ERR_EVENT_INVALID_FIELD';
  return { code, path, event_id: eventId, expected, received,
    message: `${path}: expected ${expected}, received ${received}` };
}

function joinPath(prefix: string, pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = prefix;
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : (out ? `.${p}` : p);
  return out;
}

/** A short human description of what a schema accepts. */
export function describeSchema(s: TSchema): string {
  const x = s as Record<string, unknown>;
  if (Array.isArray(x.anyOf)) return (x.anyOf as TSchema[]).map(describeSchema).join(' | ');
  if (x.const !== undefined) return JSON.stringify(x.const);
  const bounds: string[] = [];
  if (typeof x.minimum === 'number') bounds.push(`>= ${x.minimum}`);
  if (typeof x.maximum === 'number') bounds.push(`<= ${x.maximum}`);
  if (typeof x.minLength === 'number' && x.minLength > 0) bounds.push(`non-empty`);
  if (typeof x.maxLength === 'number') bounds.push(`at most ${x.maxLength} characters`);
  if (typeof x.minItems === 'number' && x.minItems > 0) bounds.push(`at least ${x.minItems} item(s)`);
  if (typeof x.pattern === 'string' && x.pattern.includes('T')) bounds.push('like 2026-11-02T10:15:00.000Z');
  const base = x.type === 'integer' && typeof x.description === 'string' && x.description.includes('minor units')
    ? 'integer money in minor units' : String(x.type ?? 'value');
  return bounds.length ? `${base} ${bounds.join(', ')}` : base;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : `${typeof v} ${s}`;
}

function suggestType(t: string): string {
  const best = closest(t, EVENT_TYPES);
  return best ? `; did you mean "${best}"?` : `; expected one of ${EVENT_TYPES.join(', ')}`;
}
