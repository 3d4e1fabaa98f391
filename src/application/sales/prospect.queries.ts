import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ProspectNotFound } from '../../domain/prospect/prospect.errors';
import type { OpenGrade } from '../../domain/prospect/prospect.types';
import { businessDateOf } from '../../domain/showroom/showroom-traffic';
import {
  type ProspectDetails,
  prospectDetailsProjection,
} from '../../projections/prospect-details/prospect-details.projection';
import {
  type SalesFunnelEntry,
  salesFunnelEntriesProjection,
} from '../../projections/sales-funnel-entries/sales-funnel-entries.projection';
import {
  type SalesShowroomTraffic,
  salesShowroomTrafficProjection,
} from '../../projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { answered, type Answered } from '../shared/answered';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page, type PageRequest, pageOfList } from '../shared/page';
import { type ListPage, type ListRequest, readNewestFirst } from '../shared/list-page';
import { computeFunnel, type FunnelFilters, type SalesFunnel } from './sales-funnel';

const PROSPECTS = physicalCollection(prospectDetailsProjection);
const FUNNEL = physicalCollection(salesFunnelEntriesProjection);
const TRAFFIC = physicalCollection(salesShowroomTrafficProjection);

/** The first instant after the business day (China Standard Time) that contains `asOf`. */
export const endOfBusinessDay = (asOf: string): string =>
  new Date(Date.parse(`${businessDateOf(asOf)}T00:00:00+08:00`) + 86_400_000).toISOString();

export type WorklistItem = {
  prospectId: string;
  consultantId: string;
  grade: OpenGrade;
  contact: ProspectDetails['contact'];
  modelOfInterest: string;
  lastContactAt: string;
  scheduledContactAt: string | null;
  nextContactDue: string;
  /** Due before `asOf` itself; the others fall due later that business day. */
  overdue: boolean;
};
export type FollowUpWorklist = Readonly<{
  dealerId: string;
  asOf: string;
  dueBefore: string;
  /** Each consultant with contacts due, and how many: over the whole list, not only this page. */
  consultants: Array<{ consultantId: string; due: number; overdue: number }>;
}> &
  Page<WorklistItem>;

/** A prospect as the routes show it. */
export type ProspectRecord = Answered<ProspectDetails>;

export class GetProspectQuery extends Query<ProspectRecord> {
  constructor(readonly prospectId: string) {
    super();
  }
}
export class ListProspectsQuery extends Query<ListPage<ProspectRecord>> {
  constructor(
    readonly filter: Readonly<Record<string, string | undefined>>,
    readonly page: ListRequest,
  ) {
    super();
  }
}
export class FollowUpWorklistQuery extends Query<FollowUpWorklist> {
  constructor(
    readonly dealerId: string,
    readonly consultantId: string | undefined,
    readonly asOf: string | undefined,
    readonly page: PageRequest = {},
  ) {
    super();
  }
}
export class SalesFunnelQuery extends Query<SalesFunnel> {
  constructor(
    readonly dealerId: string,
    readonly month: string,
    readonly filters: FunnelFilters,
  ) {
    super();
  }
}

@QueryHandler(GetProspectQuery)
export class GetProspectHandler implements IQueryHandler<GetProspectQuery, ProspectRecord> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ prospectId }: GetProspectQuery): Promise<ProspectRecord> {
    const prospect = await this.readStore.get<ProspectDetails>(PROSPECTS, prospectId);
    if (!prospect) throw new ProspectNotFound(prospectId);
    return answered(prospect);
  }
}

@QueryHandler(ListProspectsQuery)
export class ListProspectsHandler implements IQueryHandler<ListProspectsQuery, ListPage<ProspectRecord>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, page }: ListProspectsQuery): Promise<ListPage<ProspectRecord>> {
    const order = { field: 'registeredAt', idField: 'prospectId' };
    const found = await readNewestFirst<ProspectDetails>(
      this.readStore,
      PROSPECTS,
      definedFilter(filter),
      order,
      page,
    );
    return { ...found, items: found.items.map(answered) };
  }
}

@QueryHandler(FollowUpWorklistQuery)
export class FollowUpWorklistHandler implements IQueryHandler<FollowUpWorklistQuery, FollowUpWorklist> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: FollowUpWorklistQuery): Promise<FollowUpWorklist> {
    const asOf = new Date(query.asOf ?? this.clock.now().toISOString()).toISOString();
    const dueBefore = endOfBusinessDay(asOf);
    const due = await this.readStore.find<ProspectDetails>(
      PROSPECTS,
      {
        ...definedFilter({ dealerId: query.dealerId, consultantId: query.consultantId, status: 'open' }),
        nextContactDue: { $lt: dueBefore },
      },
      {
        sort: [
          ['consultantId', 1],
          ['nextContactDue', 1],
          ['prospectId', 1],
        ],
      },
    );
    const items = due.flatMap((prospect): WorklistItem[] =>
      prospect.nextContactDue === null
        ? []
        : [
            {
              prospectId: prospect.prospectId,
              consultantId: prospect.consultantId,
              grade: prospect.grade as OpenGrade,
              contact: prospect.contact,
              modelOfInterest: prospect.modelOfInterest,
              lastContactAt: prospect.lastContactAt,
              scheduledContactAt: prospect.scheduledContactAt,
              nextContactDue: prospect.nextContactDue,
              overdue: prospect.nextContactDue < asOf,
            },
          ],
    );
    const consultants = new Map<string, { consultantId: string; due: number; overdue: number }>();
    for (const item of items) {
      const counts = consultants.get(item.consultantId) ?? {
        consultantId: item.consultantId,
        due: 0,
        overdue: 0,
      };
      counts.due += 1;
      if (item.overdue) counts.overdue += 1;
      consultants.set(item.consultantId, counts);
    }
    return {
      dealerId: query.dealerId,
      asOf,
      dueBefore,
      consultants: [...consultants.values()],
      ...pageOfList(items, query.page),
    };
  }
}

@QueryHandler(SalesFunnelQuery)
export class SalesFunnelHandler implements IQueryHandler<SalesFunnelQuery, SalesFunnel> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ dealerId, month, filters }: SalesFunnelQuery): Promise<SalesFunnel> {
    const [entries, traffic] = await Promise.all([
      this.readStore.find<SalesFunnelEntry>(
        FUNNEL,
        definedFilter({ dealerId, cohortMonth: month, ...filters }),
      ),
      this.readStore.get<SalesShowroomTraffic>(TRAFFIC, `${dealerId}:${month}`),
    ]);
    return computeFunnel(
      dealerId,
      month,
      definedFilter(filters) as FunnelFilters,
      entries,
      traffic?.groups ?? 0,
    );
  }
}

/** The prospect KPIs `crm kpi` reads. */
export const PROSPECT_KPIS: Readonly<Record<string, Kpi>> = {
  'sales-funnel': {
    description: 'prospects of a cohort month through the stages (GET /sales/funnel)',
    required: ['dealer', 'month'],
    read: (store, _clock, p) =>
      new SalesFunnelHandler(store).execute(new SalesFunnelQuery(p.dealer!, p.month!, {})),
    projections: [salesFunnelEntriesProjection, salesShowroomTrafficProjection],
  },
};

/** Every query handler of this file, for its Nest module: a new query is registered where it is written. */
export const PROSPECT_QUERY_HANDLERS = [
  GetProspectHandler,
  ListProspectsHandler,
  FollowUpWorklistHandler,
  SalesFunnelHandler,
];
