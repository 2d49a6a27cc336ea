// Sums of money named in a text, in yuan: 388元, 转388, 赔1000. Read after normalisation, so that
// ３８８, 三百八十八, 3 8 8 and ¥388 are all 388.
import type { NormalizedText } from './normalize.js';

// A number followed by 元 (normalised from 块, 圆, ¥, rmb), or after a verb of paying.
const AMOUNT = /([0-9]{1,7}(?:\.[0-9]{1,2})?) ?元|(?:转|赔|私了) ?([0-9]{2,7})(?![0-9])/g;
// Complaint hotlines are numbers, not sums: 12315 (consumer), 12345 (city), 12331 (food).
const HOTLINES = new Set([12315, 12345, 12331]);

/** The sums a text names, in yuan, in order, each once. */
export function findAmounts(text: NormalizedText): number[] {
  const out: number[] = [];
  for (const m of text.spaced.matchAll(AMOUNT)) {
    const yuan = Number(m[1] ?? m[2]);
    if (yuan > 0 && !HOTLINES.has(yuan) && !out.includes(yuan)) out.push(yuan);
  }
  return out;
}
