// Secrets come from the environment, never from the configuration file (which is shared, printed
// and committed): this is the one place that reads them.

/** The environment variable holding the key that hashes personal data in block and allow lists. */
export const LIST_KEY_ENV = 'BULWARK_LIST_KEY';

/** The list hash key (docs/lists.md, "Key handling"), or undefined when it is not set. */
export function listHashKey(env: Record<string, string | undefined> = process.env): string | undefined {
  const key = env[LIST_KEY_ENV];
  return key === undefined || key === '' ? undefined : key;
}
