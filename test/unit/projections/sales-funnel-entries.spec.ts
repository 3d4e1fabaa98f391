import type { ProspectEvent, ProspectRegistered } from '../../../src/domain/prospect/prospect.events';
import type { VehicleSaleEvent } from '../../../src/domain/vehicle-sale/vehicle-sale.events';
import { salesFunnelEntriesProjection } from '../../../src/projections/sales-funnel-entries/sales-funnel-entries.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(salesFunnelEntriesProjection);

const id = { prospectId: 'p-1' };
const step = (event: ProspectEvent | VehicleSaleEvent) => event;

const registered = (registeredAt = '2026-03-02T02:00:00.000Z'): ProspectRegistered => ({
  type: 'ProspectRegistered',
  data: {
    ...id,
    dealerId: 'd-1',
    consultantId: 'u-sc-1',
    channel: 'web',
    contact: { customerId: 'cu-1', name: 'pii:1:name:cu-1:bmFtZQ', phone: 'pii:1:phone:cu-1:cGhvbmU' },
    phoneHash: 'phone-hmac-1',
    modelOfInterest: 'EV-5',
    budgetFen: null,
    expectedPurchaseBy: null,
    campaignId: null,
    grade: 'B',
    registeredAt,
    followUpPolicyVersion: 'follow-up-v1',
  },
});

const quoted = step({
  type: 'QuoteIssued',
  data: {
    ...id,
    model: 'EV-5',
    listPriceFen: 20_000_000,
    discountFen: 0,
    priceFen: 20_000_000,
    financeOption: 'cash',
    quotedAt: '2026-03-04T02:00:00.000Z',
  },
});
const presented = step({
  type: 'VehiclePresented',
  data: { ...id, model: 'EV-5', presentedAt: '2026-03-05T02:00:00.000Z' },
});
const ordered = step({
  type: 'ProspectOrdered',
  data: {
    ...id,
    dealerId: 'd-1',
    saleId: 's-1',
    model: 'EV-5',
    priceFen: 20_000_000,
    orderedAt: '2026-03-06T02:00:00.000Z',
  },
});

