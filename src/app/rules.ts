// Loading analysts' rule files for replay, serve and backtest (docs/rules.md).
import { readFileSync } from 'node:fs';
import { RuleSet } from '../rules/index.js';

/** A rule file that cannot be read; a bad rule inside one is a RulesError (ERR_RULES_INVALID). */
export class RuleFileError extends Error {
  readonly code = 'ERR_RULES_FILE';
}

/** Reads and compiles a rule file; throws before anything runs when it cannot be used. */
export function loadRuleFile(path: string): RuleSet {
  return RuleSet.fromText(readRuleFile(path), path);
}

/** A rule file's text. */
export function readRuleFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new RuleFileError(`cannot read rule file ${path}: ${(err as Error).message}; pass an existing YAML file to --rules`);
  }
}
