// `bulwark alliance keygen`: a new Ed25519 signing key pair and a new shared hashing key, as JSON
// on stdout. The signing key and the shared key are secrets (environment variables, docs/alliance.md);
// the public key is what partners put in their configuration.
import type { Command } from 'commander';
import { generateAllianceKeys } from '../../app/index.js';

export function registerAlliance(program: Command): void {
  const alliance = program.command('alliance').description('sharing abuse signals with partner platforms (docs/alliance.md)');
  alliance.command('keygen')
    .description('print a new signing key pair and a new shared hashing key as JSON (signingKey and sharedKey are secrets)')
    .action(() => {
      const k = generateAllianceKeys();
      process.stdout.write(`${JSON.stringify({ signingKey: k.signingKey, publicKey: k.publicKey, sharedKey: k.sharedKey })}\n`);
      process.stderr.write('set signingKey as BULWARK_ALLIANCE_SIGNING_KEY and give publicKey to your partners; a sharedKey is made once ' +
        'for the whole alliance and set at every member as BULWARK_ALLIANCE_KEY_<ID>\n');
    });
}
