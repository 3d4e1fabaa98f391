import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ClubActivityNotFound } from '../../domain/club-activity/club-activity.errors';
import {
  type ClubActivityDetails,
  clubActivityDetailsProjection,
} from '../../projections/club-activity-details/club-activity-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { answered, type Answered } from '../shared/answered';

const ACTIVITIES = physicalCollection(clubActivityDetailsProjection);
const LIST_LIMIT = 500;

export type ClubActivityRecord = Answered<ClubActivityDetails>;
export type ClubActivityLine = Omit<ClubActivityRecord, 'signUps'>;
export type ClubActivityList = Readonly<{ dealerId: string; activities: ClubActivityLine[] }>;

export class GetClubActivityQuery extends Query<ClubActivityRecord> {
  constructor(readonly activityId: string) {
    super();
  }
}
export class ClubActivitiesQuery extends Query<ClubActivityList> {
  constructor(readonly params: Readonly<{ dealerId: string }>) {
    super();
  }
}

@QueryHandler(GetClubActivityQuery)
export class GetClubActivityHandler implements IQueryHandler<GetClubActivityQuery, ClubActivityRecord> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ activityId }: GetClubActivityQuery): Promise<ClubActivityRecord> {
    const activity = await this.readStore.get<ClubActivityDetails>(ACTIVITIES, activityId);
    if (!activity) throw new ClubActivityNotFound(activityId);
    return answered(activity);
  }
}

/** One dealer's activities, soonest start first, with their places and attendance figures. */
@QueryHandler(ClubActivitiesQuery)
export class ClubActivitiesHandler implements IQueryHandler<ClubActivitiesQuery, ClubActivityList> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ params: { dealerId } }: ClubActivitiesQuery): Promise<ClubActivityList> {
    const found = await this.readStore.find<ClubActivityDetails>(
      ACTIVITIES,
      { dealerId },
      {
        sort: [
          ['startsAt', 1],
          ['activityId', 1],
        ],
        limit: LIST_LIMIT,
      },
    );
    const activities = found.map(({ signUps: _signUps, ...activity }) => answered(activity));
    return { dealerId, activities };
  }
}

export const CLUB_ACTIVITY_QUERY_HANDLERS = [GetClubActivityHandler, ClubActivitiesHandler];
