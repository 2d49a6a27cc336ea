// The deterministic core: the pipeline, entity state, windows, decisions and alerts, and the
// ports it needs. It knows nothing of HTTP, files, databases, streams, clocks or randomness.
export * from './ports.js';
export * from './detector.js';
export * from './strategy-store.js';
export * from './decide.js';
export * from './alerts.js';
export * from './warnings.js';
export * from './pipeline.js';
export * from './signals.js';
export * from './scoped-state.js';
export * from './state/entities.js';
export * from './state/windows.js';
export * from './state/robust.js';
export * from './state/memory-state.js';
export * from './graph/index.js';
export * from './rule-stage.js';
export * from './state/activity.js';
export * from './policy-store.js';
