/**
 * The rows of an import file (docs/import.md): JSON lines, one object a line with its `type`, or CSV with
 * a `type` column (or one file per type, the type given by the caller). Parsing only finds the rows and
 * their type; each row's fields are checked by its type's own rules (the HTTP body's), in the service.
 */

/** A row as read: its line in the file (1-based), its type and its fields as written. */
export type ParsedRow = Readonly<{
  line: number;
  type: string;
  fields: Readonly<Record<string, unknown>>;
  /** CSV cells are text: the row type converts them to the body's types (numbers, flags, JSON cells). */
  fromText: boolean;
}>;

/** A line that is not a row at all (not JSON, not an object, no type, a CSV line of the wrong width). */
export type UnreadableRow = Readonly<{ line: number; code: 'ROW_UNREADABLE'; detail: string }>;

export type ReadRows = Readonly<{ rows: readonly ParsedRow[]; unreadable: readonly UnreadableRow[] }>;

export type ImportFormat = 'jsonl' | 'csv';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A row object (from a JSON line or the route's array): its `type` is taken out of its fields. */
export const rowOf = (line: number, value: unknown, defaultType?: string): ParsedRow | UnreadableRow => {
  if (!isObject(value)) return { line, code: 'ROW_UNREADABLE', detail: 'a row must be a JSON object' };
  const { type = defaultType, ...fields } = value;
  if (typeof type !== 'string' || type === '')
    return { line, code: 'ROW_UNREADABLE', detail: 'a row must name its `type` (see docs/import.md)' };
  return { line, type, fields, fromText: false };
};

const split = (parsed: ReadonlyArray<ParsedRow | UnreadableRow>): ReadRows => ({
  rows: parsed.filter((row): row is ParsedRow => 'type' in row),
  unreadable: parsed.filter((row): row is UnreadableRow => 'code' in row),
});

/** Rows given as values (the admin route's JSON array): row n is line n. */
export const readValues = (values: readonly unknown[]): ReadRows =>
  split(values.map((value, index) => rowOf(index + 1, value)));

/** JSON lines: blank lines are skipped (they still count for the line numbers). */
export const readJsonLines = (text: string): ReadRows => {
  const parsed: Array<ParsedRow | UnreadableRow> = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return;
    try {
      parsed.push(rowOf(index + 1, JSON.parse(content)));
    } catch (error) {
      parsed.push({
        line: index + 1,
        code: 'ROW_UNREADABLE',
        detail: `not JSON: ${(error as Error).message}`,
      });
    }
  });
  return split(parsed);
};

/** RFC 4180 records with the line each starts on: quoted fields may hold commas, quotes and line breaks. */
const csvRecords = (text: string): Array<{ line: number; cells: string[] }> => {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    if (touched || cells.length > 0) records.push({ line: start, cells: [...cells, cell] });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        cell += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
      touched = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      cell += char;
      touched = true;
    }
  }
  endRecord();
  return records;
};

/**
 * CSV with a header line. Nested fields are dotted columns (`contact.phone`); an empty cell is a field
 * not given. The type is the `type` column, else `defaultType` (one file per type).
 */
export const readCsv = (text: string, defaultType?: string): ReadRows => {
  const [header, ...records] = csvRecords(text.replace(/^\uFEFF/, ''));
  if (!header) return { rows: [], unreadable: [] };
  const columns = header.cells.map((name) => name.trim());
  const parsed = records.map(({ line, cells }): ParsedRow | UnreadableRow => {
    if (cells.length !== columns.length)
      return {
        line,
        code: 'ROW_UNREADABLE',
        detail: `${cells.length} cells where the header names ${columns.length} columns`,
      };
    const fields: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      if (cells[index] === '') return;
      const path = column.split('.');
      let target = fields;
      for (const key of path.slice(0, -1)) {
        if (!isObject(target[key])) target[key] = {};
        target = target[key] as Record<string, unknown>;
      }
      target[path[path.length - 1]] = cells[index];
    });
    const row = rowOf(line, fields, defaultType);
    return 'type' in row ? { ...row, fromText: true } : row;
  });
  return split(parsed);
};

export const readRows = (text: string, format: ImportFormat, defaultType?: string): ReadRows => {
  switch (format) {
    case 'jsonl':
      return readJsonLines(text);
    case 'csv':
      return readCsv(text, defaultType);
    default: {
      const never: never = format;
      throw new Error(`unknown import format ${String(never)}`);
    }
  }
};

/** The format a file name says (`.csv`, else JSON lines). */
export const formatOfFile = (path: string): ImportFormat => (/\.csv$/i.test(path) ? 'csv' : 'jsonl');

/**
 * In business-time order; rows of the same instant keep their order in the file (a stable sort), so a
 * group written in order (a repair order opened, then checked in at the same minute) stays in order.
 */
export const inBusinessTimeOrder = <Row extends Readonly<{ at: number; line: number }>>(
  rows: readonly Row[],
): Row[] => [...rows].sort((a, b) => a.at - b.at || a.line - b.line);
