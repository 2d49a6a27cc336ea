// A compiled rule set: every expression parsed and type-checked once, unknown features and lists
// refused with a hint, rules indexed by the event types they can match. At a decision point it
// computes only the features and lists the rules of that event type name, evaluates those rules
// and answers their hits. Compilation is all or nothing: a set with one bad rule is refused whole.
import type { ASTNode } from '@marcbachmann/cel-js';
import { ALERT_KINDS, DECISION_POINTS, closest, type EventType } from '../contract/index.js';
import type { DecisionRules, RuleHit, RuleInput, RuleMatches, RuleVerdict } from '../core/index.js';
import { ROOT_CLASSES, ListsValue, eventTypesOf, references, ruleEnvironment } from './cel.js';
import { FEATURES, subjectOf, type FeatureRoot } from './features.js';
import { LIST_NAMES, type ListIndex, type ListName } from './lists.js';
import { RulesError, parseRuleFile, type RuleProblem, type RuleSpec, type WhenSource } from './rule-file.js';

interface CompiledRule {
  spec: RuleSpec;
  code: string;
  shadow: boolean;
  run: (ctx: Record<string, unknown>) => unknown;
  roots: FeatureRoot[];
  lists: ListName[];
}

interface TypePlan {
  rules: CompiledRule[];
  /** Per root, the features the rules of this type name. */
  features: Map<FeatureRoot, string[]>;
  lists: ListName[];
}

const EMPTY: RuleMatches = { active: [], shadow: [] };
const DECISION_TYPES = [...DECISION_POINTS] as EventType[];

/** Counts a rule set keeps while it runs (operational only: they never change a decision). */
export interface RuleCounters {
  hits: number;
  errors: number;
  lastError?: string;
  /** Shadow rules: decisions they would have changed, by `from>to`. */
  wouldChange?: Record<string, number>;
}

/** The default reason code of a rule. */
export function defaultCode(id: string): string {
  return `rule_${id.replace(/[^a-z0-9_]/g, '_')}`;
}

export class RuleSet implements DecisionRules {
  readonly label: string;
  readonly specs: readonly RuleSpec[];
  readonly #plans = new Map<string, TypePlan>();
  #lists: ListIndex | undefined;
  readonly counters = new Map<string, RuleCounters>();

  private constructor(label: string, specs: readonly RuleSpec[], compiled: CompiledRule[], types: Map<CompiledRule, readonly string[]>) {
    this.label = label;
    this.specs = specs;
    for (const t of DECISION_TYPES) {
      const rules = compiled.filter((r) => types.get(r)!.includes(t));
      if (rules.length === 0) continue;
      const features = new Map<FeatureRoot, string[]>();
      const lists = new Set<ListName>();
      for (const r of rules) {
        for (const ref of r.roots) features.set(ref, features.get(ref) ?? []);
        for (const l of r.lists) lists.add(l);
      }
      this.#plans.set(t, { rules, features, lists: [...lists].sort() });
    }
    for (const r of compiled) this.counters.set(r.spec.id, { hits: 0, errors: 0 });
  }

