// Loading configuration: defaults, then a JSON file, then explicit overrides; validated once
// and frozen. This is the only module that reads configuration files.
import { readFileSync } from 'node:fs';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ConfigSchema, defaultConfig, type Config } from './schema.js';

/** Bad configuration: the message names the setting, the value and the fix. */
export class ConfigError extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

const check = TypeCompiler.Compile(ConfigSchema);

/** Builds the configuration from defaults, an optional JSON file and overrides. */
export function loadConfig(opts: { file?: string; overrides?: DeepPartial<Config> } = {}): Readonly<Config> {
  let merged: unknown = defaultConfig();
  if (opts.file) {
    let text: string;
    try { text = readFileSync(opts.file, 'utf8'); } catch (err) {
      throw new ConfigError('ERR_CONFIG_FILE', `cannot read config file ${opts.file}: ${(err as Error).message}; pass an existing JSON file to --config`);
    }
    let parsed: unknown;
    try { parsed = JSON.parse(text); } catch (err) {
      throw new ConfigError('ERR_CONFIG_FILE', `config file ${opts.file} is not JSON: ${(err as Error).message}`);
    }
    merged = deepMerge(merged, parsed);
  }
  if (opts.overrides) merged = deepMerge(merged, opts.overrides);
  const first = check.Errors(merged).First();
  if (first) {
    const path = first.path.split('/').slice(1).join('.');
    throw new ConfigError('ERR_CONFIG_INVALID',
      `${path || '(root)'}: ${first.message}, received ${JSON.stringify(first.value)}; fix it in ${opts.file ?? 'the configuration'}`);
  }
  const cfg = merged as Config;
  const t = cfg.decision.thresholds;
  if (!(t.challenge <= t.review && t.review <= t.deny)) {
    throw new ConfigError('ERR_CONFIG_THRESHOLDS',
      `decision.thresholds must rise challenge <= review <= deny, received ${JSON.stringify(t)}`);
  }
  const g = cfg.guards.price_guard;
  if (!(g.stopLossBelowPct < g.warnBelowPct)) {
    throw new ConfigError('ERR_CONFIG_PRICE_GUARD',
      `guards.price_guard.stopLossBelowPct (${g.stopLossBelowPct}) must be below warnBelowPct (${g.warnBelowPct}): a price is warned ` +
      `about before it is stopped; lower stopLossBelowPct or raise warnBelowPct in ${opts.file ?? 'the configuration'}`);
  }
  return deepFreeze(cfg);
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlain(base) || !isPlain(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

function isPlain(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}
