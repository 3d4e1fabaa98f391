import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { decodeFeedCursor, FEED_START } from '../../../application/integration/feed-cursor';
import { ReadFeed } from '../../../application/integration/read-feed';
import { currentPrincipal } from '../../request-context';
import { Permit } from '../shared/permission.decorator';
import { RequestValidationError } from '../shared/problem-details';
import { QueryRoute } from '../shared/query-route';
import { FeedParams, typesIn } from './feed.params';
import { FEED_EVENT_SCHEMAS, FeedPageView } from './feed.responses';

@ApiTags('integration')
@ApiExtraModels(...FEED_EVENT_SCHEMAS.values())
@Controller('feed')
export class FeedController {
  constructor(private readonly feed: ReadFeed) {}

  @Get()
  @Permit('integration.feed', 'dealer')
  @QueryRoute({
    summary: 'The integration events of the records you may see, in log order, from a cursor',
    description:
      'CloudEvents 1.0 JSON, a public shape of their own (docs/integration.md lists the types and their data), ' +
      'never the internal events. A dealer-bound caller sees only their dealer, and every caller only the kinds of ' +
      'record their role may read. Page with `next`; an empty page gives back the same cursor (poll with it). ' +
      'Personal data as your role may see it, `[erased]` once the customer was forgotten.',
    type: FeedPageView,
    badRequest:
      'VALIDATION_FAILED: a malformed or unknown cursor (`after`), an unknown type, a limit outside 1–500',
  })
  async page(@Query() params: FeedParams) {
    const principal = currentPrincipal()!;
    const after = decodeFeedCursor(params.after ?? FEED_START) ?? 0;
    if (after > (await this.feed.headPosition()))
      throw new RequestValidationError([
        { field: 'after', reason: 'after is past the end of the log: use a cursor the feed gave out' },
      ]);
    return this.feed.page(
      {
        after,
        limit: params.limit ?? 100,
        ...(params.types ? { types: typesIn(params.types) } : {}),
        ...(params.dealerId ? { dealerId: params.dealerId } : {}),
      },
      principal,
    );
  }
}
