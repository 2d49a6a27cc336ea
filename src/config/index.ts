// Configuration: one schema, defaults, loading and validation. The only reader of config files;
// the CLI passes flags in as overrides.
export * from './schema.js';
export * from './load.js';
export * from './secrets.js';
export * from './alliance-secrets.js';
