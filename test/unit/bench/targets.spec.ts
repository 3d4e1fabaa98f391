import { issue14Targets, rebuildByWorkers, targetsTable } from '../../../bench/targets';

/** A result with every figure of issue 14 in it, each on the met side of its target. */
const measured = () => ({
  config: {},
  kpis: {
    'sales funnel': { p95Ms: 4 },
    'retention / churn': { p95Ms: 9.5 },
    'feed page of 500, one dealer (GET /feed)': { p95Ms: 70 },
  },
  kpiScale: { factor: 3, worst: { kpi: 'retention / churn', ratio: 1.1 } },
  rebuilt: {
    rebuildEventsPerSec: 60_000,
    rawScanEventsPerSec: 240_000,
    rebuildOfScanPercent: 25,
    peakRssMiB: 380,
    byWorkers: { 1: 60_000, 2: { eventsPerSec: 105_000 }, 4: { rebuildEventsPerSec: 98_000 } },
  },
  failover: { ms: 7_500 },
  http: {
    commandsOfNoopPercent: 55,
    commands: { perSecond: 900, serverCpuMsPerRequest: 0.7 },
    noop: { serverCpuMsPerRequest: 0.3 },
    bareNest: { serverCpuMsPerRequest: 0.25 },
    openLoop: { ratePerSecond: 200, p99Ms: 12 },
    lag: { p99Ms: 80 },
  },
});
const statusOf = (result: unknown, target: RegExp) =>
  issue14Targets(result).find((row) => target.test(row.target))?.status;

describe('bench: the targets of issue 14', () => {
  it('judges every target met when every figure is', () => {
    const judged = issue14Targets(measured());
    expect(judged).toHaveLength(12);
    expect(judged.map((row) => row.status)).toEqual(Array(12).fill('met'));
    // The best worker count is judged, and the feed page (no KPI) is left out of the KPI target.
    expect(statusOf(measured(), /35 % of the raw scan/)).toBe('met');
    expect(judged.find((row) => /KPI queries/.test(row.target))?.measured).toMatch(/retention/);
    expect(targetsTable(judged).split('\n')).toHaveLength(14);
  });

  it('says "not measured by this run" for the figures other stages add, while they are absent', () => {
    const full = measured();
    const { byWorkers: _workers, ...rebuilt } = full.rebuilt;
    const { bareNest: _bare, ...http } = full.http;
    const result = { config: full.config, kpis: full.kpis, kpiScale: full.kpiScale, rebuilt, http };
    expect(statusOf(result, /killed worker/)).toBe('not measured by this run');
    expect(statusOf(result, /bare NestJS/)).toBe('not measured by this run');
    // Without the workers, the one-process rebuild is judged.
    expect(statusOf(result, /100,000 events/)).toBe('MISSED');
  });

  it('misses a target on the wrong side of it, and a heap-capped RSS is not the target condition', () => {
    const result = measured();
    result.http.lag.p99Ms = 101;
    result.http.openLoop.p99Ms = 15.1;
    result.kpiScale.worst.ratio = 1.21;
    result.http.bareNest.serverCpuMsPerRequest = 0.19;
    (result.config as { rebuildHeapMiB?: number }).rebuildHeapMiB = 256;
    expect(statusOf(result, /projection lag/)).toBe('MISSED');
    expect(statusOf(result, /open loop/)).toBe('MISSED');
    expect(statusOf(result, /3 x as long/)).toBe('MISSED');
    expect(statusOf(result, /bare NestJS/)).toBe('MISSED');
    expect(statusOf(result, /peak RSS/)).toMatch(/only with a heap cap/);
  });

  it('reads rebuilt.byWorkers as numbers or objects', () => {
    expect(rebuildByWorkers(measured())).toEqual([
      { workers: '1', perSecond: 60_000 },
      { workers: '2', perSecond: 105_000 },
      { workers: '4', perSecond: 98_000 },
    ]);
    expect(rebuildByWorkers({ rebuilt: {} })).toEqual([]);
  });
});
