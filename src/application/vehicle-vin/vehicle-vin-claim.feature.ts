import {
  type ClaimVehicleVin,
  VEHICLE_VIN_CLAIM_EVENT_TYPES,
  type VehicleVinClaimed,
  vehicleVinClaimDecider,
  type VehicleVinClaimState,
  vehicleVinStreamId,
} from '../../domain/vehicle-vin/vehicle-vin-claim';
import type { Feature } from '../shared/feature';

/**
 * The VIN index a vehicle sale or a fleet order claims before it allocates a vehicle (issue 18 §2), so a
 * VIN is on one open record across the network: `vehiclevin-<VIN>`.
 */
export const vehicleVinClaimFeature: Feature<VehicleVinClaimState, ClaimVehicleVin, VehicleVinClaimed> = {
  name: 'vehicle-vin-claim',
  category: 'vehiclevin',
  decider: vehicleVinClaimDecider,
  streamOf: ({ vin }) => vehicleVinStreamId(vin),
  eventTypes: VEHICLE_VIN_CLAIM_EVENT_TYPES,
  // The claiming record's dealer: a desk cannot take a VIN in another dealer's name.
  scope: (_state, command) => ({ dealerId: command.data.holder.dealerId }),
  // Two records taking one VIN at once: the loser is decided again and told who holds it.
  decidesAgainAfterLostRace: true,
};
