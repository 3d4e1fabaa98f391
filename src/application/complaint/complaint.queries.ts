import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { complaintStreamId } from '../../domain/complaint/complaint.decider';
import { ComplaintNotFound } from '../../domain/complaint/complaint.errors';
import {
  type ComplaintChannelMonthly,
  complaintChannelMonthlyProjection,
} from '../../projections/complaint-channel-monthly/complaint-channel-monthly.projection';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import {
  type ComplaintSlaMonthly,
  complaintSlaMonthlyProjection,
} from '../../projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../ports/event-store.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { answered, type Answered } from '../shared/answered';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page } from '../shared/page';
import { type ListPage, type ListRequest, readNewestFirst } from '../shared/list-page';
import { type ComplaintCompliance, complianceOf } from './complaint-compliance';
import { buildComplaintTrail, type ComplaintTrail } from './complaint-trail';
import { DomainError } from '../../domain/shared/domain-error';

/** The trail as of a time before the filing: the complaint did not exist then. */
const notFiledByAsOf = (complaintId: string, filedAt: string, asOf: string) =>
  new DomainError(
    'COMPLAINT_NOT_FILED_BY_AS_OF',
    'not-found',
    `complaint ${complaintId} was filed at ${filedAt}, after asOf ${asOf}: it had no trail then`,
    { complaintId, filedAt, asOf },
  );

const COMPLAINTS = physicalCollection(complaintDetailsProjection);
const SLA = physicalCollection(complaintSlaMonthlyProjection);
const CHANNELS = physicalCollection(complaintChannelMonthlyProjection);
const DUE_SOON_MS = 4 * 3_600_000;

export const CLOCK_STATUSES = ['overdue', 'due-soon', 'on-track', 'no-deadline'] as const;
/** Where a complaint's soonest deadline stands; due-soon: within 4 hours. */
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/** A complaint as the routes show it. */
export type ComplaintRecord = Answered<ComplaintDetails>;
export type WorklistItem = ComplaintRecord & { clockStatus: ClockStatus };

export class GetComplaintQuery extends Query<ComplaintRecord> {
  constructor(readonly complaintId: string) {
    super();
  }
}
export class ListComplaintsQuery extends Query<ListPage<ComplaintRecord>> {
  constructor(
    readonly filter: Readonly<Record<string, string | undefined>>,
    readonly page: ListRequest,
  ) {
    super();
  }
}
export class ComplaintWorklistQuery extends Query<Page<WorklistItem>> {
  constructor(
    readonly filter: Readonly<{ dealerId?: string; level?: string; assigneeId?: string }>,
    readonly clockStatus: ClockStatus | undefined,
    readonly asOf: string | undefined,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}
export class ComplaintComplianceQuery extends Query<ComplaintCompliance[]> {
  constructor(readonly filter: Readonly<{ dealerId?: string; month?: string; asOf?: string }>) {
    super();
  }
}
export class GetComplaintSlaQuery extends Query<ComplaintSlaMonthly[]> {
  constructor(readonly filter: Readonly<{ dealerId?: string; month?: string }>) {
    super();
  }
}
export class ComplaintChannelsQuery extends Query<ComplaintChannelMonthly[]> {
  constructor(readonly filter: Readonly<{ dealerId?: string; month?: string }>) {
    super();
  }
}
export class ComplaintTrailQuery extends Query<ComplaintTrail & { events: StoredEvent[] }> {
  constructor(
    readonly complaintId: string,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}

const clockStatusOf = (complaint: ComplaintDetails, asOf: number): ClockStatus => {
  if (!complaint.nextDeadline) return 'no-deadline';
  const next = Date.parse(complaint.nextDeadline);
  if (next < asOf) return 'overdue';
  return next - asOf <= DUE_SOON_MS ? 'due-soon' : 'on-track';
};

@QueryHandler(GetComplaintQuery)
export class GetComplaintHandler implements IQueryHandler<GetComplaintQuery, ComplaintRecord> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ complaintId }: GetComplaintQuery): Promise<ComplaintRecord> {
    const complaint = await this.readStore.get<ComplaintDetails>(COMPLAINTS, complaintId);
    if (!complaint) throw new ComplaintNotFound(complaintId);
    return answered(complaint);
  }
}

@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery, ListPage<ComplaintRecord>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, page }: ListComplaintsQuery): Promise<ListPage<ComplaintRecord>> {
    const order = { field: 'filedAt', idField: 'complaintId' };
    const found = await readNewestFirst<ComplaintDetails>(
      this.readStore,
      COMPLAINTS,
      definedFilter(filter),
      order,
      page,
    );
    return { ...found, items: found.items.map(answered) };
  }
}

