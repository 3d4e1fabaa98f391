import type { Problem } from '../api';

/** One cell: the text shown and the figure behind it (what the CSV holds and the tests compare). */
export type Cell = Readonly<{ text: string; value: string | number | null }>;

export type Table = Readonly<{ id: string; columns: readonly string[]; rows: readonly (readonly Cell[])[] }>;

export type Dataset = Readonly<{
  label: string;
  data: readonly (number | null)[];
  type?: 'bar' | 'line';
  /** `money` plots on a second axis, in yuan. */
  axis?: 'rate' | 'count' | 'money';
  stack?: string;
}>;

export type ChartSpec = Readonly<{
  type: 'bar' | 'line';
  labels: readonly string[];
  datasets: readonly Dataset[];
  stacked?: boolean;
}>;

/** What a dashboard panel shows: its figures, or why it cannot. */
export type PanelView =
  | Readonly<{ kind: 'loading' }>
  | Readonly<{ kind: 'ready'; chart: ChartSpec; tables: readonly Table[] }>
  | Readonly<{ kind: 'role-forbidden' }>
  | Readonly<{ kind: 'refused'; problem: Problem }>
  | Readonly<{ kind: 'needs-dealer' }>;

export const cell = (value: string | number | null, text?: string): Cell => ({
  value,
  text: text ?? (value === null ? '—' : String(value)),
});
