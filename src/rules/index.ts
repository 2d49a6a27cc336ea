// Analysts' rules and lists: the CEL binding, the feature catalogue, rule files, compiled rule
// sets (the core's DecisionRules), block and allow lists, and the comparison a backtest reports.
// It imports the core, the contract and src/text only: no store, HTTP or file system.
export { RuleSet, defaultCode, type RuleCounters } from './rule-set.js';
export { RulesError, parseRuleFile, checkSpec, describe as describeProblem, type RuleSpec, type RuleProblem } from './rule-file.js';
export { FEATURES, FEATURE_ROOTS, ROOT_DOCS, featureTable, type FeatureRoot, type FeatureType } from './features.js';
export {
  LIST_KINDS, LIST_NAMES, ListHasher, ListIndex, ListValueError, addressValue, checkValue, contactValue, isHashedKind, isListName, kindOf,
  normalise, type ListEntry, type ListKind, type ListName,
} from './lists.js';
export { ruleEnvironment } from './cel.js';
export { BacktestTally, formatBacktest, EXAMPLES_PER_CHANGE, type BacktestReport, type ChangeRow, type RuleRow, type Quality } from './backtest.js';
export { RuleTimeline, type RulesAt } from './timeline.js';
