import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  DEFAULT_FORECAST_WEIGHTS,
  type ForecastWeightSet,
} from '../../domain/forecast-weights/forecast-weights';
import type { OpenGrade } from '../../domain/prospect/prospect.types';
import { DomainError } from '../../domain/shared/domain-error';
import { addDays, monthsBetween } from '../../domain/sales-target/target-month';
import { businessDateOf } from '../../domain/showroom/showroom-traffic';
import {
  type SalesForecastProspect,
  salesForecastProspectsProjection,
} from '../../projections/sales-forecast-prospects/sales-forecast-prospects.projection';
import {
  type SalesForecastWeights,
  salesForecastWeightsProjection,
} from '../../projections/sales-forecast-weights/sales-forecast-weights.projection';
import { physicalCollection } from '../../projections/shared/projection';
import {
  type SalesTargetActual,
  salesTargetActualsProjection,
} from '../../projections/sales-target-actuals/sales-target-actuals.projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';

const PROSPECTS = physicalCollection(salesForecastProspectsProjection);
const WEIGHTS = physicalCollection(salesForecastWeightsProjection);
const ACTUALS = physicalCollection(salesTargetActualsProjection);

export class ForecastWeightsVersionNotFound extends DomainError {
  constructor(version: number, latest: number) {
    super(
      'FORECAST_WEIGHTS_VERSION_NOT_FOUND',
      'not-found',
      `forecast weight set version ${version} does not exist: versions run from 1 to ${latest} (GET /sales/forecast/weights)`,
      { version, latest },
    );
  }
}

export type ForecastWeightVersion = ForecastWeightSet & { setAt: string | null; setBy: string | null };

export type ForecastWeightSets = {
  /** The version in force today (CST): the latest whose effectiveFrom has come. */
  inForce: number;
  versions: ForecastWeightVersion[];
};

export type ForecastMonth = {
  month: string;
  /** Open prospects expected to order in the month, by grade. */
  open: Record<OpenGrade, number>;
  /** Σ weight(grade) over them, 2 decimals. */
  weighted: number;
  /** Orders signed in the month (less cancelled ones): what the forecast is judged against. */
  actualOrders: number;
};

export type SalesForecast = {
  dealerId: string;
  from: string;
  to: string;
  filters: { consultantId?: string; model?: string };
  weightSet: ForecastWeightVersion;
  months: ForecastMonth[];
};

export type SalesForecastParams = Readonly<{
  dealerId: string;
  from: string;
  to: string;
  consultantId?: string;
  model?: string;
  weightsVersion?: number;
}>;

export class SalesForecastQuery extends Query<SalesForecast> {
  constructor(readonly params: SalesForecastParams) {
    super();
  }
}

export class ForecastWeightSetsQuery extends Query<ForecastWeightSets> {}

const weightSets = async (readStore: ReadStore, clock: Clock): Promise<ForecastWeightSets> => {
  const stored = await readStore.find<SalesForecastWeights>(WEIGHTS, {}, { sort: [['version', 1]] });
  const versions: ForecastWeightVersion[] = [
    { ...DEFAULT_FORECAST_WEIGHTS, setAt: null, setBy: null },
    ...stored.map(({ version, effectiveFrom, weights, horizonDays, reason, setAt, setBy }) => ({
      version,
      effectiveFrom,
      weights,
      horizonDays,
      reason,
      setAt,
      setBy,
    })),
  ];
  const today = businessDateOf(clock.now().toISOString());
  const inForce = versions.filter((set) => set.effectiveFrom <= today).pop() ?? versions[0];
  return { inForce: inForce.version, versions };
};

const GRADES: readonly OpenGrade[] = ['H', 'A', 'B', 'C'];
const isOpenGrade = (grade: string): grade is OpenGrade => (GRADES as readonly string[]).includes(grade);

/**
 * The pipeline forecast: each open prospect (neither ordered nor lost) counts weight(grade) in the month
 * of its last grading date + the grade's horizon (CST); an expected date already past stays in its month,
 * beside the orders actually signed there, so the weights can be judged.
 */
export const salesForecast = async (
  readStore: ReadStore,
  clock: Clock,
  { dealerId, from, to, consultantId, model, weightsVersion }: SalesForecastParams,
): Promise<SalesForecast> => {
  const sets = await weightSets(readStore, clock);
  const chosen = weightsVersion ?? sets.inForce;
  const weightSet = sets.versions.find((set) => set.version === chosen);
  if (!weightSet) throw new ForecastWeightsVersionNotFound(chosen, sets.versions.length);
  const filters = { ...(consultantId ? { consultantId } : {}), ...(model ? { model } : {}) };
  const [prospects, orders] = await Promise.all([
    readStore.find<SalesForecastProspect>(PROSPECTS, { dealerId, open: true, ...filters }),
    readStore.find<SalesTargetActual>(ACTUALS, {
      dealerId,
      // The vehicle sales the prospects weighed become; a fleet order is not a prospect's (docs/targets.md).
      kind: 'sale',
      orderMonth: { $gte: from, $lte: to },
      cancelledAt: null,
      ...filters,
    }),
  ]);
  const months = new Map<string, ForecastMonth>(
    monthsBetween(from, to).map((month) => [
      month,
      { month, open: { H: 0, A: 0, B: 0, C: 0 }, weighted: 0, actualOrders: 0 },
    ]),
  );
  for (const prospect of prospects) {
    if (!isOpenGrade(prospect.grade)) continue;
    const expected = addDays(businessDateOf(prospect.gradedAt), weightSet.horizonDays[prospect.grade]);
    const month = months.get(expected.slice(0, 7));
    if (!month) continue;
    month.open[prospect.grade] += 1;
  }
  for (const order of orders) {
    const month = order.orderMonth === null ? undefined : months.get(order.orderMonth);
    if (month) month.actualOrders += 1;
  }
  for (const month of months.values())
    month.weighted =
      Math.round(GRADES.reduce((sum, grade) => sum + month.open[grade] * weightSet.weights[grade], 0) * 100) /
      100;
  return { dealerId, from, to, filters, weightSet, months: [...months.values()] };
};

@QueryHandler(SalesForecastQuery)
export class SalesForecastHandler implements IQueryHandler<SalesForecastQuery, SalesForecast> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ params }: SalesForecastQuery): Promise<SalesForecast> {
    return salesForecast(this.readStore, this.clock, params);
  }
}

@QueryHandler(ForecastWeightSetsQuery)
export class ForecastWeightSetsHandler implements IQueryHandler<ForecastWeightSetsQuery, ForecastWeightSets> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(): Promise<ForecastWeightSets> {
    return weightSets(this.readStore, this.clock);
  }
}

/** The forecast KPI `crm kpi` reads. */
export const SALES_FORECAST_KPIS: Readonly<Record<string, Kpi>> = {
  'sales-forecast': {
    description:
      'pipeline forecast: open prospects weighted by grade, by expected month, beside actual orders',
    required: ['dealer', 'fromMonth', 'toMonth'],
    read: (store, clock, p) =>
      salesForecast(store, clock, { dealerId: p.dealer!, from: p.fromMonth!, to: p.toMonth! }),
    projections: [salesForecastProspectsProjection, salesTargetActualsProjection],
  },
};
