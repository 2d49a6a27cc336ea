// Event times: RFC 3339 UTC with milliseconds, the only form the contract accepts. Parsed by
// hand because it runs once per event and Date.parse plus a round-trip check costs several
// times more.

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch ms of `YYYY-MM-DDTHH:MM:SS.mmmZ`, or NaN if it is not that form or not a real calendar time. */
export function parseEventTime(s: string): number {
  if (s.length !== 24 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) return NaN;
  const y = digits(s, 0, 4); const mo = digits(s, 5, 2); const d = digits(s, 8, 2);
  const h = digits(s, 11, 2); const mi = digits(s, 14, 2); const sec = digits(s, 17, 2); const ms = digits(s, 20, 3);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0) return NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : DAYS[mo - 1]!)) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Durations in event-time milliseconds, for windows and expiries. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
