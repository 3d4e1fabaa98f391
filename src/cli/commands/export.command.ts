import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Filter, ReadStore, Scalar } from '../../application/ports/read-store.port';
import { csvRow } from '../../application/shared/csv';
import { openAnalyticsReadStore, readNameOf } from '../analytics/cli-stores';
import { flatten } from '../analytics/flatten';
import type { CliCommand } from '../cli-command';

type ExportOptions = { from?: string; format: string; where: string[]; out?: string };

/** `field=value`: the value as JSON when it parses (numbers, true, false, null), else as text. */
export const parseWhere = (clauses: readonly string[]): Filter => {
  const filter: Record<string, Scalar> = {};
  for (const clause of clauses) {
    const equals = clause.indexOf('=');
    if (equals < 1) throw new Error(`--where ${clause} is not field=value (e.g. --where dealerId=d-1)`);
    const raw = clause.slice(equals + 1);
    let value: Scalar = raw;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed === null || ['number', 'boolean', 'string'].includes(typeof parsed))
        value = parsed as Scalar;
    } catch {
      value = raw;
    }
    filter[clause.slice(0, equals)] = value;
  }
  return filter;
};

const write = async (out: Writable, text: string): Promise<void> => {
  if (!out.write(text)) await once(out, 'drain');
};

/** Two streamed passes for CSV: the first only collects the columns, so no document is held. */
export const exportCsv = async (
  readStore: Pick<ReadStore, 'stream'>,
  name: string,
  filter: Filter,
  out: Writable,
) => {
  const columns = new Set<string>();
  for await (const doc of readStore.stream(name, filter))
    for (const key of Object.keys(flatten(doc))) columns.add(key);
  const header = [...columns];
  await write(out, csvRow(header));
  let rows = 0;
  for await (const doc of readStore.stream(name, filter)) {
    const flat = flatten(doc);
    await write(out, csvRow(header.map((column) => flat[column])));
    rows += 1;
  }
  return rows;
};

const exportJson = async (readStore: ReadStore, name: string, filter: Filter, out: Writable) => {
  let rows = 0;
  await write(out, '[');
  for await (const doc of readStore.stream(name, filter)) {
    await write(out, `${rows === 0 ? '\n' : ',\n'}${JSON.stringify(doc)}`);
    rows += 1;
  }
  await write(out, rows === 0 ? ']\n' : '\n]\n');
  return rows;
};

export const exportCommand: CliCommand = (program: Command, run) => {
  program
    .command('export')
    .argument(
      '<target>',
      'a projection (sales-funnel-entries) or a collection (sales_funnel_entries, or a physical one)',
    )
    .description(
      'Export a read model, live or from a scratch replay, as CSV (nested fields as dotted columns) or JSON, streamed: never held in memory.',
    )
    .option('--from <dir>', 'a scratch directory written by "crm replay" instead of the live read models')
    .option('--format <format>', 'csv or json', 'csv')
    .option(
      '--where <field=value...>',
      'only documents whose field equals the value (numbers, true/false/null as JSON)',
      [],
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      '\nExample:\n  crm export sales-funnel-entries --where dealerId=d-1 --where cohortMonth=2026-03 --out funnel.csv',
    )
    .action((target: string, options: ExportOptions) =>
      run(async () => {
        if (!['csv', 'json'].includes(options.format))
          throw new Error(`--format ${options.format} is not csv or json`);
        const name = readNameOf(target);
        const filter = parseWhere(options.where);
        const readStore = await openAnalyticsReadStore(options.from);
        const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
        try {
          const rows = await (options.format === 'csv' ? exportCsv : exportJson)(
            readStore,
            name,
            filter,
            out,
          );
          if (options.out) {
            out.end();
            await once(out, 'finish');
          }
          process.stderr.write(`${rows} ${rows === 1 ? 'row' : 'rows'} of ${name}\n`);
          return 0;
        } finally {
          await readStore.close();
        }
      }),
    );
};
