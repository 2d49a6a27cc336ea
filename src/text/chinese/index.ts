// Free Chinese text (chat, claims, complaints): normalisation, lexicons kept as data files, sums
// and contact handles, and intent scores from the lexicons and a character n-gram model. Code
// outside this folder imports from here.
export { normalizeText, type NormalizedText } from './normalize.js';
export { compileLexicon, lexicons, LEXICON_NAMES, type Lexicon, type LexiconName } from './lexicon.js';
export { findContacts, type ContactHandle } from './contacts.js';
export { findAmounts } from './amounts.js';
export { trainNgramModel, ngrams, type NgramModel, type IntentPosterior } from './ngram-model.js';
export { analyzeText, intentModel, INTENTS, type Intent, type TextAnalysis } from './analyze.js';
