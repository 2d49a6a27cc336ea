// Character folding: one pass that makes the many ways of typing an address the same string.
// Full-width forms become ASCII, traditional characters simplified, letters upper case, every
// kind of punctuation and space a single space, every kind of dash '-'. One table look-up per
// UTF-16 unit: this runs on every order.
import { TRADITIONAL_PAIRS } from './data/traditional.js';

const SPACE = 0x20;
const DASH = 0x2d;

// Punctuation that separates parts of an address. '#' stays (3#2-501 names building 3) and so do
// '/' and '.', which become spaces below only because they are listed here.
const SEPARATORS = ' \t\r\n\f\v\u00a0\u3000,;:!?()[]{}<>"\'`.·/\\|_+=*&^%$@~，。、；：！？（）【】《》〈〉「」『』“”‘’〔〕…・';
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u30fc\ufe58\ufe63\uff0d';

/** FOLD[c] is the folded UTF-16 unit of c, or 0 when c stays as it is. */
const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  // Full-width ASCII (U+FF01..U+FF5E) is ASCII + 0xFEE0; fold it, then fold the ASCII result.
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = c - 0x20;
  for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
    t[TRADITIONAL_PAIRS.charCodeAt(i)] = TRADITIONAL_PAIRS.charCodeAt(i + 1);
  }
  for (const ch of SEPARATORS) t[ch.charCodeAt(0)] = SPACE;
  for (const ch of DASHES) t[ch.charCodeAt(0)] = DASH;
  // Second round so that full-width '（' → '(' → ' ' and 'ａ' → 'a' → 'A'.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const ascii = c - 0xfee0;
    const again = t[ascii]!;
    if (again !== 0) t[c] = again;
  }
  return t;
}

// Reused output buffer: details are at most 512 units in the contract, names far less.
let buf = new Uint16Array(1024);

/**
 * The folded text: full-width → ASCII, traditional → simplified, upper-case letters, runs of
 * separators → one space, dashes → '-', no leading or trailing space.
 */
export function fold(text: string): string {
  const n = text.length;
  if (n === 0 || isFolded(text)) return text;
  if (n > buf.length) buf = new Uint16Array(n);
  let len = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(i);
    const f = FOLD[c0]!;
    const c = f === 0 ? c0 : f;
    if (c === SPACE) {
      pendingSpace = len > 0;
      continue;
    }
    if (pendingSpace) {
      buf[len++] = SPACE;
      pendingSpace = false;
    }
    buf[len++] = c;
  }
  return unitsToString(buf, len);
}

/** Whether folding would leave the text as it is: the common case of a plain simplified detail. */
function isFolded(text: string): boolean {
  const n = text.length;
  if (text.charCodeAt(0) === SPACE || text.charCodeAt(n - 1) === SPACE) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (FOLD[c] !== 0 && c !== SPACE) return false;
    if (c === SPACE) { if (prevSpace) return false; prevSpace = true; } else prevSpace = false;
  }
  return true;
}

function unitsToString(units: Uint16Array, len: number): string {
  // fromCharCode over a subarray is the fastest way to a short string; chunk long ones to stay
  // under the engine's argument limit.
  if (len <= 4096) return String.fromCharCode.apply(null, units.subarray(0, len) as unknown as number[]);
  let out = '';
  for (let i = 0; i < len; i += 4096) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(len, i + 4096)) as unknown as number[]);
  }
  return out;
}
