// What a message, claim or complaint says, as the detectors read it: its normalised forms, the
// lexicon terms it uses, the sums and contact handles it names, and a score per intent that
// combines the lexicons with the n-gram model. Detectors decide with these and with behaviour
// (who writes to whom, how often, after what); text alone never decides.
import { lexicons, readDataFile, type LexiconName } from './lexicon.js';
import { trainNgramModel, type NgramModel } from './ngram-model.js';
import { normalizeText, type NormalizedText } from './normalize.js';
import { findAmounts } from './amounts.js';
import { findContacts, type ContactHandle } from './contacts.js';
import { generationMemo } from '../memo.js';

/** The intents scored. */
export const INTENTS = ['extortion', 'threat', 'offer'] as const;
export type Intent = (typeof INTENTS)[number];

export interface TextAnalysis {
  text: NormalizedText;
  /** Terms found per lexicon (only lexicons with a hit). */
  cues: Partial<Record<LexiconName, string[]>>;
  /** Sums named, in yuan. */
  amounts: number[];
  contacts: ContactHandle[];
  /** The n-gram model's posterior per intent (and `ordinary`). */
  model: Readonly<Record<string, number>>;
  /** 0 to 1 per intent: lexicon evidence and the model combined. */
  intents: Record<Intent, number>;
  /** Whether the text apologises or offers a remedy (and so reads as after-sale courtesy). */
  polite: boolean;
}

/**
 * How much the model alone can say. The lexicons are the evidence a person can check; the model
 * only lifts a text they half-match or catch a new phrasing, so alone it stays below the
 * lexicons' strong combinations.
 */
const MODEL_WEIGHT = 0.5;

let model: NgramModel | undefined;

/** The model trained on lexicons/intents.tsv, on first use. */
export function intentModel(): NgramModel {
  model ??= trainNgramModel(readDataFile('intents.tsv'));
  return model;
}

/**
 * Reads one text. Memoised: several detectors read the same message, and gangs paste one text
 * to many accounts. The result is shared: never mutate it.
 */
export const analyzeText: (raw: string) => Readonly<TextAnalysis> = generationMemo((raw: string) => raw, analyze, 10_000);

function analyze(raw: string): TextAnalysis {
  const text = normalizeText(raw);
  const cues: Partial<Record<LexiconName, string[]>> = {};
  for (const [name, lex] of Object.entries(lexicons()) as [LexiconName, { find(s: string): string[] }][]) {
    const found = lex.find(text.compact);
    if (found.length) cues[name] = found;
  }
  const contacts = findContacts(text);
  const posterior = intentModel().score(text.compact);
  const lex = lexiconIntents(cues, contacts.length > 0);
  const intents = {} as Record<Intent, number>;
  for (const i of INTENTS) intents[i] = round3(1 - (1 - lex[i]) * (1 - MODEL_WEIGHT * (posterior[i] ?? 0)));
  return { text, cues, amounts: findAmounts(text), contacts, model: posterior, intents, polite: cues.apology !== undefined };
}

/**
 * The lexicons' evidence per intent. Strong only in combination: a demand for private money with
 * a threat or an ultimatum is extortion; money or a complaint alone is an ordinary claim.
 */
function lexiconIntents(cues: Partial<Record<LexiconName, string[]>>, hasContact: boolean): Record<Intent, number> {
  const has = (n: LexiconName) => cues[n] !== undefined;
  const money = has('money-demand');
  const complaint = has('complaint-threat');
  const pressure = has('pressure');
  const claimant = has('professional-claimant');
  const extortion = money && (complaint || pressure) ? 0.9
    : money && claimant ? 0.8
      : (complaint && pressure) || (claimant && complaint) ? 0.6
        : money ? 0.4 : 0;
  const review = has('review-pressure');
  const threat = has('personal-threat') ? 0.85
    : review && pressure ? 0.8
      : has('insult') ? 0.7
        : review ? 0.3 : 0;
  const services = cues['service-offer']?.length ?? 0;
  const offer = services >= 2 && hasContact ? 0.9
    : services >= 2 ? 0.7
      : services === 1 && hasContact ? 0.6
        : services === 1 ? 0.2 : 0;
  return { extortion, threat, offer };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
