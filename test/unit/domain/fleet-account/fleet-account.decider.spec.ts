import type { FleetAccountCommand } from '../../../../src/domain/fleet-account/fleet-account.commands';
import { fleetAccountDecider } from '../../../../src/domain/fleet-account/fleet-account.decider';
import type { FleetAccountEvent } from '../../../../src/domain/fleet-account/fleet-account.events';
import type { CommandOf } from '../../../../src/application/shared/feature';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(fleetAccountDecider);
const consultant = { userId: 'sc-wang', role: 'sales-consultant', dealerId: 'd-sh-01' };
const ids = { accountId: 'fa-1', dealerId: 'd-sh-01' };
const VIN1 = 'LSVAB4BR5MN000001';
const VIN2 = 'LSVAB4BR5MN000002';
/** Business time in China Standard Time on a day of March 2026. */
const on = (day: string, time = '10:00') => `2026-03-${day}T${time}:00+08:00`;

/** A command as the dealer sends it, on account fa-1, at a business time. */
const cmd = (sent: CommandOf<FleetAccountCommand>, now: string): FleetAccountCommand => ({
  ...sent,
  metadata: { now, actor: consultant },
});

const opened: FleetAccountEvent = {
  type: 'FleetAccountOpened',
  data: {
    ...ids,
    companyName: '上海申通物流有限公司',
    creditCode: null,
    accountManagerId: 'sc-wang',
    openedAt: on('01'),
  },
};
const driver = { customerId: 'cu-d1', name: '李强', phone: '13800000011' };
const driverAdded: FleetAccountEvent = {
  type: 'FleetDriverAdded',
  data: { ...ids, driver, addedAt: on('02') },
};
const vin1WithDriver: FleetAccountEvent = {
  type: 'FleetVehicleRegistered',
  data: { ...ids, vin: VIN1, driverCustomerId: 'cu-d1', registeredAt: on('03') },
};
const vin2: FleetAccountEvent = {
  type: 'FleetVehicleRegistered',
  data: { ...ids, vin: VIN2, driverCustomerId: null, registeredAt: on('04') },
};

