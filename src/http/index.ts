// The HTTP adapter: routes, bearer-key auth, the error-code → status table, request logging,
// metrics and the OpenAPI document. It gets the engine and stores from src/app and opens no
// files or databases itself; nothing in the core may import it.
export { buildServer, type ServerOptions } from './server.js';
export { createLogger } from './logging.js';
export { CachedKeys, KEY_CACHE_MS, hashKey } from './auth.js';
export { KEY_PREFIX, KeyOptionsError, mintKey, type KeySpec } from './key-minting.js';
export { ERROR_STATUS, HttpError, type ErrorCode, type ErrorBody } from './errors.js';
export { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest/parse.js';
export type { IngestResult } from './ingest/ingestor.js';
