// Checks a shop's strategies document before anything uses it: the schema first, then what a
// schema cannot say (ids unique, an item in one guard only, a window that ends after it starts,
// a stop-loss under its warning line, a guard that checks something). Every problem is reported
// with its path and what to change, all at once, so a merchant fixes the document in one go.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import {
  ShopStrategiesSchema, StrategiesFileSchema, parseEventTime, type ShopStrategies, type StrategiesFile,
} from '../../contract/index.js';
import { PRICE_GUARD_DEFAULTS, type PriceGuardParams } from './price-guard.js';

/** One thing wrong with a strategies document: where, and what to change. */
export interface StrategyProblem {
  /** Dotted path into the document, e.g. `scalper_guards[0].per_account_limit`. */
  path: string;
  message: string;
}

export type StrategyCheck<T> = { ok: true; value: T } | { ok: false; problems: StrategyProblem[] };

/** Problems reported at most, so a document that is wrong everywhere still gets a readable answer. */
const MAX_PROBLEMS = 20;

const shopCheck = TypeCompiler.Compile(ShopStrategiesSchema);
const fileCheck = TypeCompiler.Compile(StrategiesFileSchema);

/**
 * Checks one shop's document (the body of PUT /v1/shops/{shop_id}/strategies). `lines` are the
 * configured price guard lines (guards.price_guard) that a line the shop leaves out falls back to.
 */
export function checkShopStrategies(value: unknown, lines: Readonly<PriceGuardParams> = PRICE_GUARD_DEFAULTS): StrategyCheck<ShopStrategies> {
  if (!shopCheck.Check(value)) return { ok: false, problems: schemaProblems(shopCheck.Errors(value), '') };
  const problems = semanticProblems(value, '', lines);
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** Checks a `--strategies` file: its shape, then every shop's document in it (`lines` as for checkShopStrategies). */
export function checkStrategiesFile(value: unknown, lines: Readonly<PriceGuardParams> = PRICE_GUARD_DEFAULTS): StrategyCheck<StrategiesFile> {
  if (!fileCheck.Check(value)) return { ok: false, problems: schemaProblems(fileCheck.Errors(value), '') };
  const problems: StrategyProblem[] = [];
  const shops = (path: string, byShop: Record<string, ShopStrategies>) => {
    for (const [shop, s] of Object.entries(byShop)) problems.push(...semanticProblems(s, `${path}.${shop}`, lines));
  };
  if (value.shops) shops('shops', value.shops);
  for (const [tenant, t] of Object.entries(value.tenants ?? {})) shops(`tenants.${tenant}.shops`, t.shops);
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, value };
}

/** The problems as one message: each on its own line after `what`. */
export function describeProblems(what: string, problems: readonly StrategyProblem[]): string {
  return `${what}:\n${problems.map((p) => `  ${p.path || '(document)'}: ${p.message}`).join('\n')}`;
}

