import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { TargetFigures, TargetLevel } from '../../domain/sales-target/sales-target.events';
import { daysInMonth } from '../../domain/sales-target/target-month';
import { businessDateOf } from '../../domain/showroom/showroom-traffic';
import { physicalCollection } from '../../projections/shared/projection';
import {
  type SalesTargetActual,
  salesTargetActualsProjection,
} from '../../projections/sales-target-actuals/sales-target-actuals.projection';
import {
  type SalesTargetLine,
  salesTargetLinesProjection,
} from '../../projections/sales-target-lines/sales-target-lines.projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';

const LINES = physicalCollection(salesTargetLinesProjection);
const ACTUALS = physicalCollection(salesTargetActualsProjection);

/** The month against `asOf`: over, in progress (a run rate), or not begun. */
export type MonthStatus = 'past' | 'in-progress' | 'future';

export type TargetAttainment = { orders: number | null; deliveries: number | null };

/** The figures in force as of the report's time: which revision, when, why, by whom. */
export type TargetInForce = TargetFigures & {
  /** 1 for the first figures, 2 for the first revision… */
  revision: number;
  at: string;
  reason: string | null;
  by: string;
};

export type TargetReportLine = {
  level: TargetLevel;
  consultantId: string | null;
  model: string | null;
  /** null when no target was set for the line as of the report's time. */
  target: TargetInForce | null;
  actual: TargetFigures;
  /** actual ÷ target, 4 decimals; null without a target or with a target of 0. */
  attainment: TargetAttainment;
  /** For the month in progress: actual ÷ days elapsed × days in the month, 2 decimals; null otherwise. */
  runRate: TargetFigures | null;
};

export type SalesTargetReport = {
  dealerId: string;
  month: string;
  asOf: string;
  monthStatus: MonthStatus;
  daysInMonth: number;
  /** Business days of the month begun by asOf (CST), today counted whole. */
  daysElapsed: number;
  lines: TargetReportLine[];
};

export type SalesTargetParams = Readonly<{ dealerId: string; month: string; asOf?: string }>;

export class SalesTargetsQuery extends Query<SalesTargetReport> {
  constructor(readonly params: SalesTargetParams) {
    super();
  }
}

const ratio = (actual: number, target: number | undefined): number | null =>
  target === undefined || target === 0 ? null : Math.round((actual / target) * 10_000) / 10_000;

const lineKeyOf = (level: TargetLevel, consultantId: string | null, model: string | null): string =>
  level === 'dealer' ? 'dealer' : level === 'consultant' ? `consultant:${consultantId}` : `model:${model}`;

const LEVEL_ORDER: Readonly<Record<TargetLevel, number>> = { dealer: 0, consultant: 1, model: 2 };

/**
 * Attainment of a dealer's month as of a time: each line's target is its latest revision dated up to asOf,
 * orders count by signing date (less those cancelled by asOf), deliveries by delivery date, both dated up
 * to asOf, in business months (CST). A line is listed when it has a target or an actual; the dealer's always.
 */
export const salesTargetReport = async (
  readStore: ReadStore,
  clock: Clock,
  { dealerId, month, asOf: asked }: SalesTargetParams,
): Promise<SalesTargetReport> => {
  const asOf = new Date(asked ?? clock.now().toISOString()).toISOString();
  const until = Date.parse(asOf);
  const dated = (at: string | null) => at !== null && Date.parse(at) <= until;
  const today = businessDateOf(asOf);
  const days = daysInMonth(month);
  const monthStatus: MonthStatus =
    today.slice(0, 7) < month ? 'future' : today.slice(0, 7) === month ? 'in-progress' : 'past';
  const daysElapsed =
    monthStatus === 'future' ? 0 : monthStatus === 'past' ? days : Number(today.slice(8, 10));

  const [targets, ordered, delivered] = await Promise.all([
    readStore.find<SalesTargetLine>(LINES, { dealerId, month }),
    readStore.find<SalesTargetActual>(ACTUALS, { dealerId, orderMonth: month }),
    readStore.find<SalesTargetActual>(ACTUALS, { dealerId, deliveryMonth: month }),
  ]);
  const orders = ordered.filter((sale) => dated(sale.signedAt) && !dated(sale.cancelledAt));
  const deliveries = delivered.filter((sale) => dated(sale.deliveredAt));

  type Draft = Pick<TargetReportLine, 'level' | 'consultantId' | 'model' | 'target'>;
  const drafts = new Map<string, Draft>([
    ['dealer', { level: 'dealer', consultantId: null, model: null, target: null }],
  ]);
  for (const line of targets) {
    const inForce = line.revisions
      .map((revision, index) => ({ ...revision, revision: index + 1 }))
      .filter((r) => dated(r.at));
    const target = inForce.length > 0 ? inForce[inForce.length - 1] : null;
    if (target || line.level === 'dealer')
      drafts.set(lineKeyOf(line.level, line.consultantId, line.model), {
        level: line.level,
        consultantId: line.consultantId,
        model: line.model,
        target,
      });
  }
  for (const sale of [...orders, ...deliveries]) {
    for (const [key, draft] of [
      [
        `consultant:${sale.consultantId}`,
        { level: 'consultant', consultantId: sale.consultantId, model: null },
      ],
      [`model:${sale.model}`, { level: 'model', consultantId: null, model: sale.model }],
    ] as const)
      if (!drafts.has(key)) drafts.set(key, { ...draft, target: null });
  }

  const lines = [...drafts.values()].map((draft): TargetReportLine => {
    const mine = (sale: SalesTargetActual) =>
      draft.level === 'dealer' ||
      (draft.level === 'consultant' ? sale.consultantId === draft.consultantId : sale.model === draft.model);
    // A sale is one order, a fleet order's line its quantity (one order per vehicle); a delivery is one vehicle.
    const actual = {
      orders: orders.filter(mine).reduce((sum, record) => sum + record.orders, 0),
      deliveries: deliveries.filter(mine).length,
    };
    const runRateOf = (count: number) => Math.round((count / daysElapsed) * days * 100) / 100;
    return {
      ...draft,
      actual,
      attainment: {
        orders: ratio(actual.orders, draft.target?.orders),
        deliveries: ratio(actual.deliveries, draft.target?.deliveries),
      },
      runRate:
        monthStatus === 'in-progress'
          ? { orders: runRateOf(actual.orders), deliveries: runRateOf(actual.deliveries) }
          : null,
    };
  });
  lines.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      (a.consultantId ?? a.model ?? '').localeCompare(b.consultantId ?? b.model ?? ''),
  );
  return { dealerId, month, asOf, monthStatus, daysInMonth: days, daysElapsed, lines };
};

@QueryHandler(SalesTargetsQuery)
export class SalesTargetsHandler implements IQueryHandler<SalesTargetsQuery, SalesTargetReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ params }: SalesTargetsQuery): Promise<SalesTargetReport> {
    return salesTargetReport(this.readStore, this.clock, params);
  }
}

/** The targets KPI `crm kpi` reads. */
export const SALES_TARGET_KPIS: Readonly<Record<string, Kpi>> = {
  'sales-targets': {
    description:
      'sales targets against actual orders and deliveries, with the run rate, per dealer and month',
    required: ['dealer', 'month'],
    read: (store, clock, p) =>
      salesTargetReport(store, clock, { dealerId: p.dealer!, month: p.month!, asOf: p.asOf }),
    projections: [salesTargetLinesProjection, salesTargetActualsProjection],
  },
};
