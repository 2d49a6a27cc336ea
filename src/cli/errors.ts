// How the CLI turns errors into messages and exit codes (0 ok, 1 failure, 2 usage).

/** A command was called wrongly; exits with 2 and the message says how to call it. */
export class UsageError extends Error {
  readonly code = 'ERR_CLI_USAGE';
}

export function exitCodeOf(err: unknown): number {
  return err instanceof UsageError ? 2 : 1;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && code.startsWith('ERR_') ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
