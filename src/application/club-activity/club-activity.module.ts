import { Module } from '@nestjs/common';
import { ExecuteClubActivityHandler } from './club-activity.handlers';
import { CLUB_ACTIVITY_QUERY_HANDLERS } from './club-activity.queries';

/** The club's member activities: plan, sign-up (reading the membership), attendance, and their reads. */
@Module({ providers: [ExecuteClubActivityHandler, ...CLUB_ACTIVITY_QUERY_HANDLERS] })
export class ClubActivityModule {}
