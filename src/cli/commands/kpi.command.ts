import type { Command } from 'commander';
import { toCsv } from '../../application/shared/csv';
import { openAnalyticsReadStore, runnerDeps } from '../analytics/cli-stores';
import { flatten } from '../analytics/flatten';
import { KPIS } from '../analytics/kpi-catalog';
import { freshnessWarnings } from '../analytics/kpi-freshness';
import { KPI_FLAGS, kpiParamsOf, type RawKpiOptions } from '../analytics/kpi-options';
import { type CliCommand, UsageError } from '../cli-command';

type KpiOptions = RawKpiOptions & { from?: string; format: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Rows for CSV, every field of the JSON answer in them: a list as it is; an object holding one list of
 * records as one row per record, its columns prefixed with the list's name, beside the object's other
 * fields repeated (the object alone when the list is empty); else the object as one row.
 */
const rowsOf = (result: unknown): Record<string, unknown>[] => {
  if (Array.isArray(result)) return result.map((row) => flatten(row as Record<string, unknown>));
  if (!isRecord(result)) return [{ value: result }];
  const lists = Object.entries(result).filter(
    ([, field]) => Array.isArray(field) && field.length > 0 && field.every(isRecord),
  );
  if (lists.length !== 1) return [flatten(result)];
  const [[name, list]] = lists as [string, Record<string, unknown>[]][];
  const { [name]: _list, ...rest } = result;
  const shared = flatten(rest);
  return list.map((item) => ({ ...shared, ...flatten(item, name) }));
};

/** A KPI's answer as CSV: one column per dotted field that any row has. */
export const kpiCsv = (result: unknown): string => {
  const rows = rowsOf(result);
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return toCsv(
    header,
    rows.map((row) => header.map((column) => row[column])),
  );
};

export const kpiCommand: CliCommand = (program: Command, run) => {
  program
    .command('kpi')
    .argument('<name>', `one of: ${Object.keys(KPIS).join(', ')}`)
    .description(
      'Read a KPI through the same query code the API uses, from the live read models or a scratch replay (--from), as JSON or CSV. A KPI as it stood on a date: "crm replay --as-of <date> --out <dir>", then "crm kpi <name> --from <dir>".',
    )
    .option('--from <dir>', 'a scratch directory written by "crm replay"')
    .option('--dealer <id>', 'dealer id')
    .option('--month <YYYY-MM>', 'business month (UTC+8)')
    .option('--from-month <YYYY-MM>', 'first month (retention)')
    .option('--to-month <YYYY-MM>', 'last month (retention)')
    .option('--as-of <instant>', 'ISO instant for KPIs that depend on "now" (churn, loyalty)')
    .option('--window-months <months>', 'window in months (retention, churn)')
    .option('--window <months>', 'former name of --window-months (deprecated)')
    .option('--customer <id>', 'customer id (loyalty-balance)')
    .option('--campaign <id>', 'campaign id (campaign-effect)')
    .option('--account <id>', 'fleet account id (fleet-account)')
    .option('--format <format>', 'json or csv', 'json')
    .addHelpText(
      'after',
      `\nKPIs:\n${Object.entries(KPIS)
        .map(
          ([name, kpi]) =>
            `  ${name.padEnd(22)}${kpi.description}${kpi.required.length ? ` (needs ${kpi.required.map((key) => KPI_FLAGS[key]).join(', ')})` : ''}`,
        )
        .join('\n')}\n`,
    )
    .action((name: string, options: KpiOptions) =>
      run(async () => {
        const kpi = KPIS[name];
        if (!kpi) throw new UsageError(`no KPI named ${name}: known are ${Object.keys(KPIS).join(', ')}`);
        if (!['json', 'csv'].includes(options.format))
          throw new UsageError(`--format ${options.format} is not json or csv`);
        const params = kpiParamsOf(options);
        const missing = kpi.required.filter((key) => params[key] === undefined);
        if (missing.length > 0)
          throw new UsageError(
            `kpi ${name} needs ${missing.map((key) => KPI_FLAGS[key]).join(', ')}: see "crm kpi --help"`,
          );
        const readStore = await openAnalyticsReadStore(options.from);
        try {
          const now = options.asOf ? new Date(options.asOf) : new Date();
          // A scratch replay is behind the event store on purpose (--as-of, --up-to-position).
          if (!options.from && kpi.projections?.length) {
            const deps = await runnerDeps(readStore);
            try {
              for (const warning of await freshnessWarnings(deps, kpi.projections))
                process.stderr.write(`${warning}\n`);
            } finally {
              await deps.eventStore.close();
            }
          }
          const result = await kpi.read(readStore, { now: () => now }, params);
          process.stdout.write(
            options.format === 'csv' ? kpiCsv(result) : `${JSON.stringify(result, null, 2)}\n`,
          );
          return 0;
        } finally {
          await readStore.close();
        }
      }),
    );
};
