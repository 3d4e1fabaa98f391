import { fleetKpis } from '../../../../src/application/fleet-account/fleet-kpis';
import type { FleetAccountDetails } from '../../../../src/projections/fleet-accounts/fleet-accounts.projection';

const on = (day: string, time = '10:00') => `2026-03-${day}T${time}:00+08:00`;
const V1 = 'LSVAB4BR5MN000001';
const V2 = 'LSVAB4BR5MN000002';

/** VIN1 on from the 3rd; VIN2 on the 4th..10th; cu-d1 a driver from the 2nd; sc-li manages from the 15th. */
const account: FleetAccountDetails = {
  accountId: 'fa-1',
  dealerId: 'd-1',
  companyName: 'Fleet',
  creditCode: null,
  accountManagerId: 'sc-li',
  managers: [
    { accountManagerId: 'sc-wang', from: on('01'), reason: null, reassignedBy: null },
    { accountManagerId: 'sc-li', from: on('15'), reason: 'moved', reassignedBy: 'dm' },
  ],
  memberCompanies: [],
  drivers: [
    { customerId: 'cu-d1', name: 'n', phone: 'p', addedAt: on('02'), removedAt: null, removalReason: null },
  ],
  vehicles: [
    { vin: V1, driverCustomerId: 'cu-d1', registeredAt: on('03'), removedAt: null, removalReason: null },
    { vin: V2, driverCustomerId: null, registeredAt: on('04'), removedAt: on('10'), removalReason: 'sold' },
  ],
  vehiclesOnAccount: 1,
  openedAt: on('01'),
};
const ro = (
  repairOrderId: string,
  vin: string,
  settledAt: string,
  totalFen: number,
  payer = 'customer',
  dealerId = 'd-1',
) => ({
  repairOrderId,
  dealerId,
  vin,
  payer,
  totalFen,
  settledAt,
});
const orders = [
  ro('ro-before', V1, on('02'), 1_000), // before VIN1 joined: not counted
  ro('ro-1', V1, on('05'), 20_000), // counted, customer-paid
  ro('ro-2', V2, on('06'), 30_000, 'warranty'), // counted, not customer-paid
  ro('ro-3', V2, on('10'), 5_000), // the instant VIN2 left: not counted
  ro('ro-other-dealer', V1, on('07'), 9_000, 'customer', 'd-2'), // another dealer: not counted
  { ...ro('ro-open', V1, on('08'), 0), settledAt: null, totalFen: null }, // not settled
];
const complaints = [
  {
    complaintId: 'c-1',
    dealerId: 'd-1',
    customer: { customerId: 'cu-d1' },
    filedAt: on('05'),
    closedAt: on('09'),
  },
  {
    complaintId: 'c-2',
    dealerId: 'd-1',
    customer: { customerId: 'cu-d1' },
    filedAt: on('08'),
    closedAt: null,
  },
  {
    complaintId: 'c-3',
    dealerId: 'd-1',
    customer: { customerId: 'cu-x' },
    filedAt: on('08'),
    closedAt: null,
  },
];

describe('fleet KPIs', () => {
  it('counts what was on the account at the time, by hand', () => {
    // As of the 8th 12:00: vehicles V1, V2 = 2; drivers 1; repair orders ro-1, ro-2 = 2;
    // spend (customer) 20 000; every payer 20 000 + 30 000 = 50 000; open c-1 (closes the 9th), c-2 = 2.
    expect(
      fleetKpis(account, { asOf: on('08', '12:00'), from: null, month: null }, orders, complaints),
    ).toEqual({
      accountId: 'fa-1',
      dealerId: 'd-1',
      accountManagerId: 'sc-li',
      accountManagerAsOf: 'sc-wang',
      asOf: '2026-03-08T04:00:00.000Z',
      month: null,
      from: null,
      vehicles: 2,
      drivers: 1,
      repairOrders: 2,
      serviceSpendFen: 20_000,
      settledTotalFen: 50_000,
      openComplaints: 2,
    });
    // As of the 20th: V1 only = 1; ro-3 settled at VIN2's removal instant stays out; c-2 open = 1; sc-li.
    expect(fleetKpis(account, { asOf: on('20'), from: null, month: null }, orders, complaints)).toMatchObject(
      {
        accountManagerAsOf: 'sc-li',
        vehicles: 1,
        repairOrders: 2,
        serviceSpendFen: 20_000,
        settledTotalFen: 50_000,
        openComplaints: 1,
      },
    );
  });
});

describe('fleet KPIs from a start', () => {
  it('counts only the repair orders settled from the start on', () => {
    // From the 6th 00:00 to the 20th: ro-1 (the 5th) is before the start; ro-2 (the 6th, warranty) counts:
    // 1 repair order, spend 0 (not customer-paid), every payer 30 000.
    expect(
      fleetKpis(account, { asOf: on('20'), from: on('06', '00:00'), month: '2026-03' }, orders, complaints),
    ).toMatchObject({
      month: '2026-03',
      from: '2026-03-05T16:00:00.000Z',
      repairOrders: 1,
      serviceSpendFen: 0,
      settledTotalFen: 30_000,
    });
  });
});
