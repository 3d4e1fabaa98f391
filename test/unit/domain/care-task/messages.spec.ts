import {
  type ConsentFact,
  careConsentDecider,
  mayMessage,
} from '../../../../src/domain/care-consent/care-consent';
import { sendAtOutsideQuietHours } from '../../../../src/domain/care-task/care-messages';
import type { CareTaskCommand } from '../../../../src/domain/care-task/care-task.commands';
import { careTaskDecider } from '../../../../src/domain/care-task/care-task.decider';
import type { CareTaskEvent } from '../../../../src/domain/care-task/care-task.events';
import type { CareTaskOrigin } from '../../../../src/domain/care-task/care-task.types';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(careTaskDecider);
const desk = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-sh-01' };
const vin = 'LSVAB4BR2NN123456';
const taskId = `insurance-${vin}-20270315`;
const origin: CareTaskOrigin = {
  kind: 'insurance',
  recordId: `${vin}-20270315`,
  dealerId: 'd-sh-01',
  customerId: 'cu-1',
  ownerId: null,
  openedAt: '2026-06-01T02:00:00.000Z',
  dueAt: '2027-02-12T16:00:00.000Z',
  recordAttempts: [],
};
const opened: CareTaskEvent = {
  type: 'CareTaskOpened',
  data: {
    taskId,
    dealerId: 'd-sh-01',
    kind: 'insurance',
    recordId: `${vin}-20270315`,
    customerId: 'cu-1',
    role: 'customer-service',
    openedAt: origin.openedAt,
    dueAt: origin.dueAt,
  },
};
const message = (
  now: string,
  consents: ConsentFact[] = [],
  forgottenAt: string | null = null,
): CareTaskCommand => ({
  type: 'QueueCareTaskMessage',
  data: { taskId, origin, channel: 'sms', templateId: 'insurance-renewal-1', consents, forgottenAt },
  metadata: { now, actor: desk },
});
const queued = (queuedAt: string, sendAt: string): CareTaskEvent => ({
  type: 'CareTaskMessageQueued',
  data: {
    taskId,
    dealerId: 'd-sh-01',
    customerId: 'cu-1',
    channel: 'sms',
    templateId: 'insurance-renewal-1',
    queuedBy: 'cs-wang',
    queuedAt,
    sendAt,
  },
});
const optedOut: ConsentFact = { channel: 'sms', optedIn: false, at: '2027-02-01T02:00:00.000Z', order: 0 };

describe('care task messages', () => {
  it('queues a message in the day to be sent at once', () => {
    // 13 Feb 2027 10:00 CST is outside the quiet hours.
    spec
      .given([])
      .when(message('2027-02-13T02:00:00.000Z'))
      .then([opened, queued('2027-02-13T02:00:00.000Z', '2027-02-13T02:00:00.000Z')]);
  });

  it('holds a message queued in the quiet hours until 08:00 CST', () => {
    // 13 Feb 22:30 CST (14:30 UTC) → 14 Feb 08:00 CST = 14 Feb 00:00 UTC.
    spec
      .given([opened])
      .when(message('2027-02-13T14:30:00.000Z'))
      .then([queued('2027-02-13T14:30:00.000Z', '2027-02-14T00:00:00.000Z')]);
  });

  it('refuses a customer who opted out on the channel, and a forgotten one', () => {
    spec
      .given([opened])
      .when(message('2027-02-13T02:00:00.000Z', [optedOut]))
      .thenThrows('CARE_MESSAGE_OPTED_OUT', { customerId: 'cu-1', channel: 'sms' });
    spec
      .given([opened])
      .when(message('2027-02-13T02:00:00.000Z', [], '2027-01-01T00:00:00.000Z'))
      .thenThrows('CARE_MESSAGE_CUSTOMER_FORGOTTEN', { forgottenAt: '2027-01-01T00:00:00.000Z' });
  });

  it('reads consent at the message time: an opt-out dated later does not refuse an earlier message', () => {
    // Opted out on 1 Feb, back in on 10 Feb (stated in that order but synced in the other).
    const backIn: ConsentFact = { channel: 'sms', optedIn: true, at: '2027-02-10T02:00:00.000Z', order: 0 };
    const facts = [backIn, { ...optedOut, order: 1 }];
    expect(mayMessage(facts, 'sms', '2027-01-31T02:00:00.000Z')).toBe(true);
    expect(mayMessage(facts, 'sms', '2027-02-05T02:00:00.000Z')).toBe(false);
    expect(mayMessage(facts, 'sms', '2027-02-13T02:00:00.000Z')).toBe(true);
    expect(mayMessage(facts, 'wechat', '2027-02-05T02:00:00.000Z')).toBe(true);
  });
});

describe('quiet hours (21:00 to 08:00 CST)', () => {
  it.each([
    // [queued (UTC), CST, may be sent (UTC)]
    ['2027-02-13T00:00:00.000Z', '08:00 → at once', '2027-02-13T00:00:00.000Z'],
    ['2027-02-13T12:59:59.000Z', '20:59:59 → at once', '2027-02-13T12:59:59.000Z'],
    ['2027-02-13T13:00:00.000Z', '21:00 → next 08:00', '2027-02-14T00:00:00.000Z'],
    ['2027-02-13T16:30:00.000Z', '00:30 on the 14th → 08:00 that day', '2027-02-14T00:00:00.000Z'],
    ['2027-02-13T23:59:00.000Z', '07:59 on the 14th → 08:00 that day', '2027-02-14T00:00:00.000Z'],
  ])('%s (%s)', (at, _cst, sendAt) => {
    expect(sendAtOutsideQuietHours(at)).toBe(sendAt);
  });
});

describe('care consent decider', () => {
  it('records an opt-out and an opt-in as facts', () => {
    const consentSpec = deciderSpecification(careConsentDecider);
    consentSpec
      .given([])
      .when({
        type: 'RecordCareMessageConsent',
        data: { customerId: 'cu-1', dealerId: 'd-sh-01', channel: 'wechat', optedIn: false },
        metadata: { now: '2027-02-01T02:00:00.000Z', actor: desk },
      })
      .then([
        {
          type: 'CustomerOptedOutOfCareMessages',
          data: {
            customerId: 'cu-1',
            dealerId: 'd-sh-01',
            channel: 'wechat',
            at: '2027-02-01T02:00:00.000Z',
          },
        },
      ]);
  });
});
