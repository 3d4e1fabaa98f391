import type { Event } from '../shared/event';
import type { PersonalDataDeclaration } from '../shared/personal-data';

type Id = { accountId: string; dealerId: string };

/** A driver of the account: a customer of the dealer; name and phone are personal data (docs/privacy.md). */
export type FleetDriver = Readonly<{ customerId: string; name: string; phone: string }>;

/** 添加集团客户: the account opens at the dealer that serves it, with its account manager (客户经理). */
export type FleetAccountOpened = Event<
  'FleetAccountOpened',
  Id & {
    companyName: string;
    /** The unified social credit code (统一社会信用代码), when known. */
    creditCode: string | null;
    /** The sales consultant who manages the account. */
    accountManagerId: string;
    openedAt: string;
  }
>;

/** A subsidiary or branch (集团成员) buying and running vehicles under the account. */
export type FleetMemberCompanyAdded = Event<
  'FleetMemberCompanyAdded',
  Id & { memberId: string; companyName: string; creditCode: string | null; addedAt: string }
>;

export type FleetDriverAdded = Event<'FleetDriverAdded', Id & { driver: FleetDriver; addedAt: string }>;

/** The driver leaves the account; the vehicles they drove stay on it, without a driver. */
export type FleetDriverRemoved = Event<
  'FleetDriverRemoved',
  Id & { customerId: string; reason: string; vehiclesUnassigned: string[]; removedAt: string }
>;

export type FleetVehicleRegistered = Event<
  'FleetVehicleRegistered',
  Id & { vin: string; driverCustomerId: string | null; registeredAt: string }
>;

export type FleetVehicleRemoved = Event<
  'FleetVehicleRemoved',
  Id & { vin: string; reason: string; removedAt: string }
>;

/** 集团调配: the dealer manager hands the account to another account manager, with a reason. */
export type FleetAccountManagerReassigned = Event<
  'FleetAccountManagerReassigned',
  Id & { fromManagerId: string; toManagerId: string; reason: string; reassignedAt: string }
>;

export type FleetAccountEvent =
  | FleetAccountOpened
  | FleetMemberCompanyAdded
  | FleetDriverAdded
  | FleetDriverRemoved
  | FleetVehicleRegistered
  | FleetVehicleRemoved
  | FleetAccountManagerReassigned;

/** Stable type names and their current schema versions; never derived from class names. */
export const FLEET_ACCOUNT_EVENT_TYPES = {
  FleetAccountOpened: 1,
  FleetMemberCompanyAdded: 1,
  FleetDriverAdded: 1,
  FleetDriverRemoved: 1,
  FleetVehicleRegistered: 1,
  FleetVehicleRemoved: 1,
  FleetAccountManagerReassigned: 1,
} as const satisfies Record<FleetAccountEvent['type'], number>;

/** The driver's name and phone, encrypted with the driver's own key when stored (docs/privacy.md). */
export const FLEET_ACCOUNT_PERSONAL_DATA = {
  FleetDriverAdded: {
    subject: 'driver.customerId',
    fields: { 'driver.name': 'name', 'driver.phone': 'phone' },
    since: 1,
  },
} as const satisfies Partial<Record<FleetAccountEvent['type'], PersonalDataDeclaration>>;
