// `bulwark schema`: prints the JSON Schema of the event contract (also committed as contract/events.schema.json).
import type { Command } from 'commander';
import { eventsJsonSchema } from '../../contract/index.js';

export function registerSchema(program: Command): void {
  program.command('schema')
    .description('print the JSON Schema of events (the same as contract/events.schema.json)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(eventsJsonSchema(), null, 2)}\n`);
    });
}
