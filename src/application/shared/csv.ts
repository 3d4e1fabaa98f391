/**
 * The one CSV writer, for the API's exports and the CLI's (RFC 4180, rows ended by CRLF).
 *
 * A field is quoted when it holds a comma, a quote or a line break, its quotes doubled. A text field that
 * a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return: OWASP's CSV
 * injection) gets a leading quote mark, since auditors and analysts open these files in spreadsheets.
 * Only text is guarded: a number such as -3 is a figure, not a formula, and stays a number.
 * Objects and arrays are written as JSON, whose first character is never one of those.
 */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvRow = (cells: readonly unknown[]): string => `${cells.map(csvField).join(',')}\r\n`;

export const toCsv = (header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string =>
  [header, ...rows].map(csvRow).join('');
