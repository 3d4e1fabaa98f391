import type { FleetOrderState } from '../fleet-order/fleet-order.state';
import type { VehicleSaleState } from '../vehicle-sale/vehicle-sale.state';
import type { VinStanding } from './vehicle-vin-claim';

/**
 * A record as its stream folds now: the state and the revision of its last event, for the standing of a
 * VIN claimed at `claimRevision` (the revision the allocation was decided on).
 */
export type HolderRecord<State> = Readonly<{ state: State; revision: number }>;

/**
 * An allocation is appended at the revision after the one it was decided on, or not at all (the handler
 * pins it). So while the record has not moved past the claim's revision, the allocation may still land:
 * the VIN is held; once the record moved on without it, the allocation never landed and the VIN is free.
 */
const notYetLanded = (revision: number, claimRevision: number): boolean => revision <= claimRevision;

/**
 * A sale holds its VIN until it is cancelled or allocates another VIN (a damaged unit swapped), and
 * delivers it once; a sale cancelled after nothing else still lets it go.
 */
export const vehicleSaleStanding = (
  { state, revision }: HolderRecord<VehicleSaleState>,
  vin: string,
  claimRevision: number,
): VinStanding => {
  if (state.status === 'none' || state.status === 'cancelled') return 'let-go';
  if (state.vin === vin) return state.status === 'delivered' ? 'delivered' : 'holds';
  return notYetLanded(revision, claimRevision) ? 'holds' : 'let-go';
};

/**
 * A fleet order holds each VIN allocated to it until it is cancelled (only before any delivery, its
 * decider says) and delivers it once; it has no other way to give a VIN back.
 */
export const fleetOrderStanding = (
  { state, revision }: HolderRecord<FleetOrderState>,
  vin: string,
  claimRevision: number,
): VinStanding => {
  if (state.status === 'none' || state.status === 'cancelled') return 'let-go';
  const vehicle = state.vehicles[vin];
  if (vehicle) return vehicle.deliveredAt !== null ? 'delivered' : 'holds';
  return notYetLanded(revision, claimRevision) ? 'holds' : 'let-go';
};
