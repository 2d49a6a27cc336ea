// `bulwark demo`: simulate a week, replay it into the embedded store, print the evaluation.
import type { Command } from 'commander';
import { runDemo } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { UsageError } from '../errors.js';
import { replayProgress } from '../progress.js';

export function registerDemo(program: Command): void {
  program.command('demo')
    .description('simulate a marketplace week with labelled attacks, replay it, and evaluate the alerts')
    .option('--out <dir>', 'folder for the simulation, the replay outputs and the database', 'out/demo')
    .option('--seed <n>', 'simulation seed', '1')
    .option('--scale <f>', 'simulation scale (1 is about 200,000 events a week)', '1')
    .option('--days <n>', 'days to simulate', '7')
    .action(async (opts: { out: string; seed: string; scale: string; days: string }) => {
      const seed = Number(opts.seed); const scale = Number(opts.scale); const days = Number(opts.days);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, received ${opts.seed}`);
      if (!(scale > 0)) throw new UsageError(`--scale must be a positive number, received ${opts.scale}`);
      if (!Number.isInteger(days) || days < 1) throw new UsageError(`--days must be a whole number of days >= 1, received ${opts.days}`);
      const progress = replayProgress();
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const r = await runDemo({ outDir: opts.out, seed, scale, days, config: loadConfig(), log,
        ...(progress.update ? { onProgress: progress.update } : {}) });
      progress.done();
      process.stdout.write(`\n${r.evaluation.table}\n`);
      log(`\noutputs: ${r.replayDir}/decisions.ndjson, alerts.ndjson, warnings.ndjson, rejected.ndjson, summary.json; evaluation: ${r.evaluation.jsonPath}`);
      log(`database: ${r.dbPath}`);
      log('\nto explore the alerts in the console (a web page) and over HTTP:');
      log(`  KEY=$(npx bulwark keys create --role analyst --db ${r.dbPath})`);
      log(`  npx bulwark serve --db ${r.dbPath} &`);
      log('  open http://127.0.0.1:8080/ and sign in with $KEY (a merchant: keys create --role merchant --shop SHOP)');
      log('  curl -s -H "Authorization: Bearer $KEY" "http://127.0.0.1:8080/v1/alerts?limit=5"');
    });
}
