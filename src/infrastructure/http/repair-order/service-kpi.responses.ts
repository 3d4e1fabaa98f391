import type {
  AppointmentsMonthly,
  LostVehicle,
  LostVehiclesReport,
  MaintenanceDueReport,
  MaintenanceDueVehicle,
  RetentionMonthly,
  RetentionReport,
} from '../../../application/repair-order/service-kpi.queries';
import { PageOf } from '../shared/page.responses';
import type { CsiFactor } from '../../../domain/repair-order/csi-weights';
import type { RepairOrderType } from '../../../domain/repair-order/repair-order.types';
import type { ServiceCsiMonthly } from '../../../projections/service-csi-monthly/service-csi-monthly.projection';
import type { ServiceWorkshopMonthly } from '../../../projections/service-workshop-monthly/service-workshop-monthly.projection';

/** The answers of the service KPI routes, typed by the read models and reports they show. */
export class CsiMonthlyView implements ServiceCsiMonthly {
  dealerId!: string;
  /** Business month of the survey (China Standard Time), YYYY-MM. */
  month!: string;
  /** Surveys scored with different weights are never mixed into one index. */
  weightSetVersion!: string;
  /** Weight of each factor, in percent. */
  weights!: Record<CsiFactor, number>;
  surveys!: number;
  /** Sum of the 1–10 answers per factor. */
  answerSums!: Record<CsiFactor, number>;
  promoters!: number;
  passives!: number;
  detractors!: number;
  /** Mean answer × 100 per factor, to two decimals. */
  factorIndex!: Record<CsiFactor, number>;
  /** Σ weight% × factor index, from the unrounded factor indices, to a whole number. */
  csi!: number;
  /** % of 9–10 minus % of 0–6 on "would you recommend", to two decimals. */
  nps!: number;
}

export class TechnicianFigures {
  technicianId!: string;
  standardHours!: number;
  actualHours!: number;
  /** standardHours ÷ actualHours. */
  efficiency!: number | null;
}

export class WorkshopMonthlyView implements ServiceWorkshopMonthly {
  dealerId!: string;
  /** Business month (China Standard Time), YYYY-MM. */
  month!: string;
  /** Checked in this month. */
  opened!: number;
  openedFromAppointment!: number;
  /** 预约率 = opened from an appointment ÷ opened. */
  appointmentRate!: number | null;
  /** Settled this month; the figures below count by month of settlement. */
  settled!: number;
  byType!: Record<RepairOrderType, number>;
  /** paid = paid maintenance + paid repair. */
  paid!: number;
  /** free = free inspection + free repair. */
  free!: number;
  /** services = paid + free. */
  services!: number;
  warranty!: number;
  reworkSettled!: number;
  /** 返修率 = settled orders marked rework ÷ settled orders. */
  reworkRate!: number | null;
  standardHours!: number;
  actualHours!: number;
  /** 维修工生产率 = standard (billed) hours ÷ actual (clocked) hours. */
  technicianEfficiency!: number | null;
  technicians!: TechnicianFigures[];
  /** Labour + parts of settled paid orders, in fen. */
  paidRevenueFen!: number;
  /** 客单价 = paidRevenueFen ÷ settled paid orders, rounded to the fen. */
  averageTicketFen!: number | null;
  /** Callbacks of the orders settled this month. */
  callbacksDue!: number;
  callbacksCompleted!: number;
  /** completed ÷ due. */
  callbackSuccessRate!: number | null;
}

export class RetentionMonth implements RetentionMonthly {
  /** Month N. */
  month!: string;
  /** W, in calendar months. */
  windowMonths!: number;
  /** @deprecated The former name of `windowMonths` (same value). */
  window!: number;
  /** N − W: the month whose visitors are followed. */
  baseMonth!: string;
  /** VINs with a repair order settled in the base month. */
  base!: number;
  /** Those of the base with another settled repair order in N − W + 1 … N. */
  returned!: number;
  retention!: number | null;
  /** 1 − retention. */
  churn!: number | null;
}

export class RetentionView implements RetentionReport {
  dealerId!: string;
  /** W, in calendar months. */
  windowMonths!: number;
  /** @deprecated The former name of `windowMonths` (same value). */
  window!: number;
  months!: RetentionMonth[];
}

export class LostVehicleView implements LostVehicle {
  dealerId!: string;
  vin!: string;
  plate!: string;
  customerId!: string;
  lastSettledAt!: string;
  /** Settled repair orders up to the as-of date. */
  visits!: number;
}

/** The lost vehicles, longest gone first, one page of them. */
export class LostVehiclesView extends PageOf(LostVehicleView) implements LostVehiclesReport {
  asOf!: string;
  /** W, in calendar months. */
  windowMonths!: number;
  /** @deprecated The former name of `windowMonths` (same value). */
  window!: number;
  /** A vehicle whose last settled order is before this is lost. */
  cutoff!: string;
}

export class MaintenanceDueVehicleView implements MaintenanceDueVehicle {
  dealerId!: string;
  vin!: string;
  plate!: string;
  customerId!: string;
  lastServiceAt!: string;
  lastMileageKm!: number;
  dueAt!: string;
  /** Which rule fell due first. */
  dueBy!: 'time' | 'mileage';
  /** Mileage at the as-of date from the vehicle's own km per day; null with a single reading. */
  estimatedMileageKm!: number | null;
}

/** The vehicles due for maintenance, soonest due first, one page of them. */
export class MaintenanceDueView extends PageOf(MaintenanceDueVehicleView) implements MaintenanceDueReport {
  asOf!: string;
  /** The interval asked for: months after the last service. */
  intervalMonths!: number;
  /** The interval asked for: km after the last service. */
  intervalKm!: number;
  /** @deprecated The former name of `intervalMonths` (same value). */
  months!: number;
  /** @deprecated The former name of `intervalKm` (same value). */
  km!: number;
}

export class AppointmentsMonthlyView implements AppointmentsMonthly {
  dealerId!: string;
  /** Business month of the slots (CST), YYYY-MM. */
  month!: string;
  asOf!: string;
  /** Appointments of the month booked by `asOf`. */
  booked!: number;
  /** Checked in no later than 15 minutes after the slot's start (an early check-in is on time). */
  keptOnTime!: number;
  /** Checked in later on the slot's business day. */
  late!: number;
  /** No check-in by the end of the slot's business day (a check-in on a later day leaves it one). */
  noShow!: number;
  /** Cancelled before the end of the slot's business day. */
  cancelled!: number;
  /** The slot's day is not over and the vehicle has not come yet. */
  pending!: number;
  /** keptOnTime + late + noShow. */
  due!: number;
  /** noShow ÷ due, four decimals; null when none is due. */
  noShowRate!: number | null;
  /** keptOnTime ÷ due, four decimals; null when none is due. */
  onTimeRate!: number | null;
}
