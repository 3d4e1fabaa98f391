import type { SpecEvent } from '../../support/projection-spec';
import { projectionSpec } from '../../support/projection-spec';
import { careTasksProjection } from '../../../src/projections/care-tasks/care-tasks.projection';

const spec = projectionSpec(careTasksProjection);
const desk = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-1' };
const manager = { userId: 'dm-zhou', role: 'dealer-manager', dealerId: 'd-1' };

// Delivered 31 Jan 2026 18:00 CST (10:00 UTC): the 7-day call is due 7 Feb 18:00 CST; the 3-month call
// 30 Apr 18:00 CST (31 April does not exist: the day is clamped to the month's end).
const delivered: SpecEvent = {
  type: 'VehicleDelivered',
  data: {
    saleId: 's-1',
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'sc-li',
    customerId: 'cu-1',
    vin: 'LSVAB4BR5MN000001',
    model: 'ID.4',
    promisedDeliveryAt: '2026-01-31T10:00:00.000Z',
    deliveredAt: '2026-01-31T10:00:00.000Z',
    onTime: true,
    callbackDueAt: '2026-02-07T10:00:00.000Z',
  },
};
const saleCallback = (calledAt: string, reached: boolean): SpecEvent => ({
  type: 'DeliveryCallbackRecorded',
  actor: desk,
  data: {
    saleId: 's-1',
    dealerId: 'd-1',
    consultantId: 'sc-li',
    calledAt,
    callbackDueAt: '2026-02-07T10:00:00.000Z',
    onTime: Date.parse(calledAt) <= Date.parse('2026-02-07T10:00:00.000Z'),
    reached,
    survey: null,
    weightSetVersion: null,
    weights: null,
  },
});
const opened: SpecEvent = {
  type: 'CareTaskOpened',
  streamId: 'caretask-delivery-s-1',
  data: {
    taskId: 'delivery-s-1',
    dealerId: 'd-1',
    kind: 'delivery',
    recordId: 's-1',
    customerId: 'cu-1',
    role: 'customer-service',
    openedAt: '2026-01-31T10:00:00.000Z',
    dueAt: '2026-02-07T10:00:00.000Z',
  },
};
const attempted = (
  attemptedAt: string,
  outcome: 'reached' | 'not-reached' | 'booked',
  callerId: string,
): SpecEvent => ({
  type: 'CareTaskAttemptRecorded',
  streamId: 'caretask-delivery-s-1',
  data: { taskId: 'delivery-s-1', dealerId: 'd-1', outcome, note: null, callerId, attemptedAt },
});

