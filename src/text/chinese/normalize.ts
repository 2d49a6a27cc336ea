// Normalisation of free Chinese text (chat, claims, complaints) into one matching form. Abusers
// write the same demand many ways to slip past keyword lists: traditional script, full-width
// digits, amounts in Chinese numerals, digits split by spaces, keywords broken by fillers
// (删*差*评). Two forms come out: `spaced`, where a run of separators is one space (contact ids
// and amounts are read here), and `compact`, with no separators at all (lexicons and the n-gram
// model read this, so 删*差*评 and 删 差 评 both match 删差评).
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

// OpenCC's Taiwan → mainland converter: it also maps Taiwan variant characters and phrases, and
// its dictionaries are maintained, which a table of our own would not be.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

// Letters, digits and CJK ideographs carry meaning; everything else (punctuation, emoji,
// zero-width characters, and the stroke-like ideographs 丨 and 丶 used as fillers) separates.
// '-' and '_' stay inside latin ids (shop-88, vx_666) and separate elsewhere (删-差-评).
const SEPARATOR_RUN = /[^\p{L}\p{N}¥_-]+|[丨丶]+/gu;
const LOOSE_JOINER = /(?<![a-z0-9])[-_]+|[-_]+(?![a-z0-9])/g;
// Money words become 元 so that ¥388, 388元, 388块 and 388 rmb read alike.
const MONEY_BEFORE = /¥ ?([0-9]+)/g;
const MONEY_WORDS = /块钱|块|圆|rmb|人民币/g;
// Chinese is written without spaces: one between two ideographs is a filler or was punctuation.
const CJK_SPACE = /(?<=[^\p{ASCII}]) (?=[^\p{ASCII}])/gu;
// Digits written one at a time with separators between them (3 8 8): join them.
const SPLIT_DIGITS = /(?<![0-9])[0-9](?: [0-9](?![0-9]))+/g;
const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+/g;
const UNIT = /[十百千万拾佰仟]/;

/** The normalised forms of a text. */
export function normalizeText(text: string): NormalizedText {
  let s = text.normalize('NFKC');
  if (NON_ASCII.test(s)) s = toSimplified(s);
  s = s.toLowerCase().replace(SEPARATOR_RUN, ' ').replace(LOOSE_JOINER, ' ').replace(/  +/g, ' ').trim();
  s = s.replace(CJK_SPACE, '');
  s = s.replace(SPLIT_DIGITS, (m) => m.replace(/ /g, ''));
  s = s.replace(NUMERAL_RUN, (run, at: number) => numeralAsDigits(run, s, at + run.length) ?? run);
  s = s.replace(MONEY_BEFORE, '$1元').replace(MONEY_WORDS, '元').replace(/¥/g, '元');
  return { spaced: s, compact: s.replace(/ /g, '') };
}

const NON_ASCII = /[^\p{ASCII}]/u;
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
