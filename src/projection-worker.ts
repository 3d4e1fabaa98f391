/**
 * The projection worker's thread (issue 14 §1; the API's side is `ProjectionWorkerLink`): the application
 * with its projections, reactors, webhook deliveries and clock watchers, and no listener. It reads the
 * same configuration as the API and opens its own connections to the stores.
 */
import 'reflect-metadata';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { EventStore } from './application/ports/event-store.port';
import { createApp } from './bootstrap';
import { loadConfig } from './infrastructure/config/app-config';
import { JsonLogger } from './infrastructure/logging/json-logger';
import { ProjectionEngine } from './infrastructure/projections/projection-engine';
import { RebuildAlreadyRunning } from './infrastructure/projections/rebuild-jobs';
import { ClockWatcherRunner } from './infrastructure/watchers/clock-watcher-runner';
import { ForwardedAppends } from './infrastructure/workers/forwarded-appends';
import type { FromWorker, ToWorker } from './infrastructure/workers/projection-worker-link';

const port = parentPort;
if (!port) throw new Error('projection-worker.ts runs as a worker thread (ProjectionWorkerLink)');
const send = (message: FromWorker) => port.postMessage(message);

/**
 * Nest's own start-up lines (each module, route and controller, at `info`) are the API thread's to print:
 * the worker's would repeat every one. Its warnings, errors and the application's entries are kept.
 */
class WorkerLogger extends JsonLogger {
  override log(): void {}
}

const main = async (): Promise<void> => {
  const config = { ...loadConfig(), runProjections: true, projectionWorker: 'none' as const };
  const logger = new WorkerLogger(config.logLevel);
  // On the embedded default the API's thread commits this thread's appends (ForwardedAppends).
  const appends = (workerData as { appends?: MessagePort | null } | null)?.appends ?? null;
  const app = await createApp({
    config,
    logger,
    wrapEventStore: appends
      ? (store: EventStore): EventStore => new ForwardedAppends(store, appends)
      : undefined,
  });
  await app.init();
  const engine = app.get(ProjectionEngine);
  const watchers = app.get(ClockWatcherRunner);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'statuses') {
      Promise.all([engine.projectionStatuses(), engine.reactorStatuses()]).then(
        ([projections, reactors]) =>
          send({ type: 'statuses', id: message.id, projections, reactors, watchers: watchers.statuses() }),
        (error: unknown) => send({ type: 'statuses-failed', id: message.id, error: String(error) }),
      );
    } else if (message.type === 'positions') {
      send({ type: 'positions', id: message.id, lowest: engine.lowestPosition() });
    } else if (message.type === 'rebuild') {
      const { id } = message;
      const job =
        message.op === 'start'
          ? engine.startRebuild(message.names)
          : message.op === 'get'
            ? engine.rebuildJob(message.jobId)
            : engine.stopRebuild(message.jobId);
      job.then(
        (answer) => send({ type: 'rebuild', id, job: answer }),
        (error: unknown) =>
          error instanceof RebuildAlreadyRunning
            ? send({
                type: 'rebuild-refused',
                id,
                rebuildId: error.rebuildId,
                projections: error.projections,
              })
            : send({ type: 'statuses-failed', id, error: String(error) }),
      );
    } else if (message.type === 'stop') {
      // Runners finish their batch and stop reading, watchers finish their sweep, then the stores close.
      void app.close().then(
        () => {
          send({ type: 'stopped' });
          port.close();
        },
        (error: unknown) => {
          logger.entry('error', `the projection worker did not stop cleanly: ${String(error)}`);
          process.exit(1);
        },
      );
    }
  });
  logger.entry('info', 'projection worker running', {});
  send({ type: 'ready' });
};

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
