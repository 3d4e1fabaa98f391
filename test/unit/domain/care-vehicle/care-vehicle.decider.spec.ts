import type { ReminderDue } from '../../../../src/domain/care-task/care-reminders';
import type { CareVehicleCommand } from '../../../../src/domain/care-vehicle/care-vehicle.commands';
import { careVehicleDecider } from '../../../../src/domain/care-vehicle/care-vehicle.decider';
import type { CareVehicleEvent } from '../../../../src/domain/care-vehicle/care-vehicle.events';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(careVehicleDecider);
const desk = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-sh-01' };
const reactor = { userId: 'reactor:care-vehicle-service', role: 'system', dealerId: null };
const vin = 'LSVAB4BR2NN123456';
const version = 'care-reminders-2026-1';

const record = (now: string, dates: { insurance?: string; inspection?: string }, dealerId = 'd-sh-01') =>
  ({
    type: 'RecordVehicleDates',
    data: {
      vin,
      dealerId,
      customerId: 'cu-1',
      insuranceExpiresOn: dates.insurance,
      inspectionDueOn: dates.inspection,
    },
    metadata: { now, actor: desk },
  }) as CareVehicleCommand;

const reminder = (
  over: Partial<ReminderDue> & Pick<ReminderDue, 'recordId' | 'openedAt' | 'dueAt' | 'basis'>,
) => ({
  dealerId: 'd-sh-01',
  customerId: 'cu-1',
  supersededAt: null,
  ...over,
});

const insured = (recordedAt: string, expiresOn: string, reminders: ReminderDue[]): CareVehicleEvent => ({
  type: 'VehicleInsuranceExpiryRecorded',
  data: {
    vin,
    dealerId: 'd-sh-01',
    customerId: 'cu-1',
    recordedAt,
    rulesVersion: version,
    expiresOn,
    reminders,
  },
});

