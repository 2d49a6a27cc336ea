// The wire contract: event types and their one schema, validation, NDJSON, and the output types.
// Imports nothing of ours; everything else may import it.
export * from './schema.js';
export * from './outputs.js';
export * from './validate.js';
export * from './ndjson.js';
export * from './time.js';
export * from './did-you-mean.js';
export * from './strategies.js';
