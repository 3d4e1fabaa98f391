import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { EventStoreDbEventStore } from '../../src/infrastructure/eventstoredb/eventstoredb-event-store';
import { CONTAINER_START_TIMEOUT_MS, describeWithContainers } from '../support/container-runtime';
import { eventStoreContract, newEvent } from './event-store.contract';

const IMAGE = 'eventstore/eventstore:24.10';

/** The HTTP health check turns green before the node has finished electing itself leader. */
const waitUntilServing = async (url: string, deadline: number): Promise<void> => {
  for (;;) {
    const store = new EventStoreDbEventStore(url, { deadlineMs: 2000 });
    try {
      await store.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await store.close();
    }
  }
};

describeWithContainers(`EventStoreDB adapter on ${IMAGE}`, 'the EventStoreDB adapter', () => {
  let container: StartedTestContainer | undefined;
  let url = '';

  beforeAll(async () => {
    container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_CLUSTER_SIZE: '1',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
      .start();
    url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    await waitUntilServing(url, Date.now() + 60_000);
  }, CONTAINER_START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await container?.stop();
  }, 60_000);

  // One server for the whole suite: the contract uses random stream ids and only asserts on its own events.
  eventStoreContract('EventStoreDB', async () => new EventStoreDbEventStore(url, { deadlineMs: 10_000 }));

  it("wakes a subscriber at the head on another process's append through the live signal, not the poll", async () => {
    // The poll is a minute: only the live subscription can bring the event within the 20 s below.
    const follower = new EventStoreDbEventStore(url, { deadlineMs: 10_000, pollIntervalMs: 60_000 });
    const writer = new EventStoreDbEventStore(url, { deadlineMs: 10_000 });
    const streamId = `livesignal-${Date.now()}`;
    const seen: string[] = [];
    let caughtUp: () => void = () => undefined;
    const atHead = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = follower.subscribeToAll({
      after: await follower.headPosition(),
      batchSize: 10,
      onBatch: async (batch) => {
        seen.push(...batch.filter((event) => event.streamId === streamId).map((event) => event.type));
      },
      onError: (error) => {
        throw error;
      },
      onCaughtUp: async () => caughtUp(),
    });
    try {
      await atHead;
      // The live subscription is confirmed within a moment of the first wait.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await writer.appendToStream(streamId, [newEvent('FromAnotherProcess')], 'no_stream');
      for (let waited = 0; waited < 20_000 && seen.length === 0; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).toEqual(['FromAnotherProcess']);
    } finally {
      await subscription.stop();
      await Promise.all([follower.close(), writer.close()]);
    }
  }, 60_000);
});
