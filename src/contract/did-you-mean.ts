// "Did you mean" hints: the known name closest to a misspelt one, by edit distance, ignoring case.

/** The candidate closest to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  const a = name.toLowerCase();
  for (const c of candidates) {
    const d = distance(a, c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  // Up to a third of the name's letters may differ (agedays, age_days, ageDay all find ageDays).
  return best !== undefined && bestD <= Math.max(2, Math.ceil(name.length / 3)) ? best : undefined;
}

/** Levenshtein distance, with `_` and `-` ignored (age_days and agedays are one name). */
function distance(x: string, y: string): number {
  const a = x.replace(/[_-]/g, '');
  const b = y.replace(/[_-]/g, '');
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
