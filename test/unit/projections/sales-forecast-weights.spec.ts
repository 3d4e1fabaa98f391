import { salesForecastWeightsProjection } from '../../../src/projections/sales-forecast-weights/sales-forecast-weights.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(salesForecastWeightsProjection);
const oem = { userId: 'oem-zhang', role: 'oem-staff', dealerId: null };

describe('sales-forecast-weights projection', () => {
  it('keeps one document per version, with who set it', () =>
    spec
      .when([
        {
          type: 'ForecastWeightsSet',
          data: {
            version: 2,
            effectiveFrom: '2026-05-01',
            weights: { H: 0.85, A: 0.6, B: 0.3, C: 0.05 },
            horizonDays: { H: 7, A: 14, B: 28, C: 90 },
            reason: 'judged on Q1',
            setAt: '2026-03-20T02:00:00.000Z',
          },
          actor: oem,
        },
      ])
      .then({
        '2': {
          version: 2,
          effectiveFrom: '2026-05-01',
          weights: { H: 0.85, A: 0.6, B: 0.3, C: 0.05 },
          horizonDays: { H: 7, A: 14, B: 28, C: 90 },
          reason: 'judged on Q1',
          setAt: '2026-03-20T02:00:00.000Z',
          setBy: 'oem-zhang',
        },
      }));
});
