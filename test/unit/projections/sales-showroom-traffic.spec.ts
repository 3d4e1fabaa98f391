import type { ProspectEvent } from '../../../src/domain/prospect/prospect.events';
import type { WalkInGroupsLogged } from '../../../src/domain/showroom/showroom-traffic';
import { salesShowroomTrafficProjection } from '../../../src/projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(salesShowroomTrafficProjection);

const logged = (date: string, groups: number, loggedAt: string, dealerId = 'd-1'): WalkInGroupsLogged => ({
  type: 'WalkInGroupsLogged',
  data: { dealerId, date, groups, note: null, loggedAt },
});

describe('sales-showroom-traffic projection', () => {
  it('starts a dealer-month with the first logged day', () =>
    spec.when([logged('2026-03-02', 7, '2026-03-02T10:00:00.000Z')]).then({
      'd-1:2026-03': { dealerId: 'd-1', month: '2026-03', groups: 7, days: { '2026-03-02': 7 } },
    }));

  it('adds up several logs of a day and the days of the month', () =>
    spec
      .given([logged('2026-03-02', 7, '2026-03-02T06:00:00.000Z')])
      .when([
        logged('2026-03-02', 5, '2026-03-02T11:00:00.000Z'),
        logged('2026-03-03', 4, '2026-03-03T11:00:00.000Z'),
      ])
      .then({
        'd-1:2026-03': {
          dealerId: 'd-1',
          month: '2026-03',
          groups: 16,
          days: { '2026-03-02': 12, '2026-03-03': 4 },
        },
      }));

  it('counts a day logged late in the month of the day, each dealer apart', () =>
    spec
      .when([
        logged('2026-03-31', 3, '2026-04-01T02:00:00.000Z'),
        logged('2026-04-01', 2, '2026-04-01T03:00:00.000Z'),
        logged('2026-03-31', 9, '2026-03-31T10:00:00.000Z', 'd-2'),
      ])
      .then({
        'd-1:2026-03': { dealerId: 'd-1', month: '2026-03', groups: 3, days: { '2026-03-31': 3 } },
        'd-1:2026-04': { dealerId: 'd-1', month: '2026-04', groups: 2, days: { '2026-04-01': 2 } },
        'd-2:2026-03': { dealerId: 'd-2', month: '2026-03', groups: 9, days: { '2026-03-31': 9 } },
      }));

  it('does not count walk-in prospects: reception logs the groups', () => {
    const walkIn: ProspectEvent = {
      type: 'ProspectRegistered',
      data: {
        prospectId: 'p-1',
        dealerId: 'd-1',
        consultantId: 'u-sc-1',
        channel: 'walk-in',
        contact: { customerId: 'cu-1', name: 'pii:1:name:cu-1:bmFtZQ', phone: 'pii:1:phone:cu-1:cGhvbmU' },
        phoneHash: 'phone-hmac-1',
        modelOfInterest: 'EV-5',
        budgetFen: null,
        expectedPurchaseBy: null,
        campaignId: null,
        grade: 'C',
        registeredAt: '2026-03-02T03:00:00.000Z',
        followUpPolicyVersion: 'follow-up-v1',
      },
    };
    spec
      .given([logged('2026-03-02', 7, '2026-03-02T10:00:00.000Z')])
      .when([walkIn])
      .thenNothingChanges();
  });
});
