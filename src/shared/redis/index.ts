// State shared by several workers, in Redis: the batch view the pipeline reads and writes, the
// atomic commit with its version checks, partition leases and worker heads. An adapter: it imports
// the core's ports and nothing of the pipeline's insides.
export { BatchView, type Write } from './batch-view.js';
export { RedisSharedState, SharedStateError, notWhole, parseRedisUrl, type CommitOutcome, type SharedCommit } from './shared-state.js';
export { Coordination } from './coordination.js';
