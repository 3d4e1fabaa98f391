import type {
  DeliveryCallbackRecorded,
  VehicleSaleEvent,
} from '../../../src/domain/vehicle-sale/vehicle-sale.events';
import { DEFAULT_SSI_WEIGHT_SET, type SsiWeightSet } from '../../../src/domain/vehicle-sale/ssi-weights';
import type { SsiFactor } from '../../../src/domain/vehicle-sale/vehicle-sale.types';
import { ssiMonthlyProjection } from '../../../src/projections/ssi-monthly/ssi-monthly.projection';
import { projectionSpec } from '../../support/projection-spec';

/**
 * Every figure here is a whole number (answer sums and weighted sums divisible by the number of surveys),
 * so these specs hold however a fractional index is rounded.
 */
const spec = projectionSpec(ssiMonthlyProjection);

// delivery-process 23, sales-initiation 21, deal 20, dealer-facility 19, salesperson 17
const WEIGHTS = DEFAULT_SSI_WEIGHT_SET.weights;

const byFactor = (
  delivery: number,
  initiation: number,
  deal: number,
  facility: number,
  salesperson: number,
): Record<SsiFactor, number> => ({
  'delivery-process': delivery,
  'sales-initiation': initiation,
  deal,
  'dealer-facility': facility,
  salesperson,
});

const callback = (
  saleId: string,
  calledAt: string,
  survey: { answers: Record<SsiFactor, number>; wouldRecommend: number } | null,
  weightSet: SsiWeightSet = DEFAULT_SSI_WEIGHT_SET,
): DeliveryCallbackRecorded => ({
  type: 'DeliveryCallbackRecorded',
  data: {
    saleId,
    dealerId: 'd-1',
    consultantId: 'u-sc-1',
    calledAt,
    callbackDueAt: calledAt,
    onTime: true,
    reached: true,
    survey,
    weightSetVersion: survey ? weightSet.version : null,
    weights: survey ? weightSet.weights : null,
  },
});

const DOC = 'd-1:2026-03:ssi-jdp-cn-2015';

describe('ssi-monthly projection', () => {
  it('scores the first survey of a dealer-month with its weight set', () =>
    spec
      .when([
        callback('s-1', '2026-03-02T02:00:00.000Z', {
          answers: byFactor(10, 8, 9, 10, 9),
          wouldRecommend: 10,
        }),
      ])
      .thenMatches({
        [DOC]: {
          dealerId: 'd-1',
          month: '2026-03',
          weightSetVersion: 'ssi-jdp-cn-2015',
          weights: WEIGHTS,
          surveys: 1,
          answerSums: byFactor(10, 8, 9, 10, 9),
          factorIndex: byFactor(1000, 800, 900, 1000, 900),
          // 23×10 + 21×8 + 20×9 + 19×10 + 17×9 = 230 + 168 + 180 + 190 + 153
          weightedIndex: 921,
          promoters: 1,
          passives: 0,
          detractors: 0,
          nps: 100,
        },
      }));

  it('averages the surveys of the month and counts promoters, passives and detractors', () =>
    spec
      .given([
        callback('s-1', '2026-03-02T02:00:00.000Z', {
          answers: byFactor(10, 8, 9, 10, 9),
          wouldRecommend: 10,
        }),
      ])
      .when([
        callback('s-2', '2026-03-09T02:00:00.000Z', { answers: byFactor(8, 8, 9, 6, 7), wouldRecommend: 6 }),
        callback('s-3', '2026-03-16T02:00:00.000Z', { answers: byFactor(9, 9, 9, 9, 9), wouldRecommend: 8 }),
        callback('s-4', '2026-03-23T02:00:00.000Z', { answers: byFactor(9, 9, 9, 9, 7), wouldRecommend: 9 }),
      ])
      .thenMatches({
        [DOC]: {
          surveys: 4,
          answerSums: byFactor(36, 34, 36, 34, 32),
          factorIndex: byFactor(900, 850, 900, 850, 800),
          // (23×36 + 21×34 + 20×36 + 19×34 + 17×32) ÷ 4 = (828 + 714 + 720 + 646 + 544) ÷ 4 = 3,452 ÷ 4
          weightedIndex: 863,
          promoters: 2,
          passives: 1,
          detractors: 1,
          // (2 − 1) of 4
          nps: 25,
        },
      }));

  it('counts a survey in the business month (UTC+8) of the call, under its own weight set', () => {
    const pilot: SsiWeightSet = { version: 'ssi-pilot-2026', weights: byFactor(20, 20, 20, 20, 20) };
    spec
      .when([
        // 16:30 UTC on 31 March is 1 April in Shanghai.
        callback('s-1', '2026-03-31T16:30:00.000Z', {
          answers: byFactor(10, 10, 10, 10, 10),
          wouldRecommend: 7,
        }),
        callback(
          's-2',
          '2026-03-31T02:00:00.000Z',
          { answers: byFactor(6, 7, 8, 9, 10), wouldRecommend: 2 },
          pilot,
        ),
      ])
      .thenMatches({
        'd-1:2026-04:ssi-jdp-cn-2015': {
          month: '2026-04',
          surveys: 1,
          weightedIndex: 1000,
          passives: 1,
          nps: 0,
        },
        // 20 × (6 + 7 + 8 + 9 + 10) = 800
        'd-1:2026-03:ssi-pilot-2026': {
          weights: pilot.weights,
          surveys: 1,
          weightedIndex: 800,
          detractors: 1,
          nps: -100,
        },
      });
  });

  it('touches no document for a callback without a survey', () =>
    spec.when([callback('s-1', '2026-03-02T02:00:00.000Z', null)]).then({}));

  it('ignores the delivery the callback follows', () => {
    const delivered: VehicleSaleEvent = {
      type: 'VehicleDelivered',
      data: {
        saleId: 's-2',
        prospectId: 'p-2',
        dealerId: 'd-1',
        consultantId: 'u-sc-1',
        customerId: 'cu-2',
        vin: 'VIN-2',
        model: 'EV-5',
        promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
        deliveredAt: '2026-03-18T02:00:00.000Z',
        onTime: true,
        callbackDueAt: '2026-03-25T02:00:00.000Z',
      },
    };
    spec
      .given([
        callback('s-1', '2026-03-02T02:00:00.000Z', {
          answers: byFactor(10, 8, 9, 10, 9),
          wouldRecommend: 10,
        }),
      ])
      .when([delivered])
      .thenNothingChanges();
  });
});
