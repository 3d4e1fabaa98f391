import type { FleetAccountEvent } from './fleet-account.events';

/** One driver as the decider needs them: on the account now, since when, and the time of their last fact. */
export type DriverStanding = Readonly<{ onAccount: boolean; since: string; lastAt: string }>;

/** One VIN as the decider needs it: on the account now, its driver, and the time of its last fact. */
export type VehicleStanding = Readonly<{
  onAccount: boolean;
  driverCustomerId: string | null;
  lastAt: string;
}>;

export type OpenFleetAccountState = Readonly<{
  status: 'open';
  accountId: string;
  dealerId: string;
  openedAt: string;
  accountManagerId: string;
  /** The opening or the latest reassignment: a reassignment dated before it is out of order. */
  managerSince: string;
  memberIds: readonly string[];
  drivers: Readonly<Record<string, DriverStanding>>;
  vehicles: Readonly<Record<string, VehicleStanding>>;
}>;

export type FleetAccountState = Readonly<{ status: 'none' }> | OpenFleetAccountState;

export const fleetAccountStreamId = (accountId: string): string => `fleetaccount-${accountId}`;

const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);

const onOpen = (
  state: FleetAccountState,
  change: (open: OpenFleetAccountState) => OpenFleetAccountState,
): FleetAccountState => (state.status === 'none' ? state : change(state));

export const evolveFleetAccount = (state: FleetAccountState, event: FleetAccountEvent): FleetAccountState => {
  switch (event.type) {
    case 'FleetAccountOpened': {
      const { accountId, dealerId, accountManagerId, openedAt } = event.data;
      return {
        status: 'open',
        accountId,
        dealerId,
        openedAt,
        accountManagerId,
        managerSince: openedAt,
        memberIds: [],
        drivers: {},
        vehicles: {},
      };
    }
    case 'FleetMemberCompanyAdded':
      return onOpen(state, (open) => ({ ...open, memberIds: [...open.memberIds, event.data.memberId] }));
    case 'FleetDriverAdded': {
      const { driver, addedAt } = event.data;
      return onOpen(state, (open) => ({
        ...open,
        drivers: {
          ...open.drivers,
          [driver.customerId]: { onAccount: true, since: addedAt, lastAt: addedAt },
        },
      }));
    }
    case 'FleetDriverRemoved': {
      const { customerId, vehiclesUnassigned, removedAt } = event.data;
      return onOpen(state, (open) => {
        const vehicles = { ...open.vehicles };
        for (const vin of vehiclesUnassigned) {
          const vehicle = vehicles[vin];
          if (vehicle)
            vehicles[vin] = { ...vehicle, driverCustomerId: null, lastAt: later(vehicle.lastAt, removedAt) };
        }
        const since = open.drivers[customerId]?.since ?? removedAt;
        return {
          ...open,
          drivers: { ...open.drivers, [customerId]: { onAccount: false, since, lastAt: removedAt } },
          vehicles,
        };
      });
    }
    case 'FleetVehicleRegistered': {
      const { vin, driverCustomerId, registeredAt } = event.data;
      return onOpen(state, (open) => {
        const driver = driverCustomerId === null ? undefined : open.drivers[driverCustomerId];
        return {
          ...open,
          vehicles: { ...open.vehicles, [vin]: { onAccount: true, driverCustomerId, lastAt: registeredAt } },
          // A vehicle naming a driver is a fact on the driver too: their removal may not be dated before it.
          drivers:
            driver && driverCustomerId !== null
              ? {
                  ...open.drivers,
                  [driverCustomerId]: { ...driver, lastAt: later(driver.lastAt, registeredAt) },
                }
              : open.drivers,
        };
      });
    }
    case 'FleetVehicleRemoved': {
      const { vin, removedAt } = event.data;
      return onOpen(state, (open) => ({
        ...open,
        vehicles: {
          ...open.vehicles,
          [vin]: { onAccount: false, driverCustomerId: null, lastAt: removedAt },
        },
      }));
    }
    case 'FleetAccountManagerReassigned': {
      const { toManagerId, reassignedAt } = event.data;
      return onOpen(state, (open) => ({
        ...open,
        accountManagerId: toManagerId,
        managerSince: reassignedAt,
      }));
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
