/**
 * A feed cursor: the store position of the last event a page looked at, opaque to the client so that the
 * encoding can change (EventStoreDB's commit positions, a sharded log) without breaking their code.
 * `v1.` then the position in base 36: short, URL-safe, and not a number a client is tempted to compute.
 */
const PREFIX = 'v1.';
const DIGITS = /^[0-9a-z]{1,11}$/;

/** The cursor before the first event. */
export const FEED_START = encodeFeedCursor(0);

export function encodeFeedCursor(position: number): string {
  return `${PREFIX}${position.toString(36)}`;
}

/** The position a cursor names, or undefined when it is not one this feed gave out. */
export const decodeFeedCursor = (cursor: string): number | undefined => {
  if (!cursor.startsWith(PREFIX)) return undefined;
  const digits = cursor.slice(PREFIX.length);
  if (!DIGITS.test(digits)) return undefined;
  const position = parseInt(digits, 36);
  return Number.isSafeInteger(position) ? position : undefined;
};
