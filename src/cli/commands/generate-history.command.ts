import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_START } from '../../history/history-plan.types';
import { monthStart } from '../../history/history-plan';
import { loadConfig } from '../../infrastructure/config/app-config';
import { generateHistory, historyDataDir } from '../../history/history-target';
import type { CliCommand } from '../cli-command';

const positiveInt = (name: string, max: number) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max)
    throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}, got ${value}`);
  return parsed;
};
const seedOf = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 0xffffffff)
    throw new InvalidArgumentError(`seed must be a whole number from 0 to 4294967295, got ${value}`);
  return parsed;
};
const monthOf = (value: string) => {
  try {
    monthStart(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return value;
};

export const generateHistoryCommand: CliCommand = (program: Command, run) => {
  program
    .command('generate-history')
    .description(
      "Write a deterministic, realistic history (prospects, sales, repair orders, complaints, the loyalty club) through the domain's deciders into an EMPTY event store: the SQLite store of --out (or DATA_DIR), or EventStoreDB when EVENTSTORE_URL is set. The same seed, options and PII master key give the same events. 10 dealers over 24 months give about a million events. Progress on stderr; the summary as JSON on stdout. See docs/history-generator.md.",
    )
    .requiredOption('--seed <n>', 'seed of the simulation (0 to 4294967295)', seedOf)
    .option('--dealers <n>', 'number of dealers', positiveInt('dealers', 500), 10)
    .option('--months <n>', 'number of months', positiveInt('months', 120), 24)
    .option('--start <YYYY-MM>', 'first month (business calendar, UTC+8)', monthOf, DEFAULT_START)
    .option('--out <dir>', 'data directory to write to (default: DATA_DIR); must hold no events yet')
    .action((options: { seed: number; dealers: number; months: number; start: string; out?: string }) =>
      run(async () => {
        const config = historyDataDir(options.out, loadConfig());
        const started = Date.now();
        const tty = process.stderr.isTTY;
        const result = await generateHistory(
          config,
          { seed: options.seed, dealers: options.dealers, months: options.months, start: options.start },
          (progress) => {
            const seconds = (Date.now() - started) / 1000;
            const rate = Math.round(progress.events / Math.max(seconds, 0.001));
            process.stderr.write(
              `${tty ? '\r' : ''}generate-history: ${progress.events.toLocaleString('en')} events, ${rate.toLocaleString('en')}/s, business time ${progress.businessTime.slice(0, 10)}, ${progress.openStreams.toLocaleString('en')} open records${tty ? '   ' : '\n'}`,
            );
          },
        );
        if (tty) process.stderr.write('\n');
        process.stdout.write(
          `${JSON.stringify({ ...options, dataDir: config.dataDir, ...result, eventsPerSecond: Math.round(result.events / (result.ms / 1000)) }, null, 2)}\n`,
        );
        return 0;
      }),
    );
};
