// The identity graph: which accounts are one actor, and why. Pure state over the StateStore;
// no normaliser of its own (the pipeline is handed one, see link-keys.ts).
export * from './link-keys.js';
export * from './identity-graph.js';
