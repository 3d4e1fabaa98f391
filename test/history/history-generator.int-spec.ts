import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planHistory } from '../../src/history/history-plan';
import type { HistoryOptions } from '../../src/history/history-plan.types';
import { IntegrityService } from '../../src/application/integrity/integrity.service';
import type { StoredEvent } from '../../src/application/ports/event-store.port';
import { PersonalDataRevealer } from '../../src/application/privacy/personal-data-revealer';
import { SalesFunnelHandler, SalesFunnelQuery } from '../../src/application/sales/prospect.queries';
import { loadConfig } from '../../src/infrastructure/config/app-config';
import { generateHistory } from '../../src/history/history-target';
import { openKeyStore } from '../../src/infrastructure/keystore/open-key-store';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { buildProjectionsAsOf } from './as-of-build';
import { expectedFunnel } from './history-facts';

const OPTIONS: HistoryOptions = { seed: 20_261_123, dealers: 2, months: 3, start: '2024-01' };
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-history-'));
  dirs.push(dir);
  return dir;
};
/** The phone's keyed hash (and so the phone index's stream ids) depends on the master key: the same for every run. */
const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
const configFor = (dataDir: string) =>
  loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PII_MASTER_KEY: MASTER_KEY });
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const readAll = async (dataDir: string): Promise<StoredEvent[]> => {
  const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  try {
    return await store.readAll({ after: 0, limit: 10_000_000 });
  } finally {
    await store.close();
  }
};

/** Events with their personal data opened with the run's own keys, and without the store's recordedAt. */
const comparable = async (dataDir: string) => {
  const events = await readAll(dataDir);
  const { keyStore } = await openKeyStore(configFor(dataDir));
  try {
    const auditor = { userId: 'test', role: 'auditor', dealerId: null, credentialId: 'test' } as const;
    const opened = await new PersonalDataRevealer(keyStore).reveal(
      events.map(({ recordedAt: _recordedAt, metadata, ...event }) => {
        // The hash covers the ciphertext, which is randomised per encryption: compared via integrity instead.
        const { hash: _hash, previousHash: _previous, ...rest } = metadata;
        return { ...event, metadata: rest };
      }),
      auditor,
    );
    return opened;
  } finally {
    await keyStore.close();
  }
};

describe('history generator', () => {
  let first: string;
  let firstCount = 0;

  beforeAll(async () => {
    first = freshDir();
    firstCount = (await generateHistory(configFor(first), OPTIONS)).events;
  }, 120_000);

  it('writes every aggregate, the reactors and watchers included, with an intact hash chain', async () => {
    const events = await readAll(first);
    expect(events.length).toBe(firstCount);
    expect(events.length).toBeGreaterThan(10_000);
    const types = new Set(events.map((event) => event.type));
    for (const type of [
      'ProspectRegistered',
      'ProspectLost',
      'VehicleDelivered',
      'DeliveryCallbackRecorded',
      'WalkInGroupsLogged',
      'RepairOrderSettled',
      'RepairOrderMarkedAsRework',
      'CsiSurveyRecorded',
      'ComplaintClosed',
      'ComplaintDeadlineMissed',
      'ComplaintEscalated',
      'MembershipEnrolled',
      'PointsEarned',
      'VehicleVinClaimed',
    ])
      expect(types).toContain(type);
    // One VIN, one sale: every allocated VIN is allocated once, and claimed once, by its sale.
    const allocated = events.filter((event) => event.type === 'VehicleAllocated');
    const vins = allocated.map((event) => String(event.data.vin));
    expect(new Set(vins).size).toBe(vins.length);
    const claims = events.filter((event) => event.type === 'VehicleVinClaimed');
    expect(claims.map((event) => [event.data.vin, (event.data.holder as { id: string }).id])).toEqual(
      allocated.map((event) => [event.data.vin, event.data.saleId]),
    );
    const watcher = events.find((event) => event.type === 'ComplaintDeadlineMissed');
    expect(watcher?.metadata.actor.userId).toBe('system:deadline-watcher');
    expect(events.find((event) => event.type === 'PointsEarned')?.metadata.actor.userId).toBe(
      'reactor:loyalty-earning',
    );
    // Business time only moves forward through the log, and never reaches the end of the history.
    for (let i = 1; i < events.length; i += 1)
      expect(Date.parse(events[i].occurredAt)).toBeGreaterThanOrEqual(Date.parse(events[i - 1].occurredAt));
    expect(events[events.length - 1].occurredAt < '2024-03-31T16:00:00.000Z').toBe(true);
    // Personal data is stored protected, never in clear.
    const registered = events.find((event) => event.type === 'ProspectRegistered');
    expect(JSON.stringify(registered?.data)).not.toMatch(/"phone":"1\d{10}"/);

    const store = SqliteEventStore.open(join(first, 'events.sqlite'));
    try {
      const report = await new IntegrityService(store).verifyAll();
      expect(report).toMatchObject({ intact: true, eventsChecked: events.length });
    } finally {
      await store.close();
    }
  }, 120_000);

  it('gives the same events for the same seed, and other events for another seed', async () => {
    const again = freshDir();
    await generateHistory(configFor(again), OPTIONS);
    expect(await comparable(again)).toEqual(await comparable(first));

    const other = freshDir();
    await generateHistory(configFor(other), { ...OPTIONS, seed: OPTIONS.seed + 1, months: 1 });
    const [a, b] = [await readAll(first), await readAll(other)];
    expect(b.slice(0, 50).map((event) => event.eventId)).not.toEqual(
      a.slice(0, 50).map((event) => event.eventId),
    );
  }, 180_000);

  it('refuses to write into a store that already holds events', async () => {
    await expect(generateHistory(configFor(first), OPTIONS)).rejects.toThrow(/already holds events/);
  });

  it('replays into the funnel of an earlier date the figures worked out from the plan', async () => {
    const asOf = '2024-03-12T00:00:00+08:00';
    const expected = expectedFunnel(planHistory(OPTIONS), 'd-001', '2024-02', Date.parse(asOf));
    // The scenario must be rich enough to mean something.
    expect(expected.registered).toBeGreaterThan(100);
    expect(expected.reached.ordered).toBeGreaterThan(5);
    expect(expected.reached.delivered).toBeGreaterThan(0);
    expect(expected.reached.delivered).toBeLessThan(expected.reached.ordered);

    const eventStore = SqliteEventStore.open(join(first, 'events.sqlite'));
    const readStore = SqliteReadStore.open(join(freshDir(), 'as-of.sqlite'));
    try {
      const statuses = await buildProjectionsAsOf(eventStore, readStore, asOf);
      expect(statuses.filter((status) => status.state === 'failed')).toEqual([]);
      const funnel = await new SalesFunnelHandler(readStore).execute(
        new SalesFunnelQuery('d-001', '2024-02', {}),
      );
      expect({
        registered: funnel.registered,
        reached: funnel.reached,
        testDriven: funnel.testDriven,
        lost: funnel.lost.total,
        cancelledOrders: funnel.cancelledOrders,
      }).toEqual(expected);
    } finally {
      await readStore.close();
      await eventStore.close();
    }
  }, 120_000);
});
