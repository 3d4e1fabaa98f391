import type { ForecastWeightSet, ForecastWeightsSet } from '../../domain/forecast-weights/forecast-weights';
import type { ProjectionDefinition } from '../shared/projection';

/** One document per weight-set version (version 1, the defaults, is not stored: it is the code's). */
export type SalesForecastWeights = ForecastWeightSet & { setAt: string; setBy: string };

export const salesForecastWeightsProjection: ProjectionDefinition<ForecastWeightsSet, SalesForecastWeights> =
  {
    name: 'sales-forecast-weights',
    version: 1,
    collection: 'sales_forecast_weights',
    indexes: [['version']],
    handles: ['ForecastWeightsSet'],
    documentIds: (event) => [String(event.data.version)],
    apply: (_doc, event) => ({ ...event.data, setBy: event.metadata.actor.userId }),
  };
