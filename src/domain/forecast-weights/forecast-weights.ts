import type { OpenGrade } from '../prospect/prospect.types';
import { DomainError } from '../shared/domain-error';
import type { Command, Decider, Event } from '../shared/event';
import { businessDateOf } from '../showroom/showroom-traffic';

type ByGrade = Readonly<Record<OpenGrade, number>>;

/**
 * The pipeline forecast's weights (the chance an open prospect of the grade orders) and horizons (days from
 * its last grading to the expected order), as versioned data: a new set is a new version, effective from a
 * business day, and a forecast names the version it used.
 */
export type ForecastWeightSet = Readonly<{
  version: number;
  /** First business day (CST) the set applies to, YYYY-MM-DD. */
  effectiveFrom: string;
  weights: ByGrade;
  horizonDays: ByGrade;
  reason: string;
}>;

/** Version 1, the defaults: in force until OEM staff set another. */
export const DEFAULT_FORECAST_WEIGHTS: ForecastWeightSet = {
  version: 1,
  effectiveFrom: '2000-01-01',
  weights: { H: 0.9, A: 0.7, B: 0.4, C: 0.1 },
  horizonDays: { H: 7, A: 14, B: 21, C: 90 },
  reason: 'defaults (issue 18)',
};

export type ForecastWeightsSet = Event<'ForecastWeightsSet', ForecastWeightSet & { setAt: string }>;
export type SetForecastWeights = Command<
  'SetForecastWeights',
  Readonly<{ effectiveFrom: string; weights: ByGrade; horizonDays: ByGrade; reason: string }>
>;

/** The network's weight sets, one stream: the latest version and the day it took effect. */
export type ForecastWeightsState = Readonly<{ version: number; effectiveFrom: string }>;

export const FORECAST_WEIGHTS_EVENT_TYPES = { ForecastWeightsSet: 1 } as const satisfies Record<
  ForecastWeightsSet['type'],
  number
>;

export const FORECAST_WEIGHTS_STREAM_ID = 'forecastweights-network';

export class ForecastWeightsEffectiveTooEarly extends DomainError {
  constructor(effectiveFrom: string, earliest: string) {
    super(
      'FORECAST_WEIGHTS_EFFECTIVE_TOO_EARLY',
      'forbidden-transition',
      `a weight set effective from ${effectiveFrom} would change forecasts already read: make it effective from ${earliest} or later`,
      { effectiveFrom, earliest },
    );
  }
}

export const forecastWeightsDecider: Decider<ForecastWeightsState, SetForecastWeights, ForecastWeightsSet> = {
  initialState: () => ({
    version: DEFAULT_FORECAST_WEIGHTS.version,
    effectiveFrom: DEFAULT_FORECAST_WEIGHTS.effectiveFrom,
  }),
  evolve: (_state, event) => ({ version: event.data.version, effectiveFrom: event.data.effectiveFrom }),
  decide: (command, state) => {
    const { now } = command.metadata;
    // Never effective before today (CST), nor before the version in force: a set never rewrites the past.
    const today = businessDateOf(now);
    const earliest = state.effectiveFrom > today ? state.effectiveFrom : today;
    if (command.data.effectiveFrom < earliest)
      throw new ForecastWeightsEffectiveTooEarly(command.data.effectiveFrom, earliest);
    return [
      { type: 'ForecastWeightsSet', data: { version: state.version + 1, ...command.data, setAt: now } },
    ];
  },
};
