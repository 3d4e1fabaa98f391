import { type CsiFactor, DEFAULT_CSI_WEIGHT_SET } from '../../../src/domain/repair-order/csi-weights';
import type {
  CsiSurveyRecorded,
  RepairOrderEvent,
} from '../../../src/domain/repair-order/repair-order.events';
import { serviceCsiMonthlyProjection } from '../../../src/projections/service-csi-monthly/service-csi-monthly.projection';
import { projectionSpec } from '../../support/projection-spec';

/**
 * Every figure here is a whole number (answer sums divisible by the number of surveys, weighted sums even),
 * so these specs hold however a fractional index is rounded.
 */
const spec = projectionSpec(serviceCsiMonthlyProjection);

const WEIGHTS = DEFAULT_CSI_WEIGHT_SET.weights; // quality 22, facility 20, pick-up 20, initiation 19, advisor 19

const byFactor = (
  quality: number,
  facility: number,
  pickUp: number,
  initiation: number,
  advisor: number,
): Record<CsiFactor, number> => ({
  'service-quality': quality,
  'service-facility': facility,
  'vehicle-pick-up': pickUp,
  'service-initiation': initiation,
  'service-advisor': advisor,
});

const surveyed = (
  repairOrderId: string,
  given: Record<CsiFactor, number>,
  wouldRecommend: number,
  surveyedAt: string,
  weightSet = DEFAULT_CSI_WEIGHT_SET,
): CsiSurveyRecorded => ({
  type: 'CsiSurveyRecorded',
  data: {
    repairOrderId,
    dealerId: 'd-1',
    vin: `VIN-${repairOrderId}`,
    answers: given,
    wouldRecommend,
    comment: null,
    weightSetVersion: weightSet.version,
    weights: weightSet.weights,
    settledAt: '2026-02-27T02:00:00.000Z',
    callbackDueAt: '2026-03-02T02:00:00.000Z',
    onTime: true,
    surveyedAt,
  },
});

const DOC = 'd-1:2026-03:csi-jdp-cn-2015';

describe('service-csi-monthly projection', () => {
  it('scores the first survey of a dealer-month with its weight set', () =>
    spec.when([surveyed('ro-1', byFactor(10, 8, 9, 7, 10), 9, '2026-03-02T02:00:00.000Z')]).thenMatches({
      [DOC]: {
        dealerId: 'd-1',
        month: '2026-03',
        weightSetVersion: 'csi-jdp-cn-2015',
        weights: WEIGHTS,
        surveys: 1,
        answerSums: byFactor(10, 8, 9, 7, 10),
        factorIndex: byFactor(1000, 800, 900, 700, 1000),
        // (22×10 + 20×8 + 20×9 + 19×7 + 19×10) = 220 + 160 + 180 + 133 + 190 = 883
        csi: 883,
        promoters: 1,
        passives: 0,
        detractors: 0,
        nps: 100,
      },
    }));

  it('averages the surveys of the month and counts promoters, passives and detractors', () =>
    spec
      .given([surveyed('ro-1', byFactor(10, 8, 9, 7, 10), 9, '2026-03-02T02:00:00.000Z')])
      .when([
        surveyed('ro-2', byFactor(8, 8, 7, 9, 6), 7, '2026-03-12T02:00:00.000Z'),
        surveyed('ro-3', byFactor(9, 8, 8, 8, 8), 6, '2026-03-20T02:00:00.000Z'),
        surveyed('ro-4', byFactor(9, 8, 8, 8, 8), 10, '2026-03-25T02:00:00.000Z'),
      ])
      .thenMatches({
        [DOC]: {
          surveys: 4,
          answerSums: byFactor(36, 32, 32, 32, 32),
          factorIndex: byFactor(900, 800, 800, 800, 800),
          // Σ weight × sum ÷ 4 = (22×36 + 20×32 + 20×32 + 19×32 + 19×32) ÷ 4 = (792 + 2,496) ÷ 4 = 822
          csi: 822,
          promoters: 2,
          passives: 1,
          detractors: 1,
          // (2 − 1) of 4 surveys
          nps: 25,
        },
      }));

  it('counts a survey in the business month (UTC+8) it was taken, under its own weight set', () => {
    const pilot = {
      version: 'csi-pilot-2026',
      weights: byFactor(40, 15, 15, 15, 15),
    };
    spec
      .when([
        // 16:30 UTC on 31 March is 1 April in Shanghai.
        surveyed('ro-1', byFactor(10, 10, 10, 10, 10), 8, '2026-03-31T16:30:00.000Z'),
        surveyed('ro-2', byFactor(5, 5, 5, 5, 5), 3, '2026-03-31T02:00:00.000Z', pilot),
      ])
      .thenMatches({
        'd-1:2026-04:csi-jdp-cn-2015': { month: '2026-04', surveys: 1, csi: 1000, passives: 1, nps: 0 },
        'd-1:2026-03:csi-pilot-2026': {
          weightSetVersion: 'csi-pilot-2026',
          weights: pilot.weights,
          surveys: 1,
          csi: 500,
          detractors: 1,
          nps: -100,
        },
      });
  });

  it('ignores the settlement the survey follows', () => {
    const settled: RepairOrderEvent = {
      type: 'RepairOrderSettled',
      data: {
        repairOrderId: 'ro-2',
        dealerId: 'd-1',
        vin: 'VIN-ro-2',
        plate: 'pii:1:plate:cu-1:cGxhdGU',
        customerId: 'cu-1',
        roType: 'paid-repair',
        payer: 'customer',
        labourFen: 1,
        partsFen: 1,
        totalFen: 2,
        mileageKm: 1,
        checkedInAt: '2026-03-02T02:00:00.000Z',
        fromAppointment: false,
        rework: false,
        operationCodes: [],
        technicians: [],
        settledAt: '2026-03-02T02:00:00.000Z',
        callbackDueAt: '2026-03-05T02:00:00.000Z',
      },
    };
    spec
      .given([surveyed('ro-1', byFactor(10, 8, 9, 7, 10), 9, '2026-03-02T02:00:00.000Z')])
      .when([settled])
      .thenNothingChanges();
  });
});
