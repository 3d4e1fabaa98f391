import { businessMonthOf } from '../../domain/shared/time';
import type { DeliveryCallbackRecorded } from '../../domain/vehicle-sale/vehicle-sale.events';
import { SSI_FACTORS, type SsiFactor } from '../../domain/vehicle-sale/vehicle-sale.types';
import type { ProjectionDefinition } from '../shared/projection';

/**
 * SSI per dealer, business month of the survey and weight-set version (a month surveyed under two sets
 * gets two documents, so an index never mixes weights).
 */
export type SsiMonthly = {
  dealerId: string;
  month: string;
  weightSetVersion: string;
  weights: Record<SsiFactor, number>;
  surveys: number;
  /** Sum of the 1–10 answers per factor: integers, so the indices below are computed exactly. */
  answerSums: Record<SsiFactor, number>;
  /** Mean answer × 100, rounded (100–1000). */
  factorIndex: Record<SsiFactor, number>;
  /** Σ weight% × factor index, from the unrounded factor indices, rounded once. */
  weightedIndex: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % of 9–10 minus % of 0–6, rounded to one decimal. */
  nps: number;
};

const zeros = (): Record<SsiFactor, number> =>
  Object.fromEntries(SSI_FACTORS.map((factor) => [factor, 0])) as Record<SsiFactor, number>;

const roundTo = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

export const ssiMonthlyProjection: ProjectionDefinition<DeliveryCallbackRecorded, SsiMonthly> = {
  name: 'ssi-monthly',
  version: 1,
  collection: 'ssi_monthly',
  indexes: [['dealerId', 'month']],
  handles: ['DeliveryCallbackRecorded'],
  // Callbacks without a survey touch no document.
  documentIds: (event) =>
    event.data.survey && event.data.weightSetVersion
      ? [`${event.data.dealerId}:${businessMonthOf(event.data.calledAt)}:${event.data.weightSetVersion}`]
      : [],
  apply: (doc, event) => {
    const { survey, weights, weightSetVersion, dealerId, calledAt } = event.data;
    if (!survey || !weights || !weightSetVersion)
      throw new Error(
        `vehicle sale ${event.data.saleId}: a callback without a survey reached the SSI projection`,
      );
    const current: SsiMonthly = doc ?? {
      dealerId,
      month: businessMonthOf(calledAt),
      weightSetVersion,
      weights: { ...weights },
      surveys: 0,
      answerSums: zeros(),
      factorIndex: zeros(),
      weightedIndex: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: 0,
    };
    const surveys = current.surveys + 1;
    const answerSums = { ...current.answerSums };
    for (const factor of SSI_FACTORS) answerSums[factor] += survey.answers[factor];
    const factorIndex = zeros();
    for (const factor of SSI_FACTORS) factorIndex[factor] = Math.round((answerSums[factor] * 100) / surveys);
    // Σ (w/100) × (sum × 100 / n) = Σ w × sum / n: integer numerator, one division, one rounding.
    const weightedNumerator = SSI_FACTORS.reduce(
      (total, factor) => total + current.weights[factor] * answerSums[factor],
      0,
    );
    const recommend = survey.wouldRecommend;
    const promoters = current.promoters + (recommend >= 9 ? 1 : 0);
    const detractors = current.detractors + (recommend <= 6 ? 1 : 0);
    const passives = current.passives + (recommend === 7 || recommend === 8 ? 1 : 0);
    return {
      ...current,
      surveys,
      answerSums,
      factorIndex,
      weightedIndex: Math.round(weightedNumerator / surveys),
      promoters,
      passives,
      detractors,
      nps: roundTo(((promoters - detractors) * 100) / surveys, 1),
    };
  },
};
