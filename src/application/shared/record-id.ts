/** Record ids: letters, digits, `_` and `-`, so they fit in a stream id `category-id`. */
export const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const RECORD_ID_MESSAGE =
  '$property must be 1 to 64 letters, digits, _ or -, starting with a letter or digit';
