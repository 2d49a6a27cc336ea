// `bulwark backtest --events F --rules CANDIDATE.yaml [--current RULES.yaml] [--lists FILE] [--db PATH] [--truth T] --out DIR [--config FILE]`
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { backtestFile, listIndexOf, loadListsFile, loadRuleFile, storedListEntries } from '../../app/index.js';
import { listHashKey, loadConfig } from '../../config/index.js';
import { UsageError } from '../errors.js';

export function registerBacktest(program: Command): void {
  program.command('backtest')
    .description('replay history once, deciding with the current policy and a candidate rule file side by side; writes DIR/backtest.json and DIR/backtest.txt')
    .requiredOption('--events <file>', 'events file (NDJSON)')
    .requiredOption('--rules <file>', 'the candidate rule file (YAML)')
    .option('--current <file>', 'the rule file in force now (default: no rules, detectors and thresholds only)')
    .option('--lists <file>', 'block and allow lists both policies read (YAML or JSON, docs/lists.md); hashed kinds need BULWARK_LIST_KEY')
    .option('--db <path>', "a server's SQLite file: its stored lists are read (nothing is written), before those of --lists")
    .option('--truth <file>', "a simulated run's truth.json: precision and recall before and after")
    .requiredOption('--out <dir>', 'folder for backtest.json and backtest.txt')
    .option('--config <file>', 'configuration file (JSON)')
    .action(async (opts: { events: string; rules: string; current?: string; lists?: string; db?: string; truth?: string; out: string; config?: string }) => {
      for (const [flag, file] of [['--events', opts.events], ['--truth', opts.truth]] as const) {
        if (file !== undefined && !existsSync(file)) throw new UsageError(`${flag} file ${file} does not exist; pass an existing file`);
      }
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const candidate = loadRuleFile(opts.rules);
      const current = opts.current ? loadRuleFile(opts.current) : undefined;
      const listKey = listHashKey();
      const entries = [...(opts.db ? await storedListEntries(opts.db) : []), ...(opts.lists ? loadListsFile(opts.lists, listKey) : [])];
      const lists = listIndexOf(entries, listKey);
      const r = await backtestFile({ events: opts.events, outDir: opts.out, config, candidate, lists, ...(current ? { current } : {}),
        ...(opts.truth ? { truth: opts.truth } : {}) });
      process.stderr.write(`backtest: ${r.decisions} decisions, ${r.changed} changed; ${opts.out}/backtest.json and backtest.txt\n`);
    });
}
