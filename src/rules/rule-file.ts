// Reading a rule file (YAML, or JSON, which is YAML too) into rule specs, with every problem
// named by rule index, id, field, and line and column in the file. Nothing here runs a rule:
// compile.ts checks the expressions. A file with any problem is refused whole.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { DECISION_VALUES, closest, type DecisionValue } from '../contract/index.js';

/** One rule as written. */
export interface RuleSpec {
  id: string;
  description?: string;
  /** A CEL expression that is true when the rule matches. */
  when: string;
  decision?: DecisionValue;
  /** True: the decision is set outright (allow lists, forced review); false: at least this. */
  override?: boolean;
  /** A contribution to the noisy-or score, 0 to 1. */
  score?: number;
  actions?: string[];
  mode?: 'active' | 'shadow';
  /** Stable reason code; `rule_` and the id (with `-` and `.` as `_`) when absent. */
  code?: string;
}

/** Where in the file an expression begins, to turn offsets in it into lines and columns. */
export interface WhenSource {
  /** The rule's index in the file's list (rules with problems of their own are left out of `specs`). */
  index: number;
  line: number;
  column: number;
  /** Offsets map one to one onto the file (a plain or quoted scalar on one line). */
  inline: boolean;
}

/** One problem with a rule file. */
export interface RuleProblem {
  /** `rules[3].when`, `rules[0].decision`, `(file)` */
  path: string;
  ruleId?: string;
  line?: number;
  column?: number;
  message: string;
}

/** A rule file or rule set that cannot be used; `problems` lists every one, and nothing was applied. */
export class RulesError extends Error {
  readonly code = 'ERR_RULES_INVALID';
  constructor(readonly problems: readonly RuleProblem[], readonly origin: string) {
    super(`${origin} is refused (${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was applied):\n` +
      problems.map((p) => `  ${describe(p)}`).join('\n'));
  }
}

export function describe(p: RuleProblem): string {
  const where = p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''})` : '';
  return `${p.path}${p.ruleId ? ` [${p.ruleId}]` : ''}${where}: ${p.message}`;
}

const RULE_KEYS = ['id', 'description', 'when', 'decision', 'override', 'score', 'actions', 'mode', 'code'] as const;

/**
 * The well-formed rules of a file's text, where each expression starts, and the problems of the
 * others (so that compiling the rest can report every problem at once). Throws RulesError when
 * the file is not a rule file at all.
 */
export function parseRuleFile(text: string, origin: string): { specs: RuleSpec[]; sources: WhenSource[]; problems: RuleProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: RuleProblem[] = [];
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) problems.push({ path: '(file)', ...at(e.pos[0]), message: `not valid YAML: ${e.message.split('\n')[0]}` });
  if (problems.length) throw new RulesError(problems, origin);

  const root = doc.contents;
  if (!isMap(root)) throw new RulesError([{ path: '(file)', message: 'expected a mapping with a `rules:` list at the top' }], origin);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (key !== 'rules') {
      problems.push({ path: key, ...at(rangeOf(pair.key)), message: `unknown top-level key '${key}'; a rule file has only \`rules:\`` });
    }
  }
  const list = root.get('rules', true);
  if (!isSeq(list)) {
    problems.push({ path: 'rules', message: 'expected `rules:` with a list of rules (it may be empty: `rules: []`)' });
    throw new RulesError(problems, origin);
  }
  const specs: RuleSpec[] = [];
  const sources: WhenSource[] = [];
  list.items.forEach((item, i) => {
    const path = `rules[${i}]`;
    if (!isMap(item)) { problems.push({ path, ...at(rangeOf(item)), message: 'expected a rule: a mapping with id, when, decision ...' }); return; }
    const raw = item.toJSON() as Record<string, unknown>;
    const ruleId = typeof raw.id === 'string' ? raw.id : undefined;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!(RULE_KEYS as readonly string[]).includes(key)) {
        const hint = closest(key, RULE_KEYS);
        problems.push({ path: `${path}.${key}`, ruleId, ...at(rangeOf(pair.key)),
          message: `unknown field '${key}'${hint ? `; did you mean '${hint}'?` : `; a rule has ${RULE_KEYS.join(', ')}`}` });
      }
    }
    const fieldAt = (k: string) => at(rangeOf(item.get(k, true)));
    const spec = checkSpec(raw, (field, message) => problems.push({ path: `${path}.${field}`, ruleId, ...fieldAt(field), message }));
    if (spec) {
      specs.push(spec);
      sources.push(whenSource(i, item.get('when', true) as Scalar | undefined, lc));
    }
  });
  return { specs, sources, problems };
}

