import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ClubActivitiesQuery,
  GetClubActivityQuery,
} from '../../../application/club-activity/club-activity.queries';
import { ask, askRecord } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { ClubActivitiesParams } from './club.params';
import { ClubActivityListView, ClubActivityView } from './club.responses';

@ApiTags('loyalty club')
@Controller('club/activities')
export class ClubActivityQueriesController extends routeTable({
  list: ask('', ClubActivitiesParams, ClubActivitiesQuery, {
    permit: ['membership.read', 'dealer'],
    summary: "One dealer's activities, soonest first: places, signed up, attended, no-show, attendance rate",
    type: ClubActivityListView,
  }),
  get: askRecord(':activityId', GetClubActivityQuery, {
    permit: ['membership.read', 'record'],
    summary: 'One activity with its sign-ups and their status; attendance rate = attended ÷ signed up',
    type: ClubActivityView,
    notFound: 'CLUB_ACTIVITY_NOT_FOUND',
    revision: (activity) => activity.revision,
  }),
}) {}
