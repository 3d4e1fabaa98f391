import { businessMonthOf } from '../../domain/shared/time';
import type { DeliveryCallbackRecorded } from '../../domain/vehicle-sale/vehicle-sale.events';
import { SSI_FACTORS, type SsiFactor } from '../../domain/vehicle-sale/vehicle-sale.types';
import type { ProjectionDefinition } from '../shared/projection';
import { type SurveyMonth, withSurvey } from '../shared/survey-month';

/**
 * SSI per dealer, business month of the survey and weight-set version (a month surveyed under two sets
 * gets two documents, so an index never mixes weights). Factor indices, the weighted index and NPS follow
 * the one survey-index rule (src/domain/shared/survey-index.ts).
 */
export type SsiMonthly = SurveyMonth<SsiFactor>;

export const ssiMonthlyProjection: ProjectionDefinition<DeliveryCallbackRecorded, SsiMonthly> = {
  name: 'ssi-monthly',
  // v2: factor indices and NPS to two decimals, as CSI's (v1 rounded them whole and to one decimal).
  version: 2,
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
    return withSurvey(SSI_FACTORS, doc, {
      dealerId,
      month: businessMonthOf(calledAt),
      weightSetVersion,
      weights,
      answers: survey.answers,
      wouldRecommend: survey.wouldRecommend,
    });
  },
};
