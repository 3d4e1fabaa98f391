/**
 * KPI query times on the default history and on one `factor` times as long (issue 14 §8 and its target: a
 * query's cost must not grow with the history). The long history is the same dealers over `factor` times
 * as many months (BENCH_MONTHS × BENCH_KPI_SCALE, same seed): a network that has run longer, not a bigger
 * one. More dealers would test only that a query keeps to its dealer; more months test that a month's
 * figures, a window or a dealer's list do not read the years before. The long history starts earlier and
 * ends where the default one ends (2024-01 + BENCH_MONTHS), so both are queried for the same calendar
 * months, all in the past (months after today would find the records that are judged as of today empty).
 * It is generated and rebuilt in its own processes, then the KPI stage queries both side by side, in the
 * order default, long, long, default (so a drift of the machine's load falls on both alike); each
 * history's p95 is the mean of its two runs. Run alone (it generates the default history too):
 * `npx ts-node --transpile-only -P tsconfig.json bench/kpi-scale.ts` (same BENCH_* variables).
 */
import { join } from 'node:path';
import { runStage, stageProgress } from './stage';
import { fmtInt, nowMs, type Row } from './support';

type KpiTimes = Record<string, { p50Ms: number; p95Ms: number; samples: number; nonEmpty: number }>;

export type KpiScaleResult = Readonly<{
  factor: number;
  /** What is multiplied: the months of the same dealers. */
  longer: 'months';
  dealers: number;
  months: Readonly<{ default: number; long: number }>;
  /** Each history's months, and the months both histories' queries ask for (the last `months.default`). */
  historyMonths: Readonly<{ default: string; long: string }>;
  queriedMonths: string;
  generated: Readonly<{ events: number; ms: number; peakRssMiB: number }>;
  rebuilt: Readonly<{ events: number; ms: number; peakRssMiB: number }>;
  /** Wall time of the whole stage: generation, rebuild and the four KPI runs. */
  ms: number;
  kpis: Record<
    string,
    Readonly<{
      defaultP95Ms: number;
      longP95Ms: number;
      /** long / default p95. */
      ratio: number;
      runs: Readonly<{ default: readonly number[]; long: readonly number[] }>;
    }>
  >;
  /** The KPI (the feed page left out: it is no KPI) whose p95 grew the most, and by what ratio. */
  worst: Readonly<{ kpi: string; ratio: number }> | null;
}>;

/** The month `index` months after 2024-01 (before it when negative), as `YYYY-MM`. */
const monthName = (index: number) => new Date(Date.UTC(2024, index, 1)).toISOString().slice(0, 7);
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const round2 = (value: number) => Math.round(value * 100) / 100;
export const isFeedRow = (name: string): boolean => name.startsWith('feed page');

