import { currentRules } from '../../domain/membership/loyalty-rules';
import { birthdayReminderDueAt, cstYearOf, parseBirthday } from '../../domain/membership/member-birthday';
import type { MembershipCommand } from '../../domain/membership/membership.commands';
import { wasActiveAt } from '../../domain/membership/membership.state';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../projections/loyalty-members/loyalty-members.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { ReadStore } from '../ports/read-store.port';
import type { ClockWatcher, DueCommand } from '../shared/clock-watcher';
import { LIVE_LOYALTY_RULES } from './live-loyalty-rules';

const MEMBERS = physicalCollection(loyaltyMembersProjection);
const PAGE = 500;
const RULES = currentRules(LIVE_LOYALTY_RULES);
export const BIRTHDAY_SWEEP_ACTOR = { userId: 'system:member-birthday', role: 'system', dealerId: null };

const ms = (iso: string): number => Date.parse(iso);

/** Every member with a birthday recorded, a page at a time (no index can say who is due: it is sealed). */
async function* membersWithABirthday(readStore: ReadStore): AsyncGenerator<LoyaltyMember[]> {
  for (let skip = 0; ; skip += PAGE) {
    const page = await readStore.find<LoyaltyMember>(
      MEMBERS,
      { birthday: { $ne: null } },
      { sort: [['customerId', 1]], limit: PAGE, skip },
    );
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
  }
}

/**
 * The years whose reminder is due at `now` and not noted yet, as the member's state says: the birthday years
 * of the CST year before, this one and the next (a birthday in the first week of January falls due in the
 * December before), due by now, after the birthday was recorded, while the member was active.
 */
const dueYears = (member: LoyaltyMember, monthDay: string, now: string): number[] => {
  const birthday = parseBirthday(monthDay);
  const recordedAt = member.state.birthday?.recordedAt;
  if (birthday === null || recordedAt === undefined) return [];
  const year = cstYearOf(now);
  return [year - 1, year, year + 1].filter((candidate) => {
    if (member.birthdayReminderYears.includes(candidate)) return false;
    const dueAt = birthdayReminderDueAt(birthday, candidate);
    return ms(dueAt) <= ms(now) && ms(recordedAt) < ms(dueAt) && wasActiveAt(member.state, dueAt, RULES);
  });
};

/**
 * The birthday reminders' clock (docs/care.md, "Birthday reminders"): opens each member's sealed birthday
 * through the privacy port (in memory only; a forgotten customer's key is gone, so that member is skipped)
 * and asks the membership to note each reminder due by now. The decider dates the note at its due time and
 * notes a year once, so a late sweep dates it right and a repeated one appends nothing.
 */
export const memberBirthdayWatcher: ClockWatcher<MembershipCommand> = {
  name: 'member birthday',
  interval: 'loyaltySweepMs',
  actor: BIRTHDAY_SWEEP_ACTOR,
  due: async (readStore, now, { sealed }) => {
    const due: DueCommand<MembershipCommand>[] = [];
    for await (const page of membersWithABirthday(readStore)) {
      const opened = await sealed.openMany(
        page.flatMap((member) => (member.birthday ? [member.birthday] : [])),
      );
      for (const member of page) {
        const monthDay = member.birthday === null ? null : (opened.get(member.birthday) ?? null);
        if (monthDay === null) continue;
        for (const year of dueYears(member, monthDay, now))
          due.push({
            command: {
              type: 'NoteMemberBirthdayReminderDue',
              data: {
                customerId: member.customerId,
                year,
                birthday: { sealed: member.birthday!, monthDay },
              },
            },
            key: `member-birthday:${member.customerId}:${year}`,
          });
      }
    }
    return due;
  },
};
