import type { ProspectEvent, ProspectRegistered } from '../../../src/domain/prospect/prospect.events';
import { salesForecastProspectsProjection } from '../../../src/projections/sales-forecast-prospects/sales-forecast-prospects.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(salesForecastProspectsProjection);
const id = { prospectId: 'p-1' };
const step = (event: ProspectEvent) => event;

const registered: ProspectRegistered = {
  type: 'ProspectRegistered',
  data: {
    ...id,
    dealerId: 'd-1',
    consultantId: 'sc-li',
    channel: 'walk-in',
    contact: { customerId: 'cu-1', name: 'pii:1:name:cu-1:bmFtZQ', phone: 'pii:1:phone:cu-1:cGhvbmU' },
    phoneHash: 'phone-hmac-1',
    modelOfInterest: 'Lavida',
    budgetFen: null,
    expectedPurchaseBy: null,
    campaignId: null,
    grade: 'B',
    registeredAt: '2026-03-02T02:00:00.000Z',
    followUpPolicyVersion: 'follow-up-v1',
  },
};
const base = {
  prospectId: 'p-1',
  dealerId: 'd-1',
  consultantId: 'sc-li',
  model: 'Lavida',
};

describe('sales-forecast-prospects projection', () => {
  it('holds an open prospect with its grade and registration as its last grading', () =>
    spec.when([registered]).then({
      'p-1': { ...base, grade: 'B', gradedAt: '2026-03-02T02:00:00.000Z', open: true },
    }));

  it('moves the grading date with a regrade, and the holder with a reassignment', () =>
    spec
      .given([registered])
      .when([
        step({
          type: 'ProspectGraded',
          data: {
            ...id,
            dealerId: 'd-1',
            from: 'B',
            to: 'H',
            note: null,
            gradedAt: '2026-03-09T02:00:00.000Z',
          },
        }),
        step({
          type: 'ProspectReassigned',
          data: {
            ...id,
            dealerId: 'd-1',
            fromConsultantId: 'sc-li',
            toConsultantId: 'sc-wu',
            reason: 'leave',
            reassignedAt: '2026-03-10T02:00:00.000Z',
          },
        }),
      ])
      .then({
        'p-1': {
          ...base,
          consultantId: 'sc-wu',
          grade: 'H',
          gradedAt: '2026-03-09T02:00:00.000Z',
          open: true,
        },
      }));

  it('closes it when ordered or lost, and opens it again, graded anew, on reactivation or a cancelled order', () =>
    spec
      .given([registered])
      .when([
        step({
          type: 'ProspectLost',
          data: {
            ...id,
            dealerId: 'd-1',
            reason: 'postponed',
            note: null,
            stage: 'registered',
            gradeBefore: 'B',
            lostAt: '2026-03-05T02:00:00.000Z',
          },
        }),
        step({
          type: 'ProspectReactivated',
          data: {
            ...id,
            dealerId: 'd-1',
            grade: 'A',
            reason: 'called back',
            reactivatedAt: '2026-03-12T02:00:00.000Z',
          },
        }),
        step({
          type: 'ProspectOrdered',
          data: {
            ...id,
            dealerId: 'd-1',
            saleId: 's-1',
            model: 'Lavida',
            priceFen: 1,
            orderedAt: '2026-03-14T02:00:00.000Z',
          },
        }),
        step({
          type: 'ProspectReopenedAfterCancellation',
          data: {
            ...id,
            dealerId: 'd-1',
            saleId: 's-1',
            reason: 'loan refused',
            grade: 'A',
            stage: 'quoted',
            reopenedAt: '2026-03-18T02:00:00.000Z',
          },
        }),
      ])
      .then({ 'p-1': { ...base, grade: 'A', gradedAt: '2026-03-18T02:00:00.000Z', open: true } }));

  it('keeps an ordered prospect closed', () =>
    spec
      .given([registered])
      .when([
        step({
          type: 'ProspectOrdered',
          data: {
            ...id,
            dealerId: 'd-1',
            saleId: 's-1',
            model: 'Lavida',
            priceFen: 1,
            orderedAt: '2026-03-14T02:00:00.000Z',
          },
        }),
      ])
      .then({ 'p-1': { ...base, grade: 'O', gradedAt: '2026-03-02T02:00:00.000Z', open: false } }));

  it('is not moved by a follow-up or a stage step', () =>
    spec
      .given([registered])
      .when([
        step({
          type: 'NeedsAnalysed',
          data: { ...id, summary: 'first car', analysedAt: '2026-03-03T02:00:00.000Z' },
        }),
      ])
      .thenNothingChanges());
});
