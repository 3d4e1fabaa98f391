import type { AnyProjection } from '../../projections/shared/projection';
import type { Clock } from '../ports/clock.port';
import type { ReadStore } from '../ports/read-store.port';

/** The parameters `crm kpi` passes, from its flags. */
export type KpiParams = Readonly<{
  dealer?: string;
  month?: string;
  fromMonth?: string;
  toMonth?: string;
  asOf?: string;
  /** Months of the retention/churn window (`--window-months`; `--window`, deprecated, reads the same). */
  windowMonths?: number;
  customer?: string;
  campaign?: string;
  account?: string;
}>;

/**
 * A KPI as the CLI reads it, through the API's own query handler (same code, same figures); only the read
 * store differs (live, or a scratch replay). Declared beside its query, gathered from the features.
 */
export type Kpi = Readonly<{
  description: string;
  required: readonly (keyof KpiParams)[];
  read: (readStore: ReadStore, clock: Clock, params: KpiParams) => Promise<unknown>;
  /**
   * The read models it is computed from. Named here, a KPI's own projection runs without being listed in
   * its feature file too (`ALL_PROJECTIONS` gathers both).
   */
  projections?: readonly AnyProjection[];
}>;
