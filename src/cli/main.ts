// The `bulwark` command line. Each command lives in commands/<name>.ts, parses its flags and calls
// one function of app/. Exit codes: 0 ok, 1 failure, 2 usage. Data goes to stdout, progress to stderr.
import { Command, CommanderError } from 'commander';
import { UsageError, exitCodeOf, describeError } from './errors.js';
import { commands } from './commands/index.js';

const program = new Command('bulwark')
  .description('Abuse defense for e-commerce marketplaces: events in, decisions and alerts out.')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .showHelpAfterError();

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`bulwark: ${describeError(err)}\n`);
    process.exitCode = exitCodeOf(err);
  }
}

export { UsageError };
