// The policy's errors (rules, lists) as HTTP answers, recognised by their stable codes. A refused
// rule set answers every problem (rule id, field, line, column) in details.problems.
import { HttpError } from '../errors.js';

/** Runs `work`, turning the policy's refusals into client errors. */
export async function policyError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const e = err as { code?: string; message?: string; problems?: unknown };
    const message = e.message ?? String(err);
    switch (e.code) {
      case 'ERR_RULES_INVALID': throw new HttpError('invalid_request', message, { problems: e.problems });
      case 'ERR_LISTS_VALUE': case 'ERR_POLICY_BAD_REQUEST': throw new HttpError('invalid_request', message);
      case 'ERR_POLICY_NOT_FOUND': throw new HttpError('not_found', message);
      // The server lacks the list key: a setting of the server, not of the request.
      case 'ERR_LISTS_NO_KEY': throw new HttpError('not_configured', message, { setting: 'BULWARK_LIST_KEY' });
      // Another server (or process) saved a version since this one read the rules.
      case 'ERR_STORE_CONFLICT': throw new HttpError('conflict', message, { retry: true });
      default: throw err;
    }
  }
}
