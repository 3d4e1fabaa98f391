import 'reflect-metadata';
import { createApp } from './bootstrap';
import { loadConfig } from './infrastructure/config/app-config';
import { JsonLogger } from './infrastructure/logging/json-logger';
import { describeEventStore, describeReadStore } from './infrastructure/stores';
import { ProjectionWorkerLink } from './infrastructure/workers/projection-worker-link';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  // Projections, reactors and clock watchers run in a worker thread beside the API's event loop, which
  // then only answers requests (PROJECTION_WORKER=none: all on one loop, as before).
  const projectionWorker =
    config.runProjections && config.projectionWorker === 'thread'
      ? new ProjectionWorkerLink((level, message, fields) => logger.entry(level, message, fields))
      : undefined;
  const app = await createApp({
    config: projectionWorker ? { ...config, runProjections: false } : config,
    logger,
    projectionWorker,
  });
  // After the API's start, which creates the secrets both threads read on a new data directory.
  await projectionWorker?.start();
  await app.listen(config.port, config.host);
  logger.entry('info', `dealer CRM API listening on http://${config.host}:${config.port} (docs at /docs)`, {
    eventStore: describeEventStore(config),
    readStore: describeReadStore(config),
  });
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', message: 'startup failed', error: String(error) })}\n`,
  );
  process.exit(1);
});
