import type { RepairOrderCommand } from '../../domain/repair-order/repair-order.commands';
import {
  createRepairOrderDecider,
  repairOrderStreamId,
} from '../../domain/repair-order/repair-order.decider';
import {
  REPAIR_ORDER_EVENT_TYPES,
  REPAIR_ORDER_PERSONAL_DATA,
  type RepairOrderEvent,
} from '../../domain/repair-order/repair-order.events';
import type { RepairOrderState } from '../../domain/repair-order/repair-order.state';
import { repairOrderDetailsProjection } from '../../projections/repair-order-details/repair-order-details.projection';
import { serviceCsiMonthlyProjection } from '../../projections/service-csi-monthly/service-csi-monthly.projection';
import { serviceVehiclesProjection } from '../../projections/service-vehicles/service-vehicles.projection';
import { serviceWorkshopMonthlyProjection } from '../../projections/service-workshop-monthly/service-workshop-monthly.projection';
import type { Feature } from '../shared/feature';
import { SERVICE_KPIS } from './service-kpi.queries';

/** The repair order from appointment to settlement, its callback and CSI survey (issue 4). */
export const repairOrderFeature: Feature<RepairOrderState, RepairOrderCommand, RepairOrderEvent> = {
  name: 'repair-order',
  category: 'repairorder',
  decider: createRepairOrderDecider(),
  streamOf: ({ repairOrderId }) => repairOrderStreamId(repairOrderId),
  eventTypes: REPAIR_ORDER_EVENT_TYPES,
  personalData: REPAIR_ORDER_PERSONAL_DATA,
  // Booking or opening at the desk opens the order at the dealer it names; a check-in never opens one.
  scope: (state, command) => ({
    dealerId:
      state.status !== 'none'
        ? state.dealerId
        : command.type === 'BookAppointment' || command.type === 'OpenRepairOrder'
          ? command.data.dealerId
          : undefined,
  }),
  projections: [
    repairOrderDetailsProjection,
    serviceVehiclesProjection,
    serviceWorkshopMonthlyProjection,
    serviceCsiMonthlyProjection,
  ],
  kpis: SERVICE_KPIS,
};
