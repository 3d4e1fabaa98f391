import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_EVENT_TYPES } from '../application/features';
import { HistoryWriter, type WriterProgress } from './history-writer';
import { historyEnd, planHistory } from './history-plan';
import type { HistoryOptions } from './history-plan.types';
import { childRandom, seededUuidV7 } from './random';
import type { EventStore } from '../application/ports/event-store.port';
import type {
  DataKey,
  Erased,
  PersonalDataKeyStore,
} from '../application/ports/personal-data-key-store.port';
import { PersonalDataProtector } from '../application/privacy/personal-data-protector';
import { PhoneBlindIndex } from '../application/privacy/phone-blind-index';
import { EventCatalog } from '../application/shared/event-catalog';
import { EventEncoder } from '../application/shared/event-encoder';
import type { AppConfig } from '../infrastructure/config/app-config';
import { deriveBlindIndexKey } from '../infrastructure/keystore/master-key';
import { openKeyStore } from '../infrastructure/keystore/open-key-store';
import { SqliteEventStore } from '../infrastructure/sqlite/sqlite-event-store';
import { describeEventStore, openEventStore } from '../infrastructure/stores';

/** Keys are asked for once per event with personal data; a bulk load keeps the ones it has seen. */
const cachedKeys = (inner: PersonalDataKeyStore): PersonalDataKeyStore => {
  const keys = new Map<string, DataKey | Erased>();
  return {
    getOrCreate: async (subjectId) => {
      let key = keys.get(subjectId);
      if (!key) {
        key = await inner.getOrCreate(subjectId);
        keys.set(subjectId, key);
      }
      return key;
    },
    getMany: (subjectIds) => inner.getMany(subjectIds),
    destroy: (subjectId, at, reason) => inner.destroy(subjectId, at, reason),
    close: () => inner.close(),
  };
};

export type GenerateResult = WriterProgress & Readonly<{ ms: number; store: string }>;

/**
 * Writes a seeded history into the configured stores: the SQLite event store of DATA_DIR (opened for a bulk
 * load: no fsync per commit, batches of streams per transaction) or EventStoreDB when EVENTSTORE_URL is set.
 * Personal data is protected with the keys of DATA_DIR's key store (or MongoDB's), as the API would.
 */
export const generateHistory = async (
  config: AppConfig,
  options: HistoryOptions,
  onProgress?: (progress: WriterProgress) => void,
): Promise<GenerateResult> => {
  mkdirSync(config.dataDir, { recursive: true });
  const started = Date.now();
  const target = describeEventStore(config);
  const eventStore: EventStore = config.eventStoreUrl
    ? await openEventStore(config)
    : SqliteEventStore.open(target.location, { durability: 'normal' });
  const opened = await openKeyStore(config);
  try {
    const head = await eventStore.headPosition();
    if (head > 0)
      throw new Error(
        `${target.adapter} event store at ${target.location} already holds events (head position ${head}): generate into an empty store, e.g. --out ./data-history`,
      );
    const catalog = new EventCatalog(ALL_EVENT_TYPES);
    const protector = new PersonalDataProtector(cachedKeys(opened.keyStore), (type) =>
      catalog.personalDataOf(type),
    );
    const phones = new PhoneBlindIndex(deriveBlindIndexKey(opened.derivationRoot));
    const ids = childRandom(options.seed, 'event-ids');
    let writer: HistoryWriter | undefined = undefined;
    const encoder = new EventEncoder(catalog, () => seededUuidV7(writer?.now ?? 0, ids), protector);
    writer = new HistoryWriter({
      eventStore,
      encoder,
      phoneHashOf: (phone) => phones.hashOf(phone),
      random: childRandom(options.seed, 'correlation-ids'),
      end: historyEnd(options),
      onProgress,
    });
    const result = await writer.write(planHistory(options));
    return { ...result, ms: Date.now() - started, store: `${target.adapter} ${target.location}` };
  } finally {
    await opened.keyStore.close();
    await eventStore.close();
  }
};

export const historyDataDir = (out: string | undefined, config: AppConfig): AppConfig =>
  out ? { ...config, dataDir: resolve(out) } : config;

export const eventsFileOf = (config: AppConfig): string => join(config.dataDir, 'events.sqlite');
