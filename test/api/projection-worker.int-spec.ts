import { join } from 'node:path';
import { ProjectionEngine } from '../../src/infrastructure/projections/projection-engine';
import { ProjectionWorkerLink } from '../../src/infrastructure/workers/projection-worker-link';
import { startTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const complaint = (n: number) => ({
  complaintId: `c-worker-${n}`,
  dealerId: 'd-1',
  channel: 'dealer',
  category: 'service',
  severity: 'general',
  customer: { customerId: `cu-worker-${n}`, name: '王芳', phone: `1390000${String(n).padStart(4, '0')}` },
  description: 'Car was not ready at the promised time.',
  remedySought: 'apology and goodwill',
});

/**
 * `npm start`'s shape (issue 14 §1): the API's event loop runs no projection, reactor or watcher; a worker
 * thread running the same application (src/projection-worker.ts, under ts-node here) does, on its own
 * connections to the same SQLite files.
 */
describe('projections in a worker thread', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ projectionWorker: true });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it("serves the worker's read models, and the API's own loop follows no subscription", async () => {
    for (let n = 1; n <= 3; n += 1) {
      const filed = await api.request({
        method: 'POST',
        url: '/complaints',
        headers: json,
        payload: complaint(n),
      });
      expect(filed.statusCode).toBe(201);
    }
    await api.settle();
    const list = await api.request({ method: 'GET', url: '/complaints?dealerId=d-1' });
    expect(list.statusCode).toBe(200);
    const ids = (list.json() as { items: { complaintId: string }[] }).items.map((item) => item.complaintId);
    expect(ids.sort()).toEqual(['c-worker-1', 'c-worker-2', 'c-worker-3']);
    // None of the ~50 runners follows the API's own store: only the followers every process keeps for its
    // caches (the key cache's evictions, the credentials' revocations).
    const reads = api.eventStore.subscriptionReads!();
    expect(reads.joined + reads.alone).toBeLessThanOrEqual(3);
    expect(reads.joined + reads.alone).toBeGreaterThan(0);
  });

  it("reports the worker's runners on /health", async () => {
    await api.settle();
    const head = await api.eventStore.headPosition();
    const health = await api.request({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    const body = health.json() as {
      status: string;
      projectionsEnabled: boolean;
      projectionWorker: { state: string; restarts: number };
      projections: { name: string; state: string; position: number }[];
      reactors: { name: string }[];
    };
    expect(body).toMatchObject({
      status: 'ok',
      projectionsEnabled: true,
      projectionWorker: { state: 'running', restarts: 0 },
    });
    expect(body.projections.length).toBeGreaterThan(10);
    expect(body.projections.every((p) => p.state === 'running' && p.position === head)).toBe(true);
    expect(body.reactors.length).toBeGreaterThan(0);
  });

  it('rebuilds in the worker: the admin route starts it there, reads its progress and it switches', async () => {
    const unknown = await api.request({
      method: 'POST',
      url: '/admin/projections/rebuilds',
      headers: json,
      payload: { projections: ['no-such-projection'] },
    });
    expect(unknown.statusCode).toBe(404);
    const started = await api.request({
      method: 'POST',
      url: '/admin/projections/rebuilds',
      headers: json,
      payload: { projections: ['complaint-details'] },
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json() as { id: string };
    let state = '';
    for (let tries = 0; tries < 300 && state !== 'done'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const progress = await api.request({ method: 'GET', url: `/admin/projections/rebuilds/${id}` });
      expect(progress.statusCode).toBe(200);
      state = (progress.json() as { progress: { state: string } }).progress.state;
    }
    expect(state).toBe('done');
    // The API's own thread has no such job: it ran in the worker.
    expect(await api.app.get(ProjectionEngine)['jobs'].get(id)).toBeNull();
    await api.settle();
    const list = await api.request({ method: 'GET', url: '/complaints?dealerId=d-1' });
    expect((list.json() as { items: unknown[] }).items).toHaveLength(3);
  });

  it('stops the worker with the application', async () => {
    const worker = api.projectionWorker!;
    await api.close();
    expect(worker.state().state).toBe('stopped');
    api = undefined as unknown as TestApp;
  });
});

describe('the link to the projection worker', () => {
  it('starts a worker that ended unasked again, with backoff, and reports it meanwhile', async () => {
    const link = new ProjectionWorkerLink(() => undefined, {
      file: join(__dirname, '../support/exiting-worker.js'),
      restartMs: { first: 50, max: 200 },
    });
    await link.start();
    const deadline = Date.now() + 10_000;
    while (link.state().restarts < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(link.state().restarts).toBeGreaterThanOrEqual(2);
    expect(link.state().lastError).toMatch(/exit code 3/);
    await link.stop();
    expect(link.state().state).toBe('stopped');
  });

  it('refuses to start when the worker cannot start, naming why', async () => {
    const link = new ProjectionWorkerLink(() => undefined, { file: join(__dirname, 'no-such-worker.js') });
    await expect(link.start()).rejects.toThrow(/did not start/);
  });
});
