import { complianceOf } from '../../../../src/application/complaint/complaint-compliance';
import type { ComplaintDetails } from '../../../../src/projections/complaint-details/complaint-details.projection';

/*
 * Four L1 complaints of d-1 in the 2026-03 cohort; acknowledge deadline 24 h, resolve 72 h from filing. All UTC.
 *  on-time  filed 03-02T01:00, acknowledged 03-02T02:00 (due 03-03T01:00): on time
 *  late     filed 03-02T01:05, acknowledged 03-03T05:00 (due 03-03T01:05, its miss recorded): late
 *  never    filed 03-02T01:10, never acknowledged (due 03-03T01:10, still running)
 *  not-yet  filed 03-03T12:00, not acknowledged (due 03-04T12:00, still running)
 * At asOf 03-04T00:00 the acknowledgements due are on-time, late and never (3); on time: on-time (1) → 1/3.
 * not-yet's deadline has not passed: neither numerator nor denominator.
 */
const AS_OF = '2026-03-04T00:00:00.000Z';

const complaint = (id: string, filedAt: string, patch: Partial<ComplaintDetails>): ComplaintDetails =>
  ({
    complaintId: id,
    dealerId: 'd-1',
    category: 'service',
    level: 'L1',
    filedAt,
    filedMonth: '2026-03',
    clocks: [],
    firstAcknowledgement: null,
    firstResolution: null,
    closedWithinTwoWeeks: null,
    breaches: [],
    ...patch,
  }) as ComplaintDetails;

const running = (clock: 'acknowledge' | 'resolve', startedAt: string, dueBy: string) => ({
  clock,
  startedAt,
  dueBy,
  level: 'L1' as const,
  missed: false,
});

describe('complianceOf: rates over the steps that fell due by asOf', () => {
  const onTime = complaint('on-time', '2026-03-02T01:00:00.000Z', {
    firstAcknowledgement: { at: '2026-03-02T02:00:00.000Z', onTime: true },
    clocks: [running('resolve', '2026-03-02T01:00:00.000Z', '2026-03-05T01:00:00.000Z')],
  });
  const late = complaint('late', '2026-03-02T01:05:00.000Z', {
    firstAcknowledgement: { at: '2026-03-03T05:00:00.000Z', onTime: false },
    breaches: [{ clock: 'acknowledge', dueBy: '2026-03-03T01:05:00.000Z', level: 'L1' }],
    clocks: [running('resolve', '2026-03-02T01:05:00.000Z', '2026-03-05T01:05:00.000Z')],
  });
  const never = complaint('never', '2026-03-02T01:10:00.000Z', {
    clocks: [
      running('acknowledge', '2026-03-02T01:10:00.000Z', '2026-03-03T01:10:00.000Z'),
      running('resolve', '2026-03-02T01:10:00.000Z', '2026-03-05T01:10:00.000Z'),
    ],
  });
  const notYet = complaint('not-yet', '2026-03-03T12:00:00.000Z', {
    clocks: [
      running('acknowledge', '2026-03-03T12:00:00.000Z', '2026-03-04T12:00:00.000Z'),
      running('resolve', '2026-03-03T12:00:00.000Z', '2026-03-06T12:00:00.000Z'),
    ],
  });

  it('counts an acknowledgement never made past its deadline as due and not on time; one not yet due not at all', () => {
    const [row] = complianceOf([onTime, late, never, notYet], AS_OF);
    expect(row).toMatchObject({
      dealerId: 'd-1',
      month: '2026-03',
      filed: 4,
      acknowledged: 2,
      acknowledgedOnTime: 1,
      acknowledgementsDue: 3,
      acknowledgedOnTimeRate: 1 / 3,
      // No resolution made, none due yet (the first falls due 03-05T01:00): no rate.
      resolved: 0,
      resolvedOnTime: 0,
      resolutionsDue: 0,
      resolvedOnTimeRate: null,
    });
  });

  it('counts a resolution deadline passed without a resolution as due; a step after asOf has not happened yet', () => {
    // asOf 03-05T02:00: the resolve deadlines of on-time (01:00), late (01:05) and never (01:10) passed, none
    // resolved: 3 due, 0 on time. late's acknowledgement (03-03T05:00) is before asOf, as before.
    const [row] = complianceOf([onTime, late, never, notYet], '2026-03-05T02:00:00.000Z');
    expect(row).toMatchObject({ resolutionsDue: 3, resolvedOnTime: 0, resolvedOnTimeRate: 0 });
    // asOf 03-03T03:00: late's acknowledgement (05:00) had not happened, but its deadline (01:05) had passed;
    // never's too (01:10): due on-time, late, never = 3, on time 1. not-yet was not filed: not counted.
    const [earlier] = complianceOf([onTime, late, never, notYet], '2026-03-03T03:00:00.000Z');
    expect(earlier).toMatchObject({
      filed: 3,
      acknowledged: 1,
      acknowledgementsDue: 3,
      acknowledgedOnTime: 1,
    });
    // asOf 03-03T01:00: late's deadline (01:05) and never's (01:10) had not passed, so late's recorded miss
    // was not yet a breach: only on-time is due (1 of 1), and no breach counts.
    const [first] = complianceOf([onTime, late, never, notYet], '2026-03-03T01:00:00.000Z');
    expect(first).toMatchObject({ filed: 3, acknowledgementsDue: 1, acknowledgedOnTimeRate: 1, breaches: 0 });
  });

  it('counts a closing within two weeks only once it happened by asOf', () => {
    // Filed 03-02T01:00, first closed 03-06T01:00 (within 14 days). As of 03-04 it was still open.
    const closed = complaint('closed', '2026-03-02T01:00:00.000Z', {
      firstAcknowledgement: { at: '2026-03-02T02:00:00.000Z', onTime: true },
      firstResolution: { at: '2026-03-05T01:00:00.000Z', onTime: true },
      closedWithinTwoWeeks: true,
      firstClosedAt: '2026-03-06T01:00:00.000Z',
      closedAt: '2026-03-06T01:00:00.000Z',
    });
    const [before] = complianceOf([closed], AS_OF);
    expect(before).toMatchObject({ filed: 1, closedWithinTwoWeeks: 0, twoWeekClosureRate: 0 });
    const [after] = complianceOf([closed], '2026-03-07T00:00:00.000Z');
    expect(after).toMatchObject({ filed: 1, closedWithinTwoWeeks: 1, twoWeekClosureRate: 1 });
  });
});
