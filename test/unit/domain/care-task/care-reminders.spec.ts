import {
  type DateRevision,
  dateReminders,
  maintenanceReminders,
  type ServiceVisit,
} from '../../../../src/domain/care-task/care-reminders';

const vin = 'LSVAB4BR2NN123456';
const revision = (date: string, at: string, order: number): DateRevision => ({
  date,
  dealerId: 'd-1',
  customerId: 'cu-1',
  at,
  order,
});
const visit = (repairOrderId: string, settledAt: string, mileageKm: number): ServiceVisit => ({
  repairOrderId,
  dealerId: 'd-1',
  customerId: 'cu-1',
  settledAt,
  checkedInAt: settledAt,
  mileageKm,
});

describe('care reminders (business time, never arrival order)', () => {
  it('gives the same date reminders whatever order the revisions arrived in', () => {
    // Told 15 Mar on 1 Jun, 20 Apr on 1 Jul, 15 Mar again on 1 Aug: 15 Mar is current again (not superseded);
    // 20 Apr was superseded on 1 Aug.
    const told = [
      revision('2027-03-15', '2026-06-01T02:00:00.000Z', 0),
      revision('2027-04-20', '2026-07-01T02:00:00.000Z', 1),
      revision('2027-03-15', '2026-08-01T02:00:00.000Z', 2),
    ];
    const expected = [
      {
        recordId: `${vin}-20270315`,
        dealerId: 'd-1',
        customerId: 'cu-1',
        openedAt: '2026-06-01T02:00:00.000Z',
        // 15 Mar 2027 − 30 days = 13 Feb 2027 00:00 CST.
        dueAt: '2027-02-12T16:00:00.000Z',
        basis: '2027-03-15',
        supersededAt: null,
      },
      {
        recordId: `${vin}-20270420`,
        dealerId: 'd-1',
        customerId: 'cu-1',
        openedAt: '2026-07-01T02:00:00.000Z',
        // 20 Apr 2027 − 30 days = 21 Mar 2027 00:00 CST.
        dueAt: '2027-03-20T16:00:00.000Z',
        basis: '2027-04-20',
        supersededAt: '2026-08-01T02:00:00.000Z',
      },
    ];
    expect(dateReminders(vin, told, 30)).toEqual(expected);
    // Arrived 3rd, 1st, 2nd: the stream orders them so, their business times decide.
    const arrived = [
      { ...told[2], order: 0 },
      { ...told[0], order: 1 },
      { ...told[1], order: 2 },
    ];
    expect(dateReminders(vin, arrived, 30)).toEqual(expected);
  });

  it('gives the same maintenance reminders whatever order the settlements arrived in', () => {
    const visits = [
      visit('ro-1', '2026-01-10T02:00:00.000Z', 5_000),
      visit('ro-2', '2026-01-20T02:00:00.000Z', 6_000),
    ];
    // ro-1 is superseded by ro-2 on 20 Jan; ro-2 is due by mileage (100 km a day: 7,500 km in 75 days,
    // 5 April 10:00 CST, before 20 July).
    const expected = [
      expect.objectContaining({ recordId: 'ro-1', supersededAt: '2026-01-20T02:00:00.000Z' }),
      expect.objectContaining({
        recordId: 'ro-2',
        dueAt: '2026-04-05T02:00:00.000Z',
        basis: 'mileage',
        supersededAt: null,
      }),
    ];
    expect(maintenanceReminders(visits)).toEqual(expected);
    expect(maintenanceReminders([...visits].reverse())).toEqual(expected);
  });
});
