// Errors of alliance operations that a caller can fix; the HTTP layer maps the codes to statuses.

export type AllianceErrorCode =
  | 'ERR_ALLIANCE_NO_CASES'
  | 'ERR_ALLIANCE_CASE_UNKNOWN'
  | 'ERR_ALLIANCE_CASE_NOT_CONFIRMED'
  | 'ERR_ALLIANCE_NOTHING_TO_SHARE'
  | 'ERR_ALLIANCE_SIGNAL_UNKNOWN'
  | 'ERR_ALLIANCE_PARTNER_UNKNOWN';

/** A request the alliance cannot honour as asked; the message says what to change. */
export class AllianceError extends Error {
  constructor(readonly code: AllianceErrorCode, message: string) { super(message); }
}
