import type { PlannedDay } from '../../src/history/history-plan.types';

/**
 * Hand-written counting over the plan's facts (never through the projections or the funnel code): the sales
 * funnel of one dealer's cohort (prospects registered in `month`, business calendar UTC+8) as it stood at
 * `asOf`. A stage counts once its step happened at or before `asOf`; a later stage implies the earlier
 * ones (a skipped test drive counts as passed).
 */
export type ExpectedFunnel = {
  registered: number;
  reached: Record<string, number>;
  testDriven: number;
  lost: number;
  cancelledOrders: number;
};

const STAGES = ['registered', 'needs-analysed', 'presented', 'test-driven', 'quoted', 'ordered', 'delivered'];
const STAGE_OF: Record<string, string> = {
  RegisterProspect: 'registered',
  RecordNeedsAnalysis: 'needs-analysed',
  PresentVehicle: 'presented',
  CompleteTestDrive: 'test-driven',
  IssueQuote: 'quoted',
  OrderProspect: 'ordered',
  DeliverVehicle: 'delivered',
};
const monthInChina = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);

export const expectedFunnel = (
  days: Iterable<PlannedDay>,
  dealerId: string,
  month: string,
  asOf: number,
): ExpectedFunnel => {
  type Prospect = { rank: number; drove: boolean; lost: boolean; cancelled: boolean };
  const cohort = new Map<string, Prospect>();
  const saleOwner = new Map<string, string>();
  for (const day of days) {
    for (const step of day.steps) {
      if (step.at > asOf) continue;
      const data = step.command.data as Record<string, unknown>;
      const type = step.command.type;
      if (type === 'RegisterProspect') {
        if (data.dealerId === dealerId && monthInChina(step.at) === month)
          cohort.set(step.streamId, { rank: 0, drove: false, lost: false, cancelled: false });
        continue;
      }
      let prospect = cohort.get(step.streamId);
      if (step.aggregate === 'vehiclesale') prospect = cohort.get(saleOwner.get(step.streamId) ?? '');
      if (!prospect) continue;
      if (type === 'OrderProspect') saleOwner.set(`vehiclesale-${String(data.saleId)}`, step.streamId);
      if (type === 'CompleteTestDrive') prospect.drove = true;
      if (type === 'CancelOrder') prospect.cancelled = true;
      if (type === 'GradeProspect') prospect.lost = data.grade === 'F';
      if (type === 'ReactivateProspect') prospect.lost = false;
      const stage = STAGE_OF[type];
      if (stage) prospect.rank = Math.max(prospect.rank, STAGES.indexOf(stage));
    }
  }
  const prospects = [...cohort.values()];
  return {
    registered: prospects.length,
    reached: Object.fromEntries(
      STAGES.map((stage, rank) => [stage, prospects.filter((p) => p.rank >= rank).length]),
    ),
    testDriven: prospects.filter((p) => p.drove).length,
    lost: prospects.filter((p) => p.lost).length,
    cancelledOrders: prospects.filter((p) => p.cancelled).length,
  };
};
