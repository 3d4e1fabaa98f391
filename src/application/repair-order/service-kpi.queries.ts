import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type MaintenanceDue,
  type Retention,
  lostCutoff,
  lostSince,
  maintenanceDue,
  monthRange,
  retentionOf,
} from '../../domain/repair-order/service-kpis';
import { appointmentOutcome } from '../../domain/repair-order/appointments';
import {
  type ServiceAppointment,
  serviceAppointmentsProjection,
} from '../../projections/service-appointments/service-appointments.projection';
import { physicalCollection } from '../../projections/shared/projection';
import {
  type ServiceCsiMonthly,
  serviceCsiMonthlyProjection,
} from '../../projections/service-csi-monthly/service-csi-monthly.projection';
import {
  type ServiceVehicle,
  serviceVehiclesProjection,
} from '../../projections/service-vehicles/service-vehicles.projection';
import {
  rate,
  type ServiceWorkshopMonthly,
  serviceWorkshopMonthlyProjection,
} from '../../projections/service-workshop-monthly/service-workshop-monthly.projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page, type PageRequest, pageOfList } from '../shared/page';

const CSI = physicalCollection(serviceCsiMonthlyProjection);
const WORKSHOP = physicalCollection(serviceWorkshopMonthlyProjection);
const VEHICLES = physicalCollection(serviceVehiclesProjection);
const APPOINTMENTS = physicalCollection(serviceAppointmentsProjection);

export const DEFAULT_WINDOW_MONTHS = 6;
export const DEFAULT_MAINTENANCE = { months: 6, km: 7_500 } as const;

type DealerMonth = Readonly<{ dealerId?: string; month?: string }>;

export class GetCsiMonthlyQuery extends Query<ServiceCsiMonthly[]> {
  constructor(readonly filter: DealerMonth) {
    super();
  }
}

export class GetWorkshopMonthlyQuery extends Query<ServiceWorkshopMonthly[]> {
  constructor(readonly filter: DealerMonth) {
    super();
  }
}

/** `window` is the former name of `windowMonths`, kept for integrators of an earlier version (same value). */
export type RetentionMonthly = Retention & Readonly<{ windowMonths: number }>;
export type RetentionReport = Readonly<{
  dealerId: string;
  windowMonths: number;
  window: number;
  months: RetentionMonthly[];
}>;

export class GetRetentionQuery extends Query<RetentionReport> {
  constructor(
    readonly params: Readonly<{ dealerId: string; from: string; to: string; windowMonths?: number }>,
  ) {
    super();
  }
}

export type LostVehicle = Readonly<{
  dealerId: string;
  vin: string;
  plate: string;
  customerId: string;
  lastSettledAt: string;
  visits: number;
}>;
export type LostVehiclesReport = Readonly<{
  asOf: string;
  windowMonths: number;
  /** The former name of `windowMonths`. */
  window: number;
  cutoff: string;
}> &
  Page<LostVehicle>;

export class GetLostVehiclesQuery extends Query<LostVehiclesReport> {
  constructor(
    readonly params: Readonly<{ dealerId: string; asOf?: string; windowMonths?: number } & PageRequest>,
  ) {
    super();
  }
}

export type MaintenanceDueVehicle = MaintenanceDue &
  Readonly<{
    dealerId: string;
    vin: string;
    plate: string;
    customerId: string;
    lastServiceAt: string;
    lastMileageKm: number;
  }>;
export type MaintenanceDueReport = Readonly<{
  asOf: string;
  intervalMonths: number;
  intervalKm: number;
  /** The former names of `intervalMonths` and `intervalKm`. */
  months: number;
  km: number;
}> &
  Page<MaintenanceDueVehicle>;

export class GetMaintenanceDueQuery extends Query<MaintenanceDueReport> {
  constructor(
    readonly params: Readonly<
      { dealerId: string; asOf?: string; intervalMonths?: number; intervalKm?: number } & PageRequest
    >,
  ) {
    super();
  }
}

/** 预约实施情况: how a dealer's appointments of a month (by slot) were kept, as of an instant. */
export type AppointmentsMonthly = Readonly<{
  dealerId: string;
  month: string;
  asOf: string;
  /** Appointments of the month booked by `asOf`. */
  booked: number;
  keptOnTime: number;
  late: number;
  noShow: number;
  cancelled: number;
  /** Neither kept nor a no-show yet: the slot's day is not over and the vehicle has not come. */
  pending: number;
  /** Appointments due: kept on time, late or no-show (cancelled and pending ones are not). */
  due: number;
  /** noShow ÷ due, four decimals; null when none is due. */
  noShowRate: number | null;
  /** keptOnTime ÷ due, four decimals; null when none is due. */
  onTimeRate: number | null;
}>;

