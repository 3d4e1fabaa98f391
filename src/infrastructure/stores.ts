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
