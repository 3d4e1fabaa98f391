import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { MongoClient } from 'mongodb';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { StoreUnavailableError } from '../../src/application/ports/event-store.port';
import { GenerationRetiredError } from '../../src/application/ports/read-store.port';
import { MongoReadStore } from '../../src/infrastructure/mongodb/mongodb-read-store';
import { CONTAINER_START_TIMEOUT_MS, describeWithContainers } from '../support/container-runtime';
import { readStoreContract } from './read-store.contract';
import { readStoreGenerationContract } from './read-store-generations.contract';
import { readStoreLeaseContract } from './read-store-leases.contract';

const IMAGE = 'mongo:7';

const startMongo = (command: string[]): Promise<StartedTestContainer> =>
  new GenericContainer(IMAGE)
    .withCommand(command)
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
    .start();

const urlOf = (container: StartedTestContainer): string =>
  `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/?directConnection=true`;

/** rs.initiate returns before the election: wait until the node accepts writes. */
const waitForPrimary = async (url: string, deadline: number): Promise<void> => {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 2000 });
  try {
    for (;;) {
      const hello = await client
        .db('admin')
        .command({ hello: 1 })
        .catch(() => null);
      if (hello?.isWritablePrimary === true) return;
      if (Date.now() > deadline) throw new Error(`MongoDB at ${url} did not become primary in time`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.close();
  }
};

/** A fresh database per `open`, so every contract test starts from an empty store. */
const freshStore = async (url: string, mode: MongoReadStore['mode']): Promise<MongoReadStore> => {
  const store = await MongoReadStore.connect(url, { database: `contract_${randomUUID().replace(/-/g, '')}` });
  if (store.mode !== mode) {
    await store.close();
    throw new Error(`expected the ${mode} mode on ${url}, the store chose ${store.mode}`);
  }
  return store;
};

describeWithContainers(`MongoDB read store on ${IMAGE}`, 'the MongoDB read store', () => {
  let replicaSet: StartedTestContainer | undefined;
  let standalone: StartedTestContainer | undefined;
  let replicaSetUrl = '';
  let standaloneUrl = '';

  beforeAll(async () => {
    [replicaSet, standalone] = await Promise.all([
      startMongo(['--replSet', 'rs0', '--bind_ip_all']),
      startMongo(['--bind_ip_all']),
    ]);
    const initiated = await replicaSet.exec([
      'mongosh',
      '--quiet',
      '--eval',
      "rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'localhost:27017' }] })",
    ]);
    if (initiated.exitCode !== 0) throw new Error(`rs.initiate failed: ${initiated.output}`);
    replicaSetUrl = urlOf(replicaSet);
    standaloneUrl = urlOf(standalone);
    await waitForPrimary(replicaSetUrl, Date.now() + 60_000);
  }, CONTAINER_START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await Promise.all([replicaSet?.stop(), standalone?.stop()]);
  }, 60_000);

  readStoreContract('MongoDB replica set (transactional checkpoint)', () =>
    freshStore(replicaSetUrl, 'transaction'),
  );
  readStoreContract('MongoDB standalone (position guard only)', () =>
    freshStore(standaloneUrl, 'position-guard'),
  );
  readStoreGenerationContract('MongoDB replica set', () => freshStore(replicaSetUrl, 'transaction'));
  readStoreLeaseContract('MongoDB replica set (transactional checkpoint)', () =>
    freshStore(replicaSetUrl, 'transaction'),
  );
  readStoreLeaseContract('MongoDB standalone (position guard only)', () =>
    freshStore(standaloneUrl, 'position-guard'),
  );

  /**
   * The fence document on its own: closed (as collectRetired closes it before the drop) while the slot
   * still lists the generation, which is what a commit whose snapshot predates the unlisting reads.
   */
  it.each([
    ['replica set', () => freshStore(replicaSetUrl, 'transaction')],
    ['standalone', () => freshStore(standaloneUrl, 'position-guard')],
  ])(
    'refuses a fenced commit on a %s once the fence document is closed, however the slot reads',
    async (_mode, open) => {
      const store = await open();
      try {
        const fence = { slot: 'items', generation: { version: 1, generation: 0 } };
        const batch = (position: number) => ({
          docs: [{ collection: 'items_v1', id: 'a', value: { id: 'a', position }, position }],
          checkpoint: {
            name: 'projection:items@v1',
            position,
            status: 'running' as const,
            error: null,
            updatedAt: '2026-03-02T09:00:00.000Z',
          },
          fence,
        });
        await store.compareAndSetSlot(
          {
            collection: 'items',
            projection: 'items',
            live: fence.generation,
            building: null,
            retired: [],
            lastGeneration: 0,
            revision: 1,
            updatedAt: '2026-03-02T09:00:00.000Z',
          },
          null,
        );
        await store.ensureCollection('items_v1', [], { fence });
        await store.commitBatch(batch(1));
        await store.dropCollection('items_v1', { fence });
        await expect(store.commitBatch(batch(2))).rejects.toBeInstanceOf(GenerationRetiredError);
        await expect(store.ensureCollection('items_v1', [], { fence })).rejects.toBeInstanceOf(
          GenerationRetiredError,
        );
        expect(await store.listCollections()).not.toContain('items_v1');
        expect((await store.readCheckpoint('projection:items@v1'))?.position).toBe(1);
      } finally {
        await store.close();
      }
    },
  );
});

// No container needed: these run everywhere and prove an unusable server gives a 503, never a hang.
describe('MongoDB read store without a usable server', () => {
  const attempt = async (url: string) => {
    const started = Date.now();
    const error = await MongoReadStore.connect(url, { serverSelectionTimeoutMS: 1000 }).then(
      async (store) => {
        await store.close();
        throw new Error(`connected to ${url}, which has no MongoDB`);
      },
      (reason: unknown) => reason,
    );
    return { error, elapsed: Date.now() - started };
  };

  it('answers StoreUnavailableError when nothing listens', async () => {
    const { error, elapsed } = await attempt('mongodb://127.0.0.1:1/?directConnection=true');
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).store).toBe('mongodb');
    expect((error as Error).message).toMatch(/check MONGODB_URL/);
    expect(elapsed).toBeLessThan(4000);
  });

  it('answers StoreUnavailableError when the server accepts connections and never answers', async () => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const { error, elapsed } = await attempt(`mongodb://127.0.0.1:${port}/?directConnection=true`);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(sockets.size).toBeGreaterThan(0);
      expect(elapsed).toBeLessThan(4000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
