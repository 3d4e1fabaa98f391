import type { FieldError } from './problem-details';

/** A field that is one line (a name, a plate, a model): no tab or line break, which free text may hold. */
export const ONE_LINE = /^[^\t\n\r]*$/;
export const ONE_LINE_MESSAGE = { message: '$property must be one line: no tab or line break' };

/** Tab, line feed and carriage return: free text keeps its lines. */
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
/** C0 controls, DEL and C1 controls. */
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

const reasonOf = (text: string): string | undefined => {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) index += 1;
    else if (isHighSurrogate(code) || isLowSurrogate(code))
      // Half of a UTF-16 pair without its other half: not a character, and not storable as UTF-8.
      return 'must be valid Unicode text (it holds half of a surrogate pair)';
    else if (isControl(code) && !ALLOWED_CONTROLS.has(code))
      return `must not contain a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}); only tab and line breaks are allowed`;
  }
  return undefined;
};

/**
 * Every string of a parsed body or query, however deep, checked in one place: one rule for every field
 * instead of a decorator each could miss. Walks with a stack; the JSON parser bounds the depth.
 * Answers each bad field by its path (`customer.name`, `parts.0.partNumber`).
 */
export const textErrors = (value: unknown): FieldError[] => {
  const errors: FieldError[] = [];
  const pending: Array<[path: string, value: unknown]> = [['', value]];
  while (pending.length) {
    const [path, current] = pending.pop()!;
    if (typeof current === 'string') {
      const reason = reasonOf(current);
      if (reason) errors.push({ field: path || '(body)', reason: `${path || 'the body'} ${reason}` });
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current))
        pending.push([path ? `${path}.${key}` : key, child]);
    }
  }
  return errors;
};
