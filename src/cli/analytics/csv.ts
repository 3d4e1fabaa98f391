/** Nested objects become dotted columns; arrays stay whole, as JSON in one cell. */
export const flatten = (value: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}) => {
  for (const [key, field] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (field !== null && typeof field === 'object' && !Array.isArray(field))
      flatten(field as Record<string, unknown>, path, into);
    else into[path] = field;
  }
  return into;
};

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export const csvCell = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvRow = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
