import type { CareVehicleCommand } from '../../domain/care-vehicle/care-vehicle.commands';
import {
  careVehicleDecider,
  type CareVehicleState,
  careVehicleStreamId,
} from '../../domain/care-vehicle/care-vehicle.decider';
import {
  CARE_VEHICLE_EVENT_TYPES,
  type CareVehicleEvent,
} from '../../domain/care-vehicle/care-vehicle.events';
import type { Feature } from '../shared/feature';
import { createCareVehicleServiceReactor } from './care-vehicle-service.reactor';

/**
 * A vehicle as customer care knows it (issue 19 §1): its insurance expiry and annual inspection dates, and its
 * settled repair orders (fed by a reactor), from which its reminder tasks follow (`care-tasks` read model).
 */
export const careVehicleFeature: Feature<CareVehicleState, CareVehicleCommand, CareVehicleEvent> = {
  name: 'care-vehicle',
  category: 'carevehicle',
  decider: careVehicleDecider,
  streamOf: ({ vin }) => careVehicleStreamId(vin),
  eventTypes: CARE_VEHICLE_EVENT_TYPES,
  // The dates belong to the dealer that first recorded one; a settlement to the repair order's dealer.
  scope: (state, command) => ({
    dealerId:
      command.type === 'RecordVehicleDates'
        ? (state.dealerId ?? command.data.dealerId)
        : command.data.dealerId,
  }),
  reactors: ({ pipeline }) => [createCareVehicleServiceReactor(pipeline, careVehicleFeature)],
};
