import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { readFile } from 'node:fs/promises';
import { AppModule } from '../../app.module';
import { formatOfFile, type ImportFormat, readRows } from '../../application/import/import-rows';
import {
  type ImportProgress,
  type ImportReport,
  ImportService,
} from '../../application/import/import.service';
import { loadConfig } from '../../infrastructure/config/app-config';
import { JsonLogger } from '../../infrastructure/logging/json-logger';
import { type CliCommand, UsageError } from '../cli-command';

/** Exit code of a run that imported what it could but refused some rows. */
export const SOME_ROWS_REFUSED = 3;
const USER = /^[\w.@-]{1,80}$/;

const formatOf = (value: string): ImportFormat => {
  if (value !== 'jsonl' && value !== 'csv') throw new InvalidArgumentError(`jsonl or csv, got ${value}`);
  return value;
};

/** A bar on a terminal; nothing otherwise (the summary line is always written). */
const progressBar = () => {
  if (!process.stderr.isTTY)
    return { update: (_progress: ImportProgress) => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: 'import [{bar}] {percentage}% | {value}/{total} rows | {refused} refused',
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    update: ({ done, total, refused }: ImportProgress) => {
      if (!started) bar.start(total, 0, { refused: 0 });
      started = true;
      bar.update(done, { refused });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
};

const summary = (report: ImportReport, seconds: number): string =>
  `import: ${report.rows} rows in ${seconds.toFixed(1)} s: ${report.appended} appended (${report.events} events), ${report.skipped} skipped as already imported, ${report.unchanged} unchanged, ${report.refused} refused${report.from ? `; business time ${report.from} to ${report.to}` : ''}\n`;

export const importCommand: CliCommand = (program: Command, run) => {
  program
    .command('import')
    .argument(
      '<file>',
      'JSON lines (one object a line) or CSV (a header line; by the .csv extension or --format)',
    )
    .description(
      `Import DMS history: each row is one fact (its type, record id, business time occurredAt and the fields of the command's HTTP body; docs/import.md), checked by the same rules as the HTTP body and run in business-time order (ties in file order) through the same handlers, into the store of DATA_DIR (or EventStoreDB / MongoDB when configured), recorded as import:<user>. Each row carries an Idempotency-Key made from its type, record and business time: a second run of the same file appends nothing, and a run of a corrected file appends only the new rows (a changed row is refused as IDEMPOTENCY_KEY_REUSED). Refused rows are listed with their line, record, code and detail and do not stop the run. Progress on stderr (a bar on a terminal), a summary line on stderr, the report as JSON on stdout. The projections and clock watchers of the API process catch up by themselves. Exit codes: 0 every row imported or already there; ${SOME_ROWS_REFUSED} some rows refused (the others imported); 1 failed (e.g. the store is down: rows before it stay imported, a re-run resumes); 2 bad usage.`,
    )
    .option('--format <format>', 'jsonl or csv (default: by the file extension)', formatOf)
    .option('--type <type>', 'the row type of a CSV file with no type column (e.g. membership.EnrollMember)')
    .option('--as <user>', 'who runs the import: the events are recorded as import:<user>', 'cli')
    .action((file: string, options: { format?: ImportFormat; type?: string; as: string }) =>
      run(async () => {
        if (!USER.test(options.as))
          throw new UsageError(`--as ${options.as} is not 1 to 80 of [A-Za-z0-9_.@-]`);
        const text = await readFile(file, 'utf8').catch((error: Error) => {
          throw new UsageError(`cannot read ${file}: ${error.message}`);
        });
        const rows = readRows(text, options.format ?? formatOfFile(file), options.type);
        const config = { ...loadConfig(), runProjections: false };
        // Log lines go to stderr: stdout holds the report alone.
        const logger = new JsonLogger(config.logLevel === 'silent' ? 'silent' : 'warn', (line) =>
          process.stderr.write(line),
        );
        const app = await NestFactory.createApplicationContext(AppModule.register({ config, logger }), {
          logger: false,
          abortOnError: false,
        });
        try {
          const started = Date.now();
          const bar = progressBar();
          const report = await app
            .get(ImportService)
            .run(rows, { userId: options.as, onProgress: bar.update })
            .finally(bar.stop);
          process.stderr.write(summary(report, (Date.now() - started) / 1000));
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return report.refused > 0 ? SOME_ROWS_REFUSED : 0;
        } finally {
          await app.close();
        }
      }),
    );
};
