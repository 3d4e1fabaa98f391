import {
  showroomTrafficDecider,
  showroomTrafficStreamId,
} from '../../../../src/domain/showroom/showroom-traffic';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(showroomTrafficDecider);
const reception = { userId: 'rc-1', role: 'reception', dealerId: 'd-sh-01' };

describe('showroom traffic decider', () => {
  it('logs walk-in groups for a business day, several logs adding up', () => {
    spec
      .given([
        {
          type: 'WalkInGroupsLogged',
          data: {
            dealerId: 'd-sh-01',
            date: '2026-03-02',
            groups: 4,
            note: null,
            loggedAt: '2026-03-02T06:00:00.000Z',
          },
        },
      ])
      .when({
        type: 'LogWalkInGroups',
        data: { dealerId: 'd-sh-01', date: '2026-03-02', groups: 3, note: 'afternoon shift' },
        metadata: { now: '2026-03-02T10:00:00.000Z', actor: reception },
      })
      .then([
        {
          type: 'WalkInGroupsLogged',
          data: {
            dealerId: 'd-sh-01',
            date: '2026-03-02',
            groups: 3,
            note: 'afternoon shift',
            loggedAt: '2026-03-02T10:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a day that has not begun in China Standard Time', () => {
    // 2026-03-02T17:00Z is already 3 March 01:00 CST: the 3rd may be logged, the 4th not.
    const log = (date: string) => ({
      type: 'LogWalkInGroups' as const,
      data: { dealerId: 'd-sh-01', date, groups: 1 },
      metadata: { now: '2026-03-02T17:00:00.000Z', actor: reception },
    });
    expect(showroomTrafficDecider.decide(log('2026-03-03'), { status: 'none' })).toHaveLength(1);
    spec.given([]).when(log('2026-03-04')).thenThrows('SHOWROOM_TRAFFIC_DATE_IN_FUTURE', {
      dealerId: 'd-sh-01',
      date: '2026-03-04',
      today: '2026-03-03',
    });
  });

  it('keeps one stream per dealer and day, in a category without a dash', () => {
    expect(showroomTrafficStreamId('d-sh-01', '2026-03-02')).toBe('showroomtraffic-d-sh-01_2026-03-02');
  });
});
