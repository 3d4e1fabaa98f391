import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { StoreUnavailableError } from '../../src/application/ports/event-store.port';
import { MongoKeyStore } from '../../src/infrastructure/keystore/mongodb-key-store';
import { MongoReadStore } from '../../src/infrastructure/mongodb/mongodb-read-store';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { complaintSlaMonthlyProjection } from '../../src/projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { writeComplaintHistory } from '../support/complaint-history';
import { CONTAINER_START_TIMEOUT_MS, describeWithContainers } from '../support/container-runtime';
import { runnerDeps, tempDir } from '../support/projection-fixtures';

const IMAGE = 'mongo:7';
/** How long the only node stays out of elections after a forced step-down. */
const STEP_DOWN_SECONDS = 10;

/**
 * A primary step-down on a one-node replica set: for STEP_DOWN_SECONDS the node is a secondary and every
 * write fails with NotWritablePrimary or InterruptedDueToReplStateChange, then it elects itself again.
 */
const stepDown = async (url: string): Promise<void> => {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    // The server drops every connection as it steps down, this one included: the error is expected.
    await client
      .db('admin')
      .command({ replSetStepDown: STEP_DOWN_SECONDS, force: true })
      .catch(() => undefined);
  } finally {
    await client.close().catch(() => undefined);
  }
};

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

describeWithContainers(`MongoDB outages and bounds on ${IMAGE}`, 'MongoDB step-down and bounds', () => {
  let mongo: StartedTestContainer | undefined;
  let url = '';
  const temp = tempDir('crm-mongo-outage-');
  const database = () => `outage_${randomUUID().replace(/-/g, '')}`;

  beforeAll(async () => {
    mongo = await new GenericContainer(IMAGE)
      .withCommand(['--replSet', 'rs0', '--bind_ip_all'])
      .withExposedPorts(27017)
      .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
      .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
      .start();
    const initiated = await mongo.exec([
      'mongosh',
      '--quiet',
      '--eval',
      "rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'localhost:27017' }] })",
    ]);
    if (initiated.exitCode !== 0) throw new Error(`rs.initiate failed: ${initiated.output}`);
    url = `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}/?directConnection=true`;
    await waitForPrimary(url, Date.now() + 60_000);
  }, CONTAINER_START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    temp.remove();
    await mongo?.stop();
  }, 60_000);

  it('commits a batch past the transaction bounds whole, with its checkpoint', async () => {
    const store = await MongoReadStore.connect(url, {
      database: database(),
      transactionBounds: { maxDocs: 3, maxBytes: 1_000_000 },
    });
    try {
      expect(store.mode).toBe('transaction');
      await store.ensureCollection('bounded_v1', [['dealerId']]);
      const docs = Array.from({ length: 10 }, (_, i) => ({
        collection: 'bounded_v1',
        id: `d-${i}`,
        value: { dealerId: `dealer-${i % 2}`, n: i },
        position: i + 1,
      }));
      const checkpoint = {
        name: 'bounded',
        position: 10,
        status: 'running' as const,
        error: null,
        updatedAt: 'x',
      };
      await store.commitBatch({ docs, checkpoint });
      expect(await store.count('bounded_v1', {})).toBe(10);
      expect(await store.readCheckpoint('bounded')).toMatchObject({ position: 10 });
    } finally {
      await store.close();
    }
  });

  it('builds indexes on its own connection, past the 30 s socket timeout of other calls', async () => {
    const name = database();
    const store = await MongoReadStore.connect(url, { database: name, indexBuildTimeoutMS: 120_000 });
    const client = new MongoClient(url);
    try {
      await store.ensureCollection('indexed_v1', [['dealerId', 'month']]);
      const indexes = await client.db(name).collection('indexed_v1').listIndexes().toArray();
      expect(indexes.map((index) => index.key)).toContainEqual({ 'value.dealerId': 1, 'value.month': 1 });
    } finally {
      await Promise.all([store.close(), client.close()]);
    }
  });

  it('answers StoreUnavailableError from the read store and the key store while the primary steps down', async () => {
    const readStore = await MongoReadStore.connect(url, { database: database() });
    const keys = await MongoKeyStore.connect(url, database(), randomBytes(32));
    try {
      await stepDown(url);
      const checkpoint = {
        name: 'down',
        position: 1,
        status: 'running' as const,
        error: null,
        updatedAt: 'x',
      };
      await expect(readStore.writeCheckpoint(checkpoint)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(keys.getOrCreate('cu-1')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await waitForPrimary(url, Date.now() + 60_000);
      await Promise.all([readStore.close(), keys.close()]);
    }
  }, 90_000);

  it('keeps a projection going through a step-down: it retries, then resumes where it committed', async () => {
    const eventStore = SqliteEventStore.open(temp.file('events.sqlite'));
    const readStore = await MongoReadStore.connect(url, { database: database() });
    const states: string[] = [];
    const deps = {
      ...runnerDeps(eventStore, readStore),
      log: (level: string, message: string) => states.push(`${level}: ${message}`),
      retry: {
        initialDelayMs: 200,
        maxDelayMs: 2000,
        random: Math.random,
        sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
      },
    };
    const runner = new ProjectionRunner(deps, complaintSlaMonthlyProjection, { batchSize: 5 });
    try {
      await runner.start();
      await stepDown(url);
      // complaintHistory(40, 2): 70 events, 20 complaints filed per dealer.
      await writeComplaintHistory(eventStore, 40, 2);
      await runner.waitForPosition(70, 60_000);
      expect(
        states.some((line) => line.startsWith('warn: projection complaint-sla-monthly could not reach')),
      ).toBe(true);
      expect((await runner.status()).state).toBe('running');
      const sla = await readStore.find<{ dealerId: string; filed: number }>('complaint_sla_monthly_v1', {});
      expect(sla.map(({ dealerId, filed }) => [dealerId, filed]).sort()).toEqual([
        ['d-0', 20],
        ['d-1', 20],
      ]);
    } finally {
      await runner.stop();
      await waitForPrimary(url, Date.now() + 60_000);
      await Promise.all([eventStore.close(), readStore.close()]);
    }
  }, 120_000);
});
