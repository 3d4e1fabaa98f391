import type { Command } from 'commander';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../infrastructure/config/app-config';
import { rebuildProjections } from '../../infrastructure/projections/projection-rebuilder';
import { SqliteReadStore } from '../../infrastructure/sqlite/sqlite-read-store';
import { describeReadStore, openEventStore, workerStoresOf } from '../../infrastructure/stores';
import { asOfCutoff } from '../analytics/as-of';
import { projectionsNamed, runnerDeps, SCRATCH_FILE } from '../analytics/cli-stores';
import { progressReporter } from '../analytics/progress-reporter';
import type { CliCommand } from '../cli-command';

type ReplayOptions = {
  asOf?: string;
  upToPosition?: string;
  out: string;
  projection: string[];
  progress: boolean;
};

export const replayCommand: CliCommand = (program: Command, run) => {
  program
    .command('replay')
    .description(
      'Build projections into a scratch SQLite read store in <dir> from the events as of a date (business time, China Standard Time) or up to a log position, so any KPI can be read as it stood then ("crm kpi --from <dir>", "crm export --from <dir>"). Never touches the live read models. A replay into a directory replaces the one before.',
    )
    .option(
      '--as-of <date>',
      'events whose occurredAt is on or before the end of this day in UTC+8 (YYYY-MM-DD), or at or before an ISO instant',
    )
    .option('--up-to-position <n>', 'events up to and including this global position')
    .requiredOption('--out <dir>', 'scratch directory (created if missing)')
    .option('--projection <name...>', 'only these projections (default: all)', [])
    .option('--no-progress', 'plain progress lines instead of a progress bar')
    .addHelpText(
      'after',
      '\nExample:\n  crm replay --as-of 2026-03-31 --out ./q1\n  crm kpi complaint-compliance --from ./q1 --dealer d-1 --month 2026-03',
    )
    .action((options: ReplayOptions) =>
      run(async () => {
        if ((options.asOf === undefined) === (options.upToPosition === undefined))
          throw new Error('give exactly one of --as-of <date> and --up-to-position <n>');
        const cutoff = options.asOf ? asOfCutoff(options.asOf) : null;
        const upTo = options.upToPosition === undefined ? undefined : Number(options.upToPosition);
        if (upTo !== undefined && (!Number.isInteger(upTo) || upTo < 0))
          throw new Error(`--up-to-position ${options.upToPosition} is not a whole number of 0 or more`);
        const definitions = projectionsNamed(options.projection, options.projection.length === 0);
        const dir = resolve(options.out);
        const file = join(dir, SCRATCH_FILE);
        const config = loadConfig();
        if (file === resolve(describeReadStore(config).location))
          throw new Error(`--out ${options.out} is the live data directory: choose a scratch directory`);
        mkdirSync(dir, { recursive: true });
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
        const readStore = SqliteReadStore.open(file);
        const deps = await runnerDeps(readStore, await openEventStore(config));
        const reporter = progressReporter(options.progress && process.stdout.isTTY === true);
        try {
          const result = await rebuildProjections(deps, definitions, {
            occurredBefore: cutoff?.includeBefore,
            upTo,
            onProgress: reporter.update,
            retireGraceMs: 0,
            dropRetired: true,
            workers: { count: config.rebuildWorkers, stores: workerStoresOf(config, file) },
          });
          reporter.stop(result);
          if (result.state !== 'done') throw new Error(`the replay ${result.state}: ${result.error ?? ''}`);
          const manifest = {
            asOf: options.asOf ?? null,
            included: cutoff?.description ?? `global position up to ${upTo}`,
            upToPosition: upTo ?? null,
            lastPositionRead: result.position,
            projections: result.projections,
            createdAt: new Date().toISOString(),
          };
          writeFileSync(join(dir, 'replay.json'), `${JSON.stringify(manifest, null, 2)}\n`);
          process.stdout.write(`replayed into ${dir}: ${manifest.included}\n`);
          return 0;
        } finally {
          await Promise.all([readStore.close(), deps.eventStore.close()]);
        }
      }),
    );
};
