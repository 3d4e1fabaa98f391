import type { FleetOrderEvent } from '../fleet-order/fleet-order.events';
import type { VehicleSaleEvent } from '../vehicle-sale/vehicle-sale.events';
import type { VinStanding } from './vehicle-vin-claim';

/**
 * What a holder's record says of one VIN, folded from the record's events: whether it holds the VIN now,
 * delivered it, is closed (cancelled), and since when it no longer holds it (null: it never held it, or
 * holds it now).
 */
export type VinHold = Readonly<{
  heldNow: boolean;
  delivered: boolean;
  closed: boolean;
  letGoAt: string | null;
}>;

/** A fold of one record's events for one VIN; a record's stream folds with it like a decider's state. */
export type VinHoldFold<Evt> = Readonly<{
  initialState: () => VinHold;
  evolve: (hold: VinHold, event: Evt) => VinHold;
}>;

const NOT_HELD: VinHold = { heldNow: false, delivered: false, closed: false, letGoAt: null };

const held = (hold: VinHold): VinHold => ({ ...hold, heldNow: true, letGoAt: null });
const letGo = (hold: VinHold, at: string): VinHold =>
  hold.heldNow ? { ...hold, heldNow: false, letGoAt: at } : hold;
const closedAt = (hold: VinHold, at: string): VinHold =>
  hold.delivered
    ? hold
    : { ...hold, heldNow: false, closed: true, letGoAt: hold.heldNow ? at : (hold.letGoAt ?? at) };

/**
 * A sale holds `vin` from its allocation until it allocates another VIN (a damaged unit swapped) or is
 * cancelled, and for ever once it delivers it.
 */
export const vehicleSaleVinHold = (vin: string): VinHoldFold<VehicleSaleEvent> => ({
  initialState: () => NOT_HELD,
  evolve: (hold, event) => {
    switch (event.type) {
      case 'VehicleAllocated':
        return event.data.vin === vin ? held(hold) : letGo(hold, event.data.allocatedAt);
      case 'VehicleDelivered':
        return event.data.vin === vin ? { ...hold, delivered: true } : hold;
      case 'OrderCancelled':
        return closedAt(hold, event.data.cancelledAt);
      default:
        return hold;
    }
  },
});

/** A fleet order holds each VIN allocated to it until it is cancelled (before any delivery), for ever once delivered. */
export const fleetOrderVinHold = (vin: string): VinHoldFold<FleetOrderEvent> => ({
  initialState: () => NOT_HELD,
  evolve: (hold, event) => {
    switch (event.type) {
      case 'FleetOrderVehicleAllocated':
        return event.data.vin === vin ? held(hold) : hold;
      case 'FleetOrderVehicleDelivered':
        return event.data.vin === vin ? { ...hold, delivered: true } : hold;
      case 'FleetOrderCancelled':
        return closedAt(hold, event.data.cancelledAt);
      default:
        return hold;
    }
  },
});

export type HolderStanding = Readonly<{ standing: VinStanding; letGoAt: string | null }>;

/**
 * The standing of a VIN claimed at `claimRevision` (the revision of the holder's record its allocation was
 * decided on), from the record as it folds now at `revision`. An allocation is appended at the revision
 * after the one it was decided on, or not at all (the handler pins it): while the record has not moved past
 * the claim's revision the allocation may still land, and the VIN is held; once the record moved on without
 * it, the allocation never landed and the VIN is free (since no time: the record never held it).
 */
export const standingOfHold = (hold: VinHold, revision: number, claimRevision: number): HolderStanding => {
  if (hold.delivered) return { standing: 'delivered', letGoAt: null };
  if (hold.closed) return { standing: 'let-go', letGoAt: hold.letGoAt };
  if (hold.heldNow || revision <= claimRevision) return { standing: 'holds', letGoAt: null };
  return { standing: 'let-go', letGoAt: hold.letGoAt };
};
