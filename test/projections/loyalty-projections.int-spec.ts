import type { StoredEvent } from '../../src/application/ports/event-store.port';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { loyaltyLedgerProjection } from '../../src/projections/loyalty-ledger/loyalty-ledger.projection';
import { loyaltyMembersProjection } from '../../src/projections/loyalty-members/loyalty-members.projection';
import { type AnyProjection, physicalCollection } from '../../src/projections/shared/projection';
import { enrol, LOYALTY_TEST_PROJECTIONS, post } from '../support/loyalty-api';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';
import { startTestApp, testClock } from '../support/test-app';

const LOYALTY: readonly AnyProjection[] = [loyaltyMembersProjection, loyaltyLedgerProjection];
const MEMBERS = physicalCollection(loyaltyMembersProjection);
const LEDGER = physicalCollection(loyaltyLedgerProjection);

/**
 * cu-p: credits of 600 (lot-1, 1 Feb) and 400 (lot-2, 1 Mar); a gift of 700 takes lot-1's 600 and 100 of
 * lot-2; a voucher for 200 (valid to 3 Sep, the next thing due) takes 200 more of lot-2; 100 left. cu-q: enrolled, then cancelled
 * with a credit of 50 forfeited. Liability: 100 (cu-p) and 0 (cu-q, cancelled).
 */
const EXPECTED_MEMBERS = [
  { customerId: 'cu-p', status: 'active', outstandingPoints: 100, nextDueAt: '2026-09-03T02:00:00.000Z' },
  { customerId: 'cu-q', status: 'cancelled', outstandingPoints: 0, nextDueAt: null },
];

describe('loyalty projections on SQLite', () => {
  const temp = tempDir('crm-loyalty-');
  let files = 0;
  const fresh = (name: string) => temp.file(`${name}-${(files += 1)}.sqlite`);
  let events: StoredEvent[] = [];

  beforeAll(async () => {
    // Made by the real decider through HTTP, then replayed here without the app.
    const api = await startTestApp({
      clock: testClock('2026-03-15T00:00:00Z'),
      projections: LOYALTY_TEST_PROJECTIONS,
    });
    const at = (day: string) => `${day}T10:00:00+08:00`;
    await enrol(api, 'cu-p', at('2026-01-05'));
    await enrol(api, 'cu-q', at('2026-01-05'));
    for (const [url, body] of [
      [
        '/memberships/cu-p/adjustments',
        { adjustmentId: 'a-1', delta: 600, reason: 'x', occurredAt: at('2026-02-01') },
      ],
      [
        '/memberships/cu-p/adjustments',
        { adjustmentId: 'a-2', delta: 400, reason: 'y', occurredAt: at('2026-03-01') },
      ],
      [
        '/memberships/cu-p/redemptions',
        { redemptionId: 'r-1', points: 700, gift: 'bike', occurredAt: at('2026-03-02') },
      ],
      [
        '/memberships/cu-p/vouchers',
        { voucherCode: 'V-1', points: 200, valueFen: 2_000, occurredAt: at('2026-03-03') },
      ],
      [
        '/memberships/cu-q/adjustments',
        { adjustmentId: 'a-1', delta: 50, reason: 'z', occurredAt: at('2026-02-01') },
      ],
      ['/memberships/cu-q/cancel', { reason: 'moved away', occurredAt: at('2026-02-02') }],
    ] as const) {
      const response = await post(api, url, body);
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.body}`);
    }
    events = await api.eventStore.readAll({ after: 0, limit: 10_000 });
    await api.close();
  }, 60_000);
  afterAll(() => temp.remove());

  const feed = async (readStore: SqliteReadStore, batch: readonly StoredEvent[], batchSize: number) => {
    const eventStore = SqliteEventStore.open(fresh('unused-events'));
    for (const projection of LOYALTY) {
      const runner = new ProjectionRunner(runnerDeps(eventStore, readStore), projection);
      await readStore.ensureCollection(physicalCollection(projection), projection.indexes);
      for (let start = 0; start < batch.length; start += batchSize) {
        await runner.handleBatch(batch.slice(start, start + batchSize));
      }
    }
    await eventStore.close();
  };

  const check = async (readStore: SqliteReadStore) => {
    expect(await readStore.find(MEMBERS, {}, { sort: [['customerId', 1]] })).toMatchObject(EXPECTED_MEMBERS);
    const ledger = await readStore.find(LEDGER, { customerId: 'cu-p' }, { sort: [['position', 1]] });
    expect(ledger.map((line) => [line.kind, line.points, line.draws])).toEqual([
      ['adjusted', 600, []],
      ['adjusted', 400, []],
      [
        'redeemed',
        -700,
        [
          { lotId: 'lot-1', amount: 600, expiresAt: '2028-02-01T02:00:00.000Z' },
          { lotId: 'lot-2', amount: 100, expiresAt: '2028-03-01T02:00:00.000Z' },
        ],
      ],
      ['redeemed', -200, [{ lotId: 'lot-2', amount: 200, expiresAt: '2028-03-01T02:00:00.000Z' }]],
    ]);
  };

  it('builds the figures worked out by hand, the same when every event is fed twice', async () => {
    const once = SqliteReadStore.open(fresh('read'));
    await feed(once, events, 3);
    await check(once);
    const twice = SqliteReadStore.open(fresh('read'));
    await feed(
      twice,
      events.flatMap((event) => [event, event]),
      5,
    );
    await feed(twice, events, 2);
    expect(await snapshotReadModels(twice, LOYALTY)).toEqual(await snapshotReadModels(once, LOYALTY));
    await check(twice);
    await Promise.all([once.close(), twice.close()]);
  });

  it('keeps the live read model equal to a rebuild from the first event', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    const live = SqliteReadStore.open(fresh('read'));
    const runners = LOYALTY.map(
      (projection) => new ProjectionRunner(runnerDeps(eventStore, live), projection, { batchSize: 2 }),
    );
    for (const projection of LOYALTY)
      await live.ensureCollection(physicalCollection(projection), projection.indexes);
    for (const runner of runners) await runner.start();
    // The same history appended again while the runners follow the store live.
    for (const { streamId, revision, eventId, type, schemaVersion, data, occurredAt, metadata } of events) {
      await eventStore.appendToStream(
        streamId,
        [{ eventId, type, schemaVersion, data, occurredAt, metadata }],
        revision === 0 ? 'no_stream' : revision - 1,
      );
    }
    const head = await eventStore.headPosition();
    await Promise.all(runners.map((runner) => runner.waitForPosition(head)));
    for (const runner of runners) await runner.stop();
    const rebuilt = SqliteReadStore.open(fresh('read'));
    await feed(rebuilt, await eventStore.readAll({ after: 0, limit: 10_000 }), 1_000);
    expect(await snapshotReadModels(live, LOYALTY)).toEqual(await snapshotReadModels(rebuilt, LOYALTY));
    await check(live);
    await Promise.all([eventStore.close(), live.close(), rebuilt.close()]);
  });
});
