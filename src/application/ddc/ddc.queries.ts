import { callDetailsProjection } from '../../projections/call-details/call-details.projection';
import { complaintSlaMonthlyProjection } from '../../projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { leadHandingsProjection } from '../../projections/lead-handings/lead-handings.projection';
import { salesShowroomTrafficProjection } from '../../projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import { serviceCsiMonthlyProjection } from '../../projections/service-csi-monthly/service-csi-monthly.projection';
import { serviceVehiclesProjection } from '../../projections/service-vehicles/service-vehicles.projection';
import { ssiMonthlyProjection } from '../../projections/ssi-monthly/ssi-monthly.projection';
import type { Kpi } from '../shared/kpi';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type DdcColumn, type DdcDirection, type DdcInput, rankColumn } from '../../domain/ddc/ddc-ranking';
import { salesFunnelEntriesProjection } from '../../projections/sales-funnel-entries/sales-funnel-entries.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CallReportHandler, CallReportQuery } from '../call/call.queries';
import { CallbackSuccessHandler, CallbackSuccessQuery } from '../care-task/care-task.queries';
import { GetComplaintSlaHandler, GetComplaintSlaQuery } from '../complaint/complaint.queries';
import { LeadKpiHandler, LeadKpiQuery } from '../lead/lead.queries';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import {
  GetCsiMonthlyHandler,
  GetCsiMonthlyQuery,
  GetRetentionHandler,
  GetRetentionQuery,
} from '../repair-order/service-kpi.queries';
import { SalesFunnelHandler, SalesFunnelQuery } from '../sales/prospect.queries';
import {
  ShowroomTrafficHandler,
  ShowroomTrafficQuery,
  SsiMonthlyHandler,
  SsiMonthlyQuery,
} from '../sales/vehicle-sale.queries';

const FUNNEL = physicalCollection(salesFunnelEntriesProjection);

export const DDC_FIGURES = [
  'walkIns',
  'calls',
  'leads',
  'prospects',
  'recordRate',
  'closingRate',
  'ssi',
  'csi',
  'callbackSuccessRate',
  'complaintSlaCompliance',
  'churn',
] as const;
export type DdcFigure = (typeof DDC_FIGURES)[number];

const DIRECTION: Record<DdcFigure, DdcDirection> = {
  ...(Object.fromEntries(DDC_FIGURES.map((figure) => [figure, 'higher-is-better'])) as Record<
    DdcFigure,
    DdcDirection
  >),
  churn: 'lower-is-better',
};

/** Figures the DDC cannot show yet, and why (no existing read model answers them): none now. */
export const DDC_UNAVAILABLE: Partial<Record<DdcFigure, string>> = {};

export type DdcMonthly = Readonly<{
  month: string;
  dealers: readonly string[];
  figures: readonly DdcFigureColumn[];
}>;

export type DdcFigureColumn = DdcColumn &
  Readonly<{ figure: DdcFigure; direction: DdcDirection; unavailable: string | null }>;

export class DdcMonthlyQuery extends Query<DdcMonthly> {
  constructor(readonly month: string) {
    super();
  }
}

const daysOf = (month: string): string[] => {
  const [year, monthNumber] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: days }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
};

/**
 * Every dealer side by side for a month, each figure read through the query handler that already answers it
 * (no second computation of any KPI); only the ranks, medians and "<5" cells are the DDC's own (src/domain/ddc).
 */
