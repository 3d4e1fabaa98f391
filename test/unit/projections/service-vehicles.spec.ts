import type {
  RepairOrderEvent,
  RepairOrderSettled,
} from '../../../src/domain/repair-order/repair-order.events';
import { serviceVehiclesProjection } from '../../../src/projections/service-vehicles/service-vehicles.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(serviceVehiclesProjection);

const VIN = 'LVIN0000000000001';
// Plates are stored encrypted with the owner's key (docs/privacy.md): a new owner's plate is another string.
const PLATE_CU1 = 'pii:1:plate:cu-1:cGxhdGUtMQ';
const PLATE_CU2 = 'pii:1:plate:cu-2:cGxhdGUtMg';

const settled = (
  repairOrderId: string,
  settledAt: string,
  mileageKm: number,
  owner: { customerId: string; plate: string } = { customerId: 'cu-1', plate: PLATE_CU1 },
  dealerId = 'd-1',
): RepairOrderSettled => ({
  type: 'RepairOrderSettled',
  data: {
    repairOrderId,
    dealerId,
    vin: VIN,
    ...owner,
    roType: 'paid-maintenance',
    payer: 'customer',
    labourFen: 30_000,
    partsFen: 20_000,
    totalFen: 50_000,
    mileageKm,
    checkedInAt: settledAt,
    fromAppointment: false,
    rework: false,
    operationCodes: ['OIL'],
    technicians: [],
    settledAt,
    callbackDueAt: settledAt,
  },
});

const reading = (repairOrderId: string, settledAt: string, mileageKm: number) => ({
  repairOrderId,
  settledAt,
  mileageKm,
  checkedInAt: settledAt,
});

const checkedIn: RepairOrderEvent = {
  type: 'VehicleCheckedIn',
  data: {
    repairOrderId: 'ro-2',
    dealerId: 'd-1',
    vin: VIN,
    plate: PLATE_CU1,
    customerId: 'cu-1',
    mileageKm: 11_000,
    customerDescription: 'service',
    serviceAdvisorId: 'u-sa-1',
    checkedInAt: '2026-02-10T01:00:00.000Z',
    fromAppointment: false,
  },
};

describe('service-vehicles projection', () => {
  it('starts a vehicle at a dealer with its first settled repair order', () =>
    spec.when([settled('ro-1', '2026-01-10T02:00:00.000Z', 10_000)]).then({
      [`d-1:${VIN}`]: {
        dealerId: 'd-1',
        vin: VIN,
        plate: PLATE_CU1,
        customerId: 'cu-1',
        settledMonths: ['2026-01'],
        settlements: ['2026-01-10T02:00:00.000Z'],
        visits: 1,
        first: reading('ro-1', '2026-01-10T02:00:00.000Z', 10_000),
        last: reading('ro-1', '2026-01-10T02:00:00.000Z', 10_000),
      },
    }));

  it('counts each visit, each business month once, and takes the owner of the latest visit', () =>
    spec
      .given([settled('ro-1', '2026-01-10T02:00:00.000Z', 10_000)])
      .when([
        settled('ro-2', '2026-01-25T02:00:00.000Z', 11_000),
        // 17:00 UTC on 28 February is 1 March in Shanghai.
        settled('ro-3', '2026-02-28T17:00:00.000Z', 12_500, { customerId: 'cu-2', plate: PLATE_CU2 }),
      ])
      .thenMatches({
        [`d-1:${VIN}`]: {
          plate: PLATE_CU2,
          customerId: 'cu-2',
          settledMonths: ['2026-01', '2026-03'],
          visits: 3,
          first: reading('ro-1', '2026-01-10T02:00:00.000Z', 10_000),
          last: reading('ro-3', '2026-02-28T17:00:00.000Z', 12_500),
        },
      }));

  it('orders a visit synced late by its settlement time, not by its arrival', () =>
    spec
      .given([settled('ro-2', '2026-03-10T02:00:00.000Z', 20_000)])
      .when([settled('ro-1', '2025-11-10T02:00:00.000Z', 15_000, { customerId: 'cu-2', plate: PLATE_CU2 })])
      .thenMatches({
        [`d-1:${VIN}`]: {
          // The earlier visit's owner does not replace the latest one's.
          plate: PLATE_CU1,
          customerId: 'cu-1',
          settledMonths: ['2025-11', '2026-03'],
          settlements: ['2025-11-10T02:00:00.000Z', '2026-03-10T02:00:00.000Z'],
          visits: 2,
          first: reading('ro-1', '2025-11-10T02:00:00.000Z', 15_000),
          last: reading('ro-2', '2026-03-10T02:00:00.000Z', 20_000),
        },
      }));

  it('keeps one document per dealer for the same vehicle', () =>
    spec
      .given([settled('ro-1', '2026-01-10T02:00:00.000Z', 10_000)])
      .when([settled('ro-9', '2026-02-10T02:00:00.000Z', 11_000, undefined, 'd-2')])
      .thenMatches({ [`d-1:${VIN}`]: { visits: 1 }, [`d-2:${VIN}`]: { dealerId: 'd-2', visits: 1 } }));

  it('knows no vehicle before its first settlement', () =>
    spec.when([checkedIn]).thenNoDocument(`d-1:${VIN}`));

  it('ignores the repair order steps before settlement', () => {
    spec
      .given([settled('ro-1', '2026-01-10T02:00:00.000Z', 10_000)])
      .when([checkedIn])
      .thenNothingChanges();
  });
});
