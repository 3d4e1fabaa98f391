import { complaintDetailsProjection } from './complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from './complaint-sla-monthly/complaint-sla-monthly.projection';
import { repairOrderDetailsProjection } from './repair-order-details/repair-order-details.projection';
import { serviceCsiMonthlyProjection } from './service-csi-monthly/service-csi-monthly.projection';
import { serviceVehiclesProjection } from './service-vehicles/service-vehicles.projection';
import { serviceWorkshopMonthlyProjection } from './service-workshop-monthly/service-workshop-monthly.projection';
import type { AnyProjection } from './shared/projection';

/** Every projection the engine runs. A new read model is added here. */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  complaintDetailsProjection,
  complaintSlaMonthlyProjection,
  repairOrderDetailsProjection,
  serviceVehiclesProjection,
  serviceWorkshopMonthlyProjection,
  serviceCsiMonthlyProjection,
];
