import type { Command } from '../shared/event';
import type { FleetDriver } from './fleet-account.events';

type Id = { accountId: string };

/** Opens the account at the dealer that serves it, with its account manager (a sales consultant). */
export type OpenFleetAccount = Command<
  'OpenFleetAccount',
  Id & { dealerId: string; companyName: string; creditCode?: string; accountManagerId: string }
>;
export type AddFleetMemberCompany = Command<
  'AddFleetMemberCompany',
  Id & { memberId: string; companyName: string; creditCode?: string }
>;
export type AddFleetDriver = Command<'AddFleetDriver', Id & { driver: FleetDriver }>;
export type RemoveFleetDriver = Command<'RemoveFleetDriver', Id & { customerId: string; reason: string }>;
export type RegisterFleetVehicle = Command<
  'RegisterFleetVehicle',
  Id & { vin: string; driverCustomerId?: string }
>;
export type RemoveFleetVehicle = Command<'RemoveFleetVehicle', Id & { vin: string; reason: string }>;
export type ReassignFleetAccountManager = Command<
  'ReassignFleetAccountManager',
  Id & { accountManagerId: string; reason: string }
>;

export type FleetAccountCommand =
  | OpenFleetAccount
  | AddFleetMemberCompany
  | AddFleetDriver
  | RemoveFleetDriver
  | RegisterFleetVehicle
  | RemoveFleetVehicle
  | ReassignFleetAccountManager;