describe('fleet account decider', () => {
  it('opens an account at its dealer with its account manager; the credit code is optional', () => {
    spec
      .given([])
      .when(
        cmd(
          {
            type: 'OpenFleetAccount',
            data: {
              accountId: 'fa-1',
              dealerId: 'd-sh-01',
              companyName: '上海申通物流有限公司',
              accountManagerId: 'sc-wang',
            },
          },
          on('01'),
        ),
      )
      .then([opened]);
    spec
      .given([])
      .when(
        cmd(
          {
            type: 'OpenFleetAccount',
            data: {
              accountId: 'fa-1',
              dealerId: 'd-sh-01',
              companyName: '上海申通物流有限公司',
              creditCode: '91310000MA1FL0XX0X',
              accountManagerId: 'sc-wang',
            },
          },
          on('01'),
        ),
      )
      .then([{ ...opened, data: { ...opened.data, creditCode: '91310000MA1FL0XX0X' } } as FleetAccountEvent]);
  });

  it('refuses a second opening (409) and any step on an account not opened (404)', () => {
    spec
      .given([opened])
      .when(
        cmd(
          {
            type: 'OpenFleetAccount',
            data: { accountId: 'fa-1', dealerId: 'd-sh-01', companyName: 'x', accountManagerId: 'sc-wang' },
          },
          on('05'),
        ),
      )
      .thenThrows('FLEET_ACCOUNT_ALREADY_OPENED');
    spec
      .given([])
      .when(cmd({ type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN1 } }, on('05')))
      .thenThrows('FLEET_ACCOUNT_NOT_FOUND');
  });

  it('adds member companies once each, dated on or after the opening', () => {
    const added: FleetAccountEvent = {
      type: 'FleetMemberCompanyAdded',
      data: { ...ids, memberId: 'm-pd', companyName: '申通浦东分公司', creditCode: null, addedAt: on('02') },
    };
    spec
      .given([opened])
      .when(
        cmd(
          {
            type: 'AddFleetMemberCompany',
            data: { accountId: 'fa-1', memberId: 'm-pd', companyName: '申通浦东分公司' },
          },
          on('02'),
        ),
      )
      .then([added]);
    spec
      .given([opened, added])
      .when(
        cmd(
          {
            type: 'AddFleetMemberCompany',
            data: { accountId: 'fa-1', memberId: 'm-pd', companyName: 'again' },
          },
          on('03'),
        ),
      )
      .thenThrows('FLEET_MEMBER_ALREADY_ADDED');
    spec
      .given([opened])
      .when(
        cmd(
          {
            type: 'AddFleetMemberCompany',
            data: { accountId: 'fa-1', memberId: 'm-pd', companyName: 'early' },
          },
          '2026-02-28T10:00:00+08:00',
        ),
      )
      .thenThrows('FLEET_FACT_BEFORE_OPENING');
  });

  it('adds a driver, refuses them twice, and adds them again after a removal', () => {
    spec
      .given([opened])
      .when(cmd({ type: 'AddFleetDriver', data: { accountId: 'fa-1', driver } }, on('02')))
      .then([driverAdded]);
    spec
      .given([opened, driverAdded])
      .when(cmd({ type: 'AddFleetDriver', data: { accountId: 'fa-1', driver } }, on('05')))
      .thenThrows('FLEET_DRIVER_ALREADY_ON_ACCOUNT');
    const removed: FleetAccountEvent = {
      type: 'FleetDriverRemoved',
      data: {
        ...ids,
        customerId: 'cu-d1',
        reason: 'left the company',
        vehiclesUnassigned: [],
        removedAt: on('06'),
      },
    };
    spec
      .given([opened, driverAdded, removed])
      .when(cmd({ type: 'AddFleetDriver', data: { accountId: 'fa-1', driver } }, on('07')))
      .then([{ type: 'FleetDriverAdded', data: { ...ids, driver, addedAt: on('07') } }]);
  });

  it('registers vehicles with or without a driver of the account', () => {
    spec
      .given([opened, driverAdded])
      .when(
        cmd(
          { type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN1, driverCustomerId: 'cu-d1' } },
          on('03'),
        ),
      )
      .then([vin1WithDriver]);
    spec
      .given([opened, driverAdded])
      .when(cmd({ type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN2 } }, on('04')))
      .then([vin2]);
    spec
      .given([opened])
      .when(
        cmd(
          {
            type: 'RegisterFleetVehicle',
            data: { accountId: 'fa-1', vin: VIN1, driverCustomerId: 'cu-nobody' },
          },
          on('03'),
        ),
      )
      .thenThrows('FLEET_DRIVER_NOT_ON_ACCOUNT', {
        accountId: 'fa-1',
        customerId: 'cu-nobody',
        at: on('03'),
      });
    spec
      .given([opened, driverAdded, vin1WithDriver])
      .when(cmd({ type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN1 } }, on('05')))
      .thenThrows('FLEET_VEHICLE_ALREADY_ON_ACCOUNT');
  });

  it('removes a vehicle on the account and registers it again later; refuses one not on it', () => {
    const removed: FleetAccountEvent = {
      type: 'FleetVehicleRemoved',
      data: { ...ids, vin: VIN2, reason: 'sold', removedAt: on('10') },
    };
    spec
      .given([opened, vin2])
      .when(
        cmd({ type: 'RemoveFleetVehicle', data: { accountId: 'fa-1', vin: VIN2, reason: 'sold' } }, on('10')),
      )
      .then([removed]);
    spec
      .given([opened, vin2, removed])
      .when(
        cmd(
          { type: 'RemoveFleetVehicle', data: { accountId: 'fa-1', vin: VIN2, reason: 'again' } },
          on('11'),
        ),
      )
      .thenThrows('FLEET_VEHICLE_NOT_ON_ACCOUNT');
    spec
      .given([opened, vin2, removed])
      .when(cmd({ type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN2 } }, on('12')))
      .then([
        {
          type: 'FleetVehicleRegistered',
          data: { ...ids, vin: VIN2, driverCustomerId: null, registeredAt: on('12') },
        },
      ]);
  });

  it('removing a driver leaves their vehicles on the account without a driver', () => {
    spec
      .given([opened, driverAdded, vin1WithDriver, vin2])
      .when(
        cmd(
          {
            type: 'RemoveFleetDriver',
            data: { accountId: 'fa-1', customerId: 'cu-d1', reason: 'left the company' },
          },
          on('08'),
        ),
      )
      .then([
        {
          type: 'FleetDriverRemoved',
          data: {
            ...ids,
            customerId: 'cu-d1',
            reason: 'left the company',
            vehiclesUnassigned: [VIN1],
            removedAt: on('08'),
          },
        },
      ]);
    spec
      .given([opened])
      .when(
        cmd(
          { type: 'RemoveFleetDriver', data: { accountId: 'fa-1', customerId: 'cu-d1', reason: 'x' } },
          on('08'),
        ),
      )
      .thenThrows('FLEET_DRIVER_NOT_ON_ACCOUNT');
  });

  it('refuses a fact on a vehicle or a driver dated before the last fact on it, whatever came in between', () => {
    const removed: FleetAccountEvent = {
      type: 'FleetVehicleRemoved',
      data: { ...ids, vin: VIN2, reason: 'sold', removedAt: on('10') },
    };
    // VIN2 was removed on the 10th: a registration dated the 9th arriving now would be read differently
    // had it come first, so it is refused with both times named.
    spec
      .given([opened, vin2, removed])
      .when(cmd({ type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN2 } }, on('09')))
      .thenThrows('FLEET_FACT_OUT_OF_ORDER', {
        accountId: 'fa-1',
        subject: `vehicle ${VIN2}`,
        lastAt: on('10'),
        at: on('09'),
      });
    // The driver's vehicle was registered on the 3rd: removing the driver as of the 2nd is out of order.
    spec
      .given([
        opened,
        { ...driverAdded, data: { ...driverAdded.data, addedAt: on('01', '12:00') } },
        vin1WithDriver,
      ])
      .when(
        cmd(
          { type: 'RemoveFleetDriver', data: { accountId: 'fa-1', customerId: 'cu-d1', reason: 'x' } },
          on('02'),
        ),
      )
      .thenThrows('FLEET_FACT_OUT_OF_ORDER');
    // A vehicle on a different VIN is placed by its own time: a late registration dated the 2nd is fine.
    spec
      .given([opened, vin2, removed])
      .when(cmd({ type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN1 } }, on('02')))
      .then([
        {
          type: 'FleetVehicleRegistered',
          data: { ...ids, vin: VIN1, driverCustomerId: null, registeredAt: on('02') },
        },
      ]);
  });

  it('reassigns the account manager with a reason, keeping who it was; same manager or earlier date refused', () => {
    const reassigned: FleetAccountEvent = {
      type: 'FleetAccountManagerReassigned',
      data: {
        ...ids,
        fromManagerId: 'sc-wang',
        toManagerId: 'sc-li',
        reason: 'wang moved to Pudong',
        reassignedAt: on('15'),
      },
    };
    spec
      .given([opened])
      .when(
        cmd(
          {
            type: 'ReassignFleetAccountManager',
            data: { accountId: 'fa-1', accountManagerId: 'sc-li', reason: 'wang moved to Pudong' },
          },
          on('15'),
        ),
      )
      .then([reassigned]);
    spec
      .given([opened, reassigned])
      .when(
        cmd(
          {
            type: 'ReassignFleetAccountManager',
            data: { accountId: 'fa-1', accountManagerId: 'sc-li', reason: 'x' },
          },
          on('16'),
        ),
      )
      .thenThrows('FLEET_MANAGER_UNCHANGED');
    spec
      .given([opened, reassigned])
      .when(
        cmd(
          {
            type: 'ReassignFleetAccountManager',
            data: { accountId: 'fa-1', accountManagerId: 'sc-zhao', reason: 'x' },
          },
          on('14'),
        ),
      )
      .thenThrows('FLEET_FACT_OUT_OF_ORDER');
    spec
      .given([opened])
      .when(
        cmd(
          {
            type: 'ReassignFleetAccountManager',
            data: { accountId: 'fa-1', accountManagerId: 'sc-li', reason: 'x' },
          },
          '2026-02-01T10:00:00+08:00',
        ),
      )
      .thenThrows('FLEET_FACT_BEFORE_OPENING');
  });
});
