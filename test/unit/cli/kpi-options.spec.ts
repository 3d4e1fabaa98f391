import { kpiParamsOf } from '../../../src/cli/analytics/kpi-options';
import { UsageError } from '../../../src/cli/cli-command';

describe('crm kpi options', () => {
  it('takes well-formed values as they are, the window as a number', () => {
    expect(
      kpiParamsOf({
        dealer: 'd-1',
        month: '2026-03',
        fromMonth: '2025-12',
        toMonth: '2026-03',
        asOf: '2026-03-31T12:00:00+08:00',
        windowMonths: '6',
        customer: 'cu-p-a-2',
      }),
    ).toEqual({
      dealer: 'd-1',
      month: '2026-03',
      fromMonth: '2025-12',
      toMonth: '2026-03',
      asOf: '2026-03-31T12:00:00+08:00',
      windowMonths: 6,
      customer: 'cu-p-a-2',
    });
    expect(kpiParamsOf({ asOf: '2026-03-31T04:00Z' }).asOf).toBe('2026-03-31T04:00Z');
  });

  it('refuses a month that is not YYYY-MM, naming the flag and the form', () => {
    expect(() => kpiParamsOf({ month: '2024-1' })).toThrow(UsageError);
    expect(() => kpiParamsOf({ month: '2024-1' })).toThrow('--month 2024-1 is not a month: use YYYY-MM');
    expect(() => kpiParamsOf({ month: '2024-13' })).toThrow(/--month 2024-13 is not a month/);
    expect(() => kpiParamsOf({ fromMonth: '2024/01' })).toThrow(/--from-month 2024\/01 is not a month/);
    expect(() => kpiParamsOf({ toMonth: 'March' })).toThrow(/--to-month March is not a month/);
    expect(() => kpiParamsOf({ fromMonth: '2026-04', toMonth: '2026-03' })).toThrow(
      /--from-month 2026-04 is after --to-month 2026-03/,
    );
  });

  it('refuses an as-of that is not an ISO instant, and a date that does not exist', () => {
    expect(() => kpiParamsOf({ asOf: 'yesterday' })).toThrow(/--as-of yesterday is not an ISO instant/);
    expect(() => kpiParamsOf({ asOf: '2024-1' })).toThrow(/--as-of 2024-1 is not an ISO instant/);
    expect(() => kpiParamsOf({ asOf: '2026-02-30T00:00:00Z' })).toThrow(/is not an ISO instant/);
    expect(() => kpiParamsOf({ asOf: '2026-03-31T12:00:00' })).toThrow(/is not an ISO instant/);
  });

  it('refuses a window that is not a whole number above 0, and an id with spaces or control characters', () => {
    for (const value of ['0', '-1', '1.5', '6x', '']) {
      expect(() => kpiParamsOf({ windowMonths: value })).toThrow(
        `--window-months ${value} is not a whole number of months above 0`,
      );
      expect(() => kpiParamsOf({ window: value })).toThrow(
        `--window ${value} is not a whole number of months above 0`,
      );
    }
    expect(() => kpiParamsOf({ dealer: '' })).toThrow(/--dealer "" is not an id/);
    expect(() => kpiParamsOf({ customer: 'cu 1' })).toThrow(/--customer "cu 1" is not an id/);
  });

  it('reads --window-months, and --window as its former name; both given and differing is refused', () => {
    expect(kpiParamsOf({ windowMonths: '6' }).windowMonths).toBe(6);
    expect(kpiParamsOf({ window: '9' }).windowMonths).toBe(9);
    expect(kpiParamsOf({ window: '6', windowMonths: '6' }).windowMonths).toBe(6);
    expect(() => kpiParamsOf({ window: '9', windowMonths: '6' })).toThrow(
      '--window 9 and --window-months 6 differ: --window is the former name of --window-months',
    );
    expect(kpiParamsOf({}).windowMonths).toBeUndefined();
  });
});
