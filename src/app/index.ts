// The composition root: builds adapters from configuration and hands them to the core. The CLI
// calls one function of this folder per command.
export * from './engine.js';
export * from './replay.js';
export * from './replay-file.js';
export * from './stores.js';
export * from './serve.js';
export { ServeStreamOptionsError } from './serve-stream.js';
export * from './keys.js';
export * from './demo.js';
export * from './simulate.js';
export * from './evaluate.js';
export * from './links.js';
export * from './rules.js';
export * from './backtest.js';
export * from './policy.js';
export * from './cases.js';
export * from './evidence.js';
export * from './export.js';
export * from './publish.js';
export * from './worker.js';
export * from './strategies.js';
export * from './lists.js';
export * from './alliance.js';
export * from './alliance-cases.js';
export * from './backtests.js';