export class GetAppointmentsMonthlyQuery extends Query<AppointmentsMonthly> {
  constructor(readonly params: Readonly<{ dealerId: string; month: string; asOf?: string }>) {
    super();
  }
}

const BY_DEALER_MONTH = [
  ['dealerId', 1],
  ['month', 1],
] as const;

@QueryHandler(GetCsiMonthlyQuery)
export class GetCsiMonthlyHandler implements IQueryHandler<GetCsiMonthlyQuery, ServiceCsiMonthly[]> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ filter }: GetCsiMonthlyQuery): Promise<ServiceCsiMonthly[]> {
    return this.readStore.find<ServiceCsiMonthly>(CSI, definedFilter(filter), {
      sort: [...BY_DEALER_MONTH, ['weightSetVersion', 1]],
    });
  }
}

@QueryHandler(GetWorkshopMonthlyQuery)
export class GetWorkshopMonthlyHandler implements IQueryHandler<
  GetWorkshopMonthlyQuery,
  ServiceWorkshopMonthly[]
> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ filter }: GetWorkshopMonthlyQuery): Promise<ServiceWorkshopMonthly[]> {
    return this.readStore.find<ServiceWorkshopMonthly>(WORKSHOP, definedFilter(filter), {
      sort: BY_DEALER_MONTH,
    });
  }
}

/**
 * Retention and churn for months `from` … `to`, computed on request from one small document per vehicle
 * (its settled months), so any window can be asked for without a rebuild.
 */
@QueryHandler(GetRetentionQuery)
export class GetRetentionHandler implements IQueryHandler<GetRetentionQuery, RetentionReport> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ params }: GetRetentionQuery): Promise<RetentionReport> {
    const window = params.windowMonths ?? DEFAULT_WINDOW_MONTHS;
    const vehicles = await this.readStore.find<ServiceVehicle>(VEHICLES, { dealerId: params.dealerId });
    return {
      dealerId: params.dealerId,
      windowMonths: window,
      window,
      months: monthRange(params.from, params.to).map((month) => ({
        ...retentionOf(vehicles, month, window),
        windowMonths: window,
      })),
    };
  }
}

/** 流失客户: the callers' list, longest gone first. */
@QueryHandler(GetLostVehiclesQuery)
export class GetLostVehiclesHandler implements IQueryHandler<GetLostVehiclesQuery, LostVehiclesReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ params }: GetLostVehiclesQuery): Promise<LostVehiclesReport> {
    const asOf = new Date(params.asOf ?? this.clock.now().toISOString()).toISOString();
    const window = params.windowMonths ?? DEFAULT_WINDOW_MONTHS;
    const vehicles = await this.readStore.find<ServiceVehicle>(VEHICLES, { dealerId: params.dealerId });
    const lost = vehicles.flatMap((vehicle) => {
      const seen = vehicle.settlements.filter((at) => Date.parse(at) <= Date.parse(asOf));
      const lastSettledAt = lostSince(vehicle.settlements, asOf, window);
      if (lastSettledAt === null) return [];
      const { dealerId, vin, plate, customerId } = vehicle;
      return [{ dealerId, vin, plate, customerId, lastSettledAt, visits: seen.length }];
    });
    lost.sort(
      (a, b) => Date.parse(a.lastSettledAt) - Date.parse(b.lastSettledAt) || a.vin.localeCompare(b.vin),
    );
    const cutoff = lostCutoff(asOf, window);
    return { asOf, windowMonths: window, window, cutoff, ...pageOfList(lost, params) };
  }
}

/** Vehicles whose next maintenance (by time or by mileage, whichever first) is due at the as-of instant. */
@QueryHandler(GetMaintenanceDueQuery)
export class GetMaintenanceDueHandler implements IQueryHandler<GetMaintenanceDueQuery, MaintenanceDueReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ params }: GetMaintenanceDueQuery): Promise<MaintenanceDueReport> {
    const asOf = new Date(params.asOf ?? this.clock.now().toISOString()).toISOString();
    const interval = {
      months: params.intervalMonths ?? DEFAULT_MAINTENANCE.months,
      km: params.intervalKm ?? DEFAULT_MAINTENANCE.km,
    };
    const vehicles = await this.readStore.find<ServiceVehicle>(VEHICLES, { dealerId: params.dealerId });
    const due = vehicles
      .map((vehicle) => ({
        dealerId: vehicle.dealerId,
        vin: vehicle.vin,
        plate: vehicle.plate,
        customerId: vehicle.customerId,
        lastServiceAt: vehicle.last.settledAt,
        lastMileageKm: vehicle.last.mileageKm,
        ...maintenanceDue(vehicle.first, vehicle.last, interval, asOf),
      }))
      .filter((vehicle) => Date.parse(vehicle.dueAt) <= Date.parse(asOf))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.vin.localeCompare(b.vin));
    const named = { intervalMonths: interval.months, intervalKm: interval.km, ...interval };
    return { asOf, ...named, ...pageOfList(due, params) };
  }
}

