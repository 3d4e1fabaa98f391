import {
  ComplaintComplianceHandler,
  ComplaintComplianceQuery,
  GetComplaintSlaHandler,
  GetComplaintSlaQuery,
} from '../../application/complaint/complaint.queries';
import {
  GetMemberBalanceHandler,
  GetMemberBalanceQuery,
  PointsLiabilityHandler,
  PointsLiabilityQuery,
  TierDistributionHandler,
  TierDistributionQuery,
} from '../../application/membership/membership.queries';
import type { Clock } from '../../application/ports/clock.port';
import type { ReadStore } from '../../application/ports/read-store.port';
import {
  GetCsiMonthlyHandler,
  GetCsiMonthlyQuery,
  GetLostVehiclesHandler,
  GetLostVehiclesQuery,
  GetRetentionHandler,
  GetRetentionQuery,
} from '../../application/repair-order/service-kpi.queries';
import { SalesFunnelHandler, SalesFunnelQuery } from '../../application/sales/prospect.queries';
import { SsiMonthlyHandler, SsiMonthlyQuery } from '../../application/sales/vehicle-sale.queries';

export type KpiParams = Readonly<{
  dealer?: string;
  month?: string;
  fromMonth?: string;
  toMonth?: string;
  asOf?: string;
  window?: number;
  customer?: string;
}>;

type Kpi = Readonly<{
  description: string;
  required: readonly (keyof KpiParams)[];
  read: (readStore: ReadStore, clock: Clock, params: KpiParams) => Promise<unknown>;
}>;

/**
 * Every KPI the CLI reads, through the API's own query handlers (same code, same figures); only the
 * read store differs (live, or a scratch replay).
 */
export const KPIS: Readonly<Record<string, Kpi>> = {
  'sales-funnel': {
    description: 'prospects of a cohort month through the stages (GET /sales/funnel)',
    required: ['dealer', 'month'],
    read: (store, _clock, p) =>
      new SalesFunnelHandler(store).execute(new SalesFunnelQuery(p.dealer!, p.month!, {})),
  },
  ssi: {
    description: 'sales satisfaction (SSI) per dealer and month',
    required: [],
    read: (store, _clock, p) =>
      new SsiMonthlyHandler(store).execute(new SsiMonthlyQuery({ dealerId: p.dealer, month: p.month })),
  },
  csi: {
    description: 'service satisfaction (CSI) per dealer and month',
    required: [],
    read: (store, _clock, p) =>
      new GetCsiMonthlyHandler(store).execute(new GetCsiMonthlyQuery({ dealerId: p.dealer, month: p.month })),
  },
  retention: {
    description: 'service retention per month over a window of months (--from-month, --to-month, --window)',
    required: ['dealer', 'fromMonth', 'toMonth'],
    read: (store, _clock, p) =>
      new GetRetentionHandler(store).execute(
        new GetRetentionQuery({ dealerId: p.dealer!, from: p.fromMonth!, to: p.toMonth!, window: p.window }),
      ),
  },
  churn: {
    description: 'vehicles lost to service as of --as-of (no visit within the window)',
    required: ['dealer'],
    read: (store, clock, p) =>
      new GetLostVehiclesHandler(store, clock).execute(
        new GetLostVehiclesQuery({ dealerId: p.dealer!, asOf: p.asOf, window: p.window }),
      ),
  },
  'loyalty-liability': {
    description: 'points outstanding and their liability per dealer as of --as-of',
    required: [],
    read: (store, clock, p) =>
      new PointsLiabilityHandler(store, clock).execute(new PointsLiabilityQuery(p.dealer, p.asOf)),
  },
  'loyalty-balance': {
    description: "one member's points balance as of --as-of (--customer)",
    required: ['customer'],
    read: (store, clock, p) =>
      new GetMemberBalanceHandler(store, clock).execute(new GetMemberBalanceQuery(p.customer!, p.asOf)),
  },
  'loyalty-tiers': {
    description: 'members per tier',
    required: [],
    read: (store, _clock, p) =>
      new TierDistributionHandler(store).execute(new TierDistributionQuery(p.dealer)),
  },
  'complaint-compliance': {
    description: 'SLA compliance of the complaints filed in a month (acknowledged and resolved on time)',
    required: [],
    read: (store, _clock, p) =>
      new ComplaintComplianceHandler(store).execute(
        new ComplaintComplianceQuery({ dealerId: p.dealer, month: p.month }),
      ),
  },
  'complaint-sla': {
    description: 'complaint activity in a month: filings by level, acknowledgements on time',
    required: [],
    read: (store, _clock, p) =>
      new GetComplaintSlaHandler(store).execute(
        new GetComplaintSlaQuery({ dealerId: p.dealer, month: p.month }),
      ),
  },
};
