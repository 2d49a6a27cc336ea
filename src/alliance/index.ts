// The alliance: sharing abuse signals with partner platforms as keyed hashes, never raw values
// (docs/alliance.md). The signal model, normalisation and hashing, the publishing policy, the
// signed feed exchange, and the index the pipeline reads received signals through. No HTTP here
// (src/http serves the routes) and no database (SignalStore is implemented in src/store).
export * from './model.js';
export * from './normalize.js';
export * from './keyring.js';
export * from './ports.js';
export * from './policy.js';
export * from './errors.js';
export * from './config.js';
export * from './signing.js';
export * from './wire.js';
export { FeedError, FEED_PATH } from './feed-client.js';
export { SignalIndex, ALLIANCE_SOURCE, type UsePolicy } from './signal-index.js';
export type { Partner, PartnerStatus, PullOutcome, PullSchedule } from './puller.js';
export type { PublishResult } from './publisher.js';
export { Alliance, type AllianceOptions } from './alliance.js';
