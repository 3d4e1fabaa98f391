#!/usr/bin/env node
import 'reflect-metadata';
import { IntegrityService } from './application/integrity/integrity.service';
import { loadConfig } from './infrastructure/config/app-config';
import { openEventStore } from './infrastructure/stores';

const HELP = `crm: operator commands for the dealer CRM. Uses the same environment as the API
(DATA_DIR, EVENTSTORE_URL, ...).

Commands:
  verify-integrity [--stream <streamId>]
      Recompute the hash chain of one stream, or of every stream, and print the report as JSON.
      Exit code 0 when intact, 1 when a chain is broken, 2 on bad usage.
  help, --help
      This text.
`;

const VERIFY_HELP = `crm verify-integrity [--stream <streamId>]

Every event's metadata carries a SHA-256 of its content chained to the previous event of its stream.
Without --stream, reads every event once in global order and reports the first break of each broken
stream. Prints JSON; exit code 0 when intact, 1 when broken.
`;

const verifyIntegrity = async (args: string[]): Promise<number> => {
  if (args.includes('--help')) {
    process.stdout.write(VERIFY_HELP);
    return 0;
  }
  const streamFlag = args.indexOf('--stream');
  const streamId = streamFlag >= 0 ? args[streamFlag + 1] : undefined;
  if (streamFlag >= 0 && !streamId) {
    process.stderr.write('--stream needs a stream id, e.g. --stream complaint-c-42\n');
    return 2;
  }
  const eventStore = await openEventStore(loadConfig());
  try {
    const integrity = new IntegrityService(eventStore);
    const report = streamId ? await integrity.verifyStream(streamId) : await integrity.verifyAll();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.intact ? 0 : 1;
  } finally {
    await eventStore.close();
  }
};

const main = async (argv: string[]): Promise<number> => {
  const [command, ...args] = argv;
  switch (command) {
    case 'verify-integrity':
      return verifyIntegrity(args);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
