// Review fingerprints: one number for one review text however it is dressed, so that templated
// praise copied by many accounts (刷单好评) is recognised. Folding makes traditional and simplified
// script, full-width and ASCII, and every kind of punctuation and space the same; the words the
// review shares with its item's title (the product name slotted into a template) are left out,
// so one template filled with different products gives one fingerprint.
import { fold } from '../address/index.js';
import { REVIEW_TRADITIONAL_PAIRS } from './traditional.js';

/** The fingerprint of a review text and how many content characters it was taken over. */
export interface ReviewFingerprint {
  /** FNV-1a (32 bits) of the content characters; 0 when there are none. */
  hash: number;
  /** Content characters hashed: a short stock phrase (好评, 很满意) says little when it repeats. */
  chars: number;
}

const SPACE = 0x20;

/** SIMPLE[c] is the simplified form of a traditional review character c, or 0. */
const SIMPLE = buildTable();

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < REVIEW_TRADITIONAL_PAIRS.length; i += 2) {
    t[REVIEW_TRADITIONAL_PAIRS.charCodeAt(i)] = REVIEW_TRADITIONAL_PAIRS.charCodeAt(i + 1);
  }
  return t;
}

/** Folded text (src/text/address fold) with the review vocabulary simplified as well. */
function simplify(text: string): string {
  const f = fold(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < f.length; i++) {
    const s = SIMPLE[f.charCodeAt(i)]!;
    if (s === 0) continue;
    out += f.slice(from, i) + String.fromCharCode(s);
    from = i + 1;
  }
  return from === 0 ? f : out + f.slice(from);
}
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Fingerprints `text` without the runs of two or more characters it shares with `title` (the
 * product name a template slots in). Surrogate pairs (emoji) are dropped: brushers vary them.
 */
export function reviewFingerprint(text: string, title?: string): ReviewFingerprint {
  const f = simplify(text);
  const t = title ? simplify(title) : '';
  let hash = FNV_OFFSET;
  let chars = 0;
  const n = f.length;
  for (let i = 0; i < n;) {
    const c = f.charCodeAt(i);
    if (c === SPACE || (c >= 0xd800 && c <= 0xdfff)) { i++; continue; }
    if (t.length >= 2 && i + 1 < n) {
      let end = i + 2;
      if (t.includes(f.slice(i, end))) {
        while (end < n && t.includes(f.slice(i, end + 1))) end++;
        i = end;
        continue;
      }
    }
    hash = Math.imul(hash ^ c, FNV_PRIME) >>> 0;
    chars++;
    i++;
  }
  return { hash: chars === 0 ? 0 : hash, chars };
}
