import { FEATURES } from '../../application/features';
import type { Kpi } from '../../application/shared/kpi';

export type { KpiParams } from '../../application/shared/kpi';

/** Every KPI the CLI reads: those each feature declares, in the order of the features. */
export const KPIS: Readonly<Record<string, Kpi>> = Object.fromEntries(
  FEATURES.flatMap((feature) => Object.entries(feature.kpis ?? {})),
);
