import type { Type } from '@nestjs/common';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A cell as JSON where it parses, else as written (the body's rules then say what is wrong with it). */
const json = (cell: string): unknown => {
  try {
    return JSON.parse(cell);
  } catch {
    return cell;
  }
};

/**
 * CSV cells are text: each is given the type its body field declares (TypeScript's `design:type`), so a
 * CSV row is checked by the same body rules as a JSON one. A number or a flag is read as JSON (`12480`,
 * `true`); a list or an object cell is JSON (`[{"operationCode":"OIL"}]`); a nested body may also come as
 * dotted columns (`contact.phone`), converted by its own class. Text stays text, so a phone keeps its digits.
 */
export const fromCells = (
  Body: Type<unknown>,
  cells: Readonly<Record<string, unknown>>,
): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(cells).map(([key, cell]) => {
      const declared: unknown = Reflect.getMetadata('design:type', Body.prototype as object, key);
      if (isObject(cell))
        return [
          key,
          typeof declared === 'function' && declared !== Object
            ? fromCells(declared as Type<unknown>, cell)
            : cell,
        ];
      if (typeof cell !== 'string' || declared === String) return [key, cell];
      return [key, json(cell)];
    }),
  );
