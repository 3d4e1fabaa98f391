import {
  addMonths,
  lostSince,
  maintenanceDue,
  retentionOf,
  shiftCalendarMonths,
} from '../../../../src/domain/repair-order/service-kpis';

describe('service KPI definitions', () => {
  it('moves by calendar months in China Standard Time, clamping to the month end', () => {
    expect(addMonths('2026-03', -6)).toBe('2025-09');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    // 31 Aug 10:00 in Shanghai − 6 months = 28 Feb 10:00 (2026 is not a leap year).
    expect(shiftCalendarMonths('2026-08-31T02:00:00.000Z', -6)).toBe('2026-02-28T02:00:00.000Z');
    // 1 Mar 01:00 in Shanghai is still 28 Feb in UTC: the month is Shanghai's.
    expect(shiftCalendarMonths('2026-02-28T17:00:00.000Z', -1)).toBe('2026-01-31T17:00:00.000Z');
  });

  it('computes retention from the base month N − W and the months after it, up to N', () => {
    const vehicles = [
      { settledMonths: ['2026-01', '2026-07'] }, // back in N itself: returned
      { settledMonths: ['2026-01', '2026-08'] }, // back after N: not yet
      { settledMonths: ['2025-12', '2026-02'] }, // not in the base
      { settledMonths: ['2026-01'] },
    ];
    expect(retentionOf(vehicles, '2026-07', 6)).toEqual({
      month: '2026-07',
      window: 6,
      baseMonth: '2026-01',
      base: 3,
      returned: 1,
      retention: 0.3333,
      churn: 0.6667,
    });
    expect(retentionOf(vehicles, '2026-03', 6)).toMatchObject({ base: 0, retention: null, churn: null });
  });

  it('counts a vehicle lost only from visits up to the as-of date', () => {
    const settlements = ['2026-01-10T04:00:00.000Z', '2026-09-10T04:00:00.000Z'];
    expect(lostSince(settlements, '2026-09-01T04:00:00.000Z', 6)).toBe('2026-01-10T04:00:00.000Z');
    expect(lostSince(settlements, '2026-09-20T04:00:00.000Z', 6)).toBeNull();
    // Exactly W months: not more than W, so not lost.
    expect(lostSince(settlements, '2026-07-10T04:00:00.000Z', 6)).toBeNull();
    expect(lostSince([], '2026-07-10T04:00:00.000Z', 6)).toBeNull();
  });

  it('takes the sooner of the time and mileage rules for maintenance', () => {
    // 100 km a day: 7,500 km in 75 days, before 6 months.
    const first = {
      mileageKm: 1_000,
      checkedInAt: '2026-01-01T00:00:00.000Z',
      settledAt: '2026-01-01T04:00:00.000Z',
    };
    const last = {
      mileageKm: 4_000,
      checkedInAt: '2026-01-31T00:00:00.000Z',
      settledAt: '2026-01-31T04:00:00.000Z',
    };
    expect(maintenanceDue(first, last, { months: 6, km: 7_500 }, '2026-02-10T00:00:00.000Z')).toEqual({
      dueAt: '2026-04-16T00:00:00.000Z',
      dueBy: 'mileage',
      estimatedMileageKm: 5_000,
    });
    expect(maintenanceDue(last, last, { months: 6, km: 7_500 }, '2026-02-10T00:00:00.000Z')).toEqual({
      dueAt: '2026-07-31T04:00:00.000Z',
      dueBy: 'time',
      estimatedMileageKm: null,
    });
  });
});
