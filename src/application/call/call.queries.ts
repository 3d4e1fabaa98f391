import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AgentCallFigures, callFiguresByAgent } from '../../domain/call/call-report';
import { CallNotFound } from '../../domain/call/call.errors';
import {
  type CallDetails,
  callDetailsProjection,
} from '../../projections/call-details/call-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { definedFilter } from '../shared/page';

const CALLS = physicalCollection(callDetailsProjection);
/** Most calls one report reads (a dealer's day): far above a call centre's day, and bounded. */
const MAX_CALLS_PER_REPORT = 50_000;

export class GetCallQuery extends Query<CallDetails> {
  constructor(readonly callId: string) {
    super();
  }
}

export type CallReportFilter = Readonly<{ date: string; dealerId?: string }>;

/** Per dealer and agent, the calls that started on the CST day `date`. */
export type CallDayReport = {
  date: string;
  /** When it was read: a call still ringing counts as missed once 20 s have passed by then. */
  asOf: string;
  agents: (AgentCallFigures & { dealerId: string })[];
};

export class CallReportQuery extends Query<CallDayReport> {
  constructor(readonly filter: CallReportFilter) {
    super();
  }
}

@QueryHandler(GetCallQuery)
export class GetCallHandler implements IQueryHandler<GetCallQuery, CallDetails> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ callId }: GetCallQuery): Promise<CallDetails> {
    const call = await this.readStore.get<CallDetails>(CALLS, callId);
    if (!call) throw new CallNotFound(callId);
    return call;
  }
}

/** Computed when read from the calls' facts, so it records no decision and arrival order cannot change it. */
@QueryHandler(CallReportQuery)
export class CallReportHandler implements IQueryHandler<CallReportQuery, CallDayReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter }: CallReportQuery): Promise<CallDayReport> {
    const asOf = this.clock.now().toISOString();
    const calls = await this.readStore.find<CallDetails>(CALLS, definedFilter(filter), {
      sort: [['dealerId', 1]],
      limit: MAX_CALLS_PER_REPORT,
    });
    const dealers = [...new Set(calls.map((call) => call.dealerId))].sort();
    const agents = dealers.flatMap((dealerId) =>
      callFiguresByAgent(
        calls.filter((call) => call.dealerId === dealerId),
        asOf,
      ).map((figures) => ({ dealerId, ...figures })),
    );
    return { date: filter.date, asOf, agents };
  }
}

export const CALL_QUERY_HANDLERS = [GetCallHandler, CallReportHandler];
