// Normalisation of free Chinese text (chat, claims, complaints) into one matching form. Abusers
// write the same demand many ways to slip past keyword lists: traditional script, full-width
// digits, amounts in Chinese numerals, digits split by spaces, keywords broken by fillers
// (删*差*评). Two forms come out: `spaced`, where a separator survives only next to latin letters
// or digits (contact ids and amounts are read here), and `compact`, with no separators at all
// (lexicons and the n-gram model read this, so 删*差*评 and 删 差 评 both match 删差评).
import * as OpenCC from 'opencc-js/t2cn';
import { parseChineseNumber } from '../address/numerals.js';

/** A text in its two matching forms. */
export interface NormalizedText {
  /**
   * Simplified, half-width, lower-case, amounts in digits; a run of separators is one space where
   * latin letters or digits meet it, and nothing between two Chinese characters.
   */
  spaced: string;
  /** `spaced` without its spaces. */
  compact: string;
}

const SPACE = 0x20;
const KEEP = 0;
const SEPARATOR = 1;
const NON_ASCII = 2;

/**
 * Per UTF-16 unit: what it becomes (0 when it stays) and its class. Traditional → simplified comes
 * from OpenCC's maintained Taiwan → mainland dictionaries, character by character: the phrase
 * rules OpenCC adds choose between readings of one character (乾 as 干 or 乾), which matters for
 * publishing text, not for matching it, and a table look-up per character runs on every message.
 */
const { MAP, CLASS } = buildTables();

function buildTables(): { MAP: Uint16Array; CLASS: Uint8Array } {
  const map = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  const letterOrDigit = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdfff) cls[c] = NON_ASCII; // halves of astral characters stay
    else if (c < 0x80) cls[c] = letterOrDigit.test(ch) || ch === '_' || ch === '-' ? KEEP : SEPARATOR;
    else cls[c] = letterOrDigit.test(ch) || ch === '¥' ? NON_ASCII : SEPARATOR;
  }
  // The stroke-like ideographs used as fillers (删丨差丨评) separate.
  for (const ch of '丨丶') cls[ch.charCodeAt(0)] = SEPARATOR;
  for (let c = 0x41; c <= 0x5a; c++) map[c] = c + 0x20;
  const tw = singleCharacters(OpenCC.Locale.from.tw);
  const cn = singleCharacters(OpenCC.Locale.to.cn);
  const pairs: Array<[string, string]> = [];
  for (const k of new Set([...tw.keys(), ...cn.keys()])) {
    const standard = tw.get(k) ?? k;
    const simplified = cn.get(standard) ?? standard;
    if (simplified !== k && simplified.length === 1 && k.length === 1) pairs.push([k, simplified]);
  }
  // A character that is itself the simplified form of another stays: OpenCC maps 么 to 幺 (a
  // variant rule) while 麼 becomes 么, and remapping 么 would split 要么 by the script it came in.
  const targets = new Set(pairs.map(([, v]) => v));
  for (const [k, v] of pairs) if (!targets.has(k)) map[k.charCodeAt(0)] = v.charCodeAt(0);
  return { MAP: map, CLASS: cls };
}

/** The one-character entries of OpenCC dictionaries ("k v1 v2|k v|..."), with their first reading. */
function singleCharacters(groups: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groups) {
    for (const dict of Array.isArray(g) ? g : [g]) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const [k, v] = entry.split(' ');
        if (k && v && k.length === 1 && !out.has(k)) out.set(k, v);
      }
    }
  }
  return out;
}

// Reused output buffer for the one pass over a text.
let buf = new Uint16Array(1024);

/** Folds characters and separators in one pass: simplified, lower case, no space between ideographs. */
function foldCharacters(text: string): string {
  const n = text.length;
  if (n > buf.length) buf = new Uint16Array(n);
  let len = 0;
  let pending = false;
  let prevClass = SEPARATOR;
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(i);
    const k = CLASS[c0]!;
    if (k === SEPARATOR) { pending = len > 0; continue; }
    // Chinese is written without spaces: one between two ideographs was punctuation or a filler.
    if (pending && !(k === NON_ASCII && prevClass === NON_ASCII)) buf[len++] = SPACE;
    pending = false;
    const m = MAP[c0]!;
    buf[len++] = m === 0 ? c0 : m;
    prevClass = k;
  }
  let out = '';
  for (let i = 0; i < len; i += 4096) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + 4096)) as unknown as number[]);
  }
  return out;
}

// '-' and '_' stay inside latin ids (shop-88, vx_666) and separate elsewhere (删-差-评).
const LOOSE_JOINER = /(?<![a-z0-9])[-_]+|[-_]+(?![a-z0-9])/g;
// Digits written one at a time with separators between them (3 8 8): join them.
const SPLIT_DIGITS = /(?<![0-9])[0-9](?: [0-9](?![0-9]))+/g;
const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+/g;
const UNIT = /[十百千万拾佰仟]/;
// Money words become 元 so that ¥388, 388元, 388块 and 388 rmb read alike.
const MONEY_BEFORE = /¥ ?([0-9]+)/g;
const MONEY_WORDS = /块钱|块|圆|rmb|人民币|¥/g;

/** The normalised forms of a text. */
export function normalizeText(text: string): NormalizedText {
  let s = foldCharacters(text.normalize('NFKC'));
  if (s.includes('-') || s.includes('_')) s = s.replace(LOOSE_JOINER, ' ').replace(/ {2,}/g, ' ').trim();
  s = s.replace(SPLIT_DIGITS, (m) => m.replace(/ /g, ''));
  s = s.replace(NUMERAL_RUN, (run, at: number) => numeralAsDigits(run, s, at + run.length) ?? run);
  s = s.replace(MONEY_BEFORE, '$1元').replace(MONEY_WORDS, '元');
  return { spaced: s, compact: s.includes(' ') ? s.replace(/ /g, '') : s };
}

const MONEY_AFTER = /^ ?(?:元|块|圆|万)/;

/**
 * A run of Chinese numerals as digits when it is an amount: it has a place unit and two or more
 * characters (三百八十八, 两千), or money follows it (八八八元). A lone 一 or 十 stays: 一天 and
 * 十倍 are words, and the lexicons are written the same way.
 */
function numeralAsDigits(run: string, text: string, end: number): string | undefined {
  const money = MONEY_AFTER.test(text.slice(end, end + 3));
  if (!money && !(run.length >= 2 && UNIT.test(run))) return undefined;
  const wan = run.indexOf('万');
  if (wan < 0) return parseChineseNumber(run);
  // 万 (ten thousand) is above the units the address parser knows: split on it.
  const high = wan === 0 ? '1' : parseChineseNumber(run.slice(0, wan));
  const rest = run.slice(wan + 1);
  // 一万二 says 12,000: a lone digit after 万 is the thousands.
  const low = rest === '' ? '0' : rest.length === 1 && !UNIT.test(rest) ? String(Number(parseChineseNumber(rest)) * 1000) : parseChineseNumber(rest);
  if (high === undefined || low === undefined || high === '' || Number.isNaN(Number(low))) return undefined;
  return String(Number(high) * 10_000 + Number(low));
}
