// `bulwark evidence CASE_ID --out DIR [--db PATH] [--config FILE] [--hashed]`
import type { Command } from 'commander';
import { writeEvidence } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';

export function registerEvidence(program: Command): void {
  program.command('evidence')
    .description("write a case's evidence package (JSON, CSV, a printable HTML report and manifest.json of SHA-256) to a folder")
    .argument('<case>', 'case id (case_...)')
    .requiredOption('--out <dir>', 'folder to write the package to (created if missing)')
    .option('--db <path>', 'SQLite file written by `serve` or `replay --db`', './bulwark.db')
    .option('--config <file>', 'configuration file (JSON); cases.evidence.hashSecret keys the hashes of --hashed')
    .option('--hashed', 'replace personal data with keyed hashes (a copy for someone other than analysts)', false)
    .action(async (caseId: string, opts: { out: string; db: string; config?: string; hashed: boolean }) => {
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const r = await writeEvidence({ caseId, outDir: opts.out, db: opts.db, config, hashed: opts.hashed });
      process.stdout.write(`${JSON.stringify({ out: opts.out, manifest_sha256: r.manifestSha256, files: r.manifest.files }, null, 2)}\n`);
      process.stderr.write(`wrote ${r.files.length} files of case ${caseId} to ${opts.out}\n`);
    });
}
