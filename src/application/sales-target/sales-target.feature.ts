import type { SalesTargetCommand } from '../../domain/sales-target/sales-target.commands';
import {
  salesTargetDecider,
  type SalesTargetState,
  salesTargetStreamId,
} from '../../domain/sales-target/sales-target.decider';
import {
  SALES_TARGET_EVENT_TYPES,
  type SalesTargetEvent,
} from '../../domain/sales-target/sales-target.events';
import {
  FORECAST_WEIGHTS_EVENT_TYPES,
  FORECAST_WEIGHTS_STREAM_ID,
  forecastWeightsDecider,
  type ForecastWeightsSet,
  type ForecastWeightsState,
  type SetForecastWeights,
} from '../../domain/forecast-weights/forecast-weights';
import { salesForecastWeightsProjection } from '../../projections/sales-forecast-weights/sales-forecast-weights.projection';
import { salesTargetLinesProjection } from '../../projections/sales-target-lines/sales-target-lines.projection';
import type { Feature } from '../shared/feature';
import { SALES_FORECAST_KPIS } from './sales-forecast.queries';
import { SALES_TARGET_KPIS } from './sales-target.queries';

/** A dealer's sales targets of one business month (issue 18 §5): one stream per dealer and month. */
export const salesTargetFeature: Feature<SalesTargetState, SalesTargetCommand, SalesTargetEvent> = {
  name: 'sales-target',
  category: 'salestarget',
  decider: salesTargetDecider,
  streamOf: ({ dealerId, month }) => salesTargetStreamId(dealerId, month),
  eventTypes: SALES_TARGET_EVENT_TYPES,
  // A dealer manager sets their own dealer's targets; OEM staff and admins any dealer's.
  scope: (_state, command) => ({ dealerId: command.data.dealerId }),
  projections: [salesTargetLinesProjection],
  kpis: SALES_TARGET_KPIS,
};

/** The pipeline forecast's versioned weight sets (issue 18 §6): one stream for the network. */
export const forecastWeightsFeature: Feature<ForecastWeightsState, SetForecastWeights, ForecastWeightsSet> = {
  name: 'forecast-weights',
  category: 'forecastweights',
  decider: forecastWeightsDecider,
  streamOf: () => FORECAST_WEIGHTS_STREAM_ID,
  eventTypes: FORECAST_WEIGHTS_EVENT_TYPES,
  // Network data: no dealer's record (the route's permission keeps it to OEM staff and admins).
  scope: () => ({}),
  projections: [salesForecastWeightsProjection],
  kpis: SALES_FORECAST_KPIS,
};
