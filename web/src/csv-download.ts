// The server's one CSV writer, bundled as it is: the same quoting and the same guard against
// spreadsheet formulas (a text starting with = + - @, a tab or a carriage return gets a leading quote).
import { toCsv } from '../../src/application/shared/csv';
import type { Table } from './kpi/panel-types';

/** The CSV of a table as shown: its figures (not the formatted text), one row per table row. */
export const csvOfTable = (table: Table): string =>
  toCsv(
    table.columns,
    table.rows.map((row) => row.map((one) => one.value)),
  );

export const downloadCsv = (filename: string, content: string): void => {
  // A byte-order mark so that spreadsheets read the Chinese labels as UTF-8.
  const blob = new Blob(['\ufeff', content], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
};
