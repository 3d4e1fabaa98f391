import type { Decider } from '../shared/event';
import { isOnOrBefore } from '../shared/time';
import type * as C from './fleet-account.commands';
import {
  driverAlreadyOnAccount,
  driverNotOnAccount,
  factBeforeOpening,
  factOutOfOrder,
  FleetAccountAlreadyOpened,
  FleetAccountNotFound,
  managerUnchanged,
  memberAlreadyAdded,
  vehicleAlreadyOnAccount,
  vehicleNotOnAccount,
} from './fleet-account.errors';
import type { FleetAccountEvent } from './fleet-account.events';
import {
  evolveFleetAccount,
  type FleetAccountState,
  type OpenFleetAccountState,
} from './fleet-account.state';

type Open = OpenFleetAccountState;

/**
 * Business time decides: facts on different vehicles and drivers may arrive in any order, each placed by
 * its own time; facts on one vehicle, one driver or the manager must come in business-time order (a
 * later one already recorded refuses an earlier one), so no arrival order can change what they mean.
 */
const inOrder = (state: Open, subject: string, lastAt: string | undefined, at: string): void => {
  if (!isOnOrBefore(state.openedAt, at)) throw factBeforeOpening(state.accountId, state.openedAt, at);
  if (lastAt !== undefined && !isOnOrBefore(lastAt, at))
    throw factOutOfOrder(state.accountId, subject, lastAt, at);
};

const ids = ({ accountId, dealerId }: Open) => ({ accountId, dealerId });

const open = ({ data, metadata }: C.OpenFleetAccount, state: FleetAccountState): FleetAccountEvent[] => {
  if (state.status !== 'none') throw new FleetAccountAlreadyOpened(data.accountId);
  const { accountId, dealerId, companyName, creditCode, accountManagerId } = data;
  return [
    {
      type: 'FleetAccountOpened',
      data: {
        accountId,
        dealerId,
        companyName,
        creditCode: creditCode ?? null,
        accountManagerId,
        openedAt: metadata.now,
      },
    },
  ];
};

const addMember = ({ data, metadata }: C.AddFleetMemberCompany, state: Open): FleetAccountEvent[] => {
  inOrder(state, 'the account', undefined, metadata.now);
  if (state.memberIds.includes(data.memberId)) throw memberAlreadyAdded(state.accountId, data.memberId);
  const { memberId, companyName, creditCode } = data;
  return [
    {
      type: 'FleetMemberCompanyAdded',
      data: { ...ids(state), memberId, companyName, creditCode: creditCode ?? null, addedAt: metadata.now },
    },
  ];
};

const addDriver = ({ data, metadata }: C.AddFleetDriver, state: Open): FleetAccountEvent[] => {
  const { customerId } = data.driver;
  const standing = state.drivers[customerId];
  inOrder(state, `driver ${customerId}`, standing?.lastAt, metadata.now);
  if (standing?.onAccount) throw driverAlreadyOnAccount(state.accountId, customerId);
  return [{ type: 'FleetDriverAdded', data: { ...ids(state), driver: data.driver, addedAt: metadata.now } }];
};

const removeDriver = ({ data, metadata }: C.RemoveFleetDriver, state: Open): FleetAccountEvent[] => {
  const standing = state.drivers[data.customerId];
  inOrder(state, `driver ${data.customerId}`, standing?.lastAt, metadata.now);
  if (!standing?.onAccount) throw driverNotOnAccount(state.accountId, data.customerId, metadata.now);
  const vehiclesUnassigned = Object.entries(state.vehicles)
    .filter(([, vehicle]) => vehicle.onAccount && vehicle.driverCustomerId === data.customerId)
    .map(([vin]) => vin)
    .sort();
  return [
    {
      type: 'FleetDriverRemoved',
      data: {
        ...ids(state),
        customerId: data.customerId,
        reason: data.reason,
        vehiclesUnassigned,
        removedAt: metadata.now,
      },
    },
  ];
};

const registerVehicle = ({ data, metadata }: C.RegisterFleetVehicle, state: Open): FleetAccountEvent[] => {
  const at = metadata.now;
  const vehicle = state.vehicles[data.vin];
  inOrder(state, `vehicle ${data.vin}`, vehicle?.lastAt, at);
  if (vehicle?.onAccount) throw vehicleAlreadyOnAccount(state.accountId, data.vin);
  const driverCustomerId = data.driverCustomerId ?? null;
  if (driverCustomerId !== null) {
    // Naming the driver is a fact on the driver too: dated on or after their last fact, and they are on
    // the account now, so they were at `at` (nothing about them is recorded after it).
    const driver = state.drivers[driverCustomerId];
    inOrder(state, `driver ${driverCustomerId}`, driver?.lastAt, at);
    if (!driver?.onAccount) throw driverNotOnAccount(state.accountId, driverCustomerId, at);
  }
  return [
    {
      type: 'FleetVehicleRegistered',
      data: { ...ids(state), vin: data.vin, driverCustomerId, registeredAt: at },
    },
  ];
};

const removeVehicle = ({ data, metadata }: C.RemoveFleetVehicle, state: Open): FleetAccountEvent[] => {
  const vehicle = state.vehicles[data.vin];
  inOrder(state, `vehicle ${data.vin}`, vehicle?.lastAt, metadata.now);
  if (!vehicle?.onAccount) throw vehicleNotOnAccount(state.accountId, data.vin);
  return [
    {
      type: 'FleetVehicleRemoved',
      data: { ...ids(state), vin: data.vin, reason: data.reason, removedAt: metadata.now },
    },
  ];
};

const reassign = ({ data, metadata }: C.ReassignFleetAccountManager, state: Open): FleetAccountEvent[] => {
  inOrder(state, 'the account manager', state.managerSince, metadata.now);
  if (data.accountManagerId === state.accountManagerId)
    throw managerUnchanged(state.accountId, state.accountManagerId);
  return [
    {
      type: 'FleetAccountManagerReassigned',
      data: {
        ...ids(state),
        fromManagerId: state.accountManagerId,
        toManagerId: data.accountManagerId,
        reason: data.reason,
        reassignedAt: metadata.now,
      },
    },
  ];
};

const opened = (command: C.FleetAccountCommand, state: FleetAccountState): Open => {
  if (state.status === 'none') throw new FleetAccountNotFound(command.data.accountId);
  return state;
};

export const fleetAccountDecider: Decider<FleetAccountState, C.FleetAccountCommand, FleetAccountEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveFleetAccount,
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenFleetAccount':
        return open(command, state);
      case 'AddFleetMemberCompany':
        return addMember(command, opened(command, state));
      case 'AddFleetDriver':
        return addDriver(command, opened(command, state));
      case 'RemoveFleetDriver':
        return removeDriver(command, opened(command, state));
      case 'RegisterFleetVehicle':
        return registerVehicle(command, opened(command, state));
      case 'RemoveFleetVehicle':
        return removeVehicle(command, opened(command, state));
      case 'ReassignFleetAccountManager':
        return reassign(command, opened(command, state));
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
};
