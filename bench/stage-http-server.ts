/**
 * Bench stage: the real application listening on localhost over a fresh data directory (argv: dataDir),
 * with projections and reactors running. It issues the bench its own credential through the credential
 * service (a dealer's customer-service agent), prints `{ port, authorization }` and serves until its stdin
 * closes, then prints the lag it measured and the event store's commits (how many appends each carried).
 * `SQLITE_GROUP_COMMIT` and `SUBSCRIPTION_FAN_OUT` in its environment turn group commit and the one
 * shared reader of the log on or off, as for `npm start`, and `PROJECTION_WORKER` runs the projections in
 * a worker thread (`thread`, the default) or on the API's loop (`none`). The report also counts the reads
 * of the log the subscriptions made (`subscriptionReads`: of the API's thread only).
 */
import 'reflect-metadata';
import { createApp } from '../src/bootstrap';
import { CredentialService } from '../src/infrastructure/auth/credential.service';
import { loadConfig } from '../src/infrastructure/config/app-config';
import { JsonLogger } from '../src/infrastructure/logging/json-logger';
import { percentile, report } from './stage';
import { EVENT_STORE, type EventStore } from '../src/application/ports/event-store.port';
import { ProjectionEngine } from '../src/infrastructure/projections/projection-engine';
import { Metrics } from '../src/infrastructure/metrics/metrics';
import { ProjectionWorkerLink } from '../src/infrastructure/workers/projection-worker-link';

const [dataDir] = process.argv.slice(2);
/** How long the server idles, before the load, to count the subscriptions' reads of the log at rest. */
const IDLE_SAMPLE_MS = 5000;

/**
 * Projection lag as the server sees it, without HTTP in the way: every 20 ms, the lowest checkpoint over
 * all projections; each event at or below it that was not visible before gets (now - its recordedAt).
 * Resolution: the 20 ms of the sampling.
 */
const measureLag = (eventStore: EventStore, lowestPosition: () => Promise<number | null>, from: number) => {
  const lags: number[] = [];
  let visible = from;
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Nothing appended since (the no-op load): no statuses to read, so the sampler costs the server
      // next to nothing while the no-op route is measured.
      if ((await eventStore.headPosition()) <= visible) continue;
      // Positions only, no lag counted: the sampler's own cost stays out of what it measures.
      const upTo = (await lowestPosition()) ?? visible;
      if (upTo <= visible) continue;
      const now = Date.now();
      for (let after = visible; after < upTo;) {
        const events = await eventStore.readAll({ after, limit: 1_000, upTo });
        if (events.length === 0) break;
        for (const event of events) lags.push(now - Date.parse(event.recordedAt));
        after = events[events.length - 1].globalPosition;
      }
      visible = upTo;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const sorted = lags.sort((a, b) => a - b);
      return {
        events: sorted.length,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted[sorted.length - 1] ?? 0,
      };
    },
  };
};

/** From the app's own histogram of appends per commit. */
const commitsOf = async (metrics: Metrics) => {
  const histogram = await metrics.registry.getSingleMetric('crm_event_store_commit_appends')?.get();
  const samples = (histogram?.values ?? []) as ReadonlyArray<{ metricName?: string; value: number }>;
  const value = (suffix: string) =>
    samples.find((sample) => sample.metricName === `crm_event_store_commit_appends_${suffix}`)?.value ?? 0;
  const [commits, appends] = [value('count'), value('sum')];
  return { commits, appends, appendsPerCommit: commits ? Math.round((appends / commits) * 100) / 100 : 0 };
};

const main = async () => {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEADLINE_SWEEP_MS: '0',
    LOYALTY_SWEEP_MS: '0',
    // The bench is one client at 32 connections: the per-client limit would measure itself.
    RATE_LIMIT_PER_MINUTE: '10000000',
  };
  const config = loadConfig(env);
  // As `npm start` does (main.ts): the runners in a worker thread unless PROJECTION_WORKER=none.
  const projectionWorker =
    config.runProjections && config.projectionWorker === 'thread'
      ? new ProjectionWorkerLink(() => undefined, { env })
      : undefined;
  const app = await createApp({
    config: projectionWorker ? { ...config, runProjections: false } : config,
    logger: new JsonLogger('silent'),
    projectionWorker,
  });
  await projectionWorker?.start();
  const { secret } = await app.get(CredentialService).issue(
    {
      kind: 'api-key',
      userId: 'bench-agent',
      role: 'customer-service',
      dealerId: 'd-001',
      expiresInMs: null,
    },
    { userId: 'system:bench', role: 'system', dealerId: null },
  );
  // The subscriptions' reads of the log that reach the store while nothing happens: one poll for all, or
  // one per runner (those of runners polling within 50 ms of each other are shared).
  const store = app.get<EventStore>(EVENT_STORE);
  await app.get(ProjectionEngine).waitForPosition(await store.headPosition());
  const readsNow = () => {
    const reads = store.subscriptionReads?.();
    return reads?.storeReads ?? 0;
  };
  const idleFrom = readsNow();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const idleReadsPerSecond = Math.round(((readsNow() - idleFrom) / IDLE_SAMPLE_MS) * 1000 * 10) / 10;
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  report({ port: address.port, authorization: `Bearer ${secret}`, idleReadsPerSecond });
  const engine = app.get(ProjectionEngine);
  const lag = measureLag(
    app.get<EventStore>(EVENT_STORE),
    async () => (projectionWorker ? projectionWorker.lowestPosition() : engine.lowestPosition()),
    await app.get<EventStore>(EVENT_STORE).headPosition(),
  );
  // Nest's shutdown hooks own the signals: the orchestrator asks for the report by closing stdin.
  process.stdin.resume();
  process.stdin.once('end', () => {
    void lag
      .stop()
      .then(async (result) =>
        report({
          lag: result,
          commits: await commitsOf(app.get(Metrics)),
          subscriptionReads: app.get<EventStore>(EVENT_STORE).subscriptionReads?.() ?? null,
        }),
      )
      .then(() => app.close())
      .then(() => process.exit(0));
  });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