  /** Compiles specs; throws RulesError listing every problem. `sources` place positions in a file. */
  static compile(specs: readonly RuleSpec[], opts: { label: string; sources?: readonly WhenSource[]; problems?: readonly RuleProblem[] }): RuleSet {
    const env = ruleEnvironment();
    const problems: RuleProblem[] = [...opts.problems ?? []];
    const compiled: CompiledRule[] = [];
    const types = new Map<CompiledRule, readonly string[]>();
    const featureNames = new Map<CompiledRule, Map<FeatureRoot, Set<string>>>();
    const seen = new Set<string>();
    specs.forEach((spec, i) => {
      const src = opts.sources?.[i];
      const path = `rules[${src?.index ?? i}]`;
      const place = (pos: number) => position(spec.when, pos, src);
      const report = (field: string, message: string, pos?: number) =>
        problems.push({ path: `${path}.${field}`, ruleId: spec.id, ...(pos !== undefined ? place(pos) : src ? { line: src.line } : {}), message });
      if (seen.has(spec.id)) report('id', `duplicate rule id '${spec.id}'; each rule needs its own id`);
      seen.add(spec.id);
      if ((ALERT_KINDS as readonly string[]).includes(spec.id)) {
        report('id', `'${spec.id}' is a detector's name, which reasons already use; pick another id`);
      }
      let parsed: { ast: ASTNode; run: CompiledRule['run'] };
      try {
        const p = env.parse(spec.when);
        parsed = { ast: p.ast, run: p as unknown as CompiledRule['run'] };
      } catch (err) {
        const e = err as { summary?: string; message: string; range?: { start: number }; node?: { pos?: number } };
        report('when', `not a valid CEL expression: ${e.summary ?? e.message.split('\n')[0]}`, e.range?.start ?? e.node?.pos ?? 0);
        return;
      }
      const roots = new Set<FeatureRoot>();
      const lists = new Set<ListName>();
      const names = new Map<FeatureRoot, Set<string>>();
      let unknown = false;
      for (const ref of references(parsed.ast)) {
        const known = ref.root === 'lists' ? (LIST_NAMES as readonly string[]) : Object.keys(FEATURES[ref.root]);
        if (!known.includes(ref.name)) {
          unknown = true;
          const hint = closest(ref.name, known);
          report('when', `unknown ${ref.root === 'lists' ? 'list' : 'feature'} '${ref.root}.${ref.name}'; ` +
            (hint ? `did you mean '${ref.root}.${hint}'?` : `docs/${ref.root === 'lists' ? 'lists' : 'rules'}.md lists them`), ref.pos);
          continue;
        }
        if (ref.root === 'lists') { lists.add(ref.name as ListName); continue; }
        roots.add(ref.root);
        const set = names.get(ref.root) ?? new Set<string>();
        set.add(ref.name);
        names.set(ref.root, set);
      }
      if (unknown) return;
      const checked = env.check(spec.when);
      if (!checked.valid) {
        const e = checked.error as unknown as { summary?: string; message: string; range?: { start: number }; node?: { pos?: number } };
        report('when', `${e.summary ?? e.message.split('\n')[0]}`, e.range?.start ?? e.node?.pos ?? 0);
        return;
      }
      if (checked.type !== 'bool' && checked.type !== 'dyn') {
        report('when', `must be true or false (a bool), but it is a ${checked.type}; compare it, e.g. \`... > 0\``);
        return;
      }
      const eventTypes = (eventTypesOf(parsed.ast) ?? DECISION_TYPES).filter((t) => DECISION_POINTS.has(t as EventType));
      const rule: CompiledRule = {
        spec, code: spec.code ?? defaultCode(spec.id), shadow: spec.mode === 'shadow', run: parsed.run,
        roots: [...roots].sort(), lists: [...lists].sort(),
      };
      compiled.push(rule);
      types.set(rule, eventTypes);
      featureNames.set(rule, names);
    });
    if (problems.length) {
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
      throw new RulesError(problems, opts.label);
    }
    const set = new RuleSet(opts.label, specs, compiled, types);
    // Each type's plan computes the union of the features its rules name.
    for (const plan of set.#plans.values()) {
      for (const r of plan.rules) {
        for (const [root, ns] of featureNames.get(r)!) {
          const list = plan.features.get(root)!;
          for (const n of ns) if (!list.includes(n)) list.push(n);
        }
      }
    }
    return set;
  }

  /** Parses and compiles a rule file's text; throws RulesError with file lines and columns. */
  static fromText(text: string, origin: string): RuleSet {
    const { specs, sources, problems } = parseRuleFile(text, origin);
    return RuleSet.compile(specs, { label: origin, sources, problems });
  }

