import { CSI_FACTORS, type CsiFactor } from '../../domain/repair-order/csi-weights';
import type { CsiSurveyRecorded } from '../../domain/repair-order/repair-order.events';
import { businessMonthOf } from '../../domain/shared/time';
import type { ProjectionDefinition } from '../shared/projection';

/**
 * CSI per dealer, business month of the survey and weight-set version (surveys scored with different
 * weights are never mixed into one index).
 */
export type ServiceCsiMonthly = {
  dealerId: string;
  month: string;
  weightSetVersion: string;
  weights: Record<CsiFactor, number>;
  surveys: number;
  answerSums: Record<CsiFactor, number>;
  /** Mean answer × 100 (100–1000), to two decimals. */
  factorIndex: Record<CsiFactor, number>;
  /** Σ weight% × factor index, rounded to a whole number. */
  csi: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % of 9–10 minus % of 0–6 on "would you recommend", to two decimals. */
  nps: number;
};

const round2 = (value: number): number => Math.round(value * 100) / 100;
const perFactor = (value: (factor: CsiFactor) => number) =>
  Object.fromEntries(CSI_FACTORS.map((factor) => [factor, value(factor)])) as Record<CsiFactor, number>;

export const serviceCsiMonthlyProjection: ProjectionDefinition<CsiSurveyRecorded, ServiceCsiMonthly> = {
  name: 'service-csi-monthly',
  version: 1,
  collection: 'service_csi_monthly',
  indexes: [['dealerId', 'month'], ['month']],
  handles: ['CsiSurveyRecorded'],
  documentIds: (event) => [
    `${event.data.dealerId}:${businessMonthOf(event.data.surveyedAt)}:${event.data.weightSetVersion}`,
  ],
  apply: (doc, event) => {
    const { data } = event;
    const before = doc ?? {
      dealerId: data.dealerId,
      month: businessMonthOf(data.surveyedAt),
      weightSetVersion: data.weightSetVersion,
      weights: { ...data.weights },
      surveys: 0,
      answerSums: perFactor(() => 0),
      promoters: 0,
      passives: 0,
      detractors: 0,
    };
    const surveys = before.surveys + 1;
    const answerSums = perFactor((factor) => before.answerSums[factor] + data.answers[factor]);
    const recommend = data.wouldRecommend;
    const promoters = before.promoters + (recommend >= 9 ? 1 : 0);
    const passives = before.passives + (recommend === 7 || recommend === 8 ? 1 : 0);
    const detractors = before.detractors + (recommend <= 6 ? 1 : 0);
    // weight% × (mean × 100) = weight × sum ÷ surveys: integers until the one division, so no drift.
    const weighted = CSI_FACTORS.reduce(
      (total, factor) => total + before.weights[factor] * answerSums[factor],
      0,
    );
    return {
      dealerId: before.dealerId,
      month: before.month,
      weightSetVersion: before.weightSetVersion,
      weights: before.weights,
      surveys,
      answerSums,
      factorIndex: perFactor((factor) => round2((answerSums[factor] * 100) / surveys)),
      csi: Math.round(weighted / surveys),
      promoters,
      passives,
      detractors,
      nps: round2(((promoters - detractors) * 100) / surveys),
    };
  },
};
