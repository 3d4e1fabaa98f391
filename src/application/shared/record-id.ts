/** Record ids: letters, digits, `_` and `-`, so they fit in a stream id `category-id`. */
export const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const RECORD_ID_MESSAGE =
  '$property must be 1 to 64 letters, digits, _ or -, starting with a letter or digit';

/** A business month, `YYYY-MM` (China Standard Time), as every KPI takes it. */
export const BUSINESS_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const BUSINESS_MONTH_MESSAGE = '$property must be a month as YYYY-MM';
