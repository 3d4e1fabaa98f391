import {
  ALL_EVENT_TYPES,
  ALL_PROJECTIONS,
  ALL_WATCHERS,
  createReactors,
  FEATURES,
} from '../../../src/application/features';
import { allowEveryCommand } from '../../../src/application/access/command-authoriser';
import { ContactHasher } from '../../../src/application/privacy/contact-hasher';
import { PhoneBlindIndex } from '../../../src/application/privacy/phone-blind-index';
import { CommandPipeline } from '../../../src/application/shared/command-pipeline';
import { EventCatalog } from '../../../src/application/shared/event-catalog';
import type { ReadStore } from '../../../src/application/ports/read-store.port';
import { SqliteKeyStore } from '../../../src/infrastructure/keystore/sqlite-key-store';
import { SqliteEventStore } from '../../../src/infrastructure/sqlite/sqlite-event-store';

const duplicates = (names: readonly string[]): string[] =>
  names.filter((name, index) => names.indexOf(name) !== index);

describe('FEATURES: the one registry', () => {
  it('names each feature, stream category, projection, watcher and KPI once', () => {
    expect(duplicates(FEATURES.map((feature) => feature.name))).toEqual([]);
    expect(duplicates(FEATURES.map((feature) => feature.category))).toEqual([]);
    expect(duplicates(ALL_PROJECTIONS.map((projection) => projection.name))).toEqual([]);
    expect(duplicates(ALL_WATCHERS.map(({ watcher }) => watcher.name))).toEqual([]);
    expect(duplicates(FEATURES.flatMap((feature) => Object.keys(feature.kpis ?? {})))).toEqual([]);
  });

  it('registers every event type once, so the catalog takes them all', () => {
    expect(() => new EventCatalog(ALL_EVENT_TYPES)).not.toThrow();
  });

  it('writes every event type a projection or a reactor reads', async () => {
    const written = new Set(ALL_EVENT_TYPES.map((registration) => registration.type));
    const eventStore = SqliteEventStore.open(':memory:');
    const pipeline = new CommandPipeline(eventStore, new EventCatalog(ALL_EVENT_TYPES), allowEveryCommand);
    const keyStore = SqliteKeyStore.open(':memory:', Buffer.alloc(32, 7));
    const contactHasher = new ContactHasher(keyStore, new PhoneBlindIndex(Buffer.alloc(32, 9)));
    const read = [
      ...ALL_PROJECTIONS.flatMap((projection) => projection.handles),
      ...createReactors({
        pipeline,
        contactHasher,
        outbound: { enqueue: async () => {} },
        readStore: {} as ReadStore,
      }).flatMap((reactor) => reactor.handles),
    ];
    await eventStore.close();
    await keyStore.close();
    expect(read.filter((type) => !written.has(type))).toEqual([]);
  });

  it('puts each stream in its category', () => {
    // One command of each feature, with the ids its stream is named by.
    const ids = {
      complaintId: 'c-1',
      repairOrderId: 'ro-1',
      prospectId: 'p-1',
      saleId: 's-1',
      customerId: 'cu-1',
      credentialId: 'cr-1',
      dealerId: 'd-1',
      date: '2026-03-02',
      phoneHash: 'ab'.repeat(32),
      kind: 'phone',
      hash: 'cd'.repeat(32),
      vin: 'LSVAB4BR2NN123456',
    };
    for (const feature of FEATURES)
      expect(feature.streamOf(ids).startsWith(`${feature.category}-`)).toBe(true);
  });
});