describe('care-tasks projection', () => {
  it('makes both tasks of a delivery at once, with their due dates and months', () => {
    spec.when([delivered]).thenMatches({
      'delivery-s-1': {
        kind: 'delivery',
        recordId: 's-1',
        customerId: 'cu-1',
        role: 'customer-service',
        dueAt: '2026-02-07T10:00:00.000Z',
        dueMonth: '2026-02',
        status: 'open',
        callerId: null,
        revision: -1,
      },
      '3month-s-1': {
        kind: '3month',
        role: 'sales-consultant',
        dueAt: '2026-04-30T10:00:00.000Z',
        dueMonth: '2026-04',
        status: 'open',
      },
    });
  });

  it('counts the callbacks on the sale and on the task together; the first caller is the caller', () => {
    // Not reached on the sale 7 Feb (cs-wang), not reached on the task 8 Feb (cs-li), booked 9 Feb (cs-li).
    spec
      .given([delivered, saleCallback('2026-02-07T02:00:00.000Z', false)])
      .when([
        opened,
        attempted('2026-02-08T02:00:00.000Z', 'not-reached', 'cs-li'),
        attempted('2026-02-09T02:00:00.000Z', 'booked', 'cs-li'),
      ])
      .thenMatches({
        'delivery-s-1': {
          status: 'completed',
          closedAt: '2026-02-09T02:00:00.000Z',
          callerId: 'cs-wang',
          revision: 2,
          attempts: [
            { via: 'record', outcome: 'not-reached', callerId: 'cs-wang', position: 2 },
            { via: 'task', outcome: 'not-reached', callerId: 'cs-li', position: 4 },
            { via: 'task', outcome: 'booked', callerId: 'cs-li', position: 5 },
          ],
        },
      });
  });

  it('closes as not reached on the third attempt in business time, whatever order they came in', () => {
    spec
      .given([delivered, opened])
      .when([
        attempted('2026-02-10T02:00:00.000Z', 'not-reached', 'cs-li'),
        attempted('2026-02-11T02:00:00.000Z', 'reached', 'cs-li'),
        attempted('2026-02-08T02:00:00.000Z', 'not-reached', 'cs-li'),
        attempted('2026-02-09T02:00:00.000Z', 'not-reached', 'cs-li'),
      ])
      // In business order: 8, 9, 10 Feb not reached → closed 10 Feb; the reached call of the 11th changes nothing.
      .thenMatches({ 'delivery-s-1': { status: 'not-reached', closedAt: '2026-02-10T02:00:00.000Z' } });
  });

  it('gives the task to the latest assignee; a cancellation closes an open task', () => {
    spec
      .given([delivered, opened])
      .when([
        {
          type: 'CareTaskAssigned',
          streamId: 'caretask-delivery-s-1',
          actor: manager,
          data: {
            taskId: 'delivery-s-1',
            dealerId: 'd-1',
            assigneeId: 'cs-li',
            reason: null,
            assignedBy: 'dm-zhou',
            assignedAt: '2026-02-01T02:00:00.000Z',
          },
        },
        attempted('2026-02-07T02:00:00.000Z', 'not-reached', 'cs-wang'),
        {
          type: 'CareTaskCancelled',
          streamId: 'caretask-delivery-s-1',
          actor: manager,
          data: {
            taskId: 'delivery-s-1',
            dealerId: 'd-1',
            reason: 'sold the car on',
            cancelledBy: 'dm-zhou',
            cancelledAt: '2026-02-07T06:00:00.000Z',
          },
        },
      ])
      .thenMatches({
        'delivery-s-1': { status: 'cancelled', closedAt: '2026-02-07T06:00:00.000Z', callerId: 'cs-li' },
      });
  });

  it('completes the service call with the CSI survey on the repair order', () => {
    spec
      .when([
        {
          type: 'RepairOrderSettled',
          data: {
            repairOrderId: 'ro-1',
            dealerId: 'd-1',
            vin: 'LSVAB4BR5MN000001',
            plate: '沪A00001',
            customerId: 'cu-1',
            roType: 'paid-maintenance',
            payer: 'customer',
            labourFen: 10_000,
            partsFen: 8_000,
            totalFen: 18_000,
            mileageKm: 5_000,
            checkedInAt: '2026-03-03T01:00:00.000Z',
            fromAppointment: false,
            rework: false,
            operationCodes: ['OIL-CHG'],
            technicians: [],
            settledAt: '2026-03-03T04:00:00.000Z',
            callbackDueAt: '2026-03-06T04:00:00.000Z',
          },
        },
        {
          type: 'CsiSurveyRecorded',
          actor: { userId: 'sa-chen', role: 'service-advisor', dealerId: 'd-1' },
          data: {
            repairOrderId: 'ro-1',
            dealerId: 'd-1',
            vin: 'LSVAB4BR5MN000001',
            answers: {
              'service-quality': 9,
              'service-facility': 8,
              'vehicle-pick-up': 9,
              'service-initiation': 8,
              'service-advisor': 9,
            },
            wouldRecommend: 9,
            comment: null,
            weightSetVersion: 'csi-1',
            weights: {
              'service-quality': 0.2,
              'service-facility': 0.2,
              'vehicle-pick-up': 0.2,
              'service-initiation': 0.2,
              'service-advisor': 0.2,
            },
            settledAt: '2026-03-03T04:00:00.000Z',
            callbackDueAt: '2026-03-06T04:00:00.000Z',
            onTime: true,
            surveyedAt: '2026-03-05T02:00:00.000Z',
          },
        },
      ])
      .thenMatches({
        'service-ro-1': {
          kind: 'service',
          dueMonth: '2026-03',
          status: 'completed',
          closedAt: '2026-03-05T02:00:00.000Z',
          callerId: 'sa-chen',
        },
      });
  });
});