describe('sales-funnel-entries projection', () => {
  it('enters a prospect in the cohort of its registration month (UTC+8)', () =>
    // 16:30 UTC on 31 March is 1 April in Shanghai: the April cohort.
    spec.when([registered('2026-03-31T16:30:00.000Z')]).then({
      'p-1': {
        prospectId: 'p-1',
        dealerId: 'd-1',
        cohortMonth: '2026-04',
        consultantId: 'u-sc-1',
        model: 'EV-5',
        channel: 'web',
        furthestStage: 'registered',
        grade: 'B',
        testDriven: false,
        lostReason: null,
        lostStage: null,
        touches: 0,
        saleId: null,
        orderCancelled: false,
      },
    }));

  it('keeps the furthest stage reached: a later, earlier step does not move it back', () =>
    spec
      .given([registered()])
      .when([quoted, presented])
      // Quoted without a test drive: the skipped drive counts as passed in the stage, not as driven.
      .thenMatches({ 'p-1': { furthestStage: 'quoted', testDriven: false } }));

  it('follows an order to delivery, and marks a cancelled order', () => {
    const delivered = step({
      type: 'VehicleDelivered',
      data: {
        saleId: 's-1',
        ...id,
        dealerId: 'd-1',
        consultantId: 'u-sc-1',
        customerId: 'cu-1',
        vin: 'LVIN0000000000001',
        model: 'EV-5',
        promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
        deliveredAt: '2026-03-18T02:00:00.000Z',
        onTime: true,
        callbackDueAt: '2026-03-25T02:00:00.000Z',
      },
    });
    spec
      .given([registered(), quoted])
      .when([ordered, delivered])
      .thenMatches({
        'p-1': { furthestStage: 'delivered', grade: 'O', saleId: 's-1', orderCancelled: false },
      });
    spec
      .given([registered(), quoted, ordered])
      .when([
        step({
          type: 'OrderCancelled',
          data: {
            saleId: 's-1',
            ...id,
            dealerId: 'd-1',
            reason: 'financing',
            cancelledAt: '2026-03-08T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({ 'p-1': { furthestStage: 'ordered', orderCancelled: true } });
  });

  it('counts a prospect re-opened after a cancelled sale as quoted and open, and ordered again on a new order', () => {
    const cancelled = step({
      type: 'OrderCancelled',
      data: {
        saleId: 's-1',
        ...id,
        dealerId: 'd-1',
        reason: 'financing',
        cancelledAt: '2026-03-08T02:00:00.000Z',
      },
    });
    const reopened = step({
      type: 'ProspectReopenedAfterCancellation',
      data: {
        ...id,
        dealerId: 'd-1',
        saleId: 's-1',
        reason: 'financing',
        grade: 'B',
        stage: 'quoted',
        reopenedAt: '2026-03-08T02:00:00.000Z',
      },
    });
    spec
      .given([registered(), quoted, ordered])
      .when([cancelled, reopened])
      .thenMatches({ 'p-1': { furthestStage: 'quoted', grade: 'B', orderCancelled: true } });
    spec
      .given([registered(), quoted, ordered, cancelled, reopened])
      .when([
        step({
          type: 'ProspectOrdered',
          data: {
            ...id,
            dealerId: 'd-1',
            saleId: 's-2',
            model: 'EV-5',
            priceFen: 19_000_000,
            orderedAt: '2026-03-10T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({ 'p-1': { furthestStage: 'ordered', grade: 'O', saleId: 's-2', orderCancelled: true } });
  });

  it('counts a completed test drive, touches, grades, a loss, a reactivation and a reassignment', () =>
    spec
      .given([registered()])
      .when([
        step({
          type: 'TestDriveCompleted',
          data: { ...id, model: 'EV-5', drivenAt: '2026-03-03T02:00:00.000Z' },
        }),
        step({
          type: 'ProspectTouched',
          data: {
            ...id,
            dealerId: 'd-1',
            channel: 'phone',
            touchedAt: '2026-03-03T05:00:00.000Z',
            note: null,
          },
        }),
        step({
          type: 'ProspectLost',
          data: {
            ...id,
            dealerId: 'd-1',
            reason: 'bought-competitor-brand',
            note: null,
            stage: 'test-driven',
            gradeBefore: 'B',
            lostAt: '2026-03-10T02:00:00.000Z',
          },
        }),
        step({
          type: 'ProspectReactivated',
          data: {
            ...id,
            dealerId: 'd-1',
            grade: 'A',
            reason: 'came back',
            reactivatedAt: '2026-03-15T02:00:00.000Z',
          },
        }),
        step({
          type: 'ProspectReassigned',
          data: {
            ...id,
            dealerId: 'd-1',
            fromConsultantId: 'u-sc-1',
            toConsultantId: 'u-sc-2',
            reason: 'leave',
            reassignedAt: '2026-03-16T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'p-1': {
          furthestStage: 'test-driven',
          testDriven: true,
          touches: 1,
          grade: 'A',
          lostReason: null,
          lostStage: null,
          consultantId: 'u-sc-2',
        },
      }));

  it('keeps the reason and stage of a loss', () =>
    spec
      .given([registered(), presented])
      .when([
        step({
          type: 'ProspectLost',
          data: {
            ...id,
            dealerId: 'd-1',
            reason: 'price',
            note: null,
            stage: 'presented',
            gradeBefore: 'B',
            lostAt: '2026-03-10T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'p-1': { grade: 'F', lostReason: 'price', lostStage: 'presented', furthestStage: 'presented' },
      }));

  it('ignores the follow-up work and bookings, which move no funnel figure', () =>
    spec
      .given([registered()])
      .when([
        step({
          type: 'FollowUpRecorded',
          data: {
            ...id,
            consultantId: 'u-sc-1',
            channel: 'wechat',
            outcome: 'reached',
            note: null,
            contactedAt: '2026-03-03T02:00:00.000Z',
            nextContactAt: null,
          },
        }),
        step({
          type: 'TestDriveBooked',
          data: {
            ...id,
            model: 'EV-5',
            scheduledFor: '2026-03-06T02:00:00.000Z',
            bookedAt: '2026-03-03T02:10:00.000Z',
          },
        }),
      ])
      .thenNothingChanges());

  it('refuses a step before the registration', () =>
    spec
      .when([quoted])
      .thenThrows("prospect p-1: QuoteIssued before ProspectRegistered: check the prospect's stream"));
});
