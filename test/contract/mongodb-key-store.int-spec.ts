import { randomUUID } from 'node:crypto';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { MongoKeyStore } from '../../src/infrastructure/keystore/mongodb-key-store';
import { CONTAINER_START_TIMEOUT_MS, describeWithContainers } from '../support/container-runtime';
import { personalDataKeyStoreContract } from './personal-data-key-store.contract';

const IMAGE = 'mongo:7';

describeWithContainers(`MongoDB key store on ${IMAGE}`, 'the MongoDB personal-data key store', () => {
  let mongo: StartedTestContainer | undefined;
  let url = '';

  beforeAll(async () => {
    mongo = await new GenericContainer(IMAGE)
      .withCommand(['--bind_ip_all'])
      .withExposedPorts(27017)
      .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
      .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
      .start();
    url = `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}/?directConnection=true`;
  }, CONTAINER_START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await mongo?.stop();
  }, 60_000);

  // A fresh database per store, so every contract test starts empty.
  personalDataKeyStoreContract('MongoDB', async (master) => {
    const database = `keys_${randomUUID().replace(/-/g, '')}`;
    return {
      store: await MongoKeyStore.connect(url, database, master),
      reopen: (key) => MongoKeyStore.connect(url, database, key),
    };
  });
});
