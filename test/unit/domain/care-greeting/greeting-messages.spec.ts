import type { ConsentFact } from '../../../../src/domain/care-consent/care-consent';
import type { ScheduledGreeting } from '../../../../src/domain/care-greeting/care-greeting.decider';
import {
  type GreetingAudienceEntry,
  greetingMessages,
} from '../../../../src/domain/care-greeting/greeting-messages';

// Sent at 10:00 CST on 6 February 2027 = 02:00 UTC.
const SEND_AT = '2027-02-06T02:00:00.000Z';
const greeting = (audience: 'customers' | 'members'): ScheduledGreeting => ({
  greetingId: 'gr-1',
  dealerId: 'd-1',
  holiday: 'spring-festival-2027',
  sendOn: '2027-02-06',
  sendAt: SEND_AT,
  channel: 'sms',
  templateId: 't-1',
  audience,
  scheduledAt: '2027-01-20T02:00:00.000Z',
});
const entry = (customerId: string, fields: Partial<GreetingAudienceEntry>): GreetingAudienceEntry => ({
  customerId,
  customerSince: null,
  membership: [],
  ...fields,
});
const joined = { at: '2026-01-01T00:00:00.000Z', member: true } as const;
const optOut = (at: string, order = 0): ConsentFact => ({ channel: 'sms', optedIn: false, at, order });
const optIn = (at: string, order = 0): ConsentFact => ({ channel: 'sms', optedIn: true, at, order });

describe('greeting messages (one per customer of the audience at the send instant)', () => {
  const audience = [
    entry('cu-4', { customerSince: '2027-02-06T02:00:00.000Z' }), // exactly at the send instant: in
    entry('cu-1', { customerSince: '2026-01-01T00:00:00.000Z' }),
    entry('cu-2', { customerSince: '2026-01-01T00:00:00.000Z' }),
    entry('cu-3', { customerSince: '2026-01-01T00:00:00.000Z' }),
    entry('cu-5', { customerSince: '2027-02-06T02:00:01.000Z' }), // a second after: not in
    entry('cu-6', { membership: [joined] }), // a member, not a customer
  ];
  const facts = (customerId: string) => ({
    // cu-2 opted out before the send instant; cu-3 opted out after it (does not count);
    // cu-1 is forgotten (withheld whatever the consent); cu-4 opted out, then in again.
    consent:
      customerId === 'cu-2'
        ? [optOut('2027-02-01T00:00:00.000Z')]
        : customerId === 'cu-3'
          ? [optOut('2027-02-06T03:00:00.000Z')]
          : customerId === 'cu-4'
            ? [optIn('2027-01-02T00:00:00.000Z', 1), optOut('2027-01-01T00:00:00.000Z', 0)]
            : [],
    forgotten: customerId === 'cu-1',
  });

  it('addresses customers: forgotten withheld, opted out as of the send instant not sent', () => {
    // In the audience: cu-1, cu-2, cu-3, cu-4 (4). cu-1 withheld; cu-2 opted out; cu-3, cu-4 queued.
    const messages = greetingMessages(greeting('customers'), audience, facts);
    expect(messages.map((m) => [m.customerId, m.status, m.reason])).toEqual([
      ['cu-1', 'withheld', 'customer-forgotten'],
      ['cu-2', 'opted-out', 'opted-out'],
      ['cu-3', 'queued', null],
      ['cu-4', 'queued', null],
    ]);
    expect(messages[0]).toMatchObject({ messageId: 'greeting-gr-1-cu-1', sendAt: SEND_AT });
  });

  it('addresses members: enrolled by the send instant and not cancelled by then', () => {
    const members = [
      entry('cu-6', { membership: [joined] }),
      entry('cu-7', { membership: [joined, { at: '2027-02-06T02:00:00.000Z', member: false }] }),
      entry('cu-8', { membership: [joined, { at: '2027-03-01T00:00:00.000Z', member: false }] }),
      // cu-9 cancelled in 2026 and re-enrolled before the send: a member again; cu-10 re-enrolled after it.
      entry('cu-9', {
        membership: [
          joined,
          { at: '2026-06-01T00:00:00.000Z', member: false },
          { at: '2027-01-10T00:00:00.000Z', member: true },
        ],
      }),
      entry('cu-10', {
        membership: [
          joined,
          { at: '2026-06-01T00:00:00.000Z', member: false },
          { at: '2027-02-07T00:00:00.000Z', member: true },
        ],
      }),
      entry('cu-1', { customerSince: '2026-01-01T00:00:00.000Z' }),
    ];
    // cu-6 and cu-8 (cancelled after the send) are members then; cu-7 was cancelled at it; cu-9 re-enrolled
    // on 10 Jan, before the send; cu-10 only a day after it; cu-1 is no member.
    const ids = greetingMessages(greeting('members'), members, () => ({ consent: [], forgotten: false })).map(
      (m) => m.customerId,
    );
    expect(ids).toEqual(['cu-6', 'cu-8', 'cu-9']);
  });

  it('gives the same messages whatever order the audience is listed in', () => {
    const once = greetingMessages(greeting('customers'), audience, facts);
    expect(greetingMessages(greeting('customers'), [...audience].reverse(), facts)).toEqual(once);
  });
});
