import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import { ALL_PROJECTIONS } from '../../src/application/features';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { startTestApp, type TestApp } from '../support/test-app';

const brittle: AnyProjection = {
  ...complaintDetailsProjection,
  name: 'brittle-details',
  collection: 'brittle',
  apply: (doc, event, id) => {
    if (event.data.complaintId === 'c-poison') throw new Error('unexpected remedy format in c-poison');
    return complaintDetailsProjection.apply(doc, event, id);
  },
};

const file = (api: TestApp, complaintId: string) =>
  api.request({
    method: 'POST',
    url: '/complaints',
    headers: { 'content-type': 'application/json' },
    payload: {
      complaintId,
      channel: 'dealer',
      dealerId: 'd-1',
      category: 'product',
      severity: 'major',
      level: 'L3',
      customer: { customerId: 'cu-1', name: 'Li Lei', phone: '13900001111' },
      description: 'airbag warning light',
      remedySought: 'inspection',
    },
  });

describe('operations: health and API docs', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ projections: [...ALL_PROJECTIONS, brittle] });
  });
  afterAll(async () => {
    await api.close();
  });

  // Position 1 is the admin credential the test app issues at start; the complaints come after it, and the
  // first one's phone is indexed once (position 3, the customer-index reactor's: every complaint is cu-1's).
  it('shows both stores up and every projection with its position and lag', async () => {
    await file(api, 'c-ok');
    await api.settle();
    const health = await api.request({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: 'ok',
      eventStore: { adapter: 'sqlite', status: 'up' },
      readStore: { adapter: 'sqlite', status: 'up' },
    });
    expect(health.json().projections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'complaint-details',
          state: 'running',
          position: 3,
          retry: null,
          lag: { events: 0, ms: 0, head: 3 },
        }),
      ]),
    );
    // Alone, this process holds every projection's and reactor's lease.
    const owner = { owner: api.engine.leaseOwner, here: true, epoch: expect.any(Number) };
    for (const runner of [...health.json().projections, ...health.json().reactors])
      expect(runner.owner).toMatchObject(owner);
    const listed = await api.request({ method: 'GET', url: '/admin/projections' });
    for (const row of listed.json().projections) expect(row.owner).toMatchObject(owner);
  });

  it('reports a projection that stopped on an event, with the event and the error, and keeps the others going', async () => {
    await file(api, 'c-poison');
    await file(api, 'c-after');
    await api.engine.waitForPosition(5).catch(() => undefined);
    const health = await api.request({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    const body = health.json();
    expect(body.status).toBe('degraded');
    const stopped = body.projections.find(
      (projection: { name: string }) => projection.name === 'brittle-details',
    );
    expect(stopped).toMatchObject({
      state: 'failed',
      position: 3,
      error: {
        position: 4,
        streamId: 'complaint-c-poison',
        eventType: 'ComplaintFiled',
        message: 'unexpected remedy format in c-poison',
      },
      lag: { events: 2 },
    });
    const healthy = body.projections.find(
      (projection: { name: string }) => projection.name === 'complaint-details',
    );
    expect(healthy).toMatchObject({ state: 'running', position: 5 });
  });

  it('documents on /health the `retrying` state, its retry and a lag that may be `unknown`', async () => {
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    const schemas = document.components.schemas;
    expect(schemas.ProjectionStatusView.properties.state.enum).toEqual(
      expect.arrayContaining(['running', 'retrying', 'failed', 'stopped']),
    );
    expect(schemas.ReactorStatusView.properties.state.enum).toEqual(
      expect.arrayContaining(['running', 'retrying', 'failed', 'stopped']),
    );
    expect(schemas.RetryStatusView.required).toEqual(
      expect.arrayContaining(['attempt', 'since', 'lastError', 'nextAttemptAt']),
    );
    expect(schemas.LagView.properties.events.oneOf).toEqual([
      { type: 'integer', minimum: 0 },
      { type: 'string', enum: ['unknown'] },
    ]);
    expect(schemas.ProjectionListingView.properties.state.enum).toContain('retrying');
  });

  it('serves OpenAPI 3 with an example for every field of every command body', async () => {
    const response = await api.request({ method: 'GET', url: '/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    type Schema = {
      $ref?: string;
      allOf?: Schema[];
      properties?: Record<string, Schema>;
      example?: unknown;
      items?: Schema;
    };
    const schemas = document.components.schemas as Record<string, Schema>;
    const missing: string[] = [];
    const check = (schema: Schema, where: string, seen: Set<string>) => {
      if (schema.$ref) {
        const name = schema.$ref.split('/').pop()!;
        if (!seen.has(name)) check(schemas[name], name, new Set([...seen, name]));
        return;
      }
      for (const part of schema.allOf ?? []) check(part, where, seen);
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.$ref || property.allOf) check(property, `${where}.${field}`, seen);
        else if (property.example === undefined) missing.push(`${where}.${field}`);
      }
    };
    const commands = Object.entries(
      document.paths as Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >,
    )
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({ path, method, operation })),
      )
      .filter(({ method, operation }) => method === 'post' && operation.requestBody);
    expect(commands.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['/complaints', '/complaints/{complaintId}/acknowledge']),
    );
    for (const { path, operation } of commands) {
      check(operation.requestBody!.content['application/json'].schema, path, new Set());
    }
    expect(missing).toEqual([]);
    const html = await api.request({ method: 'GET', url: '/docs' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
  });
});
