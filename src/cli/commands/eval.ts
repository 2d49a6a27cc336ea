// `bulwark eval --events FILE --truth FILE --out DIR [--json PATH]`
import type { Command } from 'commander';
import { evaluateDir } from '../../app/index.js';

/** Adds `bulwark eval`. */
export function registerEval(program: Command): void {
  program.command('eval')
    .description("evaluate a replay's alerts and decisions against a simulated run's truth; prints a table, writes JSON")
    .requiredOption('--events <file>', 'the events.ndjson written by `bulwark simulate`')
    .requiredOption('--truth <file>', 'the truth.json written by `bulwark simulate`')
    .requiredOption('--out <dir>', "the replay's output folder, holding decisions.ndjson and alerts.ndjson")
    .option('--json <path>', 'where to write the JSON report (default DIR/eval.json)')
    .action(async (flags: { events: string; truth: string; out: string; json?: string }) => {
      const r = await evaluateDir({ eventsPath: flags.events, truthPath: flags.truth, outDir: flags.out,
        ...(flags.json ? { jsonPath: flags.json } : {}) });
      process.stdout.write(r.table);
      process.stderr.write(`wrote ${r.jsonPath}\n`);
    });
}
