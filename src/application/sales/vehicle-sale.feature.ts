import type { VehicleSaleCommand } from '../../domain/vehicle-sale/vehicle-sale.commands';
import {
  createVehicleSaleDecider,
  vehicleSaleStreamId,
} from '../../domain/vehicle-sale/vehicle-sale.decider';
import {
  VEHICLE_SALE_EVENT_TYPES,
  VEHICLE_SALE_PERSONAL_DATA,
  VEHICLE_SALE_UPCASTERS,
  type VehicleSaleEvent,
} from '../../domain/vehicle-sale/vehicle-sale.events';
import type { VehicleSaleState } from '../../domain/vehicle-sale/vehicle-sale.state';
import { ssiMonthlyProjection } from '../../projections/ssi-monthly/ssi-monthly.projection';
import { vehicleSaleDetailsProjection } from '../../projections/vehicle-sale-details/vehicle-sale-details.projection';
import type { Feature } from '../shared/feature';
import { CUSTOMER_CHARACTERISTICS_KPIS } from './customer-characteristics.query';
import { VEHICLE_SALE_KPIS } from './vehicle-sale.queries';

/** The vehicle sale from the signed order to delivery, its callback and SSI survey (issue 3). */
export const vehicleSaleFeature: Feature<VehicleSaleState, VehicleSaleCommand, VehicleSaleEvent> = {
  name: 'vehicle-sale',
  category: 'vehiclesale',
  decider: createVehicleSaleDecider(),
  streamOf: ({ saleId }) => vehicleSaleStreamId(saleId),
  eventTypes: VEHICLE_SALE_EVENT_TYPES,
  personalData: VEHICLE_SALE_PERSONAL_DATA,
  upcasters: VEHICLE_SALE_UPCASTERS,
  scope: (state, command) => ({
    dealerId:
      state.status !== 'none'
        ? state.dealerId
        : command.type === 'SignOrder'
          ? command.data.dealerId
          : undefined,
  }),
  projections: [vehicleSaleDetailsProjection, ssiMonthlyProjection],
  kpis: { ...VEHICLE_SALE_KPIS, ...CUSTOMER_CHARACTERISTICS_KPIS },
};
