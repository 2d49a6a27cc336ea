// The --stream URL: nats://HOST:PORT with Bulwark's parameters (stream name, subject prefix and
// number of partitions), so that one value names everything a publisher and a worker must share.

export interface StreamTarget {
  /** NATS servers, host:port. */
  servers: string[];
  /** The JetStream stream's name. */
  stream: string;
  /** Events go to `${subject}.${partition}`. */
  subject: string;
  /** Partitions of a new stream; an existing stream keeps the number it was created with. */
  partitions: number;
  /** How long the stream keeps events (ms): a lost store can be refilled from it for this long. */
  maxAgeMs: number;
  /** JetStream's de-duplication window by event id (ms). */
  duplicateWindowMs: number;
}

export const STREAM_DEFAULTS = {
  stream: 'BULWARK_EVENTS',
  subject: 'bulwark.events',
  partitions: 16,
  maxAgeMs: 7 * 24 * 3_600_000,
  duplicateWindowMs: 2 * 60_000,
} as const;

/** The error of a bad --stream value; the message says what to write. */
export class StreamUrlError extends Error {
  readonly code = 'ERR_STREAM_URL';
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const SUBJECT = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** Reads `nats://host:port?stream=NAME&subject=PREFIX&partitions=N`; each parameter is optional. */
export function parseStreamUrl(value: string): StreamTarget {
  let url: URL;
  try { url = new URL(value); } catch {
    throw new StreamUrlError(`--stream ${JSON.stringify(value)} is not a URL; write nats://HOST:PORT, e.g. nats://127.0.0.1:4222`);
  }
  if (url.protocol !== 'nats:') {
    throw new StreamUrlError(`--stream ${JSON.stringify(value)} must start with nats:// (NATS JetStream is the stream Bulwark knows)`);
  }
  const known = new Set(['stream', 'subject', 'partitions', 'max_age_hours', 'duplicate_window_sec']);
  for (const k of url.searchParams.keys()) {
    if (!known.has(k)) throw new StreamUrlError(`--stream parameter ${JSON.stringify(k)} is unknown; known: ${[...known].join(', ')}`);
  }
  const stream = url.searchParams.get('stream') ?? STREAM_DEFAULTS.stream;
  if (!NAME.test(stream)) throw new StreamUrlError(`stream=${JSON.stringify(stream)}: use letters, digits, _ and - (at most 64)`);
  const subject = url.searchParams.get('subject') ?? STREAM_DEFAULTS.subject;
  if (!SUBJECT.test(subject)) throw new StreamUrlError(`subject=${JSON.stringify(subject)}: use dot-separated tokens of letters, digits, _ and -`);
  const int = (name: string, fallback: number, max: number): number => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new StreamUrlError(`${name}=${JSON.stringify(raw)} must be a whole number from 1 to ${max}`);
    return n;
  };
  return {
    servers: [`${url.hostname || '127.0.0.1'}:${url.port || '4222'}`],
    stream,
    subject,
    partitions: int('partitions', STREAM_DEFAULTS.partitions, 1024),
    maxAgeMs: int('max_age_hours', STREAM_DEFAULTS.maxAgeMs / 3_600_000, 24 * 365) * 3_600_000,
    duplicateWindowMs: int('duplicate_window_sec', STREAM_DEFAULTS.duplicateWindowMs / 1000, 7 * 86_400) * 1000,
  };
}
