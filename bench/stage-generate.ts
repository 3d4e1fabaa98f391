/** Bench stage: `generate-history` into a data directory (argv: dataDir seed dealers months [start], 2024-01). */
import 'reflect-metadata';
import { loadConfig } from '../src/infrastructure/config/app-config';
import { generateHistory } from '../src/history/history-target';
import { report, stageProgress } from './stage';
import { peakRssMiB } from './support';

const [dataDir, seed, dealers, months, start = '2024-01'] = process.argv.slice(2);

const main = async () => {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const result = await generateHistory(
    config,
    { seed: Number(seed), dealers: Number(dealers), months: Number(months), start },
    (progress) =>
      stageProgress(
        'generate',
        `${progress.events.toLocaleString('en-US')} events, business time ${progress.businessTime.slice(0, 10)}`,
      ),
  );
  report({ events: result.events, ms: result.ms, refused: result.refused, peakRssMiB: peakRssMiB() });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
