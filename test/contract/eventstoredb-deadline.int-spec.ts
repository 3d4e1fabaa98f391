import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { StoreUnavailableError } from '../../src/application/ports/event-store.port';
import { EventStoreDbEventStore } from '../../src/infrastructure/eventstoredb/eventstoredb-event-store';
import { newEvent } from './event-store.contract';

/**
 * No container needed: a TCP server that accepts connections and never writes a byte is exactly the
 * EventStoreDB the client cannot give up on by itself (the connection is up, the answer never comes).
 */
const DEADLINE_MS = 1000;
const SLACK_MS = 2000;

const listen = (server: Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

/** Runs `call`, expecting StoreUnavailableError; returns it and how long it took. */
const timeRejection = async (call: () => Promise<unknown>) => {
  const started = Date.now();
  const error = await call().then(
    () => {
      throw new Error('the call resolved against a server that never answers');
    },
    (reason: unknown) => reason,
  );
  return { error, elapsed: Date.now() - started };
};

describe('EventStoreDB adapter against a server that accepts connections and never answers', () => {
  const sockets = new Set<Socket>();
  let connections = 0;
  let server: Server;
  let url = '';
  let store: EventStoreDbEventStore | undefined;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    url = `esdb://127.0.0.1:${await listen(server)}?tls=false`;
  });

  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const cases: Array<[string, (store: EventStoreDbEventStore) => Promise<unknown>]> = [
    ['ping', (s) => s.ping()],
    ['appendToStream', (s) => s.appendToStream(`deadline-${randomUUID()}`, [newEvent('A')], 'no_stream')],
    ['readStream', (s) => s.readStream(`deadline-${randomUUID()}`)],
    ['readAll', (s) => s.readAll({ after: 0, limit: 10 })],
    ['headPosition', (s) => s.headPosition()],
  ];

  it.each(cases)('%s rejects with StoreUnavailableError within the deadline', async (_name, call) => {
    store = new EventStoreDbEventStore(url, { deadlineMs: DEADLINE_MS });
    const { error, elapsed } = await timeRejection(() => call(store!));

    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).store).toBe('eventstoredb');
    expect((error as Error).message).toMatch(/within 1000 ms: check EVENTSTORE_URL/);
    // It reached the server and waited for the deadline: not a refused connection, not a hang. (grpc-js
    // shares one connection per target between clients, so later cases may reuse the first connection.)
    expect(connections).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(DEADLINE_MS + SLACK_MS);
  });

  it('a subscription reports the unanswered read to onError and stops', async () => {
    store = new EventStoreDbEventStore(url, { deadlineMs: DEADLINE_MS });
    const failure = new Promise<unknown>((resolve) => {
      store!.subscribeToAll({ after: 0, batchSize: 10, onBatch: async () => undefined, onError: resolve });
    });
    expect(await failure).toBeInstanceOf(StoreUnavailableError);
  });
});

describe('EventStoreDB adapter when nothing listens on the port', () => {
  it('rejects with StoreUnavailableError well before the deadline', async () => {
    // Bind and release a port so that nothing listens on it.
    const probe = createServer();
    const port = await listen(probe);
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const store = new EventStoreDbEventStore(`esdb://127.0.0.1:${port}?tls=false`, { deadlineMs: 5000 });
    try {
      const { error, elapsed } = await timeRejection(() => store.ping());
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/check EVENTSTORE_URL/);
      expect(elapsed).toBeLessThan(5000 + SLACK_MS);
    } finally {
      await store.close();
    }
  });
});
