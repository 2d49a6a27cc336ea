// A small character n-gram model (multinomial naive Bayes over character bigrams and trigrams)
// that scores a text's intent where lexicons are brittle: a threat or a demand with none of the
// listed words ("识相点", "花钱消灾"). Trained at load from labelled phrases kept as a data file.
// Characters, not words: no segmenter is needed, and obfuscation that survives normalisation
// still shares most n-grams with the plain phrase.
import { normalizeText } from './normalize.js';

/** A model's posterior over its labels for one text. */
export type IntentPosterior = Readonly<Record<string, number>>;

export interface NgramModel {
  labels: readonly string[];
  /** The posterior of each label for a compact normalised text (uniform when it has no n-gram). */
  score(compact: string): IntentPosterior;
}

/** Additive smoothing of n-gram counts. */
const ALPHA = 0.5;
/**
 * A text counts as this many independent n-grams whatever its length. Naive Bayes multiplies one
 * likelihood per n-gram, which makes long texts absurdly certain; the mean log-likelihood per
 * n-gram, scaled to a fixed count, keeps a long message as sure as a short one saying the same.
 */
const EVIDENCE_GRAMS = 6;

/**
 * The bigrams and trigrams of a compact text, by UTF-16 unit (an astral character is two units;
 * training and scoring cut alike, so it only makes its n-grams a little different).
 */
export function ngrams(compact: string): string[] {
  const out: string[] = [];
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= compact.length; i++) out.push(compact.substr(i, n));
  return out;
}

/**
 * Trains a model from `label TAB text` lines ('#' comments and blank lines skipped). Throws
 * naming the line of a malformed one.
 */
export function trainNgramModel(source: string): NgramModel {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocab = new Set<string>();
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    if (tab <= 0 || tab === line.length - 1) throw new Error(`training line ${i + 1}: expected "label<TAB>text", got "${line}"`);
    const label = line.slice(0, tab);
    const grams = ngrams(normalizeText(line.slice(tab + 1)).compact);
    let c = counts.get(label);
    if (!c) counts.set(label, (c = new Map()));
    for (const g of grams) { c.set(g, (c.get(g) ?? 0) + 1); vocab.add(g); }
    totals.set(label, (totals.get(label) ?? 0) + grams.length);
  });
  const labels = [...counts.keys()].sort();
  if (labels.length < 2) throw new Error('training data needs at least two labels');
  const v = vocab.size + 1;
  // log P(gram | label) for every label, one array per gram, so scoring looks each gram up once.
  const denom = labels.map((l) => totals.get(l)! + ALPHA * v);
  const unseen = Float64Array.from(labels, (_, j) => Math.log(ALPHA / denom[j]!));
  const logp = new Map<string, Float64Array>();
  for (const g of vocab) logp.set(g, Float64Array.from(labels, (l, j) => Math.log(((counts.get(l)!.get(g) ?? 0) + ALPHA) / denom[j]!)));
  const sums = new Float64Array(labels.length);
  return {
    labels,
    score(compact: string): IntentPosterior {
      sums.fill(0);
      let grams = 0;
      for (let n = 2; n <= 3; n++) {
        for (let i = 0; i + n <= compact.length; i++) {
          const row = logp.get(compact.substr(i, n)) ?? unseen;
          for (let j = 0; j < row.length; j++) sums[j]! += row[j]!;
          grams++;
        }
      }
      // Uniform priors: the labelled phrases say how each intent is written, not how common it is.
      const logs = labels.map((_, j) => (grams === 0 ? 0 : (sums[j]! / grams) * EVIDENCE_GRAMS));
      const max = Math.max(...logs);
      const exps = logs.map((l) => Math.exp(l - max));
      const z = exps.reduce((a, b) => a + b, 0);
      return Object.fromEntries(labels.map((l, i) => [l, exps[i]! / z]));
    },
  };
}