function semanticProblems(s: ShopStrategies, prefix: string, lines: Readonly<PriceGuardParams>): StrategyProblem[] {
  const out: StrategyProblem[] = [];
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const ids = new Map<string, number>();
  const guardOf = new Map<string, number>();
  (s.scalper_guards ?? []).forEach((g, i) => {
    const here = `scalper_guards[${i}]`;
    const first = ids.get(g.id);
    if (first !== undefined) {
      out.push({ path: at(`${here}.id`), message: `'${g.id}' is already the id of scalper_guards[${first}]; give each guard an id of its own` });
    } else ids.set(g.id, i);
    g.item_ids.forEach((item, k) => {
      const owner = guardOf.get(item);
      if (owner !== undefined) {
        out.push({ path: at(`${here}.item_ids[${k}]`), message: `item ${item} is already guarded by scalper_guards[${owner}] ` +
          `('${s.scalper_guards![owner]!.id}'); an item belongs to one scalper guard: list it in one of them only` });
      } else guardOf.set(item, i);
    });
    if (g.starts_at !== undefined && g.ends_at !== undefined && parseEventTime(g.ends_at) <= parseEventTime(g.starts_at)) {
      out.push({ path: at(`${here}.ends_at`), message: `${g.ends_at} is not after starts_at ${g.starts_at}; set ends_at later than starts_at, or leave it out for no end` });
    }
    for (const f of ['starts_at', 'ends_at'] as const) {
      const t = g[f];
      if (t !== undefined && Number.isNaN(parseEventTime(t))) {
        out.push({ path: at(`${here}.${f}`), message: `${t} is not a real calendar time; write e.g. 2026-11-11T00:00:00.000Z` });
      }
    }
    if (g.per_account_limit === undefined && g.per_group_limit === undefined && g.min_account_age_days === undefined &&
      g.no_vague_addresses !== true && g.max_orders_per_address === undefined) {
      out.push({ path: at(here), message: 'the guard checks nothing; set at least one of per_account_limit, per_group_limit, ' +
        'min_account_age_days, no_vague_addresses: true or max_orders_per_address' });
    }
    if (g.per_group_limit !== undefined && g.per_account_limit !== undefined && g.per_group_limit < g.per_account_limit) {
      out.push({ path: at(`${here}.per_group_limit`), message: `${g.per_group_limit} is below per_account_limit ${g.per_account_limit}, ` +
        'and an account linked to no other is a group of one, so it would be held to the group limit; ' +
        'raise per_group_limit to at least per_account_limit, or lower per_account_limit' });
    }
  });
  const p = s.price_guard;
  if (p) {
    const warn = p.warn_below_pct ?? lines.warnBelowPct;
    const stop = p.stop_loss_below_pct ?? lines.stopLossBelowPct;
    const problem = { stop, warn, lines };
    if (stop >= warn) out.push(stopAboveWarn(at('price_guard'), problem, p.stop_loss_below_pct !== undefined));
    for (const [item, r] of Object.entries(p.items ?? {})) {
      const itemStop = r.stop_loss_below_pct ?? stop;
      const itemWarn = r.warn_below_pct ?? warn;
      if (itemStop >= itemWarn && (r.stop_loss_below_pct !== undefined || r.warn_below_pct !== undefined)) {
        out.push(stopAboveWarn(at(`price_guard.items.${item}`), { stop: itemStop, warn: itemWarn, lines }, r.stop_loss_below_pct !== undefined));
      }
    }
  }
  return out;
}

function stopAboveWarn(path: string, o: { stop: number; warn: number; lines: Readonly<PriceGuardParams> }, stopGiven: boolean): StrategyProblem {
  const { stop, warn, lines } = o;
  return {
    path: `${path}.${stopGiven ? 'stop_loss_below_pct' : 'warn_below_pct'}`,
    message: `the stop-loss (${stop}%) must be below the warning line (${warn}%): a price is warned about before it is stopped; ` +
      `${stopGiven ? 'lower stop_loss_below_pct' : 'raise warn_below_pct'} (the lines of a shop that sets none: warn below ${lines.warnBelowPct}%, ` +
      `stop below ${lines.stopLossBelowPct}%)`,
  };
}

function schemaProblems(errors: Iterable<ValueError>, prefix: string): StrategyProblem[] {
  // One problem per path: the first error there, preferring the specific one over "no union member matched".
  const byPath = new Map<string, ValueError>();
  for (const e of errors) {
    const seen = byPath.get(e.path);
    if (!seen || (seen.type === ValueErrorType.Union && e.type !== ValueErrorType.Union)) byPath.set(e.path, e);
    if (byPath.size > MAX_PROBLEMS) break;
  }
  const out: StrategyProblem[] = [];
  for (const e of byPath.values()) {
    // An object failing because of a deeper path is reported at that path.
    if (e.type === ValueErrorType.Object && [...byPath.keys()].some((k) => k !== e.path && k.startsWith(`${e.path}/`))) continue;
    out.push({ path: joinPath(prefix, e.path), message: messageFor(e) });
  }
  return out.slice(0, MAX_PROBLEMS);
}

function messageFor(e: ValueError): string {
  const got = e.value === undefined ? 'nothing' : JSON.stringify(e.value)?.slice(0, 80) ?? String(e.value);
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return `required field is missing; ${describe(e)}`;
    case ValueErrorType.ObjectAdditionalProperties:
      return `unknown field; the fields here are ${Object.keys((e.schema as { properties?: object }).properties ?? {}).join(', ')} (see docs/strategies.md)`;
    case ValueErrorType.Union:
      return `received ${got}; expected ${describe(e)}`;
    default:
      return `${e.message.toLowerCase()}, received ${got}; ${describe(e)}`;
  }
}

function describe(e: ValueError): string {
  const s = e.schema as { description?: string; anyOf?: Array<{ const?: unknown }> };
  if (s.anyOf) return `one of ${s.anyOf.map((a) => JSON.stringify(a.const)).join(', ')}`;
  return s.description ?? 'see docs/strategies.md';
}

/** `/scalper_guards/0/id` → `scalper_guards[0].id`. */
function joinPath(prefix: string, pointer: string): string {
  let out = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}
