import { Module } from '@nestjs/common';
import { ExecuteGiftHandler } from './gift.handlers';
import { GIFT_QUERY_HANDLERS } from './gift.queries';

/** The club's gift catalogue: its commands (redemption across the gift and the membership) and queries. */
@Module({ providers: [ExecuteGiftHandler, ...GIFT_QUERY_HANDLERS] })
export class GiftModule {}
