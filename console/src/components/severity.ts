/** Mantine colours of the severities and decisions, from calm to alarming. */
export const SEVERITY_COLOUR: Record<string, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
export const DECISION_COLOUR: Record<string, string> = { allow: '#40c057', challenge: '#fab005', review: '#fd7e14', deny: '#fa5252' };
/** Case, appeal and complaint statuses: open work, then outcomes. */
export const STATUS_COLOUR: Record<string, string> = {
  open: 'blue', confirmed: 'red', dismissed: 'gray', active: 'red', appealed: 'yellow', reversed: 'green', pending: 'yellow', upheld: 'red',
  received: 'blue', under_review: 'yellow', rejected: 'gray', running: 'blue', done: 'green', failed: 'red',
};
