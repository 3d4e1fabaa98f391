import { CSI_FACTORS, type CsiFactor } from '../../domain/repair-order/csi-weights';
import type { CsiSurveyRecorded } from '../../domain/repair-order/repair-order.events';
import { businessMonthOf } from '../../domain/shared/time';
import type { ProjectionDefinition } from '../shared/projection';
import { type SurveyMonthTally, withSurvey } from '../shared/survey-month';

/**
 * CSI per dealer, business month of the survey and weight-set version (surveys scored with different
 * weights are never mixed into one index). Factor indices, the index (`csi`) and NPS follow the one
 * survey-index rule (src/domain/shared/survey-index.ts).
 */
export type ServiceCsiMonthly = SurveyMonthTally<CsiFactor> & {
  factorIndex: Record<CsiFactor, number>;
  csi: number;
  nps: number;
};

export const serviceCsiMonthlyProjection: ProjectionDefinition<CsiSurveyRecorded, ServiceCsiMonthly> = {
  name: 'service-csi-monthly',
  // v2: an NPS exactly half-way rounds away from zero (v1 rounded −3.125 to −3.12, now −3.13).
  version: 2,
  collection: 'service_csi_monthly',
  indexes: [['dealerId', 'month'], ['month']],
  handles: ['CsiSurveyRecorded'],
  documentIds: (event) => [
    `${event.data.dealerId}:${businessMonthOf(event.data.surveyedAt)}:${event.data.weightSetVersion}`,
  ],
  apply: (doc, event) => {
    const { data } = event;
    const { weightedIndex, ...figures } = withSurvey(CSI_FACTORS, doc, {
      dealerId: data.dealerId,
      month: businessMonthOf(data.surveyedAt),
      weightSetVersion: data.weightSetVersion,
      weights: data.weights,
      answers: data.answers,
      wouldRecommend: data.wouldRecommend,
    });
    // The API has always called CSI's weighted index `csi`.
    return { ...figures, csi: weightedIndex };
  },
};
