import {
  DEFAULT_FORECAST_WEIGHTS,
  type ForecastWeightsSet,
  forecastWeightsDecider,
  type SetForecastWeights,
} from '../../../../src/domain/forecast-weights/forecast-weights';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(forecastWeightsDecider);
const oem = { userId: 'oem-zhang', role: 'oem-staff', dealerId: null };
const weights = { H: 0.85, A: 0.6, B: 0.3, C: 0.05 };
const horizonDays = { H: 7, A: 14, B: 28, C: 90 };

const setWeights = (effectiveFrom: string, now = '2026-03-20T02:00:00.000Z'): SetForecastWeights => ({
  type: 'SetForecastWeights',
  data: { effectiveFrom, weights, horizonDays, reason: 'judged on Q1' },
  metadata: { now, actor: oem },
});
const version2: ForecastWeightsSet = {
  type: 'ForecastWeightsSet',
  data: {
    version: 2,
    effectiveFrom: '2026-05-01',
    weights,
    horizonDays,
    reason: 'judged on Q1',
    setAt: '2026-03-20T02:00:00.000Z',
  },
};

describe('forecast weights decider', () => {
  it('has the issue’s defaults as version 1', () => {
    expect(DEFAULT_FORECAST_WEIGHTS).toMatchObject({
      version: 1,
      weights: { H: 0.9, A: 0.7, B: 0.4, C: 0.1 },
      horizonDays: { H: 7, A: 14, B: 21, C: 90 },
    });
  });

  it('records a new set as the next version, effective from a day to come', () => {
    spec.given([]).when(setWeights('2026-05-01')).then([version2]);
    spec
      .given([version2])
      .when(setWeights('2026-06-01'))
      .then([{ ...version2, data: { ...version2.data, version: 3, effectiveFrom: '2026-06-01' } }]);
  });

  it('takes today (CST) but never an earlier day, nor one before the version in force', () => {
    // 2026-03-20T17:00Z is 21 March 01:00 CST: the 21st may start a set, the 20th not.
    expect(
      forecastWeightsDecider.decide(setWeights('2026-03-21', '2026-03-20T17:00:00.000Z'), {
        version: 1,
        effectiveFrom: '2000-01-01',
      }),
    ).toHaveLength(1);
    spec
      .given([])
      .when(setWeights('2026-03-20', '2026-03-20T17:00:00.000Z'))
      .thenThrows('FORECAST_WEIGHTS_EFFECTIVE_TOO_EARLY', {
        effectiveFrom: '2026-03-20',
        earliest: '2026-03-21',
      });
    spec
      .given([version2])
      .when(setWeights('2026-04-15'))
      .thenThrows('FORECAST_WEIGHTS_EFFECTIVE_TOO_EARLY', { earliest: '2026-05-01' });
  });
});
