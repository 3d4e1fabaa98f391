import { count, monthsEndingWith, percent, rmbFromFen } from '../format';
import { t } from '../i18n';
import type {
  ComplianceRow,
  FunnelRow,
  LiabilityRow,
  RetentionRow,
  SurveyRow,
  TierRow,
  WorkshopRow,
} from './kpi-rows';
import { LEVELS, TIERS } from './kpi-rows';
import { cell, type Cell, type Dataset, type PanelView, type Table } from './panel-types';

/** A dealer's dashboard, or the network's (`dealerId` null: every dealer the credential may see). */
export type DashboardScope = Readonly<{ dealerId: string | null; month: string }>;

const rate = (value: number | null): Cell => cell(value, percent(value));
const number = (value: number | null): Cell => cell(value, count(value));
const inMonths = <R extends { month: string }>(rows: readonly R[], months: readonly string[]) =>
  rows.filter((row) => months.includes(row.month)).sort((a, b) => a.month.localeCompare(b.month));
const dealerColumn = (scope: DashboardScope): string[] => (scope.dealerId ? [] : [t('dealer')]);
const dealerCell = (scope: DashboardScope, row: { dealerId: string }): Cell[] =>
  scope.dealerId ? [] : [cell(row.dealerId)];

/** One series per dealer (the network) or the dealer's own, over the months. */
const seriesByMonth = <R extends { month: string; dealerId?: string }>(
  rows: readonly R[],
  months: readonly string[],
  label: string,
  pick: (row: R) => number | null,
  extra: Partial<Dataset> = {},
): Dataset[] => {
  const groups = new Map<string, R[]>();
  for (const row of rows) groups.set(row.dealerId ?? '', [...(groups.get(row.dealerId ?? '') ?? []), row]);
  return [...groups].map(([dealer, own]) => ({
    label: groups.size > 1 ? `${label} ${dealer}` : label,
    data: months.map((month) => {
      const found = own.find((row) => row.month === month);
      return found ? pick(found) : null;
    }),
    ...extra,
  }));
};

export const buildFunnel = (funnel: FunnelRow): PanelView => {
  const stages = Object.keys(funnel.reached);
  const stageTable: Table = {
    id: 'funnel-stages',
    columns: [t('stage'), t('reached'), t('conversion')],
    rows: stages.map((stage) => {
      const step = funnel.conversion.find((one) => one.to === stage);
      return [cell(stage), number(funnel.reached[stage]), step ? rate(step.rate) : cell(null)];
    }),
  };
  const rates: Table = {
    id: 'funnel-rates',
    columns: [t('figure'), t('value')],
    rows: [
      [cell(t('registered')), number(funnel.registered)],
      [cell(t('closingRate')), rate(funnel.closingRate)],
      [cell(t('testDriveRate')), rate(funnel.testDriveRate)],
      [cell(t('recordRate')), rate(funnel.recordRate)],
      [cell(t('walkInGroups')), number(funnel.walkInGroups)],
    ],
  };
  return {
    kind: 'ready',
    chart: {
      type: 'bar',
      labels: stages,
      datasets: [{ label: t('reached'), data: stages.map((stage) => funnel.reached[stage]), axis: 'count' }],
    },
    tables: [stageTable, rates],
  };
};

export const buildSatisfaction = (
  scope: DashboardScope,
  ssi: readonly SurveyRow[],
  csi: readonly SurveyRow[],
): PanelView => {
  const months = monthsEndingWith(scope.month, 12);
  const rows = [
    ...inMonths(ssi, months).map((row) => ({ ...row, survey: 'SSI', index: row.weightedIndex ?? null })),
    ...inMonths(csi, months).map((row) => ({ ...row, survey: 'CSI', index: row.csi ?? null })),
  ];
  const of = (survey: string) => rows.filter((row) => row.survey === survey);
  return {
    kind: 'ready',
    chart: {
      type: 'line',
      labels: months,
      datasets: [
        ...seriesByMonth(of('SSI'), months, 'SSI', (row) => row.index, { axis: 'count' }),
        ...seriesByMonth(of('CSI'), months, 'CSI', (row) => row.index, { axis: 'count' }),
        ...seriesByMonth(of('SSI'), months, 'SSI NPS', (row) => row.nps, { axis: 'count' }),
        ...seriesByMonth(of('CSI'), months, 'CSI NPS', (row) => row.nps, { axis: 'count' }),
      ],
    },
    tables: [
      {
        id: 'satisfaction',
        columns: [
          ...dealerColumn(scope),
          t('survey'),
          t('month'),
          t('weights'),
          t('surveys'),
          t('index'),
          t('nps'),
        ],
        rows: rows.map((row) => [
          ...dealerCell(scope, row),
          cell(row.survey),
          cell(row.month),
          cell(row.weightSetVersion),
          number(row.surveys),
          number(row.index),
          number(row.nps),
        ]),
      },
    ],
  };
};

