/** Reads a dotted path (`customer.phone`) from plain data; undefined when any step is missing. */
export const valueAt = (data: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, step) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined,
      data,
    );

/** A copy of `data` with the value at a dotted path replaced; the copy shares untouched branches. */
export const withValueAt = (
  data: Readonly<Record<string, unknown>>,
  path: string,
  value: unknown,
): Record<string, unknown> => {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...data, [head]: value };
  const child = data[head];
  const inner = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : {};
  return { ...data, [head]: withValueAt(inner, rest.join('.'), value) };
};
