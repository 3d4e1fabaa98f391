import { DomainError } from '../shared/domain-error';
import type { Command, Decider, Event } from '../shared/event';
import { BUSINESS_UTC_OFFSET_MINUTES } from '../shared/time';

/**
 * Walk-in groups at the showroom (展厅来店登记), logged by reception, one stream per dealer and business day.
 * Several logs a day add up (reception may log each group, or a tally per shift).
 */
export type WalkInGroupsLogged = Event<
  'WalkInGroupsLogged',
  { dealerId: string; date: string; groups: number; note: string | null; loggedAt: string }
>;
export type LogWalkInGroups = Command<
  'LogWalkInGroups',
  { dealerId: string; date: string; groups: number; note?: string }
>;
export type ShowroomDayState = Readonly<{ status: 'none' }> | Readonly<{ status: 'logging'; groups: number }>;

export const SHOWROOM_EVENT_TYPES = { WalkInGroupsLogged: 1 } as const satisfies Record<
  WalkInGroupsLogged['type'],
  number
>;

/** Business date (YYYY-MM-DD, China Standard Time) of an instant. */
export const businessDateOf = (iso: string): string =>
  new Date(Date.parse(iso) + BUSINESS_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);

export class TrafficDateInFuture extends DomainError {
  constructor(dealerId: string, date: string, today: string) {
    super(
      'SHOWROOM_TRAFFIC_DATE_IN_FUTURE',
      'forbidden-transition',
      `showroom traffic of dealer ${dealerId} for ${date} cannot be logged on ${today}: log a day that has begun`,
      { dealerId, date, today },
    );
  }
}

export const showroomTrafficDecider: Decider<ShowroomDayState, LogWalkInGroups, WalkInGroupsLogged> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => ({
    status: 'logging',
    groups: (state.status === 'logging' ? state.groups : 0) + event.data.groups,
  }),
  decide: (command) => {
    const { dealerId, date, groups, note } = command.data;
    const today = businessDateOf(command.metadata.now);
    if (date > today) throw new TrafficDateInFuture(dealerId, date, today);
    return [
      {
        type: 'WalkInGroupsLogged',
        data: { dealerId, date, groups, note: note ?? null, loggedAt: command.metadata.now },
      },
    ];
  },
};

export const showroomTrafficStreamId = (dealerId: string, date: string): string =>
  `showroomtraffic-${dealerId}_${date}`;
