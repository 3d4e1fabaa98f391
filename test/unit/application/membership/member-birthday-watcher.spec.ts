import { randomBytes } from 'node:crypto';
import { memberBirthdayWatcher } from '../../../../src/application/membership/member-birthday-watcher';
import { membershipFeature } from '../../../../src/application/membership/membership.feature';
import type {
  DataKey,
  Erased,
  PersonalDataKeyStore,
} from '../../../../src/application/ports/personal-data-key-store.port';
import type { ReadStore } from '../../../../src/application/ports/read-store.port';
import { protectValue } from '../../../../src/application/privacy/protected-value';
import { SealedValueOpener } from '../../../../src/application/privacy/sealed-value-opener';
import type { MembershipCommand } from '../../../../src/domain/membership/membership.commands';
import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../../../src/projections/loyalty-members/loyalty-members.projection';
import type { Envelope } from '../../../../src/projections/shared/projection';

/**
 * The birthday watcher opens each member's sealed birthday through the privacy port and asks for the
 * reminders due by now. cu-a (20 May) and cu-f (21 May) enrolled 1 Mar 2026 10:00 CST and recorded their
 * birthdays on 2 Mar; cu-f was forgotten since (its key is destroyed). 20 May 2026 − 7 days = 13 May 2026,
 * 09:00 CST = 01:00Z.
 */
const keys = new Map<string, DataKey | Erased>([
  ['cu-a', randomBytes(32)],
  ['cu-f', randomBytes(32)],
]);
const sealedFor = (customerId: string, monthDay: string) =>
  protectValue(keys.get(customerId) as DataKey, 'birthday', customerId, monthDay);
const keyStore = {
  getMany: async (ids: readonly string[]) =>
    new Map(ids.flatMap((id) => (keys.has(id) ? [[id, keys.get(id)!] as const] : []))),
} as unknown as PersonalDataKeyStore;
const actor = { userId: 'u-club', role: 'dealer-manager', dealerId: 'd-1' };
const decider = createMembershipDecider();

const memberOf = (customerId: string, monthDay: string): LoyaltyMember => {
  const sealed = sealedFor(customerId, monthDay);
  const events: MembershipEvent[] = [
    {
      type: 'MembershipEnrolled',
      data: {
        customerId,
        homeDealerId: 'd-1',
        cardNumber: `C-${customerId}`,
        tier: 'silver',
        enrolledAt: '2026-03-01T02:00:00.000Z',
        ruleSetVersion: 'v',
        lapseClock: null,
      },
    },
    {
      type: 'MemberBirthdayRecorded',
      data: { customerId, homeDealerId: 'd-1', birthday: sealed, recordedAt: '2026-03-02T02:00:00.000Z' },
    },
  ];
  return events.reduce<LoyaltyMember | null>(
    (doc, event, revision) =>
      loyaltyMembersProjection.apply(
        doc,
        {
          ...event,
          revision,
          occurredAt: '2026-03-02T02:00:00.000Z',
        } as unknown as Envelope<MembershipEvent>,
        customerId,
      ),
    null,
  )!;
};

const members = [memberOf('cu-a', '05-20'), memberOf('cu-f', '05-21')];
const readStore = {
  find: async (_collection: string, _filter: unknown, options?: { skip?: number; limit?: number }) =>
    members.slice(options?.skip ?? 0, (options?.skip ?? 0) + (options?.limit ?? members.length)),
} as unknown as ReadStore;
const ports = { sealed: new SealedValueOpener(keyStore) };

describe('the birthday watcher', () => {
  beforeAll(() => {
    keys.set('cu-f', 'erased');
  });

  it('skips a forgotten customer (the key is gone), never an error; asks for the others due by now', async () => {
    const due = await memberBirthdayWatcher.due(readStore, '2026-05-20T02:00:00.000Z', ports);
    expect(due).toEqual([
      {
        command: {
          type: 'NoteMemberBirthdayReminderDue',
          data: {
            customerId: 'cu-a',
            year: 2026,
            birthday: { sealed: members[0].birthday, monthDay: '05-20' },
          },
        },
        key: 'member-birthday:cu-a:2026',
      },
    ]);
  });

  it('asks for nothing before the due time', async () => {
    expect(await memberBirthdayWatcher.due(readStore, '2026-05-13T00:59:00.000Z', ports)).toEqual([]);
  });

  it('a late sweep (14 June) is dated at the due time, 13 May 09:00 CST, not at the sweep', async () => {
    const [asked] = await memberBirthdayWatcher.due(readStore, '2026-06-14T02:00:00.000Z', ports);
    const state = members[0].state;
    const events = decider.decide(
      { ...asked.command, metadata: { now: '2026-06-14T02:00:00.000Z', actor } } as MembershipCommand,
      state,
    );
    expect(events).toEqual([
      {
        type: 'MemberBirthdayReminderDue',
        data: { customerId: 'cu-a', homeDealerId: 'd-1', year: 2026, dueAt: '2026-05-13T01:00:00.000Z' },
      },
    ]);
    // The stored event's business time (occurredAt) is its due time, as the feature names it.
    expect(membershipFeature.businessTimeOf!(events[0])).toBe('2026-05-13T01:00:00.000Z');
  });
});