describe('care vehicle decider', () => {
  it('records an insurance expiry: its reminder is due 30 days before, at midnight CST', () => {
    // Expires 15 March 2027; 30 days earlier (February 2027 has 28 days) is 13 Feb, 00:00 CST = 12 Feb 16:00 UTC.
    spec
      .given([])
      .when(record('2026-06-01T02:00:00.000Z', { insurance: '2027-03-15' }))
      .then([
        insured('2026-06-01T02:00:00.000Z', '2027-03-15', [
          reminder({
            recordId: `${vin}-20270315`,
            openedAt: '2026-06-01T02:00:00.000Z',
            dueAt: '2027-02-12T16:00:00.000Z',
            basis: '2027-03-15',
          }),
        ]),
      ]);
  });

  it('records both dates as two events, and refuses a command with neither', () => {
    // Inspection 31 May 2027 → 30 days before: 1 May 2027 00:00 CST = 30 April 16:00 UTC.
    spec
      .given([])
      .when(record('2026-06-01T02:00:00.000Z', { insurance: '2027-03-15', inspection: '2027-05-31' }))
      .then([
        insured('2026-06-01T02:00:00.000Z', '2027-03-15', [
          reminder({
            recordId: `${vin}-20270315`,
            openedAt: '2026-06-01T02:00:00.000Z',
            dueAt: '2027-02-12T16:00:00.000Z',
            basis: '2027-03-15',
          }),
        ]),
        {
          type: 'VehicleInspectionDueRecorded',
          data: {
            vin,
            dealerId: 'd-sh-01',
            customerId: 'cu-1',
            recordedAt: '2026-06-01T02:00:00.000Z',
            rulesVersion: version,
            dueOn: '2027-05-31',
            reminders: [
              reminder({
                recordId: `${vin}-20270531`,
                openedAt: '2026-06-01T02:00:00.000Z',
                dueAt: '2027-04-30T16:00:00.000Z',
                basis: '2027-05-31',
              }),
            ],
          },
        },
      ]);
    spec.given([]).when(record('2026-06-01T02:00:00.000Z', {})).thenThrows('VEHICLE_DATES_MISSING');
  });

  it('a revised date makes a new reminder and supersedes the old one from the revision', () => {
    const first = reminder({
      recordId: `${vin}-20270315`,
      openedAt: '2026-06-01T02:00:00.000Z',
      dueAt: '2027-02-12T16:00:00.000Z',
      basis: '2027-03-15',
    });
    // Renewed to 20 April 2027 on 1 July: 30 days before is 21 March 2027 00:00 CST = 20 March 16:00 UTC.
    spec
      .given([insured('2026-06-01T02:00:00.000Z', '2027-03-15', [first])])
      .when(record('2026-07-01T02:00:00.000Z', { insurance: '2027-04-20' }))
      .then([
        insured('2026-07-01T02:00:00.000Z', '2027-04-20', [
          { ...first, supersededAt: '2026-07-01T02:00:00.000Z' },
          reminder({
            recordId: `${vin}-20270420`,
            openedAt: '2026-07-01T02:00:00.000Z',
            dueAt: '2027-03-20T16:00:00.000Z',
            basis: '2027-04-20',
          }),
        ]),
      ]);
  });

  it('a revision synced late, dated before the current one, supersedes nothing current (business time)', () => {
    const current = reminder({
      recordId: `${vin}-20270420`,
      openedAt: '2026-07-01T02:00:00.000Z',
      dueAt: '2027-03-20T16:00:00.000Z',
      basis: '2027-04-20',
    });
    // The 15 March date was told on 1 June but synced after the 1 July revision: it is the older one, so it
    // is superseded on 1 July, and the 20 April date stays current, as in business-time order.
    spec
      .given([insured('2026-07-01T02:00:00.000Z', '2027-04-20', [current])])
      .when(record('2026-06-01T02:00:00.000Z', { insurance: '2027-03-15' }))
      .then([
        insured('2026-06-01T02:00:00.000Z', '2027-03-15', [
          reminder({
            recordId: `${vin}-20270315`,
            openedAt: '2026-06-01T02:00:00.000Z',
            dueAt: '2027-02-12T16:00:00.000Z',
            basis: '2027-03-15',
            supersededAt: '2026-07-01T02:00:00.000Z',
          }),
          current,
        ]),
      ]);
  });

  it('a date recorded less than 30 days before it is due at once', () => {
    // Told on 10 March 2027 10:00 CST that the policy expires on the 15th: due when recorded.
    spec
      .given([])
      .when(record('2027-03-10T02:00:00.000Z', { insurance: '2027-03-15' }))
      .then([
        insured('2027-03-10T02:00:00.000Z', '2027-03-15', [
          reminder({
            recordId: `${vin}-20270315`,
            openedAt: '2027-03-10T02:00:00.000Z',
            dueAt: '2027-03-10T02:00:00.000Z',
            basis: '2027-03-15',
          }),
        ]),
      ]);
  });

  it("refuses another dealer's revision of the dates", () => {
    spec
      .given([insured('2026-06-01T02:00:00.000Z', '2027-03-15', [])])
      .when(record('2026-07-01T02:00:00.000Z', { insurance: '2027-04-20' }, 'd-bj-02'))
      .thenThrows('VEHICLE_DATES_OTHER_DEALER', { dealerId: 'd-sh-01' });
  });

  describe('settled repair orders (maintenance)', () => {
    const settle = (repairOrderId: string, settledAt: string, mileageKm: number): CareVehicleCommand => ({
      type: 'RecordVehicleService',
      data: {
        vin,
        dealerId: 'd-sh-01',
        customerId: 'cu-1',
        repairOrderId,
        settledAt,
        checkedInAt: settledAt,
        mileageKm,
      },
      metadata: { now: settledAt, actor: reactor },
    });
    const served = (
      repairOrderId: string,
      settledAt: string,
      mileageKm: number,
      reminders: ReminderDue[],
    ): CareVehicleEvent => ({
      type: 'VehicleServiceRecorded',
      data: {
        vin,
        dealerId: 'd-sh-01',
        customerId: 'cu-1',
        repairOrderId,
        settledAt,
        checkedInAt: settledAt,
        mileageKm,
        rulesVersion: version,
        reminders,
      },
    });
    // First service 10 Jan 2026 10:00 CST at 5,000 km: one reading, so only the time rule: + 6 months.
    const firstDue = reminder({
      recordId: 'ro-1',
      openedAt: '2026-01-10T02:00:00.000Z',
      dueAt: '2026-07-10T02:00:00.000Z',
      basis: 'time',
    });

    it('the first settlement is due 6 months on (one reading: the time rule)', () => {
      spec
        .given([])
        .when(settle('ro-1', '2026-01-10T02:00:00.000Z', 5_000))
        .then([served('ro-1', '2026-01-10T02:00:00.000Z', 5_000, [firstDue])]);
    });

    it('the next settlement supersedes the old reminder; mileage decides when it comes first', () => {
      // 2nd service 20 Jan (10 days later) at 6,000 km: 100 km a day, so 7,500 km more take 75 days:
      // 20 Jan + 75 days = 5 April 2026 10:00 CST, before 20 July (6 months): due by mileage.
      spec
        .given([served('ro-1', '2026-01-10T02:00:00.000Z', 5_000, [firstDue])])
        .when(settle('ro-2', '2026-01-20T02:00:00.000Z', 6_000))
        .then([
          served('ro-2', '2026-01-20T02:00:00.000Z', 6_000, [
            { ...firstDue, supersededAt: '2026-01-20T02:00:00.000Z' },
            reminder({
              recordId: 'ro-2',
              openedAt: '2026-01-20T02:00:00.000Z',
              dueAt: '2026-04-05T02:00:00.000Z',
              basis: 'mileage',
            }),
          ]),
        ]);
    });

    it('records a repair order once (the reactor runs at least once)', () => {
      spec
        .given([served('ro-1', '2026-01-10T02:00:00.000Z', 5_000, [firstDue])])
        .when(settle('ro-1', '2026-01-10T02:00:00.000Z', 5_000))
        .then([]);
    });
  });
});
