// `bulwark replay FILE|- --out DIR [--db PATH] [--config FILE] [--rules FILE] [--lists FILE] [--strategies FILE]`
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadListsFile, loadRuleFile, loadStrategiesFile, replayFile, storedListEntries } from '../../app/index.js';
import { listHashKey, loadConfig } from '../../config/index.js';
import { UsageError } from '../errors.js';
import { replayProgress } from '../progress.js';

export function registerReplay(program: Command): void {
  program.command('replay')
    .description('run a file of events (NDJSON; - for standard input) through the pipeline in event time')
    .argument('<events>', 'events file (NDJSON), or - for standard input')
    .requiredOption('--out <dir>', 'folder for decisions.ndjson, alerts.ndjson, warnings.ndjson, rejected.ndjson, summary.json')
    .option('--db <path>', 'SQLite file to keep events, decisions, alerts and state in (resumable)')
    .option('--config <file>', 'configuration file (JSON)')
    .option('--rules <file>', 'rule file (YAML, docs/rules.md) to decide with; refused whole before the replay starts if any rule is bad')
    .option('--lists <file>', 'block and allow lists the rules read (YAML or JSON, docs/lists.md), besides those stored in --db; hashed kinds need BULWARK_LIST_KEY')
    .option('--strategies <file>', "merchants' strategies by shop (JSON or YAML, docs/strategies.md), in force from the first event; refused whole if any is bad")
    .action(async (events: string, opts: { out: string; db?: string; config?: string; rules?: string; lists?: string; strategies?: string }) => {
      if (events !== '-' && !existsSync(events)) {
        throw new UsageError(`events file ${events} does not exist; pass an NDJSON file, or - to read standard input`);
      }
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      if (opts.rules) loadRuleFile(opts.rules);
      // The lists in force where the events were decided: those of the database, then the file's.
      const listKey = listHashKey();
      const lists = [...(opts.db && existsSync(opts.db) ? await storedListEntries(opts.db) : []), ...(opts.lists ? loadListsFile(opts.lists, listKey) : [])];
      if (opts.strategies) loadStrategiesFile(opts.strategies, config.guards.price_guard);
      const progress = replayProgress();
      const s = await replayFile({ events, outDir: opts.out, config, ...(opts.db ? { db: opts.db } : {}), ...(opts.rules ? { rules: opts.rules } : {}),
        ...(opts.strategies ? { strategies: opts.strategies } : {}), ...(lists.length ? { lists } : {}), ...(listKey ? { listKey } : {}) }, progress.update);
      progress.done();
      process.stderr.write(
        `replayed ${s.lines} lines: ${s.events.accepted} applied, ${s.events.already_applied} already applied, ` +
        `${s.rejected.total} rejected, ${s.events.late} late; ${s.alerts.total} alerts; ` +
        `${s.throughput.events_per_sec} events/s; outputs in ${opts.out}\n`);
    });
}