/** Checks one rule's fields (from YAML or JSON); reports each problem and answers the spec when there was none. */
export function checkSpec(raw: Record<string, unknown>, report: (field: string, message: string) => void): RuleSpec | undefined {
  let ok = true;
  const bad = (field: string, message: string) => { ok = false; report(field, message); };
  const { id, description, when, decision, override, score, actions, mode, code } = raw;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(id)) {
    bad('id', `expected an id of 1 to 64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit, received ${JSON.stringify(id)}`);
  }
  if (description !== undefined && typeof description !== 'string') bad('description', `expected text, received ${JSON.stringify(description)}`);
  if (typeof when !== 'string' || when.trim() === '') bad('when', `expected a CEL expression, received ${JSON.stringify(when)}`);
  if (decision !== undefined && !(DECISION_VALUES as readonly unknown[]).includes(decision)) {
    bad('decision', `expected one of ${DECISION_VALUES.join(', ')}, received ${JSON.stringify(decision)}`);
  }
  if (override !== undefined && typeof override !== 'boolean') bad('override', `expected true or false, received ${JSON.stringify(override)}`);
  if (override === true && decision === undefined) bad('override', 'override: true needs a decision to set');
  if (score !== undefined && !(typeof score === 'number' && score >= 0 && score <= 1)) bad('score', `expected a number from 0 to 1, received ${JSON.stringify(score)}`);
  if (decision === undefined && score === undefined) bad('decision', 'a rule needs a decision, a score, or both; otherwise it can change nothing');
  if (actions !== undefined && !(Array.isArray(actions) && actions.every((a) => typeof a === 'string' && /^[a-z][a-z0-9_]*$/.test(a)))) {
    bad('actions', `expected a list of snake_case action names such as [require_evidence, hold_shipment], received ${JSON.stringify(actions)}`);
  }
  if (mode !== undefined && mode !== 'active' && mode !== 'shadow') bad('mode', `expected active or shadow, received ${JSON.stringify(mode)}`);
  if (code !== undefined && !(typeof code === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(code))) {
    bad('code', `expected a snake_case reason code, received ${JSON.stringify(code)}`);
  }
  if (!ok) return undefined;
  const spec: RuleSpec = { id: id as string, when: when as string };
  if (description !== undefined) spec.description = description as string;
  if (decision !== undefined) spec.decision = decision as DecisionValue;
  if (override !== undefined) spec.override = override as boolean;
  if (score !== undefined) spec.score = score as number;
  if (actions !== undefined) spec.actions = actions as string[];
  if (mode !== undefined) spec.mode = mode as 'active' | 'shadow';
  if (code !== undefined) spec.code = code as string;
  return spec;
}

function rangeOf(node: unknown): number | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r?.[0];
}

function whenSource(index: number, node: Scalar | undefined, lc: LineCounter): WhenSource {
  const start = node?.range?.[0] ?? 0;
  const pos = lc.linePos(start);
  const quoted = node?.type === 'QUOTE_DOUBLE' || node?.type === 'QUOTE_SINGLE';
  const inline = node?.type === 'PLAIN' || quoted;
  return { index, line: pos.line, column: pos.col + (quoted ? 1 : 0), inline };
}
