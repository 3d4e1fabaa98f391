import type { SpecEvent } from '../../support/projection-spec';
import { projectionSpec } from '../../support/projection-spec';
import type { ReminderDue } from '../../../src/domain/care-task/care-reminders';
import { careTasksProjection } from '../../../src/projections/care-tasks/care-tasks.projection';

const spec = projectionSpec(careTasksProjection);
const desk = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-1' };
const vin = 'LSVAB4BR2NN123456';
const version = 'care-reminders-2026-1';

// Insurance expiring 15 March 2027, told on 1 June 2026: due 13 Feb 2027 00:00 CST (12 Feb 16:00 UTC).
const march: ReminderDue = {
  recordId: `${vin}-20270315`,
  dealerId: 'd-1',
  customerId: 'cu-1',
  openedAt: '2026-06-01T02:00:00.000Z',
  dueAt: '2027-02-12T16:00:00.000Z',
  basis: '2027-03-15',
  supersededAt: null,
};
// Renewed to 20 April 2027 on 1 July 2026: due 21 March 2027 00:00 CST (20 March 16:00 UTC).
const april: ReminderDue = {
  recordId: `${vin}-20270420`,
  dealerId: 'd-1',
  customerId: 'cu-1',
  openedAt: '2026-07-01T02:00:00.000Z',
  dueAt: '2027-03-20T16:00:00.000Z',
  basis: '2027-04-20',
  supersededAt: null,
};
const insured = (recordedAt: string, expiresOn: string, reminders: ReminderDue[]): SpecEvent => ({
  type: 'VehicleInsuranceExpiryRecorded',
  streamId: `carevehicle-${vin}`,
  actor: desk,
  data: { vin, dealerId: 'd-1', customerId: 'cu-1', expiresOn, recordedAt, rulesVersion: version, reminders },
});
const booked: SpecEvent = {
  type: 'CareTaskAttemptRecorded',
  streamId: `caretask-insurance-${vin}-20270420`,
  data: {
    taskId: `insurance-${vin}-20270420`,
    dealerId: 'd-1',
    outcome: 'booked',
    note: null,
    callerId: 'cs-wang',
    attemptedAt: '2027-03-22T02:00:00.000Z',
    repairOrderId: 'ro-60112',
  },
};

describe('care-tasks projection: reminders', () => {
  it('makes the insurance task from the vehicle date, before anyone works it', () => {
    spec.when([insured('2026-06-01T02:00:00.000Z', '2027-03-15', [march])]).thenMatches({
      [`insurance-${vin}-20270315`]: {
        kind: 'insurance',
        recordId: `${vin}-20270315`,
        vin,
        dealerId: 'd-1',
        customerId: 'cu-1',
        role: 'customer-service',
        openedAt: '2026-06-01T02:00:00.000Z',
        dueAt: '2027-02-12T16:00:00.000Z',
        dueMonth: '2027-02',
        status: 'open',
        supersededAt: null,
        repairOrderId: null,
      },
    });
  });

  it('a revised date supersedes the old task (cancelled from the revision) and makes a new one', () => {
    spec
      .given([insured('2026-06-01T02:00:00.000Z', '2027-03-15', [march])])
      .when([
        insured('2026-07-01T02:00:00.000Z', '2027-04-20', [
          { ...march, supersededAt: '2026-07-01T02:00:00.000Z' },
          april,
        ]),
      ])
      .thenMatches({
        [`insurance-${vin}-20270315`]: {
          status: 'cancelled',
          closedAt: '2026-07-01T02:00:00.000Z',
          supersededAt: '2026-07-01T02:00:00.000Z',
        },
        [`insurance-${vin}-20270420`]: { status: 'open', dueMonth: '2027-03' },
      });
  });

  it('a booked attempt links the repair order it booked, shown on the task', () => {
    spec
      .given([insured('2026-07-01T02:00:00.000Z', '2027-04-20', [april])])
      .when([booked])
      .thenMatches({
        [`insurance-${vin}-20270420`]: {
          status: 'completed',
          closedAt: '2027-03-22T02:00:00.000Z',
          repairOrderId: 'ro-60112',
          attempts: [{ outcome: 'booked', repairOrderId: 'ro-60112', via: 'task' }],
        },
      });
  });

  it('the next settlement supersedes the maintenance reminder of the last one', () => {
    const served = (repairOrderId: string, settledAt: string, reminders: ReminderDue[]): SpecEvent => ({
      type: 'VehicleServiceRecorded',
      streamId: `carevehicle-${vin}`,
      occurredAt: settledAt,
      data: {
        vin,
        dealerId: 'd-1',
        customerId: 'cu-1',
        repairOrderId,
        settledAt,
        checkedInAt: settledAt,
        mileageKm: 5_000,
        rulesVersion: version,
        reminders,
      },
    });
    const first: ReminderDue = {
      recordId: 'ro-1',
      dealerId: 'd-1',
      customerId: 'cu-1',
      openedAt: '2026-01-10T02:00:00.000Z',
      dueAt: '2026-07-10T02:00:00.000Z',
      basis: 'time',
      supersededAt: null,
    };
    spec
      .given([served('ro-1', '2026-01-10T02:00:00.000Z', [first])])
      .when([
        served('ro-2', '2026-03-01T02:00:00.000Z', [
          { ...first, supersededAt: '2026-03-01T02:00:00.000Z' },
          {
            ...first,
            recordId: 'ro-2',
            openedAt: '2026-03-01T02:00:00.000Z',
            dueAt: '2026-09-01T02:00:00.000Z',
          },
        ]),
      ])
      .thenMatches({
        'maintenance-ro-1': { kind: 'maintenance', role: 'service-advisor', status: 'cancelled', vin },
        'maintenance-ro-2': { status: 'open', dueAt: '2026-09-01T02:00:00.000Z', dueMonth: '2026-09' },
      });
  });

  it('lists the messages queued on the task, once each', () => {
    const queued: SpecEvent = {
      type: 'CareTaskMessageQueued',
      streamId: `caretask-insurance-${vin}-20270420`,
      occurredAt: '2027-03-21T14:30:00.000Z',
      data: {
        taskId: `insurance-${vin}-20270420`,
        dealerId: 'd-1',
        customerId: 'cu-1',
        channel: 'sms',
        templateId: 'insurance-renewal-1',
        queuedBy: 'cs-wang',
        queuedAt: '2027-03-21T14:30:00.000Z',
        sendAt: '2027-03-22T00:00:00.000Z',
      },
    };
    spec
      .given([insured('2026-07-01T02:00:00.000Z', '2027-04-20', [april])])
      .when([queued])
      .thenMatches({
        [`insurance-${vin}-20270420`]: {
          status: 'open',
          messages: [
            { channel: 'sms', templateId: 'insurance-renewal-1', sendAt: '2027-03-22T00:00:00.000Z' },
          ],
        },
      });
  });
});
