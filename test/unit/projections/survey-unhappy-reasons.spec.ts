import { surveyUnhappyReasonsProjection } from '../../../src/projections/survey-unhappy-reasons/survey-unhappy-reasons.projection';
import { projectionSpec, type SpecEvent } from '../../support/projection-spec';

const spec = projectionSpec(surveyUnhappyReasonsProjection);

const csi = (
  repairOrderId: string,
  surveyedAt: string,
  low: number,
  unhappyReasons?: string[],
): SpecEvent => ({
  type: 'CsiSurveyRecorded',
  data: {
    repairOrderId,
    dealerId: 'd-1',
    vin: 'LSVAB4BR5MN000001',
    answers: {
      'service-quality': low,
      'service-facility': 8,
      'vehicle-pick-up': 9,
      'service-initiation': 8,
      'service-advisor': 9,
    },
    wouldRecommend: 7,
    comment: null,
    weightSetVersion: 'csi-1',
    weights: {
      'service-quality': 22,
      'service-facility': 20,
      'vehicle-pick-up': 20,
      'service-initiation': 19,
      'service-advisor': 19,
    },
    settledAt: '2026-02-27T04:00:00.000Z',
    callbackDueAt: '2026-03-02T04:00:00.000Z',
    onTime: true,
    surveyedAt,
    ...(unhappyReasons ? { unhappyReasons, reasonCatalogueVersion: 'unhappy-2026-1' } : {}),
  },
});

describe('survey-unhappy-reasons projection', () => {
  it('counts surveys, dissatisfied ones and each reason per dealer and CST month of the survey', () => {
    // ro-1 (a 5: dissatisfied, two reasons) and ro-2 (7: not dissatisfied, one reason) in March; ro-3 (a 6:
    // dissatisfied, no reasons, as an event recorded before reasons existed) on 31 March 23:30 CST is still
    // March though 15:30 UTC; ro-4 on 1 April 00:30 CST (31 March 16:30 UTC) is April's.
    // March: 3 surveys, 2 dissatisfied (ro-1, ro-3), waiting-time 2, price 1.
    spec
      .when([
        csi('ro-1', '2026-03-02T02:00:00.000Z', 5, ['waiting-time', 'price']),
        csi('ro-2', '2026-03-03T02:00:00.000Z', 7, ['waiting-time']),
        csi('ro-3', '2026-03-31T15:30:00.000Z', 6),
        csi('ro-4', '2026-03-31T16:30:00.000Z', 4, ['not-fixed']),
      ])
      .then({
        'csi|d-1|2026-03': {
          survey: 'csi',
          dealerId: 'd-1',
          month: '2026-03',
          surveys: 3,
          dissatisfied: 2,
          reasons: { 'waiting-time': 2, price: 1 },
          catalogueVersions: ['unhappy-2026-1'],
        },
        'csi|d-1|2026-04': {
          survey: 'csi',
          dealerId: 'd-1',
          month: '2026-04',
          surveys: 1,
          dissatisfied: 1,
          reasons: { 'not-fixed': 1 },
          catalogueVersions: ['unhappy-2026-1'],
        },
      });
  });

  it('makes no document for a delivery callback without a survey', () => {
    spec
      .when([
        {
          type: 'DeliveryCallbackRecorded',
          data: {
            saleId: 's-1',
            dealerId: 'd-1',
            consultantId: 'sc-li',
            calledAt: '2026-03-16T02:00:00.000Z',
            callbackDueAt: '2026-03-17T02:00:00.000Z',
            onTime: true,
            reached: false,
            survey: null,
            weightSetVersion: null,
            weights: null,
          },
        },
      ])
      .then({});
  });
});
