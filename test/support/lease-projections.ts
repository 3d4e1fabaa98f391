import { complaintChannelMonthlyProjection } from '../../src/projections/complaint-channel-monthly/complaint-channel-monthly.projection';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from '../../src/projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import type { AnyProjection } from '../../src/projections/shared/projection';

/**
 * Six units of work for the lease tests, all fed by the complaint history: the three complaint projections
 * and three copies of the SLA KPI under names of their own (counters: an event counted twice shows).
 */
export const LEASED_PROJECTIONS: readonly AnyProjection[] = [
  complaintDetailsProjection,
  complaintSlaMonthlyProjection,
  complaintChannelMonthlyProjection,
  ...[1, 2, 3].map((copy): AnyProjection => ({
    ...complaintSlaMonthlyProjection,
    name: `complaint-sla-monthly-copy-${copy}`,
    collection: `complaint_sla_monthly_copy_${copy}`,
  })),
];
