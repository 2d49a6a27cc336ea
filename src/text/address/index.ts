// Chinese delivery addresses: the canonical key that links one door written many ways, and the
// vagueness score for addresses that name no door. Code outside this folder imports from here.
export { cachedKeyer, type AddressKeyer } from './cached-keyer.js';
export { addressKey, keyAddress, normalizeAddress, VAGUE_KEY_PREFIX, type NormalizedAddress } from './normalize-address.js';
export type { VaguenessReason } from './vagueness.js';
export { VAGUE_THRESHOLD } from './lexicon.js';
export { toChineseNumber } from './numerals.js';
export { fold } from './fold.js';
