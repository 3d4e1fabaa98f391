import { DDC_KPIS } from '../../application/ddc/ddc.queries';
import { FEATURES } from '../../application/features';
import type { Kpi } from '../../application/shared/kpi';

export type { KpiParams } from '../../application/shared/kpi';

/**
 * Every KPI the CLI reads: those each feature declares, in the order of the features, then the dealer data
 * centre (a read across features, with no feature of its own; its read models are all features' already).
 */
export const KPIS: Readonly<Record<string, Kpi>> = Object.fromEntries([
  ...FEATURES.flatMap((feature) => Object.entries(feature.kpis ?? {})),
  ...Object.entries(DDC_KPIS),
]);