export const buildRetention = (retention: { months: readonly RetentionRow[] }): PanelView => ({
  kind: 'ready',
  chart: {
    type: 'line',
    labels: retention.months.map((row) => row.month),
    datasets: [
      { label: t('retentionRate'), data: retention.months.map((row) => row.retention), axis: 'rate' },
      { label: t('churn'), data: retention.months.map((row) => row.churn), axis: 'rate' },
    ],
  },
  tables: [
    {
      id: 'retention',
      columns: [t('month'), t('base'), t('returned'), t('retentionRate'), t('churn')],
      rows: retention.months.map((row) => [
        cell(row.month),
        number(row.base),
        number(row.returned),
        rate(row.retention),
        rate(row.churn),
      ]),
    },
  ],
});

export const buildWorkshop = (scope: DashboardScope, all: readonly WorkshopRow[]): PanelView => {
  const months = monthsEndingWith(scope.month, 12);
  const rows = inMonths(all, months);
  return {
    kind: 'ready',
    chart: {
      type: 'line',
      labels: months,
      datasets: [
        ...seriesByMonth(rows, months, t('reworkRate'), (row) => row.reworkRate, { axis: 'rate' }),
        ...seriesByMonth(rows, months, t('efficiency'), (row) => row.technicianEfficiency, { axis: 'rate' }),
        ...seriesByMonth(rows, months, t('appointmentRate'), (row) => row.appointmentRate, { axis: 'rate' }),
        ...(scope.dealerId
          ? seriesByMonth(rows, months, t('averageTicket'), (row) => fenToYuan(row.averageTicketFen), {
              axis: 'money',
              type: 'bar',
            })
          : []),
      ],
    },
    tables: [
      {
        id: 'workshop',
        columns: [
          ...dealerColumn(scope),
          t('month'),
          t('opened'),
          t('settled'),
          t('appointmentRate'),
          t('reworkRate'),
          t('efficiency'),
          t('averageTicket'),
        ],
        rows: rows.map((row) => [
          ...dealerCell(scope, row),
          cell(row.month),
          number(row.opened),
          number(row.settled),
          rate(row.appointmentRate),
          rate(row.reworkRate),
          rate(row.technicianEfficiency),
          cell(row.averageTicketFen, rmbFromFen(row.averageTicketFen)),
        ]),
      },
    ],
  };
};

const fenToYuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);

export const buildCompliance = (scope: DashboardScope, all: readonly ComplianceRow[]): PanelView => {
  const months = monthsEndingWith(scope.month, 12);
  const rows = inMonths(all, months);
  // Breaches are counts: the network's chart adds the dealers up; its table keeps them apart.
  const breachesOf = (level: string) =>
    months.map((month) =>
      rows
        .filter((row) => row.month === month)
        .reduce((sum, row) => sum + (row.breachesByLevel[level] ?? 0), 0),
    );
  return {
    kind: 'ready',
    chart: {
      type: 'bar',
      stacked: true,
      labels: months,
      datasets: LEVELS.map((level) => ({
        label: `${t('breaches')} ${level}`,
        data: breachesOf(level),
        axis: 'count',
        stack: 'breaches',
      })),
    },
    tables: [
      {
        id: 'compliance',
        columns: [
          ...dealerColumn(scope),
          t('month'),
          t('filed'),
          t('acknowledgedOnTime'),
          t('resolvedOnTime'),
          t('closedInTwoWeeks'),
          ...LEVELS.map((level) => `${t('breaches')} ${level}`),
        ],
        rows: rows.map((row) => [
          ...dealerCell(scope, row),
          cell(row.month),
          number(row.filed),
          rate(row.acknowledgedOnTimeRate),
          rate(row.resolvedOnTimeRate),
          rate(row.twoWeekClosureRate),
          ...LEVELS.map((level) => number(row.breachesByLevel[level] ?? 0)),
        ]),
      },
    ],
  };
};

export const buildLoyalty = (liability: readonly LiabilityRow[], tiers: readonly TierRow[]): PanelView => ({
  kind: 'ready',
  chart: {
    type: 'bar',
    stacked: true,
    labels: tiers.map((row) => row.dealerId),
    datasets: TIERS.map((tier) => ({
      label: tier,
      data: tiers.map((row) => row[tier]),
      axis: 'count',
      stack: 'tiers',
    })),
  },
  tables: [
    {
      id: 'liability',
      columns: [t('dealer'), t('activeMembers'), t('outstandingPoints'), t('expiring30'), t('expiring90')],
      rows: liability.map((row) => [
        cell(row.dealerId),
        number(row.activeMembers),
        number(row.outstandingPoints),
        number(row.expiringWithin30Days),
        number(row.expiringWithin90Days),
      ]),
    },
    {
      id: 'tiers',
      columns: [t('dealer'), t('members'), ...TIERS],
      rows: tiers.map((row) => [
        cell(row.dealerId),
        number(row.total),
        ...TIERS.map((tier) => number(row[tier])),
      ]),
    },
  ],
});