/**
 * Computed when read from one document per appointment, so a check-in or a cancellation that arrives late
 * gives the same figures as one on time, and a past `asOf` gives them as they stood (facts dated up to it).
 */
@QueryHandler(GetAppointmentsMonthlyQuery)
export class GetAppointmentsMonthlyHandler implements IQueryHandler<
  GetAppointmentsMonthlyQuery,
  AppointmentsMonthly
> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ params }: GetAppointmentsMonthlyQuery): Promise<AppointmentsMonthly> {
    const asOf = new Date(params.asOf ?? this.clock.now().toISOString()).toISOString();
    const appointments = await this.readStore.find<ServiceAppointment>(APPOINTMENTS, {
      dealerId: params.dealerId,
      month: params.month,
    });
    const counts = { 'kept-on-time': 0, late: 0, 'no-show': 0, cancelled: 0, pending: 0 };
    const booked = appointments.filter((one) => Date.parse(one.bookedAt) <= Date.parse(asOf));
    for (const appointment of booked) counts[appointmentOutcome(appointment, asOf)] += 1;
    const due = counts['kept-on-time'] + counts.late + counts['no-show'];
    return {
      dealerId: params.dealerId,
      month: params.month,
      asOf,
      booked: booked.length,
      keptOnTime: counts['kept-on-time'],
      late: counts.late,
      noShow: counts['no-show'],
      cancelled: counts.cancelled,
      pending: counts.pending,
      due,
      noShowRate: rate(counts['no-show'], due),
      onTimeRate: rate(counts['kept-on-time'], due),
    };
  }
}

/** The service KPIs `crm kpi` reads. */
export const SERVICE_KPIS: Readonly<Record<string, Kpi>> = {
  csi: {
    description: 'service satisfaction (CSI) per dealer and month',
    required: [],
    read: (store, _clock, p) =>
      new GetCsiMonthlyHandler(store).execute(new GetCsiMonthlyQuery({ dealerId: p.dealer, month: p.month })),
    projections: [serviceCsiMonthlyProjection],
  },
  workshop: {
    description:
      'service workshop per dealer and month: rework rate, technician efficiency, appointment rate, average ticket',
    required: [],
    read: (store, _clock, p) =>
      new GetWorkshopMonthlyHandler(store).execute(
        new GetWorkshopMonthlyQuery({ dealerId: p.dealer, month: p.month }),
      ),
    projections: [serviceWorkshopMonthlyProjection],
  },
  retention: {
    description:
      'service retention per month over a window of months (--from-month, --to-month, --window-months)',
    required: ['dealer', 'fromMonth', 'toMonth'],
    read: (store, _clock, p) =>
      new GetRetentionHandler(store).execute(
        new GetRetentionQuery({
          dealerId: p.dealer!,
          from: p.fromMonth!,
          to: p.toMonth!,
          windowMonths: p.windowMonths,
        }),
      ),
    projections: [serviceVehiclesProjection],
  },
  churn: {
    description: 'vehicles lost to service as of --as-of (no visit within the window)',
    required: ['dealer'],
    read: (store, clock, p) =>
      new GetLostVehiclesHandler(store, clock).execute(
        new GetLostVehiclesQuery({ dealerId: p.dealer!, asOf: p.asOf, windowMonths: p.windowMonths }),
      ),
    projections: [serviceVehiclesProjection],
  },
  appointments: {
    description: 'appointments kept (预约实施情况) of a month by slot, as of --as-of: on time, late, no-show',
    required: ['dealer', 'month'],
    read: (store, clock, p) =>
      new GetAppointmentsMonthlyHandler(store, clock).execute(
        new GetAppointmentsMonthlyQuery({ dealerId: p.dealer!, month: p.month!, asOf: p.asOf }),
      ),
    projections: [serviceAppointmentsProjection],
  },
};

/** Every query handler of this file, for its Nest module: a new query is registered where it is written. */
export const SERVICE_KPI_QUERY_HANDLERS = [
  GetCsiMonthlyHandler,
  GetWorkshopMonthlyHandler,
  GetRetentionHandler,
  GetLostVehiclesHandler,
  GetMaintenanceDueHandler,
  GetAppointmentsMonthlyHandler,
];
