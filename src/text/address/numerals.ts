// Chinese numerals in addresses. A door number is read two ways: digit by digit (五零一 = 501,
// how room numbers are said) or with place units (五百零一 = 501, 十二 = 12, 二十 = 20,
// 一百零五 = 105). Written here rather than taken from npm: nzh, the most used parser, reads
// 五零一 as 51 and 两百 as 0, and this runs on every order.
import { NUMERAL_DIGITS, NUMERAL_FOLLOWERS, NUMERAL_PRECEDERS, NUMERAL_UNITS } from './lexicon.js';

const NUMERAL_CHARS = Object.keys(NUMERAL_DIGITS).join('') + Object.keys(NUMERAL_UNITS).join('');
const HAS_NUMERAL = new RegExp(`[${NUMERAL_CHARS}]`);
const NUMERAL_RUN = new RegExp(`[${NUMERAL_CHARS}]+`, 'g');
// 第 goes only after a boundary: 书香门第, one of the commonest estate names, ends with it.
const ORDINAL = new RegExp(`(^| )第(\\d+)(?=[${NUMERAL_FOLLOWERS.replace('-', '\\-')}])`, 'g');

/**
 * The digits a run of Chinese numerals stands for, or undefined when the run is not a number
 * (units out of order, 十十). Leading zeros of a digit-by-digit run are kept: 零五 = "05".
 */
export function parseChineseNumber(run: string): string | undefined {
  if (run.length === 0) return undefined;
  let hasUnit = false;
  for (let i = 0; i < run.length; i++) if (NUMERAL_UNITS[run[i]!] !== undefined) { hasUnit = true; break; }
  if (!hasUnit) {
    let out = '';
    for (let i = 0; i < run.length; i++) {
      const d = NUMERAL_DIGITS[run[i]!];
      if (d === undefined) return undefined;
      out += d;
    }
    return out;
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  let zeroSince = false;
  for (let i = 0; i < run.length; i++) {
    const ch = run[i]!;
    const unit = NUMERAL_UNITS[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      total += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = undefined;
      zeroSince = false;
      continue;
    }
    const d = NUMERAL_DIGITS[ch];
    if (d === undefined) return undefined;
    if (d === 0) { zeroSince = true; continue; }
    if (digit !== undefined) return undefined; // 五五百: two digits in a row in a place-unit number
    digit = d;
  }
  if (digit !== undefined) {
    // 一百一 and 三百五 say 110 and 350: a last digit straight after 百 or 千 takes the next unit
    // down. After a 零 (一百零五) it is the ones digit.
    total += !zeroSince && lastUnit >= 100 && lastUnit !== Infinity ? digit * (lastUnit / 10) : digit;
  }
  return String(total);
}

function isFollower(text: string, at: number): boolean {
  let i = at;
  if (text.charCodeAt(i) === 0x20) i++;
  return i < text.length && NUMERAL_FOLLOWERS.includes(text[i]!);
}

function isPreceder(text: string, at: number, runLength: number): boolean {
  let i = at;
  if (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  if (i < 0) return false;
  // After 号 only a run of two or more: 5号五零一 is a room, 88号一品国际 keeps its name.
  return NUMERAL_PRECEDERS.includes(text[i]!) || (runLength >= 2 && text[i] === '号');
}

/**
 * The folded text with each run of Chinese numerals that sits next to a door word written in
 * digits: 三栋二单元五零一室 → 3栋2单元501室, 人民路一百零五号 → 人民路105号. A run elsewhere
 * is part of a name and stays (五一路, 三里屯). A 第 at the start or after a space goes (第三栋 → 3栋).
 */
export function convertNumerals(text: string): string {
  const out = HAS_NUMERAL.test(text)
    ? text.replace(NUMERAL_RUN, (run: string, at: number) =>
      (isFollower(text, at + run.length) || isPreceder(text, at - 1, run.length) ? parseChineseNumber(run) ?? run : run))
    : text;
  return out.includes('第') ? out.replace(ORDINAL, '$1$2') : out;
}

const DIGITS = '零一二三四五六七八九';

/** An integer 0..99999 in Chinese numerals: 388 → 三百八十八, 1000 → 一千. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99999) throw new RangeError(`toChineseNumber: ${n} is outside 0..99999`);
  if (n === 0) return '零';
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) { zero = out.length > 0; return; }
    if (zero) { out += '零'; zero = false; }
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}
