import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { callbackSuccess, type DealerCallbackSuccess } from '../../domain/care-task/callback-success';
import { careTaskOriginMissing } from '../../domain/care-task/care-task.errors';
import type { CareTaskKind, CareTaskStatus } from '../../domain/care-task/care-task.types';
import {
  type CareTaskDoc,
  careTasksProjection,
  outcomeAttempts,
} from '../../projections/care-tasks/care-tasks.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page } from '../shared/page';

const TASKS = physicalCollection(careTasksProjection);
/** Most tasks one month's report reads for the network: far above a carmaker's month of callbacks, and bounded. */
const MAX_TASKS_PER_REPORT = 200_000;

/** A task as the API shows it: the read model, plus whether it is overdue when read. */
export type CareTaskView = CareTaskDoc & { overdue: boolean };

const viewOf = (doc: CareTaskDoc, now: string): CareTaskView => ({
  ...doc,
  overdue: doc.status === 'open' && doc.dueAt !== null && Date.parse(doc.dueAt) < Date.parse(now),
});

/** A document made by a task's own event replayed before its record's fact is not a task yet. */
const isTask = (doc: CareTaskDoc | null): doc is CareTaskDoc => doc !== null && doc.dueAt !== null;

export class GetCareTaskQuery extends Query<CareTaskView> {
  constructor(readonly taskId: string) {
    super();
  }
}

export type CareTaskFilter = Readonly<{
  dealerId?: string;
  kind?: CareTaskKind;
  status?: CareTaskStatus;
  callerId?: string;
  role?: string;
  dueMonth?: string;
  /** Due at or before this instant. */
  dueBy?: string;
}>;

export class ListCareTasksQuery extends Query<Page<CareTaskView>> {
  constructor(
    readonly filter: CareTaskFilter,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

export type CallbackSuccessReport = Readonly<{
  month: string;
  /** Facts dated up to it count; tasks due after it are not due yet. */
  asOf: string;
  dealers: DealerCallbackSuccess[];
}>;

export class CallbackSuccessQuery extends Query<CallbackSuccessReport> {
  constructor(readonly params: Readonly<{ month: string; dealerId?: string; asOf?: string }>) {
    super();
  }
}

@QueryHandler(GetCareTaskQuery)
export class GetCareTaskHandler implements IQueryHandler<GetCareTaskQuery, CareTaskView> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId }: GetCareTaskQuery): Promise<CareTaskView> {
    const doc = await this.readStore.get<CareTaskDoc>(TASKS, taskId);
    if (!isTask(doc)) throw careTaskOriginMissing(taskId, 'no delivery or settlement it follows is known');
    return viewOf(doc, this.clock.now().toISOString());
  }
}

/** The worklist: tasks soonest due first. */
@QueryHandler(ListCareTasksQuery)
export class ListCareTasksHandler implements IQueryHandler<ListCareTasksQuery, Page<CareTaskView>> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, limit, offset }: ListCareTasksQuery): Promise<Page<CareTaskView>> {
    const { dueBy, ...exact } = filter;
    const where = {
      ...definedFilter(exact),
      dueAt: dueBy === undefined ? { $ne: null } : { $lte: new Date(dueBy).toISOString() },
    };
    const [docs, total] = await Promise.all([
      this.readStore.find<CareTaskDoc>(TASKS, where, {
        sort: [
          ['dueAt', 1],
          ['taskId', 1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(TASKS, where),
    ]);
    const now = this.clock.now().toISOString();
    return { items: docs.map((doc) => viewOf(doc, now)), total, limit, offset };
  }
}

/** Computed when read from the tasks' facts, as of an instant, so arrival order cannot change it. */
@QueryHandler(CallbackSuccessQuery)
export class CallbackSuccessHandler implements IQueryHandler<CallbackSuccessQuery, CallbackSuccessReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ params }: CallbackSuccessQuery): Promise<CallbackSuccessReport> {
    const asOf = new Date(params.asOf ?? this.clock.now().toISOString()).toISOString();
    const docs = await this.readStore.find<CareTaskDoc>(
      TASKS,
      definedFilter({ dueMonth: params.month, dealerId: params.dealerId }),
      { sort: [['taskId', 1]], limit: MAX_TASKS_PER_REPORT },
    );
    const tasks = docs.filter(isTask).map((doc) => ({
      dealerId: doc.dealerId,
      kind: doc.kind,
      customerId: doc.customerId,
      dueAt: doc.dueAt!,
      attempts: outcomeAttempts(doc),
      assignments: doc.assignments.map(({ at, assigneeId, position }) => ({
        at,
        assigneeId,
        order: position,
      })),
      cancellations: doc.cancellations.map(({ at, position }) => ({ at, order: position })),
    }));
    return { month: params.month, asOf, dealers: callbackSuccess(tasks, asOf) };
  }
}

export const CARE_TASK_QUERY_HANDLERS = [GetCareTaskHandler, ListCareTasksHandler, CallbackSuccessHandler];

/** `crm kpi callback-success --month [--dealer] [--as-of]`: as `GET /care/callback-success` answers it. */
export const CARE_TASK_KPIS: Readonly<Record<string, Kpi>> = {
  'callback-success': {
    description:
      'callback success rate (回访成功率): callback tasks completed ÷ due, per dealer, kind and caller',
    required: ['month'],
    read: (store, clock, p) =>
      new CallbackSuccessHandler(store, clock).execute(
        new CallbackSuccessQuery({ month: p.month!, dealerId: p.dealer, asOf: p.asOf }),
      ),
  },
};
