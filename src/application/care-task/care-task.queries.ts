import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { callbackSuccess, type DealerCallbackSuccess } from '../../domain/care-task/callback-success';
import { careTaskOriginMissing } from '../../domain/care-task/care-task.errors';
import type { CareTaskKind, CareTaskStatus } from '../../domain/care-task/care-task.types';
import {
  type CareTaskDoc,
  careTasksProjection,
  outcomeAttempts,
  outcomeCancellations,
} from '../../projections/care-tasks/care-tasks.projection';
import { physicalCollection } from '../../projections/shared/projection';
import {
  type SurveyUnhappyReasons,
  surveyUnhappyReasonsProjection,
} from '../../projections/survey-unhappy-reasons/survey-unhappy-reasons.projection';
import { monthRange } from '../../domain/repair-order/service-kpis';
import { reasonLabel, type SurveyKind } from '../../domain/shared/unhappy-reasons';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page } from '../shared/page';
import { ratio4 } from '../../domain/shared/ratio';

const TASKS = physicalCollection(careTasksProjection);
const REASONS = physicalCollection(surveyUnhappyReasonsProjection);
/** The longest span one reasons report covers. */
export const MAX_REASON_MONTHS = 24;
/** Most tasks one month's report reads for the network: far above a carmaker's month of callbacks, and bounded. */
const MAX_TASKS_PER_REPORT = 200_000;

/**
 * A task as the API shows it: the read model, plus whether it is overdue when read; a member reminder's
 * facts (the membership's lots, a lapse warning's clocks) stay in the read model.
 */
export type CareTaskView = Omit<CareTaskDoc, 'pointsExpiry' | 'lapseWarning'> & { overdue: boolean };

const viewOf = (
  { pointsExpiry: _facts, lapseWarning: _clocks, ...doc }: CareTaskDoc,
  now: string,
): CareTaskView => ({
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
    if (!isTask(doc))
      throw careTaskOriginMissing(
        taskId,
        'no fact it follows (a delivery, a settlement, a vehicle date) is known',
      );
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
      cancellations: outcomeCancellations(doc),
    }));
    return { month: params.month, asOf, dealers: callbackSuccess(tasks, asOf) };
  }
}

export type ReasonCount = { code: string; label: string | null; count: number; share: number | null };
/** One survey kind's figures for a month: one dealer's, or the network's (`dealerId` null). */
export type UnhappyReasonsMonth = {
  month: string;
  survey: SurveyKind;
  dealerId: string | null;
  surveys: number;
  dissatisfied: number;
  /** dissatisfied ÷ surveys, four decimals; null without surveys. */
  dissatisfiedRate: number | null;
  /** Most named first; share = surveys naming it ÷ surveys. */
  reasons: ReasonCount[];
  catalogueVersions: string[];
};
export type UnhappyReasonsReport = Readonly<{ from: string; to: string; months: UnhappyReasonsMonth[] }>;

export class UnhappyReasonsQuery extends Query<UnhappyReasonsReport> {
  constructor(readonly params: Readonly<{ from: string; to: string; dealerId?: string }>) {
    super();
  }
}

const monthOf = (
  month: string,
  survey: SurveyKind,
  dealerId: string | null,
  docs: readonly SurveyUnhappyReasons[],
): UnhappyReasonsMonth => {
  const surveys = docs.reduce((sum, doc) => sum + doc.surveys, 0);
  const dissatisfied = docs.reduce((sum, doc) => sum + doc.dissatisfied, 0);
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const [code, count] of Object.entries(doc.reasons))
      counts.set(code, (counts.get(code) ?? 0) + count);
  return {
    month,
    survey,
    dealerId,
    surveys,
    dissatisfied,
    dissatisfiedRate: ratio4(dissatisfied, surveys),
    reasons: [...counts]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([code, count]) => ({
        code,
        label: reasonLabel(survey, code),
        count,
        share: ratio4(count, surveys),
      })),
    catalogueVersions: [...new Set(docs.flatMap((doc) => doc.catalogueVersions))].sort(),
  };
};

/**
 * The unhappy-reason analysis (不满意原因分析): per month of the span and survey kind, one dealer's figures, or
 * without a dealer the network's, every month listed (a month without surveys shows zeros: the trend).
 */
@QueryHandler(UnhappyReasonsQuery)
export class UnhappyReasonsHandler implements IQueryHandler<UnhappyReasonsQuery, UnhappyReasonsReport> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ params }: UnhappyReasonsQuery): Promise<UnhappyReasonsReport> {
    const months = monthRange(params.from, params.to);
    const docs = await this.readStore.find<SurveyUnhappyReasons>(
      REASONS,
      { ...definedFilter({ dealerId: params.dealerId }), month: { $gte: params.from, $lte: params.to } },
      { sort: [['month', 1]], limit: MAX_TASKS_PER_REPORT },
    );
    return {
      from: params.from,
      to: params.to,
      months: months.flatMap((month) =>
        (['ssi', 'csi'] as const).map((survey) =>
          monthOf(
            month,
            survey,
            params.dealerId ?? null,
            docs.filter((doc) => doc.month === month && doc.survey === survey),
          ),
        ),
      ),
    };
  }
}

export const CARE_TASK_QUERY_HANDLERS = [
  GetCareTaskHandler,
  ListCareTasksHandler,
  CallbackSuccessHandler,
  UnhappyReasonsHandler,
];

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
  'unhappy-reasons': {
    description: 'unhappy-reason analysis (不满意原因分析) of the SSI and CSI surveys per month',
    required: ['fromMonth', 'toMonth'],
    read: (store, _clock, p) =>
      new UnhappyReasonsHandler(store).execute(
        new UnhappyReasonsQuery({ from: p.fromMonth!, to: p.toMonth!, dealerId: p.dealer }),
      ),
    projections: [surveyUnhappyReasonsProjection],
  },
};
