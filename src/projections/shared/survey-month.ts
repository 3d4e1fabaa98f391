import {
  addSurvey,
  emptySurveyTally,
  type SurveyIndex,
  surveyIndex,
  type SurveyTally,
} from '../../domain/shared/survey-index';

/**
 * One dealer's surveys of one business month under one weight set (surveys scored with different weights
 * are never mixed into one index), as SSI and CSI both keep them.
 */
export type SurveyMonthTally<F extends string> = {
  dealerId: string;
  month: string;
  weightSetVersion: string;
  weights: Record<F, number>;
} & SurveyTally<F>;

export type SurveyMonth<F extends string> = SurveyMonthTally<F> & SurveyIndex<F>;

/** The survey a projection adds, with where it counts and the weights it was scored with. */
export type CountedSurvey<F extends string> = Readonly<{
  dealerId: string;
  month: string;
  weightSetVersion: string;
  weights: Readonly<Record<F, number>>;
  answers: Readonly<Record<F, number>>;
  wouldRecommend: number;
}>;

/** The month's document with one more survey, its index recomputed from the sums by the one rule. */
export const withSurvey = <F extends string>(
  factors: readonly F[],
  doc: SurveyMonthTally<F> | null,
  survey: CountedSurvey<F>,
): SurveyMonth<F> => {
  const tally = addSurvey(factors, doc ?? emptySurveyTally(factors), survey.answers, survey.wouldRecommend);
  const weights = doc?.weights ?? { ...survey.weights };
  return {
    dealerId: doc?.dealerId ?? survey.dealerId,
    month: doc?.month ?? survey.month,
    weightSetVersion: doc?.weightSetVersion ?? survey.weightSetVersion,
    weights,
    surveys: tally.surveys,
    answerSums: { ...tally.answerSums },
    promoters: tally.promoters,
    passives: tally.passives,
    detractors: tally.detractors,
    ...surveyIndex(factors, tally, weights),
  };
};
