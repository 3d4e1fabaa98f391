/**
 * The dealer data centre's rules for one figure across the network (domain.md "Dealer data centre"):
 * ranks (1 = best, ties share the rank and the next rank skips: 1, 1, 3), the network median over the dealers
 * that have a value (mean of the two middle values for an even count), and "<5" suppression of a cell about
 * fewer than 5 customers. Ranks and medians are computed on the true values, before suppression.
 */

/** Churn is the one figure where lower is better. */
export type DdcDirection = 'higher-is-better' | 'lower-is-better';

/** Below this many customers a cell shows "<5", never its figure. */
export const DDC_SUPPRESSION_THRESHOLD = 5;

export type DdcSuppressed = '<5';

/** One dealer's true figure, and how many customers it is about (the count itself, or a rate's denominator). */
export type DdcInput = Readonly<{ dealerId: string; value: number | null; customers: number }>;

export type DdcCell = Readonly<{
  dealerId: string;
  /** The figure, "<5" when it is about fewer than 5 customers, null when the dealer has none. */
  value: number | DdcSuppressed | null;
  /** 1 = best; null for a dealer without a value. */
  rank: number | null;
}>;

export type DdcColumn = Readonly<{ median: number | null; cells: readonly DdcCell[] }>;

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Competition ranking: a dealer's rank is one more than the number of dealers strictly better. */
export const rank = (value: number, others: readonly number[], direction: DdcDirection): number =>
  1 + others.filter((other) => (direction === 'higher-is-better' ? other > value : other < value)).length;

export const suppress = (value: number | null, customers: number): number | DdcSuppressed | null =>
  value === null ? null : customers < DDC_SUPPRESSION_THRESHOLD ? '<5' : value;

export const rankColumn = (inputs: readonly DdcInput[], direction: DdcDirection): DdcColumn => {
  const values = inputs.flatMap((input) => (input.value === null ? [] : [input.value]));
  return {
    median: median(values),
    cells: inputs.map((input) => ({
      dealerId: input.dealerId,
      value: suppress(input.value, input.customers),
      rank: input.value === null ? null : rank(input.value, values, direction),
    })),
  };
};
