import type {
  ForecastMonth,
  ForecastWeightSets,
  ForecastWeightVersion,
  SalesForecast,
} from '../../../application/sales-target/sales-forecast.queries';
import type {
  MonthStatus,
  SalesTargetReport,
  TargetAttainment,
  TargetInForce,
  TargetReportLine,
} from '../../../application/sales-target/sales-target.queries';
import type { OpenGrade } from '../../../domain/prospect/prospect.types';
import type { TargetFigures, TargetLevel } from '../../../domain/sales-target/sales-target.events';

/** The answers of the targets and forecast routes, typed by the reports they show. */
export class TargetFiguresView implements TargetFigures {
  /** Orders (signed, not cancelled). */
  orders!: number;
  /** Vehicles delivered. */
  deliveries!: number;
}

export class TargetInForceView extends TargetFiguresView implements TargetInForce {
  /** 1 for the first figures, 2 for the first revision, and so on. */
  revision!: number;
  /** Business time of the set or revision. */
  at!: string;
  /** The revision's reason; null for the first figures. */
  reason!: string | null;
  /** Who set or revised it. */
  by!: string;
}

export class TargetAttainmentView implements TargetAttainment {
  /** actual ÷ target, 4 decimals; null without a target or with a target of 0. */
  orders!: number | null;
  deliveries!: number | null;
}

export class TargetReportLineView implements TargetReportLine {
  level!: TargetLevel;
  consultantId!: string | null;
  model!: string | null;
  /** The latest revision dated up to asOf; null when none was set by then. */
  target!: TargetInForceView | null;
  actual!: TargetFiguresView;
  attainment!: TargetAttainmentView;
  /** Month in progress only: actual ÷ days elapsed × days in the month, 2 decimals. */
  runRate!: TargetFiguresView | null;
}

export class SalesTargetReportView implements SalesTargetReport {
  dealerId!: string;
  month!: string;
  asOf!: string;
  monthStatus!: MonthStatus;
  daysInMonth!: number;
  /** Business days of the month begun by asOf (CST), asOf's day counted whole. */
  daysElapsed!: number;
  /** The dealer's line first, then consultants, then models. */
  lines!: TargetReportLineView[];
}

export class GradeNumbersView implements Record<OpenGrade, number> {
  H!: number;
  A!: number;
  B!: number;
  C!: number;
}

export class ForecastWeightVersionView implements ForecastWeightVersion {
  version!: number;
  /** First business day (CST) it applies to. */
  effectiveFrom!: string;
  weights!: GradeNumbersView;
  /** Days from the last grading to the expected order. */
  horizonDays!: GradeNumbersView;
  reason!: string;
  /** null for version 1, the defaults. */
  setAt!: string | null;
  setBy!: string | null;
}

export class ForecastWeightSetsView implements ForecastWeightSets {
  /** The version in force today (CST). */
  inForce!: number;
  versions!: ForecastWeightVersionView[];
}

export class ForecastMonthView implements ForecastMonth {
  month!: string;
  /** Open prospects expected to order in the month, by grade. */
  open!: GradeNumbersView;
  /** Σ weight(grade) over them, 2 decimals. */
  weighted!: number;
  /** Orders signed in the month, less cancelled ones. */
  actualOrders!: number;
}

export class SalesForecastFiltersView {
  consultantId?: string;
  model?: string;
}

export class SalesForecastView implements SalesForecast {
  dealerId!: string;
  from!: string;
  to!: string;
  filters!: SalesForecastFiltersView;
  /** The weight set used. */
  weightSet!: ForecastWeightVersionView;
  months!: ForecastMonthView[];
}
