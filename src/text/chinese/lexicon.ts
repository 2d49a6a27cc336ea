// Lexicons kept as data files (lexicons/*.txt, one term a line, '#' comments saying where the
// terms come from), compiled once into one regular expression each. Terms are normalised like
// the text they are matched against, so a lexicon may be written in either script.
import { readFileSync } from 'node:fs';
import { normalizeText } from './normalize.js';

/** The lexicons, by file name. */
export const LEXICON_NAMES = [
  'money-demand', 'complaint-threat', 'pressure', 'professional-claimant',
  'personal-threat', 'insult', 'review-pressure', 'apology', 'service-offer', 'review-trade',
] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

/** A compiled lexicon. */
export interface Lexicon {
  name: string;
  terms: readonly string[];
  /** The terms found in a compact normalised text, each once, in order of first appearance. */
  find(compact: string): string[];
}

/** How many characters a '*' in a term may stand for. */
export const GAP_CHARS = 6;

/** Compiles a lexicon from the text of its file; throws naming the line of a bad term. */
export function compileLexicon(name: string, source: string): Lexicon {
  const terms: string[] = [];
  const patterns: string[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split('*').map((p) => normalizeText(p).compact);
    if (parts.every((p) => p === '')) throw new Error(`lexicon ${name}, line ${i + 1}: "${line}" has no characters to match`);
    terms.push(line);
    patterns.push(parts.map(escapeRegExp).join(`.{0,${GAP_CHARS}}?`));
  });
  if (patterns.length === 0) throw new Error(`lexicon ${name} has no terms`);
  // Longest first, so that 删差评 wins over 差评 where both start at one place.
  const re = new RegExp(patterns.sort((a, b) => b.length - a.length).join('|'), 'g');
  return {
    name, terms,
    find(compact: string): string[] {
      const found: string[] = [];
      for (const m of compact.matchAll(re)) if (!found.includes(m[0])) found.push(m[0]);
      return found;
    },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a data file that sits beside the compiled modules (the build copies them). */
export function readDataFile(name: string): string {
  return readFileSync(new URL(`./lexicons/${name}`, import.meta.url), 'utf8');
}

let loaded: Record<LexiconName, Lexicon> | undefined;

/** Every lexicon, loaded on first use. */
export function lexicons(): Readonly<Record<LexiconName, Lexicon>> {
  loaded ??= Object.fromEntries(LEXICON_NAMES.map((n) => [n, compileLexicon(n, readDataFile(`${n}.txt`))])) as Record<LexiconName, Lexicon>;
  return loaded;
}
