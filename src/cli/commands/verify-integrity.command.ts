import type { Command } from 'commander';
import { IntegrityService } from '../../application/integrity/integrity.service';
import { loadConfig } from '../../infrastructure/config/app-config';
import { openEventStore } from '../../infrastructure/stores';
import type { CliCommand } from '../cli-command';

export const verifyIntegrityCommand: CliCommand = (program: Command, run) => {
  program
    .command('verify-integrity')
    .description(
      "Recompute the hash chain of one stream, or of every stream, and print the report as JSON. Every event's metadata carries a SHA-256 of its content chained to the previous event of its stream. Exit code 0 when intact, 1 when a chain is broken.",
    )
    .option('--stream <streamId>', 'check only this stream, e.g. complaint-c-42')
    .action((options: { stream?: string }) =>
      run(async () => {
        const eventStore = await openEventStore(loadConfig());
        try {
          const integrity = new IntegrityService(eventStore);
          const report = options.stream
            ? await integrity.verifyStream(options.stream)
            : await integrity.verifyAll();
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return report.intact ? 0 : 1;
        } finally {
          await eventStore.close();
        }
      }),
    );
};
