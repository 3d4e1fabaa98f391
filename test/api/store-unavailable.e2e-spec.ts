import { createServer, type Server, type Socket } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';

/** A server that accepts connections and never answers: the case where a client without a deadline hangs. */
const silentServer = async (): Promise<{ server: Server; port: number; sockets: Set<Socket> }> => {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, sockets };
};

describe('an EventStoreDB that does not answer', () => {
  let api: TestApp;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  beforeAll(async () => {
    silent = await silentServer();
    api = await startTestApp({
      env: {
        EVENTSTORE_URL: `esdb://127.0.0.1:${silent.port}?tls=false`,
        EVENTSTORE_DEADLINE_MS: '500',
        RUN_PROJECTIONS: 'false',
      },
    });
  });
  afterAll(async () => {
    await api.close();
    for (const socket of silent.sockets) socket.destroy();
    await new Promise((resolve) => silent.server.close(resolve));
  });

  it('answers a command with 503 and a clear message within the deadline, not a hang', async () => {
    const started = Date.now();
    const response = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: { 'content-type': 'application/json' },
      payload: {
        dealerId: 'd-1',
        channel: 'web',
        category: 'service',
        severity: 'minor',
        customer: { customerId: 'cu-1', name: 'Li Lei', phone: '13900001111' },
        description: 'waited',
        remedySought: 'apology',
      },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 503,
      code: 'STORE_UNAVAILABLE',
      detail: expect.stringMatching(/EventStoreDB did not answer .* within 500 ms/),
      details: { store: 'eventstoredb' },
    });
  });

  it('shows the event store down on /health with 503', async () => {
    const response = await api.request({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'down',
      eventStore: { adapter: 'eventstoredb', status: 'down' },
      readStore: { adapter: 'sqlite', status: 'up' },
    });
  });
});
