/** part ÷ whole rounded to 4 decimals (0.5 is 0.5000 shown); null when there is nothing to divide by. */
export const ratio4 = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