/** Open complaints, soonest deadline first (missed ones first of all), with their clock status. */
@QueryHandler(ComplaintWorklistQuery)
export class ComplaintWorklistHandler implements IQueryHandler<ComplaintWorklistQuery, Page<WorklistItem>> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    filter,
    clockStatus,
    asOf,
    limit,
    offset,
  }: ComplaintWorklistQuery): Promise<Page<WorklistItem>> {
    const at = asOf ? Date.parse(asOf) : this.clock.now().getTime();
    const open = await this.readStore.find<ComplaintDetails>(
      COMPLAINTS,
      { ...definedFilter(filter), status: { $ne: 'closed' } },
      {
        sort: [
          ['nextDeadline', 1],
          ['filedAt', 1],
        ],
      },
    );
    const withStatus = open
      .map((complaint) => ({ ...answered(complaint), clockStatus: clockStatusOf(complaint, at) }))
      .filter((complaint) => !clockStatus || complaint.clockStatus === clockStatus)
      // Complaints with no running deadline (waiting to be closed) go last.
      .sort((a, b) => Number(a.nextDeadline === null) - Number(b.nextDeadline === null));
    return { items: withStatus.slice(offset, offset + limit), total: withStatus.length, limit, offset };
  }
}

@QueryHandler(ComplaintComplianceQuery)
export class ComplaintComplianceHandler implements IQueryHandler<
  ComplaintComplianceQuery,
  ComplaintCompliance[]
> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter }: ComplaintComplianceQuery): Promise<ComplaintCompliance[]> {
    const { dealerId, month, asOf } = filter;
    return complianceOf(
      await this.readStore.find<ComplaintDetails>(COMPLAINTS, definedFilter({ dealerId, filedMonth: month })),
      new Date(asOf ?? this.clock.now()).toISOString(),
    );
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

@QueryHandler(ComplaintChannelsQuery)
export class ComplaintChannelsHandler implements IQueryHandler<
  ComplaintChannelsQuery,
  ComplaintChannelMonthly[]
> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ filter }: ComplaintChannelsQuery): Promise<ComplaintChannelMonthly[]> {
    return this.readStore.find<ComplaintChannelMonthly>(CHANNELS, definedFilter(filter), {
      sort: [
        ['dealerId', 1],
        ['month', 1],
        ['channel', 1],
      ],
    });
  }
}

/** Read from the stream itself: an auditor's answer is never behind. */
@QueryHandler(ComplaintTrailQuery)
export class ComplaintTrailHandler implements IQueryHandler<
  ComplaintTrailQuery,
  ComplaintTrail & { events: StoredEvent[] }
> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    complaintId,
    asOf,
  }: ComplaintTrailQuery): Promise<ComplaintTrail & { events: StoredEvent[] }> {
    const events = await this.eventStore.readStream(complaintStreamId(complaintId));
    if (events.length === 0) throw new ComplaintNotFound(complaintId);
    const at = new Date(asOf ?? this.clock.now()).toISOString();
    const filedAt = events[0]?.occurredAt ?? at;
    if (Date.parse(filedAt) > Date.parse(at)) throw notFiledByAsOf(complaintId, filedAt, at);
    return { ...buildComplaintTrail(complaintId, events, at), events };
  }
}

/** The complaint KPIs `crm kpi` reads. */
export const COMPLAINT_KPIS: Readonly<Record<string, Kpi>> = {
  'complaint-compliance': {
    description:
      'SLA compliance of the complaints filed in a month (acknowledged and resolved on time, over those due by --as-of)',
    required: [],
    read: (store, clock, p) =>
      new ComplaintComplianceHandler(store, clock).execute(
        new ComplaintComplianceQuery({ dealerId: p.dealer, month: p.month }),
      ),
    projections: [complaintDetailsProjection],
  },
  'complaint-sla': {
    description: 'complaint activity in a month: filings by level, acknowledgements on time',
    required: [],
    read: (store, _clock, p) =>
      new GetComplaintSlaHandler(store).execute(
        new GetComplaintSlaQuery({ dealerId: p.dealer, month: p.month }),
      ),
    projections: [complaintSlaMonthlyProjection],
  },
  'complaint-channels': {
    description: 'complaints filed in a month per channel (hotline, OEM call centre, dealer, web)',
    required: [],
    read: (store, _clock, p) =>
      new ComplaintChannelsHandler(store).execute(
        new ComplaintChannelsQuery({ dealerId: p.dealer, month: p.month }),
      ),
    projections: [complaintChannelMonthlyProjection],
  },
};

/** Every query handler of this file, for its Nest module: a new query is registered where it is written. */
export const COMPLAINT_QUERY_HANDLERS = [
  GetComplaintHandler,
  ListComplaintsHandler,
  ComplaintWorklistHandler,
  ComplaintComplianceHandler,
  GetComplaintSlaHandler,
  ComplaintChannelsHandler,
  ComplaintTrailHandler,
];
