/**
 * The satisfaction index of a set of surveys, one rule for SSI (sales) and CSI (service) so that the two
 * can sit side by side in the dealer data centre and be ranked alike:
 *
 * - factor index = mean answer (1–10) × 100, to two decimals (100.00–1000.00);
 * - index = Σ weight% × factor index, from the unrounded factor indices, to a whole number;
 * - NPS = % of 9–10 minus % of 0–6 on "would you recommend", to two decimals (−100.00 to 100.00);
 * - each figure is rounded once, half away from zero: spreadsheet ROUND gives the same figures, and an NPS
 *   of −x is the mirror of +x.
 *
 * Two decimals keep the factor indices fine enough that Σ weight% × the shown factor indices gives the
 * index back, and keep dealers apart in the rankings instead of tying them on a rounding.
 */

/** Weights in percent, summing to 100. A survey stores the set it was scored with, so a new set never rewrites history. */
export type SurveyWeightSet<F extends string> = Readonly<{
  version: string;
  weights: Readonly<Record<F, number>>;
}>;

/** What a set of surveys adds up to: integers only, so every figure of the index is computed exactly. */
export type SurveyTally<F extends string> = Readonly<{
  surveys: number;
  /** Sum of the 1–10 answers per factor. */
  answerSums: Readonly<Record<F, number>>;
  promoters: number;
  passives: number;
  detractors: number;
}>;

export type SurveyIndex<F extends string> = {
  factorIndex: Record<F, number>;
  weightedIndex: number;
  nps: number;
};

const perFactor = <F extends string>(factors: readonly F[], value: (factor: F) => number) =>
  Object.fromEntries(factors.map((factor) => [factor, value(factor)])) as Record<F, number>;

/**
 * numerator ÷ denominator to `decimals` places, half away from zero, and never −0. One floor over the
 * integers finds every half exactly, where Math.round rounds −2.5 up to −2 and works on a float quotient.
 */
const roundedRatio = (numerator: number, denominator: number, decimals: number): number => {
  const scale = 10 ** decimals;
  const magnitude = Math.floor((2 * Math.abs(numerator) * scale + denominator) / (2 * denominator));
  if (magnitude === 0) return 0;
  return (numerator < 0 ? -magnitude : magnitude) / scale;
};

export const emptySurveyTally = <F extends string>(factors: readonly F[]): SurveyTally<F> => ({
  surveys: 0,
  answerSums: perFactor(factors, () => 0),
  promoters: 0,
  passives: 0,
  detractors: 0,
});

/** The tally with one more survey: answers 1–10 per factor, would-recommend 0–10. */
export const addSurvey = <F extends string>(
  factors: readonly F[],
  tally: SurveyTally<F>,
  answers: Readonly<Record<F, number>>,
  wouldRecommend: number,
): SurveyTally<F> => ({
  surveys: tally.surveys + 1,
  answerSums: perFactor(factors, (factor) => tally.answerSums[factor] + answers[factor]),
  promoters: tally.promoters + (wouldRecommend >= 9 ? 1 : 0),
  passives: tally.passives + (wouldRecommend === 7 || wouldRecommend === 8 ? 1 : 0),
  detractors: tally.detractors + (wouldRecommend <= 6 ? 1 : 0),
});

/** The index of a tally of at least one survey, scored with its weight set. */
export const surveyIndex = <F extends string>(
  factors: readonly F[],
  tally: SurveyTally<F>,
  weights: Readonly<Record<F, number>>,
): SurveyIndex<F> => {
  const { surveys, answerSums } = tally;
  // Σ (w / 100) × (sum × 100 / n) = Σ w × sum / n: one division of integers, one rounding.
  const weightedSum = factors.reduce((total, factor) => total + weights[factor] * answerSums[factor], 0);
  return {
    factorIndex: perFactor(factors, (factor) => roundedRatio(answerSums[factor] * 100, surveys, 2)),
    weightedIndex: roundedRatio(weightedSum, surveys, 0),
    nps: roundedRatio((tally.promoters - tally.detractors) * 100, surveys, 2),
  };
};