export const kpiAtScale = async (
  options: Readonly<{
    tempDir: string;
    defaultHistoryDir: string;
    seed: number;
    dealers: number;
    months: number;
    factor: number;
    samples: number;
  }>,
): Promise<KpiScaleResult> => {
  const started = nowMs();
  const longDir = join(options.tempDir, 'history-long');
  const longMonths = options.months * options.factor;
  const longStart = options.months - longMonths;
  stageProgress(
    'kpi-scale',
    `a history ${options.factor} times as long: ${options.dealers} dealers x ${longMonths} months from ${monthName(longStart)}, seed ${options.seed}`,
  );
  // Set-up, not a figure: the heap cap only has to leave room for the longer list of customers' keys.
  const generated = await runStage<{ events: number; ms: number; peakRssMiB: number }>(
    'stage-generate.ts',
    [longDir, String(options.seed), String(options.dealers), String(longMonths), monthName(longStart)],
    { maxOldSpaceMiB: 1024 },
  );
  stageProgress(
    'kpi-scale',
    `long history: ${fmtInt(generated.events)} events in ${Math.round(generated.ms / 1000)} s`,
  );
  const rebuilt = await runStage<{ events: number; ms: number; peakRssMiB: number }>(
    'stage-kpi-scale.ts',
    [longDir],
    { maxOldSpaceMiB: 512 },
  );
  stageProgress(
    'kpi-scale',
    `long history rebuilt: ${fmtInt(rebuilt.events)} events in ${Math.round(rebuilt.ms / 1000)} s`,
  );
  const on = async (history: 'default' | 'long') =>
    (
      await runStage<{ kpis: KpiTimes }>('stage-kpi.ts', [
        history === 'default' ? options.defaultHistoryDir : longDir,
        String(options.dealers),
        String(options.months),
        String(options.samples),
        '0',
      ])
    ).kpis;
  const runs = { default: [] as KpiTimes[], long: [] as KpiTimes[] };
  for (const history of ['default', 'long', 'long', 'default'] as const) {
    stageProgress('kpi-scale', `KPI queries on the ${history} history`);
    runs[history].push(await on(history));
  }
  const kpis: Record<string, KpiScaleResult['kpis'][string]> = {};
  for (const name of Object.keys(runs.default[0])) {
    const defaults = runs.default.map((times) => times[name].p95Ms);
    const longs = runs.long.map((times) => times[name]?.p95Ms ?? Number.NaN);
    const [defaultP95Ms, longP95Ms] = [round2(mean(defaults)), round2(mean(longs))];
    kpis[name] = {
      defaultP95Ms,
      longP95Ms,
      ratio: round2(longP95Ms / Math.max(0.05, defaultP95Ms)),
      runs: { default: defaults, long: longs },
    };
  }
  const worst = Object.entries(kpis)
    .filter(([name]) => !isFeedRow(name))
    .reduce<{ kpi: string; ratio: number } | null>(
      (found, [kpi, { ratio }]) => (found === null || ratio > found.ratio ? { kpi, ratio } : found),
      null,
    );
  return {
    factor: options.factor,
    longer: 'months',
    dealers: options.dealers,
    months: { default: options.months, long: longMonths },
    historyMonths: {
      default: `${monthName(0)} to ${monthName(options.months - 1)}`,
      long: `${monthName(longStart)} to ${monthName(options.months - 1)}`,
    },
    queriedMonths: `${monthName(0)} to ${monthName(options.months - 1)}`,
    generated: { events: generated.events, ms: generated.ms, peakRssMiB: generated.peakRssMiB },
    rebuilt,
    ms: Math.round(nowMs() - started),
    kpis,
    worst,
  };
};

/** The comparison's rows of the bench's table. */
export const kpiScaleRows = (result: KpiScaleResult, targetRatio: number): Row[] => [
  {
    measure: `KPI history ${result.factor} x as long: ${result.dealers} dealers x ${result.months.long} months (set-up)`,
    value: `${Math.round(result.ms / 60_000)}`,
    unit: 'min',
    target: `${fmtInt(result.generated.events)} events`,
  },
  ...Object.entries(result.kpis).map(([name, kpi]) => ({
    measure: `  KPI ${name} p95, default / ${result.factor} x`,
    value: `${kpi.defaultP95Ms} / ${kpi.longP95Ms}`,
    unit: 'ms',
    target: `${kpi.ratio} x${isFeedRow(name) ? '' : ` (<= ${targetRatio})`}`,
    status: isFeedRow(name) ? undefined : kpi.ratio <= targetRatio ? 'ok' : 'ABOVE',
  })),
];

/** Alone: the default history generated and rebuilt, then the comparison; prints its rows and its JSON. */
if (require.main === module) {
  void (async () => {
    const { intFromEnv, table, tempDir } = await import('./support');
    const temp = tempDir();
    const [seed, dealers, months] = [
      intFromEnv('BENCH_SEED', 42),
      intFromEnv('BENCH_DEALERS', 10),
      intFromEnv('BENCH_MONTHS', 24),
    ];
    const defaultHistoryDir = join(temp.dir, 'history');
    await runStage('stage-generate.ts', [defaultHistoryDir, String(seed), String(dealers), String(months)], {
      maxOldSpaceMiB: 256,
    });
    await runStage('stage-kpi-scale.ts', [defaultHistoryDir], { maxOldSpaceMiB: 512 });
    const result = await kpiAtScale({
      tempDir: temp.dir,
      defaultHistoryDir,
      seed,
      dealers,
      months,
      factor: intFromEnv('BENCH_KPI_SCALE', 3),
      samples: intFromEnv('BENCH_KPI_SAMPLES', 200),
    });
    process.stdout.write(`${table(kpiScaleRows(result, 1.2))}\n\n${JSON.stringify(result, null, 2)}\n`);
  })().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
