import type { FleetAccountEvent } from '../fleet-account/fleet-account.events';
import type { FleetVehicleStanding } from './fleet-vehicle-claim';

/** What an account's stream says of one VIN: on the account now, and since when it no longer is. */
export type FleetVehicleHold = Readonly<{ heldNow: boolean; letGoAt: string | null }>;

/**
 * An account holds `vin` from its registration until its removal; folded from the account's stream at
 * claim time, as a decider's state is.
 */
export const fleetAccountVehicleHold = (vin: string) => ({
  initialState: (): FleetVehicleHold => ({ heldNow: false, letGoAt: null }),
  evolve: (hold: FleetVehicleHold, event: FleetAccountEvent): FleetVehicleHold => {
    switch (event.type) {
      case 'FleetVehicleRegistered':
        return event.data.vin === vin ? { heldNow: true, letGoAt: null } : hold;
      case 'FleetVehicleRemoved':
        return event.data.vin === vin ? { heldNow: false, letGoAt: event.data.removedAt } : hold;
      default:
        return hold;
    }
  },
});

/**
 * The standing of a VIN claimed at `claimRevision` (the revision of the account's stream its registration
 * was decided on), from the stream as it folds now at `revision`: while the stream has not moved past the
 * claim's revision the registration may still land, and the VIN is held; once it moved on without it, the
 * registration never landed and the VIN is free (since no time: the account never held it).
 */
export const fleetVehicleStandingOf = (
  hold: FleetVehicleHold,
  revision: number,
  claimRevision: number,
): Readonly<{ standing: FleetVehicleStanding; letGoAt: string | null }> =>
  hold.heldNow || revision <= claimRevision
    ? { standing: 'holds', letGoAt: null }
    : { standing: 'let-go', letGoAt: hold.letGoAt };
