// The case desk: cases opened from alerts (one per incident), analysts' actions with their audit
// log, the sanctions ledger with points and escalation, appeals, complaints and merchants'
// reports, store quality scores, evidence packages and webhooks. It reads the core's types and
// ports and keeps its records behind its own port, CaseStore; it never imports an adapter.
export * from './types.js';
export * from './config.js';
export * from './ports.js';
export * from './errors.js';
export * from './project.js';
export * from './sanctions.js';
export * from './quality.js';
export * from './desk.js';
export * from './ledger.js';
export * from './reversal.js';
export * from './views.js';
export * from './webhooks.js';
export * from './evidence/index.js';
