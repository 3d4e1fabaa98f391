import type { ClubActivityCommand } from '../../domain/club-activity/club-activity.commands';
import { clubActivityDecider, clubActivityStreamId } from '../../domain/club-activity/club-activity.decider';
import {
  CLUB_ACTIVITY_EVENT_TYPES,
  type ClubActivityEvent,
} from '../../domain/club-activity/club-activity.events';
import type { ClubActivityState } from '../../domain/club-activity/club-activity.state';
import { clubActivityDetailsProjection } from '../../projections/club-activity-details/club-activity-details.projection';
import type { Feature } from '../shared/feature';

/**
 * The club's member activities (会员活动, issue 19 §4): one stream per activity. Points for attending are
 * earned by the loyalty-earning reactor of the membership feature (it handles ClubActivityAttended).
 */
export const clubActivityFeature: Feature<ClubActivityState, ClubActivityCommand, ClubActivityEvent> = {
  name: 'club-activity',
  category: 'clubactivity',
  decider: clubActivityDecider,
  streamOf: ({ activityId }) => clubActivityStreamId(activityId),
  eventTypes: CLUB_ACTIVITY_EVENT_TYPES,
  // An activity belongs to the dealer whose club holds it.
  scope: (state, command) => ({
    dealerId:
      state.status !== 'none'
        ? state.dealerId
        : command.type === 'PlanClubActivity'
          ? command.data.dealerId
          : undefined,
  }),
  // Two sign-ups for the last place at once: the loser is decided again and gets CLUB_ACTIVITY_FULL.
  decidesAgainAfterLostRace: true,
  projections: [clubActivityDetailsProjection],
};
