import { complaintDetailsProjection } from './complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from './complaint-sla-monthly/complaint-sla-monthly.projection';
import type { AnyProjection } from './shared/projection';

/** Every projection the engine runs. A new read model is added here. */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  complaintDetailsProjection,
  complaintSlaMonthlyProjection,
];
