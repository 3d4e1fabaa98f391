import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';

/** The twelve months before `month`, and `month`: the dashboard's window. */
export const windowOf = (month: string): string[] => {
  const [year, number] = month.split('-').map(Number);
  return Array.from({ length: 13 }, (_, index) =>
    new Date(Date.UTC(year, number - 13 + index, 1)).toISOString().slice(0, 7),
  );
};

/** The figures behind a panel's table, as the page shows them (each cell's `data-value`). */
export const tableValues = async (page: Page, panel: string, table: string): Promise<string[][]> => {
  const rows = page.locator(`crm-kpi-panel[data-panel=${panel}] table[data-table=${table}] tbody tr`);
  await rows.first().waitFor();
  const out: string[][] = [];
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    const values: string[] = [];
    for (const one of await cells.all()) values.push((await one.getAttribute('data-value')) ?? '');
    out.push(values);
  }
  return out;
};

const shown = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

type Row = Record<string, unknown> & { month: string };

/**
 * Asks the API for each panel's figures (as the signed-in user) and checks the page's tables hold exactly
 * them: the tables are what the UI was given, not something it worked out.
 */
export const expectDashboardShowsTheApi = async (
  page: Page,
  api: TestApp,
  headers: { authorization: string },
  dealerId: string,
  month: string,
): Promise<void> => {
  const read = async <T>(url: string): Promise<T> => {
    const response = await api.request({ method: 'GET', url, headers });
    expect(response.statusCode).toBe(200);
    return response.json() as T;
  };
  const months = windowOf(month);
  const inWindow = (rows: Row[]) =>
    rows.filter((row) => months.includes(row.month)).sort((a, b) => a.month.localeCompare(b.month));

  const funnel = await read<{
    reached: Record<string, number>;
    conversion: { to: string; rate: number | null }[];
    registered: number;
    closingRate: number | null;
    testDriveRate: number | null;
    recordRate: number | null;
    walkInGroups: number;
  }>(`/sales/funnel?dealerId=${dealerId}&month=${month}`);
  expect(funnel.registered).toBeGreaterThan(0);
  expect(await tableValues(page, 'funnel', 'funnel-stages')).toEqual(
    Object.entries(funnel.reached).map(([stage, reached]) => [
      stage,
      shown(reached),
      shown(funnel.conversion.find((step) => step.to === stage)?.rate),
    ]),
  );
  expect((await tableValues(page, 'funnel', 'funnel-rates')).map((row) => row[1])).toEqual(
    [funnel.registered, funnel.closingRate, funnel.testDriveRate, funnel.recordRate, funnel.walkInGroups].map(
      shown,
    ),
  );

  const ssi = inWindow(await read<Row[]>(`/sales/ssi/monthly?dealerId=${dealerId}`));
  const csi = inWindow(await read<Row[]>(`/service/csi/monthly?dealerId=${dealerId}`));
  expect(ssi.length + csi.length).toBeGreaterThan(0);
  expect(await tableValues(page, 'satisfaction', 'satisfaction')).toEqual([
    ...ssi.map((row) =>
      ['SSI', row.month, row.weightSetVersion, row.surveys, row.weightedIndex, row.nps].map(shown),
    ),
    ...csi.map((row) => ['CSI', row.month, row.weightSetVersion, row.surveys, row.csi, row.nps].map(shown)),
  ]);

  const retention = await read<{ months: Row[] }>(
    `/service/retention?dealerId=${dealerId}&from=${months[0]}&to=${month}`,
  );
  expect(await tableValues(page, 'retention', 'retention')).toEqual(
    retention.months.map((row) => [row.month, row.base, row.returned, row.retention, row.churn].map(shown)),
  );

  const workshop = inWindow(await read<Row[]>(`/service/workshop/monthly?dealerId=${dealerId}`));
  expect(workshop.length).toBeGreaterThan(0);
  expect(await tableValues(page, 'workshop', 'workshop')).toEqual(
    workshop.map((row) =>
      [
        row.month,
        row.opened,
        row.settled,
        row.appointmentRate,
        row.reworkRate,
        row.technicianEfficiency,
        row.averageTicketFen,
      ].map(shown),
    ),
  );

  const compliance = inWindow(await read<Row[]>(`/complaints/compliance?dealerId=${dealerId}`));
  expect(await tableValues(page, 'compliance', 'compliance')).toEqual(
    compliance.map((row) => {
      const byLevel = row.breachesByLevel as Record<string, number>;
      return [
        row.month,
        row.filed,
        row.acknowledgedOnTimeRate,
        row.resolvedOnTimeRate,
        row.twoWeekClosureRate,
        byLevel.L1 ?? 0,
        byLevel.L2 ?? 0,
        byLevel.L3 ?? 0,
      ].map(shown);
    }),
  );

  const liability = await read<Record<string, unknown>[]>(`/loyalty/liability?dealerId=${dealerId}`);
  expect(await tableValues(page, 'loyalty', 'liability')).toEqual(
    liability.map((row) =>
      [
        row.dealerId,
        row.activeMembers,
        row.outstandingPoints,
        row.expiringWithin30Days,
        row.expiringWithin90Days,
      ].map(shown),
    ),
  );
  const tiers = await read<Record<string, unknown>[]>(`/loyalty/tiers?dealerId=${dealerId}`);
  expect(await tableValues(page, 'loyalty', 'tiers')).toEqual(
    tiers.map((row) => [row.dealerId, row.total, row.silver, row.gold, row.platinum].map(shown)),
  );
};
