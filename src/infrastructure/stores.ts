import { join } from 'node:path';
import type { EventStore } from '../application/ports/event-store.port';
import type { ReadStore } from '../application/ports/read-store.port';
import type { AppConfig } from './config/app-config';
import { SqliteEventStore, type StoreCommit } from './sqlite/sqlite-event-store';
import { SqliteReadStore } from './sqlite/sqlite-read-store';

export type StoreDescription = Readonly<{ adapter: 'sqlite' | 'eventstoredb' | 'mongodb'; location: string }>;

/** Where a URL points, without its credentials. */
const redact = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@');

export const describeEventStore = (config: AppConfig): StoreDescription =>
  config.eventStoreUrl
    ? { adapter: 'eventstoredb', location: redact(config.eventStoreUrl) }
    : { adapter: 'sqlite', location: join(config.dataDir, 'events.sqlite') };

export const describeReadStore = (config: AppConfig): StoreDescription =>
  config.mongodbUrl
    ? { adapter: 'mongodb', location: redact(config.mongodbUrl) }
    : { adapter: 'sqlite', location: join(config.dataDir, 'read-models.sqlite') };

/**
 * The event store the configuration names. The drivers of the servers load only when they are used.
 * `onCommit` hears of every commit of the SQLite store's write transaction (the app's metrics).
 */
export const openEventStore = async (
  config: AppConfig,
  onCommit?: (commit: StoreCommit) => void,
): Promise<EventStore> => {
  if (!config.eventStoreUrl)
    return SqliteEventStore.open(describeEventStore(config).location, {
      groupCommit: config.sqliteGroupCommit,
      fanOut: config.subscriptionFanOut,
      onCommit,
    });
  const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
  return new EventStoreDbEventStore(config.eventStoreUrl, {
    deadlineMs: config.eventStoreDeadlineMs,
    fanOut: config.subscriptionFanOut,
  });
};

export const openReadStore = async (config: AppConfig): Promise<ReadStore> => {
  if (!config.mongodbUrl) return SqliteReadStore.open(describeReadStore(config).location);
  const { MongoReadStore } = await import('./mongodb/mongodb-read-store');
  return MongoReadStore.connect(config.mongodbUrl, { database: config.mongodbDatabase });
};

/**
 * How a rebuild worker thread opens its own connections to the stores (a better-sqlite3 connection or
 * a MongoDB client cannot cross threads): plain data, sent to the worker when it starts.
 */
export type WorkerStores = Readonly<{
  eventStore: Readonly<{ sqlite: string }> | Readonly<{ eventStoreDb: string; deadlineMs: number }>;
  readStore: Readonly<{ sqlite: string }> | Readonly<{ mongodb: string; database: string }>;
}>;

/** The stores of the configuration as a worker opens them; `readStoreFile`: a scratch SQLite read store. */
export const workerStoresOf = (config: AppConfig, readStoreFile?: string): WorkerStores => ({
  eventStore: config.eventStoreUrl
    ? { eventStoreDb: config.eventStoreUrl, deadlineMs: config.eventStoreDeadlineMs }
    : { sqlite: describeEventStore(config).location },
  readStore: readStoreFile
    ? { sqlite: readStoreFile }
    : config.mongodbUrl
      ? { mongodb: config.mongodbUrl, database: config.mongodbDatabase }
      : { sqlite: describeReadStore(config).location },
});

/** A worker's own connections: it reads the log and writes the read models, nothing else. */
export const openWorkerStores = async (
  stores: WorkerStores,
): Promise<{ eventStore: EventStore; readStore: ReadStore }> => {
  let eventStore: EventStore;
  if ('sqlite' in stores.eventStore) eventStore = SqliteEventStore.open(stores.eventStore.sqlite);
  else {
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
    eventStore = new EventStoreDbEventStore(stores.eventStore.eventStoreDb, {
      deadlineMs: stores.eventStore.deadlineMs,
    });
  }
  try {
    if ('sqlite' in stores.readStore)
      return { eventStore, readStore: SqliteReadStore.open(stores.readStore.sqlite) };
    const { MongoReadStore } = await import('./mongodb/mongodb-read-store');
    const readStore = await MongoReadStore.connect(stores.readStore.mongodb, {
      database: stores.readStore.database,
    });
    return { eventStore, readStore };
  } catch (error) {
    await eventStore.close();
    throw error;
  }
};
