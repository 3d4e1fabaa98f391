import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type OutboundMessage,
  OUTBOX_COLLECTION,
  OUTBOX_INDEXES,
  type OutboxStatus,
} from '../ports/outbound-message.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { definedFilter, type Page } from '../shared/page';

export class ListOutboxQuery extends Query<Page<OutboundMessage>> {
  constructor(
    readonly filter: Readonly<{ dealerId?: string; status?: OutboxStatus }>,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

/** The local outbox of care messages, soonest to send first (`GET /care/outbox`). */
@QueryHandler(ListOutboxQuery)
export class ListOutboxHandler implements IQueryHandler<ListOutboxQuery, Page<OutboundMessage>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, limit, offset }: ListOutboxQuery): Promise<Page<OutboundMessage>> {
    // Nothing may have been queued yet: the collection exists from the first read as from the first write.
    await this.readStore.ensureCollection(OUTBOX_COLLECTION, OUTBOX_INDEXES);
    const where = definedFilter(filter);
    const [items, total] = await Promise.all([
      this.readStore.find<OutboundMessage>(OUTBOX_COLLECTION, where, {
        sort: [
          ['sendAt', 1],
          ['messageId', 1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(OUTBOX_COLLECTION, where),
    ]);
    return { items, total, limit, offset };
  }
}
