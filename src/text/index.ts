// Chinese text normalisation for the detectors, rules and simulator: addresses now, and the
// lexicons they read as data files. Pure functions of their input, fast enough for every event.
// It imports only src/contract: never src/core, a detector or an adapter (store, HTTP, stream),
// so that any layer may use it and it can be tested on its own.
export * from './address/index.js';
export * from './review/index.js';
