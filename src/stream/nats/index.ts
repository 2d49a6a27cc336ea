// The event stream on NATS JetStream: partitioning, publishing, and reading partitions through
// durable consumers. An adapter: it imports the contract and nothing of the pipeline.
export * from './target.js';
export * from './partition.js';
export { EventStream, StreamError } from './event-stream.js';
export { PartitionReader, type StreamMessage } from './partition-reader.js';
