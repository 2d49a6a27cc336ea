// The CEL binding (docs/rules.md, "Why this CEL library"): one environment declaring what a rule
// sees (`event`, the feature roots typed from features.ts, `lists`), parsing with source
// positions, and the walk that finds which features and lists an expression names.
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { FEATURE_ROOTS, FEATURES, type FeatureRoot } from './features.js';
import { LIST_NAMES } from './lists.js';

/** One class per root, so the checker knows each feature's type and refuses unknown ones. */
export const ROOT_CLASSES: Record<FeatureRoot, new () => Record<string, unknown>> = {
  account: class AccountFeatures {},
  shop: class ShopFeatures {},
  item: class ItemFeatures {},
  order: class OrderFeatures {},
  scores: class DetectorScores {},
} as unknown as Record<FeatureRoot, new () => Record<string, unknown>>;

/** The value of `lists` in an evaluation: each list a rule names, as the event's values in it. */
export class ListsValue {}

const TYPE_NAMES: Record<FeatureRoot, string> = {
  account: 'bulwark.Account', shop: 'bulwark.Shop', item: 'bulwark.Item', order: 'bulwark.Order', scores: 'bulwark.Scores',
};

let shared: Environment | undefined;

/** The environment every rule is parsed, checked and run in (built once). */
export function ruleEnvironment(): Environment {
  if (shared) return shared;
  // Aggregate literals may mix types ([1, 2.5]): analysts write lists of thresholds by hand.
  let env = new Environment({ homogeneousAggregateLiterals: false });
  for (const root of FEATURE_ROOTS) {
    const fields: Record<string, string> = {};
    for (const [name, f] of Object.entries(FEATURES[root])) fields[name] = f.type;
    env = env.registerType(TYPE_NAMES[root], { ctor: ROOT_CLASSES[root], fields });
    env = env.registerVariable(root, TYPE_NAMES[root]);
  }
  const listFields: Record<string, string> = {};
  for (const name of LIST_NAMES) listFields[name] = 'list<string>';
  env = env.registerType('bulwark.Lists', { ctor: ListsValue, fields: listFields });
  env = env.registerVariable('lists', 'bulwark.Lists');
  // The event exactly as in the contract: a JSON object, so dynamically typed.
  env = env.registerVariable('event', 'map');
  shared = env;
  return env;
}

/** A name a rule uses under a root: `account.ageDays`, `lists.blocked_devices`. */
export interface Reference {
  root: FeatureRoot | 'lists';
  name: string;
  /** Offset in the expression. */
  pos: number;
}

/** Every `root.name` selection in an expression, for the roots of features and `lists`. */
export function references(ast: ASTNode): Reference[] {
  const out: Reference[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const n of node) visit(n); return; }
    const n = node as { op?: string; args?: unknown; pos?: number };
    if ((n.op === '.' || n.op === '.?') && Array.isArray(n.args)) {
      const [target, field] = n.args as [{ op?: string; args?: unknown }, string];
      if (target?.op === 'id' && typeof target.args === 'string' && isRoot(target.args)) {
        // A selection's position is that of its field name.
        out.push({ root: target.args, name: field, pos: n.pos ?? 0 });
      }
    }
    if (n.args !== undefined && typeof n.args === 'object') visit(n.args);
  };
  visit(ast);
  return out;
}

function isRoot(x: string): x is FeatureRoot | 'lists' {
  return x === 'lists' || (FEATURE_ROOTS as string[]).includes(x);
}

/**
 * The event types an expression can match, read from a conjunction that tests `event.type`
 * (`event.type == "x" && ...`, `event.type in ["x", "y"] && ...`); undefined when it cannot tell,
 * in which case the rule is evaluated at every decision point.
 */
export function eventTypesOf(ast: ASTNode): string[] | undefined {
  const n = ast as unknown as { op: string; args: unknown };
  if (n.op === '&&') {
    const [l, r] = n.args as [ASTNode, ASTNode];
    const a = eventTypesOf(l);
    const b = eventTypesOf(r);
    if (a && b) return a.filter((t) => b.includes(t));
    return a ?? b;
  }
  if (n.op === '||') {
    const [l, r] = n.args as [ASTNode, ASTNode];
    const a = eventTypesOf(l);
    const b = eventTypesOf(r);
    return a && b ? [...new Set([...a, ...b])] : undefined;
  }
  if (n.op === '==' || n.op === 'in') {
    const [l, r] = n.args as [{ op: string; args: unknown }, { op: string; args: unknown }];
    if (!isEventType(l)) return undefined;
    if (n.op === '==' && r.op === 'value' && typeof r.args === 'string') return [r.args];
    if (n.op === 'in' && r.op === 'list' && Array.isArray(r.args)) {
      const values = (r.args as Array<{ op: string; args: unknown }>).map((x) => (x.op === 'value' && typeof x.args === 'string' ? x.args : undefined));
      return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
    }
  }
  return undefined;
}

function isEventType(x: { op: string; args: unknown }): boolean {
  if (x.op !== '.' || !Array.isArray(x.args)) return false;
  const [target, field] = x.args as [{ op: string; args: unknown }, string];
  return field === 'type' && target.op === 'id' && target.args === 'event';
}
