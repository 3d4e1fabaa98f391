import { get, type ApiResult, type Query } from '../api';
import { monthsEndingWith } from '../format';
import { t } from '../i18n';
import {
  buildCompliance,
  buildFunnel,
  buildLoyalty,
  buildRetention,
  buildSatisfaction,
  buildWorkshop,
  type DashboardScope,
} from './dashboard-panels';
import type {
  ComplianceRow,
  FunnelRow,
  LiabilityRow,
  RetentionRow,
  SurveyRow,
  TierRow,
  WorkshopRow,
} from './kpi-rows';
import type { PanelView } from './panel-types';

export type PanelDefinition = Readonly<{
  id: string;
  title: () => string;
  load: (scope: DashboardScope) => Promise<PanelView>;
}>;

/** Runs the reads; the first refusal decides what the panel says. */
const whenAll = async <T extends unknown[]>(
  reads: { [K in keyof T]: Promise<ApiResult<T[K]>> },
  build: (...data: T) => PanelView,
): Promise<PanelView> => {
  const results = await Promise.all(reads);
  const refusal = results.find((result) => result.kind !== 'ok');
  if (refusal?.kind === 'role-forbidden') return { kind: 'role-forbidden' };
  if (refusal?.kind === 'refused') return { kind: 'refused', problem: refusal.problem };
  return build(...(results.map((result) => (result as { data: unknown }).data) as T));
};

const dealerQuery = (scope: DashboardScope, more: Query = {}): Query => ({
  ...(scope.dealerId ? { dealerId: scope.dealerId } : {}),
  ...more,
});

const needsDealer = async (): Promise<PanelView> => ({ kind: 'needs-dealer' });

/** The dashboard's panels in the order, each from its own KPI routes. */
export const PANELS: readonly PanelDefinition[] = [
  {
    id: 'funnel',
    title: () => t('funnel'),
    load: (scope) =>
      scope.dealerId
        ? whenAll<[FunnelRow]>(
            [get('/sales/funnel', { dealerId: scope.dealerId, month: scope.month })],
            buildFunnel,
          )
        : needsDealer(),
  },
  {
    id: 'satisfaction',
    title: () => t('satisfaction'),
    load: (scope) =>
      whenAll<[SurveyRow[], SurveyRow[]]>(
        [get('/sales/ssi/monthly', dealerQuery(scope)), get('/service/csi/monthly', dealerQuery(scope))],
        (ssi, csi) => buildSatisfaction(scope, ssi, csi),
      ),
  },
  {
    id: 'retention',
    title: () => t('retention'),
    load: (scope) => {
      if (!scope.dealerId) return needsDealer();
      const months = monthsEndingWith(scope.month, 12);
      return whenAll<[{ months: RetentionRow[] }]>(
        [get('/service/retention', { dealerId: scope.dealerId, from: months[0], to: scope.month })],
        buildRetention,
      );
    },
  },
  {
    id: 'workshop',
    title: () => t('workshop'),
    load: (scope) =>
      whenAll<[WorkshopRow[]]>([get('/service/workshop/monthly', dealerQuery(scope))], (rows) =>
        buildWorkshop(scope, rows),
      ),
  },
  {
    id: 'compliance',
    title: () => t('complaintSla'),
    load: (scope) =>
      whenAll<[ComplianceRow[]]>([get('/complaints/compliance', dealerQuery(scope))], (rows) =>
        buildCompliance(scope, rows),
      ),
  },
  {
    id: 'loyalty',
    title: () => `${t('loyalty')} (${t('asOfNow')})`,
    load: (scope) =>
      whenAll<[LiabilityRow[], TierRow[]]>(
        [get('/loyalty/liability', dealerQuery(scope)), get('/loyalty/tiers', dealerQuery(scope))],
        buildLoyalty,
      ),
  },
];
