// Chinese text for the detectors, rules and simulator: addresses, review fingerprints, and free
// text (messages, claims, complaints) with the lexicons they read as data files. Pure functions of their input, fast enough for
// every event. It imports only src/contract and maintained packages: never src/core, a detector or an adapter (store, HTTP, stream),
// so that any layer may use it and it can be tested on its own.
export * from './address/index.js';
export * from './review/index.js';
export * from './chinese/index.js';
