import type { FleetAccountEvent } from '../../../src/domain/fleet-account/fleet-account.events';
import { fleetAccountsProjection } from '../../../src/projections/fleet-accounts/fleet-accounts.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(fleetAccountsProjection);
const ids = { accountId: 'fa-1', dealerId: 'd-sh-01' };
const VIN1 = 'LSVAB4BR5MN000001';
const VIN2 = 'LSVAB4BR5MN000002';
const on = (day: string) => `2026-03-${day}T10:00:00+08:00`;
const dm = { userId: 'dm-sh', role: 'dealer-manager', dealerId: 'd-sh-01' };

const opened: FleetAccountEvent = {
  type: 'FleetAccountOpened',
  data: {
    ...ids,
    companyName: '申通物流',
    creditCode: null,
    accountManagerId: 'sc-wang',
    openedAt: on('01'),
  },
};
const member: FleetAccountEvent = {
  type: 'FleetMemberCompanyAdded',
  data: { ...ids, memberId: 'm-pd', companyName: '申通浦东', creditCode: '91310115X', addedAt: on('02') },
};
const driver = { customerId: 'cu-d1', name: 'pii:1:name:cu-d1:x', phone: 'pii:1:phone:cu-d1:y' };
const driverAdded: FleetAccountEvent = {
  type: 'FleetDriverAdded',
  data: { ...ids, driver, addedAt: on('02') },
};
const vin1: FleetAccountEvent = {
  type: 'FleetVehicleRegistered',
  data: { ...ids, vin: VIN1, driverCustomerId: 'cu-d1', registeredAt: on('03') },
};
const vin2: FleetAccountEvent = {
  type: 'FleetVehicleRegistered',
  data: { ...ids, vin: VIN2, driverCustomerId: null, registeredAt: on('04') },
};
const vin2Removed: FleetAccountEvent = {
  type: 'FleetVehicleRemoved',
  data: { ...ids, vin: VIN2, reason: 'sold', removedAt: on('10') },
};
const vin2Again: FleetAccountEvent = {
  type: 'FleetVehicleRegistered',
  data: { ...ids, vin: VIN2, driverCustomerId: null, registeredAt: on('20') },
};
const driverRemoved: FleetAccountEvent = {
  type: 'FleetDriverRemoved',
  data: { ...ids, customerId: 'cu-d1', reason: 'left', vehiclesUnassigned: [VIN1], removedAt: on('12') },
};
const reassigned = {
  type: 'FleetAccountManagerReassigned',
  data: {
    ...ids,
    fromManagerId: 'sc-wang',
    toManagerId: 'sc-li',
    reason: 'wang moved',
    reassignedAt: on('15'),
  },
  actor: dm,
} as const;

describe('fleet-accounts projection', () => {
  it('opens the account with its first manager and no vehicles', () => {
    spec
      .given([])
      .when([opened])
      .then({
        'fa-1': {
          ...ids,
          companyName: '申通物流',
          creditCode: null,
          accountManagerId: 'sc-wang',
          managers: [{ accountManagerId: 'sc-wang', from: on('01'), reason: null, reassignedBy: null }],
          memberCompanies: [],
          drivers: [],
          vehicles: [],
          vehiclesOnAccount: 0,
          openedAt: on('01'),
        },
      });
  });

  /*
   * By hand: VIN1 on from the 3rd with cu-d1, who leaves on the 12th (VIN1 stays, driver null);
   * VIN2 on the 4th..10th, then again from the 20th: two periods; on the account now: VIN1 and VIN2 = 2.
   * Managers: sc-wang from the 1st, sc-li from the 15th (reason "wang moved", by dm-sh).
   */
  it('keeps every period of vehicles, drivers and managers, and counts the vehicles on it now', () => {
    spec
      .given([opened, member, driverAdded, vin1, vin2])
      .when([vin2Removed, driverRemoved, reassigned, vin2Again])
      .then({
        'fa-1': {
          ...ids,
          companyName: '申通物流',
          creditCode: null,
          accountManagerId: 'sc-li',
          managers: [
            { accountManagerId: 'sc-wang', from: on('01'), reason: null, reassignedBy: null },
            { accountManagerId: 'sc-li', from: on('15'), reason: 'wang moved', reassignedBy: 'dm-sh' },
          ],
          memberCompanies: [
            { memberId: 'm-pd', companyName: '申通浦东', creditCode: '91310115X', addedAt: on('02') },
          ],
          drivers: [{ ...driver, addedAt: on('02'), removedAt: on('12'), removalReason: 'left' }],
          vehicles: [
            {
              vin: VIN1,
              driverCustomerId: null,
              registeredAt: on('03'),
              removedAt: null,
              removalReason: null,
            },
            {
              vin: VIN2,
              driverCustomerId: null,
              registeredAt: on('04'),
              removedAt: on('10'),
              removalReason: 'sold',
            },
            {
              vin: VIN2,
              driverCustomerId: null,
              registeredAt: on('20'),
              removedAt: null,
              removalReason: null,
            },
          ],
          vehiclesOnAccount: 2,
          openedAt: on('01'),
        },
      });
  });

  it('takes only fleet events', () => {
    spec
      .given([opened])
      .when([{ type: 'CampaignClosed', data: { campaignId: 'fa-1', closedAt: on('05') } }])
      .thenNothingChanges();
  });
});
