import type { Command } from 'commander';
import { loadConfig } from '../../infrastructure/config/app-config';
import { RETIRE_GRACE_MS } from '../../infrastructure/projections/projection-engine';
import { listProjections, type ProjectionListing } from '../../infrastructure/projections/projection-listing';
import { rebuildProjections } from '../../infrastructure/projections/projection-rebuilder';
import { openReadStore, workerStoresOf } from '../../infrastructure/stores';
import { ALL_PROJECTIONS } from '../../application/features';
import { openAnalyticsReadStore, projectionsNamed, runnerDeps } from '../analytics/cli-stores';
import { progressReporter } from '../analytics/progress-reporter';
import { type CliCommand, positiveInteger } from '../cli-command';

const generation = (info: ProjectionListing['live'] | null): string =>
  info ? `v${info.version}/g${info.generation}@${info.checkpoint}` : '-';

/** Why a projection is not simply running: the store outage it waits out, or the event it stopped at. */
const note = (row: ProjectionListing): string => {
  if (row.retry) return `attempt ${row.retry.attempt} since ${row.retry.since}: ${row.retry.lastError}`;
  if (row.error) return `stopped at ${row.error.position} (${row.error.eventType}): ${row.error.message}`;
  return '';
};

const table = (rows: readonly ProjectionListing[]): string => {
  const header = [
    'projection',
    'version',
    'state',
    'live (gen@checkpoint)',
    'building',
    'lag events',
    'lag ms',
    'note',
  ];
  const cells = rows.map((row) => [
    row.name,
    String(row.version),
    row.state,
    generation(row.live),
    generation(row.building),
    String(row.lag.events),
    String(row.lag.ms),
    note(row),
  ]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...cells.map((cell) => cell[index].length)),
  );
  return [header, ...cells]
    .map((cell) => cell.map((text, index) => text.padEnd(widths[index])).join('  '))
    .join('\n');
};

export const projectionsCommand: CliCommand = (program: Command, run) => {
  const projections = program
    .command('projections')
    .description('List the projections, and rebuild them blue/green (docs/analytics.md).');

  projections
    .command('list')
    .description(
      'Every projection with its deployed version, state (running, retrying, rebuilding, stale, failed, stopped), live generation and checkpoint, the generation being built, lag in events ("unknown" where the event store cannot count them, as on EventStoreDB) and milliseconds, and for a retrying or failed one the attempt and last store error, or the event it stopped at.',
    )
    .option('--from <dir>', 'list a scratch read store written by "crm replay" instead of the live one')
    .option('--json', 'print JSON instead of a table')
    .action((options: { from?: string; json?: boolean }) =>
      run(async () => {
        const readStore = await openAnalyticsReadStore(options.from);
        const deps = await runnerDeps(readStore);
        try {
          const rows = await listProjections(deps, ALL_PROJECTIONS);
          process.stdout.write(`${options.json ? JSON.stringify(rows, null, 2) : table(rows)}\n`);
          return 0;
        } finally {
          await Promise.all([readStore.close(), deps.eventStore.close()]);
        }
      }),
    );

  projections
    .command('rebuild')
    .argument('[names...]', 'projections to rebuild (see "crm projections list")')
    .description(
      'Rebuild projections blue/green: a new generation is built beside the live one (the API keeps serving the live one, in this or another process), indexed, and switched to atomically at the head of the log; the old one is dropped after a grace period. Ctrl-C stops cleanly and a rerun resumes. Exit code 0 when switched, 1 when failed, 130 when stopped.',
    )
    .option('--all', 'rebuild every projection, with one shared reader of the log')
    .option(
      '--no-progress',
      'plain progress lines instead of a progress bar (also when stdout is not a terminal)',
    )
    .option('--batch-size <events>', 'events per read of the log', positiveInteger, 5000)
    .option(
      '--commit-every <events>',
      'events between commits of the new generation',
      positiveInteger,
      50_000,
    )
    .action(
      (
        names: string[],
        options: { all?: boolean; progress: boolean; batchSize: number; commitEvery: number },
      ) =>
        run(async () => {
          const definitions = projectionsNamed(names, options.all === true);
          const config = loadConfig();
          const readStore = await openReadStore(config);
          const deps = await runnerDeps(readStore);
          const abort = new AbortController();
          const onSigint = () => {
            if (abort.signal.aborted) process.exit(130);
            process.stderr.write('\nstopping: committing what is applied (Ctrl-C again to quit at once)\n');
            abort.abort();
          };
          process.on('SIGINT', onSigint);
          const reporter = progressReporter(options.progress && process.stdout.isTTY === true);
          try {
            const result = await rebuildProjections(deps, definitions, {
              batchSize: options.batchSize,
              commitEvery: options.commitEvery,
              signal: abort.signal,
              onProgress: reporter.update,
              retireGraceMs: RETIRE_GRACE_MS,
              dropRetired: true,
              workers: { count: config.rebuildWorkers, stores: workerStoresOf(config) },
            });
            reporter.stop(result);
            if (result.state === 'stopped') {
              // Superseded (another rebuild took the slot over): resuming would build nothing of use.
              process.stderr.write(
                result.error
                  ? `stopped, ${result.error}\n`
                  : 'stopped: run the same command again to resume\n',
              );
              return 130;
            }
            if (result.state === 'failed') {
              process.stderr.write(`${result.error}\n`);
              return 1;
            }
            process.stdout.write(`switched: ${result.projections.join(', ')}\n`);
            return 0;
          } finally {
            process.off('SIGINT', onSigint);
            await Promise.all([readStore.close(), deps.eventStore.close()]);
          }
        }),
    );
};
