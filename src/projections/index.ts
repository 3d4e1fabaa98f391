import { complaintDetailsProjection } from './complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from './complaint-sla-monthly/complaint-sla-monthly.projection';
import { repairOrderDetailsProjection } from './repair-order-details/repair-order-details.projection';
import { serviceCsiMonthlyProjection } from './service-csi-monthly/service-csi-monthly.projection';
import { serviceVehiclesProjection } from './service-vehicles/service-vehicles.projection';
import { serviceWorkshopMonthlyProjection } from './service-workshop-monthly/service-workshop-monthly.projection';
import { prospectDetailsProjection } from './prospect-details/prospect-details.projection';
import { salesFunnelEntriesProjection } from './sales-funnel-entries/sales-funnel-entries.projection';
import { salesShowroomTrafficProjection } from './sales-showroom-traffic/sales-showroom-traffic.projection';
import { ssiMonthlyProjection } from './ssi-monthly/ssi-monthly.projection';
import { vehicleSaleDetailsProjection } from './vehicle-sale-details/vehicle-sale-details.projection';
import { loyaltyMembersProjection } from './loyalty-members/loyalty-members.projection';
import { loyaltyLedgerProjection } from './loyalty-ledger/loyalty-ledger.projection';
import { accessAuditProjection } from './access-audit/access-audit.projection';
import type { AnyProjection } from './shared/projection';

/** Every projection the engine runs. A new read model is added here. */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  complaintDetailsProjection,
  complaintSlaMonthlyProjection,
  repairOrderDetailsProjection,
  serviceVehiclesProjection,
  serviceWorkshopMonthlyProjection,
  serviceCsiMonthlyProjection,
  prospectDetailsProjection,
  salesFunnelEntriesProjection,
  salesShowroomTrafficProjection,
  vehicleSaleDetailsProjection,
  ssiMonthlyProjection,
  loyaltyMembersProjection,
  loyaltyLedgerProjection,
  accessAuditProjection,
];
