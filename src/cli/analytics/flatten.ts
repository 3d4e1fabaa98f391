/** A document as CSV columns: nested objects become dotted columns; arrays stay whole, as JSON in one cell. */
export const flatten = (value: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}) => {
  for (const [key, field] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (field !== null && typeof field === 'object' && !Array.isArray(field))
      flatten(field as Record<string, unknown>, path, into);
    else into[path] = field;
  }
  return into;
};
