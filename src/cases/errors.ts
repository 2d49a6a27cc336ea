// The case desk's errors: a stable code the HTTP layer maps to a status, and a message that says
// what to change.

export type CaseErrorCode =
  | 'ERR_CASES_NOT_FOUND'
  | 'ERR_CASES_FORBIDDEN'
  | 'ERR_CASES_CONFLICT'
  | 'ERR_CASES_INVALID'
  | 'ERR_CASES_NO_HASH_SECRET';

/** A request the desk refuses; nothing of it was applied. */
export class CaseError extends Error {
  constructor(readonly code: CaseErrorCode, message: string) { super(message); }
}

export const notFound = (what: string, id: string, hint: string) =>
  new CaseError('ERR_CASES_NOT_FOUND', `no ${what} ${JSON.stringify(id)}; ${hint}`);
