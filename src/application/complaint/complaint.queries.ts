import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ComplaintNotFound } from '../../domain/complaint/complaint.errors';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import {
  type ComplaintSlaMonthly,
  complaintSlaMonthlyProjection,
} from '../../projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { definedFilter, type Page } from '../shared/page';

export class GetComplaintQuery extends Query<ComplaintDetails> {
  constructor(readonly complaintId: string) {
    super();
  }
}

export class ListComplaintsQuery extends Query<Page<ComplaintDetails>> {
  constructor(
    readonly filter: Readonly<{ dealerId?: string; status?: string }>,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

export class GetComplaintSlaQuery extends Query<ComplaintSlaMonthly[]> {
  constructor(readonly filter: Readonly<{ dealerId?: string; month?: string }>) {
    super();
  }
}

const COMPLAINTS = physicalCollection(complaintDetailsProjection);
const SLA = physicalCollection(complaintSlaMonthlyProjection);

@QueryHandler(GetComplaintQuery)
export class GetComplaintHandler implements IQueryHandler<GetComplaintQuery, ComplaintDetails> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ complaintId }: GetComplaintQuery): Promise<ComplaintDetails> {
    const complaint = await this.readStore.get<ComplaintDetails>(COMPLAINTS, complaintId);
    if (!complaint) throw new ComplaintNotFound(complaintId);
    return complaint;
  }
}

@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery, Page<ComplaintDetails>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, limit, offset }: ListComplaintsQuery): Promise<Page<ComplaintDetails>> {
    const where = definedFilter(filter);
    const [items, total] = await Promise.all([
      this.readStore.find<ComplaintDetails>(COMPLAINTS, where, {
        sort: [['filedAt', -1]],
        limit,
        skip: offset,
      }),
      this.readStore.count(COMPLAINTS, where),
    ]);
    return { items, total, limit, offset };
  }
}

@QueryHandler(GetComplaintSlaQuery)
export class GetComplaintSlaHandler implements IQueryHandler<GetComplaintSlaQuery, ComplaintSlaMonthly[]> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ filter }: GetComplaintSlaQuery): Promise<ComplaintSlaMonthly[]> {
    return this.readStore.find<ComplaintSlaMonthly>(SLA, definedFilter(filter), {
      sort: [
        ['dealerId', 1],
        ['month', 1],
      ],
    });
  }
}