@QueryHandler(DdcMonthlyQuery)
export class DdcMonthlyHandler implements IQueryHandler<DdcMonthlyQuery, DdcMonthly> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ month }: DdcMonthlyQuery): Promise<DdcMonthly> {
    const store = this.readStore;
    const [traffic, ssi, csi, sla, leads, callDays, cohort, callbacks] = await Promise.all([
      new ShowroomTrafficHandler(store).execute(new ShowroomTrafficQuery({ month })),
      new SsiMonthlyHandler(store).execute(new SsiMonthlyQuery({ month })),
      new GetCsiMonthlyHandler(store).execute(new GetCsiMonthlyQuery({ month })),
      new GetComplaintSlaHandler(store).execute(new GetComplaintSlaQuery({ month })),
      new LeadKpiHandler(store).execute(new LeadKpiQuery({ month })),
      Promise.all(
        daysOf(month).map((date) =>
          new CallReportHandler(store, this.clock).execute(new CallReportQuery({ date })),
        ),
      ),
      store.find<{ dealerId: string }>(FUNNEL, { cohortMonth: month }),
      new CallbackSuccessHandler(store, this.clock).execute(new CallbackSuccessQuery({ month })),
    ]);
    const calls = callDays.flatMap((day) => day.agents);
    const dealers = [
      ...new Set([
        ...traffic.map((row) => row.dealerId),
        ...ssi.map((row) => row.dealerId),
        ...csi.map((row) => row.dealerId),
        ...sla.map((row) => row.dealerId),
        ...leads.map((row) => row.dealerId),
        ...calls.map((row) => row.dealerId),
        ...cohort.map((row) => row.dealerId),
        ...callbacks.dealers.map((row) => row.dealerId),
      ]),
    ].sort();
    const perDealer = await Promise.all(
      dealers.map(async (dealerId) => ({
        dealerId,
        funnel: await new SalesFunnelHandler(store).execute(new SalesFunnelQuery(dealerId, month, {})),
        retention: (
          await new GetRetentionHandler(store).execute(
            new GetRetentionQuery({ dealerId, from: month, to: month }),
          )
        ).months[0],
      })),
    );
    // A month scored under two weight sets has two survey documents: the latest weight set is the one shown.
    const latest = <T extends { dealerId: string; weightSetVersion: string }>(
      rows: readonly T[],
      dealerId: string,
    ) =>
      rows
        .filter((row) => row.dealerId === dealerId)
        .sort((a, b) => a.weightSetVersion.localeCompare(b.weightSetVersion))
        .at(-1);
    const inputs: Record<DdcFigure, (dealerId: string) => Omit<DdcInput, 'dealerId'>> = {
      walkIns: (dealerId) => count(traffic.find((row) => row.dealerId === dealerId)?.groups ?? 0),
      calls: (dealerId) =>
        count(calls.filter((row) => row.dealerId === dealerId).reduce((sum, row) => sum + row.calls, 0)),
      leads: (dealerId) => count(leads.find((row) => row.dealerId === dealerId)?.handed ?? 0),
      prospects: (dealerId) => count(funnelOf(dealerId).registered),
      recordRate: (dealerId) => ({
        value: funnelOf(dealerId).recordRate,
        customers: funnelOf(dealerId).walkInGroups,
      }),
      closingRate: (dealerId) => ({
        value: funnelOf(dealerId).closingRate,
        customers: funnelOf(dealerId).registered,
      }),
      ssi: (dealerId) => {
        const doc = latest(ssi, dealerId);
        return { value: doc?.weightedIndex ?? null, customers: doc?.surveys ?? 0 };
      },
      csi: (dealerId) => {
        const doc = latest(csi, dealerId);
        return { value: doc?.csi ?? null, customers: doc?.surveys ?? 0 };
      },
      callbackSuccessRate: (dealerId) => {
        const row = callbacks.dealers.find((entry) => entry.dealerId === dealerId);
        return { value: row?.successRate ?? null, customers: row?.customers ?? 0 };
      },
      complaintSlaCompliance: (dealerId) => {
        const doc = sla.find((row) => row.dealerId === dealerId);
        return { value: doc?.acknowledgedOnTimeRate ?? null, customers: doc?.acknowledged ?? 0 };
      },
      churn: (dealerId) => {
        const retention = perDealer.find((row) => row.dealerId === dealerId)!.retention;
        return { value: retention?.churn ?? null, customers: retention?.base ?? 0 };
      },
    };
    function funnelOf(dealerId: string) {
      return perDealer.find((row) => row.dealerId === dealerId)!.funnel;
    }
    const figures = DDC_FIGURES.map((figure): DdcFigureColumn => ({
      figure,
      direction: DIRECTION[figure],
      unavailable: DDC_UNAVAILABLE[figure] ?? null,
      ...rankColumn(
        dealers.map((dealerId) => ({ dealerId, ...inputs[figure](dealerId) })),
        DIRECTION[figure],
      ),
    }));
    return { month, dealers, figures };
  }
}

/** A count is about as many customers as it counts. */
const count = (value: number) => ({ value, customers: value });

export const DDC_QUERY_HANDLERS = [DdcMonthlyHandler];

/** `crm kpi ddc --month`: the same handler as `GET /ddc/monthly`. */
export const DDC_KPIS: Readonly<Record<string, Kpi>> = {
  ddc: {
    description: 'the dealer data centre: every dealer side by side for a month (GET /ddc/monthly)',
    required: ['month'],
    read: (store, clock, p) => new DdcMonthlyHandler(store, clock).execute(new DdcMonthlyQuery(p.month!)),
    projections: [
      salesShowroomTrafficProjection,
      callDetailsProjection,
      leadHandingsProjection,
      salesFunnelEntriesProjection,
      ssiMonthlyProjection,
      serviceCsiMonthlyProjection,
      complaintSlaMonthlyProjection,
      serviceVehiclesProjection,
    ],
  },
};
