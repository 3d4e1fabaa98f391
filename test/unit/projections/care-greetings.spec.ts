import { careGreetingsProjection } from '../../../src/projections/care-greetings/care-greetings.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(careGreetingsProjection);
const ON = { greetingId: 'gr-1', dealerId: 'd-1' };
const SEND_AT = '2027-02-06T02:00:00.000Z';
const scheduled = {
  type: 'CareGreetingScheduled',
  data: {
    ...ON,
    holiday: 'spring-festival-2027',
    sendOn: '2027-02-06',
    sendAt: SEND_AT,
    channel: 'sms',
    templateId: 't-1',
    audience: 'customers',
    scheduledAt: '2027-01-20T02:00:00.000Z',
  },
  occurredAt: '2027-01-20T02:00:00.000Z',
} as const;

describe('care-greetings projection (where the send watcher looks)', () => {
  it('is scheduled, then sent', () =>
    spec
      .when([scheduled, { type: 'CareGreetingSent', data: { ...ON, sentAt: SEND_AT } }])
      .then({ 'gr-1': { ...ON, sendAt: SEND_AT, status: 'sent' } }));

  it('is cancelled', () =>
    spec
      .when([
        scheduled,
        {
          type: 'CareGreetingCancelled',
          data: { ...ON, reason: 'x', cancelledAt: '2027-01-25T02:00:00.000Z' },
        },
      ])
      .then({ 'gr-1': { ...ON, sendAt: SEND_AT, status: 'cancelled' } }));
});
