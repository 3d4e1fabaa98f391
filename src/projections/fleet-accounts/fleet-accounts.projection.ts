import type { FleetAccountEvent } from '../../domain/fleet-account/fleet-account.events';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

export type FleetMemberCompany = {
  memberId: string;
  companyName: string;
  creditCode: string | null;
  addedAt: string;
};

/** One period of a driver on the account; name and phone stay protected here (revealed on the way out). */
export type FleetDriverPeriod = {
  customerId: string;
  name: string;
  phone: string;
  addedAt: string;
  removedAt: string | null;
  removalReason: string | null;
};

/** One period of a VIN on the account, with the driver it had (null from the driver's removal). */
export type FleetVehiclePeriod = {
  vin: string;
  driverCustomerId: string | null;
  registeredAt: string;
  removedAt: string | null;
  removalReason: string | null;
};

/** Each account manager the account had, from the opening on (集团调配 history). */
export type FleetManagerPeriod = {
  accountManagerId: string;
  from: string;
  /** Null for the opening; the reassignment's reason otherwise. */
  reason: string | null;
  /** Who reassigned it (the actor of the event); null for the opening. */
  reassignedBy: string | null;
};

/** One document per fleet account: what it is now and every period of its drivers, vehicles and managers. */
export type FleetAccountDetails = {
  accountId: string;
  dealerId: string;
  companyName: string;
  creditCode: string | null;
  accountManagerId: string;
  managers: FleetManagerPeriod[];
  memberCompanies: FleetMemberCompany[];
  drivers: FleetDriverPeriod[];
  vehicles: FleetVehiclePeriod[];
  /** VINs on the account now: the list's count. */
  vehiclesOnAccount: number;
  openedAt: string;
};

const empty = (accountId: string, dealerId: string): FleetAccountDetails => ({
  accountId,
  dealerId,
  companyName: '',
  creditCode: null,
  accountManagerId: '',
  managers: [],
  memberCompanies: [],
  drivers: [],
  vehicles: [],
  vehiclesOnAccount: 0,
  openedAt: '',
});

/** The open period of a key (the last without an end), changed; the rest unchanged. */
const closeOpen = <T extends { removedAt: string | null }>(
  periods: readonly T[],
  matches: (period: T) => boolean,
  change: (period: T) => T,
): T[] => {
  const index = periods.findLastIndex((period) => matches(period) && period.removedAt === null);
  return periods.map((period, at) => (at === index ? change(period) : period));
};

const counted = (doc: FleetAccountDetails): FleetAccountDetails => ({
  ...doc,
  vehiclesOnAccount: doc.vehicles.filter((vehicle) => vehicle.removedAt === null).length,
});

const apply = (doc: FleetAccountDetails, event: Envelope<FleetAccountEvent>): FleetAccountDetails => {
  switch (event.type) {
    case 'FleetAccountOpened': {
      const { companyName, creditCode, accountManagerId, openedAt } = event.data;
      const opening: FleetManagerPeriod = {
        accountManagerId,
        from: openedAt,
        reason: null,
        reassignedBy: null,
      };
      return { ...doc, companyName, creditCode, accountManagerId, openedAt, managers: [opening] };
    }
    case 'FleetMemberCompanyAdded': {
      const { memberId, companyName, creditCode, addedAt } = event.data;
      return {
        ...doc,
        memberCompanies: [...doc.memberCompanies, { memberId, companyName, creditCode, addedAt }],
      };
    }
    case 'FleetDriverAdded': {
      const { driver, addedAt } = event.data;
      const period: FleetDriverPeriod = { ...driver, addedAt, removedAt: null, removalReason: null };
      return { ...doc, drivers: [...doc.drivers, period] };
    }
    case 'FleetDriverRemoved': {
      const { customerId, reason, vehiclesUnassigned, removedAt } = event.data;
      const drivers = closeOpen(
        doc.drivers,
        (period) => period.customerId === customerId,
        (period) => ({ ...period, removedAt, removalReason: reason }),
      );
      // The vehicle stays on the account; its current period loses the driver (the history keeps who drove).
      const vehicles = doc.vehicles.map((period) =>
        period.removedAt === null && vehiclesUnassigned.includes(period.vin)
          ? { ...period, driverCustomerId: null }
          : period,
      );
      return { ...doc, drivers, vehicles };
    }
    case 'FleetVehicleRegistered': {
      const { vin, driverCustomerId, registeredAt } = event.data;
      const period: FleetVehiclePeriod = {
        vin,
        driverCustomerId,
        registeredAt,
        removedAt: null,
        removalReason: null,
      };
      return counted({ ...doc, vehicles: [...doc.vehicles, period] });
    }
    case 'FleetVehicleRemoved': {
      const { vin, reason, removedAt } = event.data;
      const vehicles = closeOpen(
        doc.vehicles,
        (period) => period.vin === vin,
        (period) => ({ ...period, removedAt, removalReason: reason }),
      );
      return counted({ ...doc, vehicles });
    }
    case 'FleetAccountManagerReassigned': {
      const { toManagerId, reason, reassignedAt } = event.data;
      const period: FleetManagerPeriod = {
        accountManagerId: toManagerId,
        from: reassignedAt,
        reason,
        reassignedBy: event.metadata.actor.userId,
      };
      return { ...doc, accountManagerId: toManagerId, managers: [...doc.managers, period] };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/**
 * The fleet accounts (集团客户): one document per account. The decider keeps each vehicle's and driver's
 * facts in business-time order, so appending periods in stream order keeps them in time order too.
 */
export const fleetAccountsProjection: ProjectionDefinition<FleetAccountEvent, FleetAccountDetails> = {
  name: 'fleet-accounts',
  version: 1,
  collection: 'fleet_accounts',
  indexes: [
    ['dealerId', 'companyName'],
    ['dealerId', 'accountManagerId', 'companyName'],
  ],
  handles: [
    'FleetAccountOpened',
    'FleetMemberCompanyAdded',
    'FleetDriverAdded',
    'FleetDriverRemoved',
    'FleetVehicleRegistered',
    'FleetVehicleRemoved',
    'FleetAccountManagerReassigned',
  ],
  documentIds: (event) => [event.data.accountId],
  apply: (doc, event) => apply(doc ?? empty(event.data.accountId, event.data.dealerId), event),
};
