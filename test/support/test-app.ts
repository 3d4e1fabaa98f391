import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EVENT_STORE, type EventStore } from '../../src/application/ports/event-store.port';
import type { ReactorDefinition } from '../../src/application/shared/reactor';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/infrastructure/config/app-config';
import { JsonLogger } from '../../src/infrastructure/logging/json-logger';
import { CredentialService } from '../../src/infrastructure/auth/credential.service';
import { DEALER_BOUND_ROLES, type Role } from '../../src/application/access/principal';
import { ProjectionEngine } from '../../src/infrastructure/projections/projection-engine';
import { ProjectionWorkerLink } from '../../src/infrastructure/workers/projection-worker-link';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { tempDir } from './projection-fixtures';
import { responseChecker } from './openapi-responses';

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

/** Who a test request acts as. Dealer-bound roles default to dealer `d-1`. */
export type TestPrincipal = Readonly<{ role: Role; dealerId?: string | null; userId?: string }>;

/** The real application on a fresh SQLite data directory; requests are injected, no port is opened. */
export const startTestApp = async (
  options: {
    clock?: { now: () => Date };
    env?: Record<string, string>;
    projections?: readonly AnyProjection[];
    reactors?: readonly ReactorDefinition[];
    /** Reuse the data of an earlier app (a restart). */
    dataDir?: string;
    /** Run the projections, reactors and watchers in a worker thread, as `npm start` does. */
    projectionWorker?: boolean;
    /** A built web app to serve at `/` (test/browser). */
    webRoot?: string;
  } = {},
) => {
  const dir = options.dataDir
    ? { dir: options.dataDir, file: (name: string) => `${options.dataDir}/${name}`, remove: () => undefined }
    : tempDir('crm-app-');
  const env = {
    DATA_DIR: dir.dir,
    LOG_LEVEL: 'silent',
    DEADLINE_SWEEP_MS: '0',
    LOYALTY_SWEEP_MS: '0',
    // High enough for any scenario; the limiter itself is tested with a low limit.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.env,
  };
  const config = loadConfig(env);
  const projectionWorker = options.projectionWorker
    ? new ProjectionWorkerLink(() => undefined, { env: { ...process.env, ...env } })
    : undefined;
  const app: NestFastifyApplication = await createApp({
    config: projectionWorker ? { ...config, runProjections: false } : config,
    projectionWorker,
    logger: new JsonLogger('silent'),
    clock: options.clock,
    projections: options.projections,
    reactors: options.reactors,
    webRoot: options.webRoot,
  });
  await projectionWorker?.start();
  const eventStore = app.get<EventStore>(EVENT_STORE);
  const engine = app.get(ProjectionEngine);
  const credentials = app.get(CredentialService);
  // Real credentials through the real service: the guard is never bypassed. Issuing appends events, so
  // a test that compares the event store head gets its principals (`as`) before reading the head.
  // Kept with the data, so a restarted app (`dataDir`) reuses them instead of appending new ones.
  const issuedFile = `${dir.dir}/test-credentials.json`;
  const issued = new Map<string, string>(
    existsSync(issuedFile) ? (JSON.parse(readFileSync(issuedFile, 'utf8')) as [string, string][]) : [],
  );
  const as = async (principal: TestPrincipal): Promise<{ authorization: string }> => {
    const dealerId = principal.dealerId ?? (DEALER_BOUND_ROLES.includes(principal.role) ? 'd-1' : null);
    const userId = principal.userId ?? `test-${principal.role}${dealerId ? `-${dealerId}` : ''}`;
    const key = `${principal.role}|${dealerId ?? ''}|${userId}`;
    let secret = issued.get(key);
    if (!secret) {
      ({ secret } = await credentials.issue(
        { kind: 'api-key', userId, role: principal.role, dealerId, expiresInMs: null },
        { userId: 'system:test', role: 'system', dealerId: null },
      ));
      issued.set(key, secret);
      writeFileSync(issuedFile, JSON.stringify([...issued]));
    }
    return { authorization: `Bearer ${secret}` };
  };
  // A store that is down at start (the 503 tests) cannot record a credential: send a well-formed key
  // whose verification then meets the same unavailable store.
  const admin = await as({ role: 'admin', userId: 'test-admin' }).catch(() => ({
    authorization: `Bearer crm_00000000-0000-0000-0000-000000000000_${'A'.repeat(43)}`,
  }));
  const docs = await app.inject({ method: 'GET', url: '/docs-json' });
  const checkResponse = responseChecker(docs.json());
  /** Every answer a test receives is checked against the document the app serves (openapi-responses.ts). */
  const inject = async (request: InjectOptions) => {
    const response = await app.inject(request);
    const url = typeof request.url === 'string' ? request.url : (request.path ?? '/');
    checkResponse(request.method ?? 'GET', String(url), response);
    return response;
  };
  return {
    app,
    eventStore,
    engine,
    projectionWorker,
    credentials,
    dataDir: dir.dir,
    /** Sends the request as an admin unless it carries its own `authorization` header. */
    request: (request: InjectOptions) =>
      inject({ ...request, headers: { ...admin, ...(request.headers ?? {}) } }),
    /** A request with no credential added (the authentication tests), checked like every other. */
    inject,
    /** Headers of another principal: `headers: { ...json, ...(await api.as({ role: 'auditor' })) }`. */
    as,
    /**
     * Read-your-writes for tests: waits until every running reactor (their commands append too, e.g. the
     * blind index of a phone) and then the projections have seen everything appended so far.
     */
    settle: async () => {
      for (let round = 0; round < 3; round += 1) {
        const head = await eventStore.headPosition();
        for (let tries = 0; tries < 200; tries += 1) {
          const reactors = await engine.reactorStatuses();
          if (!reactors.some((reactor) => reactor.state === 'running' && reactor.position < head)) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        if ((await eventStore.headPosition()) === head) return engine.waitForPosition(head);
      }
      return engine.waitForPosition(await eventStore.headPosition());
    },
    /** Stops the app; its data stays when `keepData` (to start it again). */
    close: async ({ keepData = false }: { keepData?: boolean } = {}) => {
      await app.close();
      if (!keepData) dir.remove();
    },
  };
};