  /** The lists rules read from; replaced whole when an analyst changes a list. */
  useLists(lists: ListIndex | undefined): void {
    this.#lists = lists;
  }

  /** Names of the lists some rule reads (so callers know which lists matter). */
  get listsNamed(): ListName[] {
    const out = new Set<ListName>();
    for (const p of this.#plans.values()) for (const l of p.lists) out.add(l);
    return [...out].sort();
  }

  observe(v: RuleVerdict): void {
    const s = v.shadow;
    if (!s || s.decision.decision === v.decision.decision) return;
    const key = `${v.decision.decision}>${s.decision.decision}`;
    for (const h of s.hits) {
      const c = this.counters.get(h.rule)!;
      c.wouldChange ??= {};
      c.wouldChange[key] = (c.wouldChange[key] ?? 0) + 1;
    }
  }

  appliesTo(type: EventType): boolean {
    return this.#plans.has(type);
  }

  evaluate(input: RuleInput): RuleMatches {
    const plan = this.#plans.get(input.event.type);
    if (!plan) return EMPTY;
    const ctx: Record<string, unknown> = { event: input.event };
    const missing = new Set<FeatureRoot>();
    for (const [root, names] of plan.features) {
      const found = subjectOf(root, input.event, input.entities);
      if (!found) { missing.add(root); continue; }
      const obj = new ROOT_CLASSES[root]();
      const catalogue = FEATURES[root];
      const x = { event: input.event, at: input.at, subject: found.subject, id: found.id, entities: input.entities, state: input.state,
        contributions: input.contributions };
      for (const n of names) {
        const f = catalogue[n]!;
        const v = f.get(x as never);
        obj[n] = f.type === 'int' ? BigInt(Math.round(v as number)) : v;
      }
      ctx[root] = obj;
    }
    const lists = new ListsValue() as Record<string, unknown>;
    for (const l of plan.lists) lists[l] = this.#lists ? this.#lists.members(l, input.event, input) : [];
    ctx.lists = lists;
    let active: RuleHit[] | undefined;
    let shadow: RuleHit[] | undefined;
    for (const r of plan.rules) {
      // A rule naming an entity the event does not concern (item on a registration) does not apply.
      if (r.roots.some((root) => missing.has(root))) continue;
      let matched: unknown;
      const counters = this.counters.get(r.spec.id)!;
      try {
        matched = r.run(ctx);
      } catch (err) {
        counters.errors++;
        counters.lastError = (err as { summary?: string; message: string }).summary ?? (err as Error).message.split('\n')[0];
        continue;
      }
      if (matched !== true) continue;
      counters.hits++;
      const hit = toHit(r);
      if (r.shadow) (shadow ??= []).push(hit); else (active ??= []).push(hit);
    }
    return active || shadow ? { active: active ?? [], shadow: shadow ?? [] } : EMPTY;
  }
}

function toHit(r: CompiledRule): RuleHit {
  const s = r.spec;
  const hit: RuleHit = { rule: s.id, code: r.code, message: s.description ?? `rule ${s.id} matched`, override: s.override === true, actions: s.actions ?? [] };
  if (s.decision) hit.decision = s.decision;
  if (s.score !== undefined) hit.score = s.score;
  return hit;
}

/** Line and column of an offset in an expression, in the file when the expression's place is known. */
function position(when: string, pos: number, src: WhenSource | undefined): { line?: number; column?: number } {
  const before = when.slice(0, pos);
  const lineInExpr = before.split('\n').length - 1;
  const colInExpr = pos - (before.lastIndexOf('\n') + 1) + 1;
  if (!src) return { line: lineInExpr + 1, column: colInExpr };
  if (src.inline) return { line: src.line, column: src.column + pos };
  // A block scalar (`when: >`) starts on the line after its indicator.
  return { line: src.line + 1 + lineInExpr, column: colInExpr };
}
