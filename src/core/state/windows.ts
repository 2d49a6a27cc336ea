// Event-time counters in fixed buckets. Plain JSON data so they live in the StateStore and
// survive a restart; late events land in their own bucket, not in the newest one.

/** Counts (and sums) per bucket of `bucketMs`, bucket starts ascending. */
export interface BucketSeries {
  /** Bucket start times, epoch ms, ascending. */
  t: number[];
  /** Event count per bucket. */
  n: number[];
  /** Summed value per bucket (money, quantity...). */
  v: number[];
}

export function emptySeries(): BucketSeries {
  return { t: [], n: [], v: [] };
}

/** Adds one observation at event time `at`. */
export function addToSeries(s: BucketSeries, at: number, bucketMs: number, value = 0): void {
  const start = at - mod(at, bucketMs);
  const last = s.t.length - 1;
  if (last >= 0 && s.t[last] === start) {
    s.n[last]! += 1; s.v[last]! += value; return;
  }
  if (last < 0 || s.t[last]! < start) {
    s.t.push(start); s.n.push(1); s.v.push(value); return;
  }
  // A late observation: find its bucket or insert one in order.
  let lo = 0; let hi = s.t.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (s.t[mid]! < start) lo = mid + 1; else hi = mid; }
  if (s.t[lo] === start) { s.n[lo]! += 1; s.v[lo]! += value; return; }
  s.t.splice(lo, 0, start); s.n.splice(lo, 0, 1); s.v.splice(lo, 0, value);
}

/** Count and value summed over buckets whose start lies in [fromAt, toAt]. */
export function sumRange(s: BucketSeries, fromAt: number, toAt: number): { n: number; v: number } {
  let n = 0; let v = 0;
  for (let i = s.t.length - 1; i >= 0; i--) {
    const t = s.t[i]!;
    if (t < fromAt) break;
    if (t <= toAt) { n += s.n[i]!; v += s.v[i]!; }
  }
  return { n, v };
}

/** Drops buckets that start before `beforeAt`. */
export function pruneSeries(s: BucketSeries, beforeAt: number): void {
  let k = 0;
  while (k < s.t.length && s.t[k]! < beforeAt) k++;
  if (k > 0) { s.t.splice(0, k); s.n.splice(0, k); s.v.splice(0, k); }
}

/** Bucket start of `at`. */
export function bucketOf(at: number, bucketMs: number): number {
  return at - mod(at, bucketMs);
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}
