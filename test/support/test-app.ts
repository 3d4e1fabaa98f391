import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { EVENT_STORE, type EventStore } from '../../src/application/ports/event-store.port';
import type { ReactorDefinition } from '../../src/application/shared/reactor';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/infrastructure/config/app-config';
import { JsonLogger } from '../../src/infrastructure/logging/json-logger';
import { ProjectionEngine } from '../../src/infrastructure/projections/projection-engine';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { tempDir } from './projection-fixtures';

/** A clock the test moves by hand. */
export const testClock = (start: string) => {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => {
      current = new Date(iso);
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The real application on a fresh SQLite data directory; requests are injected, no port is opened. */
export const startTestApp = async (
  options: {
    clock?: { now: () => Date };
    env?: Record<string, string>;
    projections?: readonly AnyProjection[];
    reactors?: readonly ReactorDefinition[];
    /** Reuse the data of an earlier app (a restart). */
    dataDir?: string;
  } = {},
) => {
  const dir = options.dataDir
    ? { dir: options.dataDir, file: (name: string) => `${options.dataDir}/${name}`, remove: () => undefined }
    : tempDir('crm-app-');
  const config = loadConfig({
    DATA_DIR: dir.dir,
    LOG_LEVEL: 'silent',
    DEADLINE_SWEEP_MS: '0',
    LOYALTY_SWEEP_MS: '0',
    ...options.env,
  });
  const app: NestFastifyApplication = await createApp({
    config,
    logger: new JsonLogger('silent'),
    clock: options.clock,
    projections: options.projections,
    reactors: options.reactors,
  });
  const eventStore = app.get<EventStore>(EVENT_STORE);
  const engine = app.get(ProjectionEngine);
  return {
    app,
    eventStore,
    engine,
    dataDir: dir.dir,
    request: (request: InjectOptions) => app.inject(request),
    /** Read-your-writes for tests: waits until the projections have seen everything appended so far. */
    settle: async () => engine.waitForPosition(await eventStore.headPosition()),
    /** Stops the app; its data stays when `keepData` (to start it again). */
    close: async ({ keepData = false }: { keepData?: boolean } = {}) => {
      await app.close();
      if (!keepData) dir.remove();
    },
  };
};
