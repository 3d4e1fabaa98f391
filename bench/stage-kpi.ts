/**
 * Bench stage: KPI queries on the rebuilt read models, through the QueryBus and the same query handlers
 * the API's controllers use (the app is built on the data directory with projections not running).
 * argv: dataDir dealers months samples [firstMonth]: the queries ask for `months` months from the
 * history's month `firstMonth` (0, its first, unless given; the history starts in 2024-01).
 */
import 'reflect-metadata';
import { QueryBus } from '@nestjs/cqrs';
import { ComplaintComplianceQuery } from '../src/application/complaint/complaint.queries';
import { PointsLiabilityQuery } from '../src/application/membership/membership.queries';
import { GetCsiMonthlyQuery, GetRetentionQuery } from '../src/application/repair-order/service-kpi.queries';
import { SalesFunnelQuery } from '../src/application/sales/prospect.queries';
import { SsiMonthlyQuery } from '../src/application/sales/vehicle-sale.queries';
import { ReadFeed } from '../src/application/integration/read-feed';
import { EVENT_STORE, type EventStore } from '../src/application/ports/event-store.port';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/infrastructure/config/app-config';
import { JsonLogger } from '../src/infrastructure/logging/json-logger';
import { percentile, report, stageProgress } from './stage';
import { nowMs } from './support';

const [dataDir, dealersArg, monthsArg, samplesArg, firstMonthArg] = process.argv.slice(2);
const dealers = Array.from({ length: Number(dealersArg) }, (_, i) => `d-${String(i + 1).padStart(3, '0')}`);
const months = Array.from({ length: Number(monthsArg) }, (_, i) => {
  const date = new Date(Date.UTC(2024, Number(firstMonthArg ?? 0) + i, 1));
  return date.toISOString().slice(0, 7);
});
const samples = Number(samplesArg);
/** To 0.01 ms: the fastest KPIs take about 0.1 ms, and bench/kpi-scale.ts compares them across histories. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

const KPIS: Record<string, (dealerId: string, month: string) => object> = {
  'sales funnel': (dealerId, month) => new SalesFunnelQuery(dealerId, month, {}),
  'CSI monthly': (dealerId, month) => new GetCsiMonthlyQuery({ dealerId, month }),
  'SSI monthly': (dealerId, month) => new SsiMonthlyQuery({ dealerId, month }),
  'retention / churn': (dealerId, month) => new GetRetentionQuery({ dealerId, from: months[0], to: month }),
  'loyalty balances (liability)': (dealerId) => new PointsLiabilityQuery(dealerId, undefined),
  'complaint compliance': (dealerId, month) => new ComplaintComplianceQuery({ dealerId, month }),
};

/**
 * Pages of the event feed as a dealer manager reads them (one dealer's events, every kind of record), each
 * from a cursor spread over the log: the filter is applied while scanning, so a page may look at up to
 * FEED_SCAN_LIMIT events. `nonEmpty` counts the pages that held at least one event.
 */
const feedPages = async (feed: ReadFeed, eventStore: EventStore) => {
  const head = await eventStore.headPosition();
  const times: number[] = [];
  let nonEmpty = 0;
  for (let i = 0; i < samples; i += 1) {
    const dealerId = dealers[i % dealers.length];
    const principal = { userId: 'bench', role: 'dealer-manager', dealerId, credentialId: 'bench' } as const;
    const started = nowMs();
    const page = await feed.page(
      { after: Math.floor((head * ((i * 37) % 100)) / 100), limit: 500 },
      principal,
    );
    times.push(nowMs() - started);
    if (page.items.length > 0) nonEmpty += 1;
  }
  times.sort((a, b) => a - b);
  const result = {
    p50Ms: round2(percentile(times, 50)),
    p95Ms: round2(percentile(times, 95)),
    samples,
    nonEmpty,
  };
  stageProgress(
    'kpi',
    `feed page: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (${nonEmpty}/${samples} with data)`,
  );
  return result;
};

const main = async () => {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RUN_PROJECTIONS: 'false',
    DEADLINE_SWEEP_MS: '0',
    LOYALTY_SWEEP_MS: '0',
  });
  const app = await createApp({ config, logger: new JsonLogger('silent') });
  const queries = app.get(QueryBus);
  const results: Record<string, { p50Ms: number; p95Ms: number; samples: number; nonEmpty: number }> = {};
  try {
    for (const [name, build] of Object.entries(KPIS)) {
      const times: number[] = [];
      let nonEmpty = 0;
      for (let i = 0; i < samples; i += 1) {
        const query = build(dealers[i % dealers.length], months[(i * 7) % months.length]);
        const started = nowMs();
        const answer = (await queries.execute(query as never)) as unknown;
        times.push(nowMs() - started);
        const empty = Array.isArray(answer)
          ? answer.length === 0
          : (answer as { registered?: number }).registered === 0;
        if (!empty) nonEmpty += 1;
      }
      times.sort((a, b) => a - b);
      results[name] = {
        p50Ms: round2(percentile(times, 50)),
        p95Ms: round2(percentile(times, 95)),
        samples,
        nonEmpty,
      };
      stageProgress(
        'kpi',
        `${name}: p50 ${results[name].p50Ms} ms, p95 ${results[name].p95Ms} ms (${nonEmpty}/${samples} with data)`,
      );
    }
    results['feed page of 500, one dealer (GET /feed)'] = await feedPages(
      app.get(ReadFeed),
      app.get(EVENT_STORE),
    );
  } finally {
    await app.close();
  }
  report({ kpis: results });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
