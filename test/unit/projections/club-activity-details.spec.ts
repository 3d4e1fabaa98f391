import type { ClubActivityEvent } from '../../../src/domain/club-activity/club-activity.events';
import { clubActivityDetailsProjection } from '../../../src/projections/club-activity-details/club-activity-details.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(clubActivityDetailsProjection);
const ON = { activityId: 'a-1', dealerId: 'd-1' };
const BEFORE = '2026-06-05T02:00:00.000Z';
const AFTER = '2026-06-10T10:30:00.000Z';
const planned: ClubActivityEvent = {
  type: 'ClubActivityPlanned',
  data: {
    ...ON,
    title: 'Winter tyre workshop',
    startsAt: '2026-06-10T10:00:00.000Z',
    endsAt: '2026-06-10T12:00:00.000Z',
    capacity: 3,
    attendancePoints: 100,
    plannedAt: '2026-06-01T02:00:00.000Z',
  },
};
const signedUp = (customerId: string): ClubActivityEvent => ({
  type: 'ClubActivitySignedUp',
  data: { ...ON, customerId, signedUpAt: BEFORE },
});

describe('club-activity-details projection (GET /club/activities/{id})', () => {
  it('lists sign-ups with their status; attendance rate = attended ÷ signed up, a cancelled one left out', () =>
    spec
      .given([planned, signedUp('cu-1'), signedUp('cu-2'), signedUp('cu-3')])
      .when([
        { type: 'ClubActivitySignUpCancelled', data: { ...ON, customerId: 'cu-3', cancelledAt: BEFORE } },
        { type: 'ClubActivityAttended', data: { ...ON, customerId: 'cu-1', points: 100, attendedAt: AFTER } },
        { type: 'ClubActivityNoShowRecorded', data: { ...ON, customerId: 'cu-2', recordedAt: AFTER } },
      ])
      // signed up: cu-1, cu-2 = 2 (cu-3 cancelled); attended cu-1 = 1 → 1 ÷ 2 = 0.5; places 3 − 2 = 1
      .thenMatches({
        'a-1': {
          title: 'Winter tyre workshop',
          capacity: 3,
          signedUp: 2,
          attended: 1,
          noShow: 1,
          pending: 0,
          placesLeft: 1,
          attendanceRate: 0.5,
          revision: 6,
          signUps: [
            { customerId: 'cu-1', status: 'attended', signedUpAt: BEFORE, attendanceAt: AFTER },
            { customerId: 'cu-2', status: 'no-show', signedUpAt: BEFORE, attendanceAt: AFTER },
            { customerId: 'cu-3', status: 'cancelled', signedUpAt: BEFORE, attendanceAt: null },
          ],
        },
      }));

  it('an activity nobody signed up for has no attendance rate (null), all places left', () =>
    spec
      .given([])
      .when([planned])
      .thenMatches({ 'a-1': { signedUp: 0, placesLeft: 3, attendanceRate: null, signUps: [] } }));

  it('a no-show corrected to attended counts as attended: 1 ÷ 1 = 1', () =>
    spec
      .given([planned, signedUp('cu-1')])
      .when([
        { type: 'ClubActivityNoShowRecorded', data: { ...ON, customerId: 'cu-1', recordedAt: AFTER } },
        { type: 'ClubActivityAttended', data: { ...ON, customerId: 'cu-1', points: 100, attendedAt: AFTER } },
      ])
      .thenMatches({ 'a-1': { signedUp: 1, attended: 1, noShow: 0, attendanceRate: 1 } }));
});
