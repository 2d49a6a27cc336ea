// Filling text templates and choosing the script they are written in.
import { benignParams } from './params.js';
import { interleave, splitDigits, toChineseNumber, toFullWidth, toTraditional } from './corpus/script.js';
import type { Rng } from './rng.js';

/** Replaces {slot} markers with values. */
export function fill(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in slots ? String(slots[k]) : m));
}

/** Picks a text and writes it in traditional script for the usual share of users. */
export function say(rng: Rng, texts: readonly string[], traditionalShare: number = benignParams.traditionalShare): string {
  const t = rng.pick(texts);
  return rng.chance(traditionalShare) ? toTraditional(t) : t;
}

/**
 * A sum of yuan written the way claimants write it to dodge filters: 388, ３８８, 三百八十八, 3 8 8,
 * or with 元/块 spelled out by the template.
 */
export function amountText(rng: Rng, yuan: number): string {
  const form = rng.weighted([['plain', 4], ['fullwidth', 2], ['chinese', 2], ['split', 2]] as const);
  switch (form) {
    case 'plain': return String(yuan);
    case 'fullwidth': return toFullWidth(String(yuan));
    case 'chinese': return yuan <= 99999 ? toChineseNumber(yuan) : String(yuan);
    case 'split': return splitDigits(String(yuan));
  }
}

/** Keywords of review-manipulation offers, and how sellers break them up to slip past filters. */
const MANIPULATION_WORDS = ['删差评', '改好评', '差评', '好评', '删评', '改评'];

/** Breaks keywords with fillers (删*差*评), or writes them in traditional script. */
export function obfuscate(rng: Rng, text: string): string {
  if (rng.chance(0.3)) return toTraditional(text);
  const filler = rng.pick(['*', ' ', '-', '.', '/', '丨']);
  let out = text;
  for (const k of MANIPULATION_WORDS) out = out.split(k).join(interleave(k, filler));
  return out;
}
