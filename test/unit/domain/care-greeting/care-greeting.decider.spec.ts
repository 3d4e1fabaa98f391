import type { CareGreetingCommand } from '../../../../src/domain/care-greeting/care-greeting.commands';
import {
  careGreetingDecider,
  greetingSendAt,
} from '../../../../src/domain/care-greeting/care-greeting.decider';
import type { CareGreetingEvent } from '../../../../src/domain/care-greeting/care-greeting.events';
import type { Actor } from '../../../../src/domain/shared/event';
import { deciderSpecification } from '../../../support/decider-specification';

const MANAGER: Actor = { userId: 'dm-li', role: 'dealer-manager', dealerId: 'd-1' };
const command = (type: CareGreetingCommand['type'], data: unknown, now: string): CareGreetingCommand =>
  ({ type, data, metadata: { now, actor: MANAGER } }) as CareGreetingCommand;

// Spring festival 2027 falls on 6 February; 10:00 CST that day is 02:00 UTC.
const DETAILS = {
  greetingId: 'gr-1',
  dealerId: 'd-1',
  holiday: 'spring-festival-2027',
  sendOn: '2027-02-06',
  channel: 'sms',
  templateId: 'spring-1',
  audience: 'customers',
} as const;
const SCHEDULED_AT = '2027-01-20T02:00:00.000Z';
const SEND_AT = '2027-02-06T02:00:00.000Z';
const scheduled: CareGreetingEvent = {
  type: 'CareGreetingScheduled',
  data: { ...DETAILS, sendAt: SEND_AT, scheduledAt: SCHEDULED_AT },
};
const cancelled: CareGreetingEvent = {
  type: 'CareGreetingCancelled',
  data: {
    greetingId: 'gr-1',
    dealerId: 'd-1',
    reason: 'wrong template',
    cancelledAt: '2027-01-25T02:00:00.000Z',
  },
};

const spec = deciderSpecification(careGreetingDecider);

describe('care greeting decider (节日问候)', () => {
  it('goes out at 10:00 CST of its day (02:00 UTC)', () => {
    expect(greetingSendAt('2027-02-06')).toBe(SEND_AT);
    // CST is UTC+8: 10:00 CST is 02:00 UTC of the same day.
    expect(greetingSendAt('2027-01-01')).toBe('2027-01-01T02:00:00.000Z');
  });

  it('schedules a greeting with its send instant', () =>
    spec
      .given([])
      .when(command('ScheduleCareGreeting', DETAILS, SCHEDULED_AT))
      .then([scheduled]));

  it('schedules one on its own day before 10:00 CST (09:59 CST = 01:59 UTC)', () =>
    spec
      .given([])
      .when(command('ScheduleCareGreeting', DETAILS, '2027-02-06T01:59:00.000Z'))
      .then([{ ...scheduled, data: { ...scheduled.data, scheduledAt: '2027-02-06T01:59:00.000Z' } }]));

  it('refuses a greeting whose send instant is past (10:00 CST exactly)', () =>
    spec
      .given([])
      .when(command('ScheduleCareGreeting', DETAILS, SEND_AT))
      .thenThrows('CARE_GREETING_SEND_DAY_PAST'));

  it('is idempotent by greeting id: the same greeting again writes nothing', () =>
    spec
      .given([scheduled])
      .when(command('ScheduleCareGreeting', DETAILS, '2027-01-21T02:00:00.000Z'))
      .then([]));

  it('refuses other details under a scheduled id', () =>
    spec
      .given([scheduled])
      .when(command('ScheduleCareGreeting', { ...DETAILS, templateId: 'spring-2' }, SCHEDULED_AT))
      .thenThrows('CARE_GREETING_ALREADY_SCHEDULED'));

  it('cancels before the send instant', () =>
    spec
      .given([scheduled])
      .when(
        command(
          'CancelCareGreeting',
          { greetingId: 'gr-1', reason: 'wrong template' },
          '2027-01-25T02:00:00.000Z',
        ),
      )
      .then([cancelled]));

  it('refuses to cancel at or after the send instant', () =>
    spec
      .given([scheduled])
      .when(command('CancelCareGreeting', { greetingId: 'gr-1', reason: 'late' }, SEND_AT))
      .thenThrows('CARE_GREETING_ALREADY_SENT'));

  it('refuses a cancelled greeting: cancelled again, or scheduled again', () => {
    spec
      .given([scheduled, cancelled])
      .when(
        command('CancelCareGreeting', { greetingId: 'gr-1', reason: 'again' }, '2027-01-26T02:00:00.000Z'),
      )
      .thenThrows('CARE_GREETING_CANCELLED');
    spec
      .given([scheduled, cancelled])
      .when(command('ScheduleCareGreeting', DETAILS, '2027-01-26T02:00:00.000Z'))
      .thenThrows('CARE_GREETING_CANCELLED');
  });

  it('refuses to cancel an unknown greeting', () =>
    spec
      .given([])
      .when(command('CancelCareGreeting', { greetingId: 'gr-1', reason: 'x' }, SCHEDULED_AT))
      .thenThrows('CARE_GREETING_NOT_FOUND'));
});

describe('care greeting decider: sending at the send instant', () => {
  const sent: CareGreetingEvent = {
    type: 'CareGreetingSent',
    data: { greetingId: 'gr-1', dealerId: 'd-1', sentAt: SEND_AT },
  };
  const send = (now: string) => command('SendCareGreeting', { greetingId: 'gr-1' }, now);

  it('is sent at its send instant, dated then even when the watcher comes later', () =>
    spec.given([scheduled]).when(send('2027-02-06T02:05:00.000Z')).then([sent]));

  it('is not sent before it (09:59 CST)', () =>
    spec.given([scheduled]).when(send('2027-02-06T01:59:00.000Z')).thenThrows('CARE_GREETING_NOT_DUE'));

  it('is sent once, and a cancelled one never', () => {
    spec.given([scheduled, sent]).when(send('2027-02-06T03:00:00.000Z')).then([]);
    spec.given([scheduled, cancelled]).when(send('2027-02-06T03:00:00.000Z')).then([]);
  });

  it('cannot be cancelled once sent', () =>
    spec
      .given([scheduled, sent])
      .when(command('CancelCareGreeting', { greetingId: 'gr-1', reason: 'late' }, '2027-01-25T02:00:00.000Z'))
      .thenThrows('CARE_GREETING_ALREADY_SENT'));
});
