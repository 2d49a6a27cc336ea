// Durable stores behind the core's Store port, and the API key store. Adapters only: they import
// the core's ports and the contract, never the pipeline's insides.
export * from './keys.js';
export * from './cursor.js';
export { SqliteStore } from './sqlite/sqlite-store.js';
export { SqliteStrategyStore } from './sqlite/sqlite-strategy-store.js';
export { SqliteCaseStore } from './sqlite/case-store.js';
export { StoreError } from './store-error.js';
export { PostgresStore } from './postgres/postgres-store.js';
export { PostgresPolicyStore } from './postgres/policy-store.js';
export { PostgresCaseStore } from './postgres/case-store.js';
export { PostgresStrategyStore } from './postgres/strategy-store.js';
export { isPostgresUrl } from './postgres/connection.js';
export { CheckpointMoved, type CommitOptions, type StreamPosition } from './postgres/commit.js';
export { SqlitePolicyStore } from './sqlite/policy-store.js';
export type { PartitionedEvent } from './postgres/stream-reads.js';
export { SqliteSignalStore } from './sqlite/sqlite-signal-store.js';
