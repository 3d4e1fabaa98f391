import {
  type ClaimFleetVehicle,
  FLEET_VEHICLE_CLAIM_EVENT_TYPES,
  type FleetVehicleClaimed,
  fleetVehicleClaimDecider,
  type FleetVehicleClaimState,
  fleetVehicleStreamId,
} from '../../domain/fleet-vehicle/fleet-vehicle-claim';
import type { Feature } from '../shared/feature';

/**
 * The fleet-vehicle index an account claims before it registers a VIN (issue 18 §2), so a vehicle is on
 * one fleet account at a time: `fleetvehicle-<VIN>`.
 */
export const fleetVehicleClaimFeature: Feature<
  FleetVehicleClaimState,
  ClaimFleetVehicle,
  FleetVehicleClaimed
> = {
  name: 'fleet-vehicle-claim',
  category: 'fleetvehicle',
  decider: fleetVehicleClaimDecider,
  streamOf: ({ vin }) => fleetVehicleStreamId(vin),
  eventTypes: FLEET_VEHICLE_CLAIM_EVENT_TYPES,
  // The registering account's dealer: a desk cannot take a VIN in another dealer's name.
  scope: (_state, command) => ({ dealerId: command.data.holder.dealerId }),
  // Two accounts registering one VIN at once: the loser is decided again and told who holds it.
  decidesAgainAfterLostRace: true,
};
